package dev.glyphoxa.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.gateway.discord.FakeDiscord.Answer;
import dev.glyphoxa.gateway.discord.FakeDiscord.Interaction;
import dev.glyphoxa.gateway.store.Npc;
import dev.glyphoxa.gateway.store.NpcRepository;
import dev.glyphoxa.schema.NpcDirection;
import dev.glyphoxa.schema.NpcMuteChanged;
import dev.glyphoxa.schema.SpeakAsNpc;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /npc} through a real JDA: mute state in PostgreSQL, control events on the real glyphoxa.control topic. */
@MicronautTest(transactional = false)
class NpcCommandsTest extends DiscordStack {

    @Inject
    NpcRepository npcs;

    @AfterEach
    void everyoneSpeaksAgain() throws SQLException {
        execute("UPDATE npcs SET muted = false WHERE campaign_id = ?", campaignId);
    }

    @Test
    void everyoneMayListTheNpcsWithoutASession() {
        Answer answer = discord.answer(discord.slash(discord.player, "npc", "list"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("The Rusty Anchor", "**Elara**", "**Grimjaw**", "the blacksmith", "speaking")
                .doesNotContain("muted");
    }

    @Test
    void muteAndUnmuteOneNpcPublishAndPersistTheState() {
        UUID session = startSession();
        Npc grimjaw = npc("Grimjaw");

        Answer muted = discord.answer(discord.slash(discord.gm, "npc", "mute", "name", "the blacksmith"));

        assertThat(muted.ephemeral()).isTrue();
        assertThat(muted.content()).contains("**Grimjaw** is muted");
        assertThat(npc("Grimjaw").muted()).isTrue();
        assertThat(npc("Elara").muted()).isFalse();
        NpcMuteChanged event = (NpcMuteChanged) awaitControl(session, e -> e.getEvent() instanceof NpcMuteChanged m
                && grimjaw.id().toString().equals(m.getNpcId()) && m.getMuted()).getEvent();
        assertThat(event.getMuted()).isTrue();
        assertThat(discord.answer(discord.slash(discord.player, "npc", "list")).content()).contains("**Grimjaw** (the blacksmith, the dwarf) — 🔇 muted");

        Answer unmuted = discord.answer(discord.slash(discord.gm, "npc", "unmute", "name", "Grimjaw"));

        assertThat(unmuted.content()).contains("**Grimjaw** may speak again");
        assertThat(npc("Grimjaw").muted()).isFalse();
        awaitControl(session, e -> e.getEvent() instanceof NpcMuteChanged m && grimjaw.id().toString().equals(m.getNpcId()) && !m.getMuted());
    }

    @Test
    void muteAllAndUnmuteAll() {
        UUID session = startSession();

        assertThat(discord.answer(discord.slash(discord.gm, "npc", "muteall")).content()).contains("All 2 NPCs are muted");
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", campaignId)).isEqualTo(2);
        awaitControl(session, e -> e.getEvent() instanceof NpcMuteChanged m && m.getNpcId() == null && m.getMuted());

        assertThat(discord.answer(discord.slash(discord.gm, "npc", "unmuteall")).content()).contains("All 2 NPCs may speak again");
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", campaignId)).isZero();
        awaitControl(session, e -> e.getEvent() instanceof NpcMuteChanged m && m.getNpcId() == null && !m.getMuted());
    }

    @Test
    void speakSendsTheTextVerbatim() {
        UUID session = startSession();
        String line = "Lad, the mine's flooded past the third gallery. Mind your boots!";

        Answer answer = discord.answer(discord.slash(discord.gm, "npc", "speak", "name", "Grimjaw", "text", line));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("**Grimjaw** says", line);
        SpeakAsNpc said = (SpeakAsNpc) awaitControl(session, e -> e.getEvent() instanceof SpeakAsNpc s
                && s.getText().equals(line)).getEvent();
        assertThat(said.getNpcId()).isEqualTo(npc("Grimjaw").id().toString());
    }

    @Test
    void directGivesAStandingDirectionAndLeavingItOutClearsIt() {
        UUID session = startSession();
        String grimjaw = npc("Grimjaw").id().toString();
        String direction = "You are drunk tonight and sing badly.";

        Answer directed = discord.answer(discord.slash(discord.gm, "npc", "direct", "name", "the blacksmith",
                "direction", "  " + direction + " "));

        assertThat(directed.ephemeral()).isTrue();
        assertThat(directed.content()).contains("**Grimjaw** plays it this way", "“" + direction + "”");
        awaitControl(session, e -> e.getEvent() instanceof NpcDirection d && d.getNpcId().equals(grimjaw)
                && direction.equals(d.getDirection()));
        assertThat(count("SELECT count(*) FROM npc_directions WHERE session_id = ? AND npc_id = ? AND direction = ?",
                session, npc("Grimjaw").id(), direction)).isEqualTo(1);
        assertThat(discord.answer(discord.slash(discord.player, "session", "status")).content())
                .contains("Grimjaw (directed: “" + direction + "”)").doesNotContain("Elara (directed");
        String list = discord.answer(discord.slash(discord.player, "npc", "list")).content();
        assertThat(list).contains("**Grimjaw** (the blacksmith, the dwarf) — 🔊 speaking — 🎭 “" + direction + "”");
        assertThat(list.lines().filter(l -> l.contains("**Elara**"))).singleElement().asString().doesNotContain("🎭");

        Answer cleared = discord.answer(discord.slash(discord.gm, "npc", "direct", "name", "Grimjaw"));

        assertThat(cleared.ephemeral()).isTrue();
        assertThat(cleared.content()).contains("**Grimjaw** has no standing direction now");
        awaitControl(session, e -> e.getEvent() instanceof NpcDirection d && d.getNpcId().equals(grimjaw)
                && d.getDirection() == null);
        assertThat(count("SELECT count(*) FROM npc_directions WHERE session_id = ?", session)).isZero();
        assertThat(discord.answer(discord.slash(discord.player, "npc", "list")).content()).doesNotContain("🎭");
    }

    @Test
    void playersCannotDirectAndNothingIsKept() {
        UUID session = startSession();

        Answer answer = discord.answer(discord.slash(discord.player, "npc", "direct", "name", "Grimjaw",
                "direction", "Hand over the hammer."));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Only game masters");
        assertThat(count("SELECT count(*) FROM npc_directions WHERE session_id = ?", session)).isZero();
    }

    @Test
    void anUnknownNameIsRefusedListingTheNpcs() {
        startSession();

        Answer answer = discord.answer(discord.slash(discord.gm, "npc", "mute", "name", "Bob the Builder"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("no NPC 'Bob the Builder'", "Elara", "Grimjaw");
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", campaignId)).isZero();
    }

    @Test
    void directingNpcsNeedsARunningSession() {
        Answer answer = discord.answer(discord.slash(discord.gm, "npc", "mute", "name", "Grimjaw"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("No session is running", "/session start");
        assertThat(npc("Grimjaw").muted()).isFalse();
    }

    @Test
    void playersCannotMuteAndNothingChanges() {
        startSession();

        Answer answer = discord.answer(discord.slash(discord.player, "npc", "muteall"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Only game masters");
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", campaignId)).isZero();
    }

    @Test
    void namesAreSuggestedFromTheCampaign() {
        Interaction typing = discord.autocomplete(discord.gm, "npc", "speak", "name", "gr");

        JsonNode result = discord.callback(typing);

        assertThat(result.path("type").asInt()).isEqualTo(8);
        assertThat(values(result)).containsExactly("Grimjaw");
        assertThat(values(discord.callback(discord.autocomplete(discord.gm, "npc", "mute", "name", ""))))
                .containsExactly("Elara", "Grimjaw");
    }

    static List<String> values(JsonNode autocomplete) {
        List<String> out = new ArrayList<>();
        autocomplete.path("data").path("choices").forEach(c -> out.add(c.path("value").asText()));
        return out;
    }

    private Npc npc(String name) {
        return npcs.findByCampaignIdOrderByName(campaignId).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
