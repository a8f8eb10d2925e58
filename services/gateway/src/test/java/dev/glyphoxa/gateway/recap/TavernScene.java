package dev.glyphoxa.gateway.recap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A 30-line scene at the Rusty Anchor: a few facts among the chatter real tables produce. */
final class TavernScene {

    static final String CAMPAIGN = "Shadows over Thornbury";
    static final Instant START = Instant.parse("2025-03-01T19:00:00Z");
    static final Instant END = START.plusSeconds(42 * 60);

    private TavernScene() {
    }

    static List<RecapLine> lines() {
        Builder b = new Builder();
        b.player("Elara", "Okay, we walk into the tavern.");
        b.npc("Grimjaw", "Welcome to the Rusty Anchor, travellers.");
        b.npc("Grimjaw", "Sit anywhere you like.");
        b.player("Bram", "Mhm.");
        b.player("Elara", "Grimjaw, someone stole the map from my room last night!");
        b.npc("Grimjaw", "Stolen? In my inn?");
        b.npc("Grimjaw", "That map shows the way to the Sunken Vault of Korrath.");
        b.player("Bram", "Yeah.");
        b.player("Tobin", "ok");
        b.player("Bram", "Who else was staying upstairs last night?");
        b.npc("Grimjaw", "Only a hooded woman who paid in silver and left before dawn.");
        b.npc("Mara", "I saw her! She rode north toward Blackfen with a leather tube under her arm.");
        b.player("Elara", "Yeah, yeah.");
        b.player("Tobin", "Mhm, ok.");
        b.player("Elara", "We will pay 50 gold to anyone who helps us get the map back.");
        b.npc("Grimjaw", "Fifty gold is a fair price.");
        b.npc("Grimjaw", "My cousin Harlan tracks thieves in the marshes.");
        b.player("Bram", "Right.");
        b.player("Tobin", "Yeah, sure.");
        b.player("Bram", "Can Harlan meet us at the north gate at dawn?");
        b.npc("Grimjaw", "Aye.");
        b.player("Elara", "Ok.");
        b.npc("Mara", "Take the old ferry road, the bridge at Blackfen collapsed in the spring floods.");
        b.player("Tobin", "Mhm.");
        b.player("Bram", "Yeah.");
        b.player("Elara", "Okay, okay.");
        b.player("Tobin", "I buy three healing potions before we leave.");
        b.npc("Mara", "Three potions, that will be 30 gold.");
        b.player("Bram", "Ok, yeah.");
        b.npc("Grimjaw", "Bring my cousin back alive, and the first round is on the house.");
        return b.lines;
    }

    static RecapRequest request() {
        return new RecapRequest(CAMPAIGN, lines(), START, END);
    }

    static final class Builder {
        final List<RecapLine> lines = new ArrayList<>();
        private Instant at = START;

        Builder player(String name, String text) {
            return add(name, false, text);
        }

        Builder npc(String name, String text) {
            return add(name, true, text);
        }

        private Builder add(String name, boolean npc, String text) {
            at = at.plusSeconds(20);
            lines.add(new RecapLine(name, npc, text, at));
            return this;
        }
    }
}
