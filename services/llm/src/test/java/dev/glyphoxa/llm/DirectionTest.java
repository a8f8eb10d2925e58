package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.glyphoxa.llm.LlmDriver.S;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GM's standing direction (NpcDirection) is kept on the NPC in the campaign store and reaches every later reply
 * request of that NPC, and of no other, until it is replaced or cleared.
 */
class DirectionTest extends OfflineSessionTest {

    private static final String TO_GRIMJAW = "Grimjaw, what do you know about the old mine?";
    private static final String TO_MARA = "Mara, a pint please.";

    /** The NPC profile the responder was given for this line (the line must be answered). */
    private NpcProfile askedAs(String turnId, String line) {
        List<NpcLine> reply = llm.say(S, turnId, line);
        assertThat(reply).as("an answer to '%s'", line).isNotEmpty();
        reply.forEach(llm::play);
        ReplyRequest request = responder.requests.getLast();
        assertThat(request.playerLine()).isEqualTo(line);
        return request.npc();
    }

    @Test
    void aDirectionReachesEveryLaterReplyOfThatNpcUntilReplacedOrCleared() {
        assertThat(askedAs("turn-0", TO_GRIMJAW).getDirection()).isNull();

        llm.control(S, Campaigns.direct("npc-grimjaw", "  You are drunk tonight.  "));
        assertThat(askedAs("turn-1", TO_GRIMJAW).getDirection()).isEqualTo("You are drunk tonight.");
        assertThat(askedAs("turn-2", "Grimjaw, and the hammer?").getDirection()).isEqualTo("You are drunk tonight.");

        llm.control(S, Campaigns.direct("npc-grimjaw", "Be wary of the elf, she stole from you."));
        assertThat(askedAs("turn-3", TO_GRIMJAW).getDirection()).isEqualTo("Be wary of the elf, she stole from you.");

        llm.control(S, Campaigns.direct("npc-grimjaw", null));
        assertThat(askedAs("turn-4", TO_GRIMJAW).getDirection()).isNull();

        llm.control(S, Campaigns.direct("npc-grimjaw", "Sober again."));
        llm.control(S, Campaigns.direct("npc-grimjaw", "   "));
        assertThat(askedAs("turn-5", TO_GRIMJAW).getDirection()).as("a blank direction clears too").isNull();
        assertThat(llm.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aDirectionForOneNpcDoesNotLeakToAnother() {
        llm.control(S, Campaigns.direct("npc-grimjaw", "You are drunk tonight."));

        assertThat(askedAs("turn-1", TO_MARA).getDirection()).isNull();
        assertThat(askedAs("turn-2", TO_GRIMJAW).getDirection()).isEqualTo("You are drunk tonight.");
        SessionStarted stored = llm.driver.<String, SessionStarted>getKeyValueStore(LlmTopology.CAMPAIGN_STORE).get(S);
        assertThat(stored.getNpcs()).extracting(NpcProfile::getNpcId, NpcProfile::getDirection).containsExactly(
                org.assertj.core.groups.Tuple.tuple("npc-grimjaw", "You are drunk tonight."),
                org.assertj.core.groups.Tuple.tuple("npc-mara", null));
    }

    @Test
    void aDirectionForAnUnknownNpcOrSessionIsDeadLetteredAndChangesNothing() {
        llm.control(S, Campaigns.direct("npc-nobody", "Lurk."));
        llm.control("session-never-started", Campaigns.direct("npc-grimjaw", "Lurk."));

        List<DeadLetter> dead = llm.deadLetters.readValuesToList();
        assertThat(dead).extracting(DeadLetter::getSourceTopic).containsOnly(Topics.CONTROL.name());
        assertThat(dead.get(0).getErrorMessage()).contains("NpcDirection for npc_id npc-nobody")
                .contains("npc-grimjaw", "npc-mara");
        assertThat(dead.get(1).getErrorMessage()).contains("NpcDirection for unknown session session-never-started");
        assertThat(llm.failures.count(Topics.CONTROL.name())).isEqualTo(2.0);
        assertThat(askedAs("turn-1", TO_GRIMJAW).getDirection()).isNull();
    }

    @Test
    void aRepeatedStartOfTheSameCampaignKeepsTheDirectionsGivenSince() {
        llm.control(S, Campaigns.direct("npc-grimjaw", "You are drunk tonight."));
        llm.start(S); // the gateway's snapshot again (a restart), with no directions in it

        assertThat(askedAs("turn-1", TO_GRIMJAW).getDirection()).isEqualTo("You are drunk tonight.");
        assertThat(askedAs("turn-2", TO_MARA).getDirection()).isNull();
    }

    @Test
    void aRepeatedStartCarryingItsOwnDirectionKeepsThatOne() {
        llm.control(S, Campaigns.direct("npc-grimjaw", "You are drunk tonight."));
        llm.control(S, Campaigns.started(NpcProfile.newBuilder(Campaigns.grimjaw()).setDirection("Sober.").build(),
                Campaigns.mara()));

        assertThat(askedAs("turn-1", TO_GRIMJAW).getDirection()).isEqualTo("Sober.");
    }

    @Test
    void aNewSessionStartsWithoutTheOldDirections() {
        llm.control(S, Campaigns.direct("npc-grimjaw", "You are drunk tonight."));
        llm.control(S, Campaigns.stopped());
        llm.start(S);

        assertThat(askedAs("turn-1", TO_GRIMJAW).getDirection()).isNull();
    }
}
