package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.state.ConversationLine;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.glyphoxa.llm.LlmDriver.S;
import static org.assertj.core.api.Assertions.assertThat;

/** What an NPC says enters the conversation only as the voice-bridge reports it played (glyphoxa.playback). */
class DeliverThenCommitTest extends OfflineSessionTest {

    private static final String MINE_QUESTION = "Grimjaw, what do you know about the old mine?";

    /** A reply of at least two lines, so that part of it can be played. */
    private List<NpcLine> grimjawAnswers(String turnId) {
        List<NpcLine> reply = llm.say(S, turnId, MINE_QUESTION);
        assertThat(reply).hasSizeGreaterThanOrEqualTo(2);
        return reply;
    }

    private List<ConversationLine> npcEntries() {
        return llm.history(S).stream().filter(l -> l.getNpcId() != null).toList();
    }

    @Test
    void npcLinesAreNotInTheHistoryUntilPlayedAndThenJoinOneEntry() {
        List<NpcLine> reply = grimjawAnswers("turn-1");
        assertThat(llm.history(S)).extracting(ConversationLine::getText).containsExactly(MINE_QUESTION);
        assertThat(llm.unsaid()).singleElement().satisfies(u -> assertThat(u.getLines()).hasSize(reply.size()));

        llm.say(S, "turn-2", "Grimjaw, is it dangerous?");
        // the next prompt does not claim Grimjaw said what nobody has heard yet
        assertThat(responder.requests.get(1).conversation())
                .containsExactly(new ReplyRequest.Line("player-1", null, MINE_QUESTION));

        reply.forEach(llm::play);
        assertThat(npcEntries()).singleElement().satisfies(l -> {
            assertThat(l.getText()).isEqualTo(LlmDriver.text(reply));
            assertThat(l.getTurnId()).isEqualTo("turn-1");
            assertThat(l.getSpeakerName()).isEqualTo("Grimjaw");
        });
        assertThat(llm.unsaid()).extracting(u -> u.getTurnId()).containsExactly("turn-2");

        llm.say(S, "turn-3", "Grimjaw, anything else?");
        assertThat(responder.requests.get(2).conversation())
                .contains(new ReplyRequest.Line("Grimjaw", "npc-grimjaw", LlmDriver.text(reply)));
        assertThat(llm.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aCutAfterTheFirstLineKeepsThatLineAndForgetsTheRest() {
        List<NpcLine> reply = grimjawAnswers("turn-1");
        llm.play(reply.getFirst());
        llm.send(Campaigns.cut(S, "turn-1", "npc-grimjaw", 1));

        assertThat(npcEntries()).singleElement()
                .satisfies(l -> assertThat(l.getText()).isEqualTo(reply.getFirst().getText()));
        assertThat(llm.unsaid()).isEmpty();
        // a report of a later line after the cut has nothing to commit
        llm.play(reply.get(1));
        assertThat(npcEntries()).singleElement()
                .satisfies(l -> assertThat(l.getText()).isEqualTo(reply.getFirst().getText()));
        assertThat(llm.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aLineReportedTwiceIsRememberedOnce() {
        List<NpcLine> reply = grimjawAnswers("turn-1");
        llm.play(reply.getFirst());
        llm.play(reply.getFirst());

        assertThat(npcEntries()).singleElement()
                .satisfies(l -> assertThat(l.getText()).isEqualTo(reply.getFirst().getText()));
    }

    @Test
    void playbackOfATurnThisStageDidNotAnswerIsIgnored() {
        grimjawAnswers("turn-1");
        List<ConversationLine> before = llm.history(S);

        llm.send(Campaigns.playback(S, "narrator-7", "narrator", LinePlayed.newBuilder().setLineSequence(0)
                .setLastInTurn(true).setPackets(3).setTimings(Campaigns.timings()).build()));
        llm.send(Campaigns.cut(S, "narrator-8", "narrator", 0));

        assertThat(llm.history(S)).isEqualTo(before);
        assertThat(llm.unsaid()).hasSize(1);
        assertThat(llm.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aMalformedPlaybackRecordIsDeadLetteredAndTheNextStillWorks() {
        List<NpcLine> reply = grimjawAnswers("turn-1");
        llm.playback.pipeInput(S, "not a playback".getBytes(StandardCharsets.UTF_8));
        Playback otherSession = Campaigns.played(reply.getFirst());
        otherSession.setSessionId("session-2");
        llm.playback.pipeInput(S, AvroSerde.of(Playback.class).encode(otherSession));

        List<DeadLetter> dead = llm.deadLetters.readValuesToList();
        assertThat(dead).extracting(DeadLetter::getSourceTopic).containsOnly(Topics.PLAYBACK.name());
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).getErrorMessage()).contains("not a readable Playback");
        assertThat(dead.get(1).getErrorMessage()).contains("session-2");
        assertThat(llm.failures.count(Topics.PLAYBACK.name())).isEqualTo(2.0);
        assertThat(npcEntries()).isEmpty();

        llm.play(reply.getFirst());
        assertThat(npcEntries()).singleElement()
                .satisfies(l -> assertThat(l.getText()).isEqualTo(reply.getFirst().getText()));
    }

    @Test
    void speakAsNpcIsRememberedOnlyAsFarAsPlayed() {
        llm.control(S, Campaigns.speak("npc-mara", "Welcome to the Rusty Tankard! Mind the step."));
        List<NpcLine> spoken = llm.lines.readValuesToList();
        assertThat(spoken).hasSize(2);
        assertThat(spoken.getFirst().getTimings().getTurnEndMs()).isNull();   // no player turn ended
        assertThat(spoken.getFirst().getTimings().getLlmFirstTokenMs()).isNull(); // no responder
        assertThat(npcEntries()).isEmpty();

        llm.play(spoken.getFirst());
        llm.send(Campaigns.cut(S, spoken.getFirst().getTurnId(), "npc-mara", 1));
        assertThat(npcEntries()).singleElement().satisfies(l -> {
            assertThat(l.getSpeakerName()).isEqualTo("Mara Quickfoot");
            assertThat(l.getText()).isEqualTo("Welcome to the Rusty Tankard!");
        });
    }

    @Test
    void sessionStopForgetsItsUnplayedLinesButNotOtherSessions() {
        grimjawAnswers("turn-1");
        llm.start("session-2");
        assertThat(llm.say("session-2", "turn-1", MINE_QUESTION)).isNotEmpty();
        assertThat(llm.unsaid()).hasSize(2);

        llm.control(S, Campaigns.stopped());

        assertThat(llm.unsaid()).extracting(u -> u.getSessionId()).containsExactly("session-2");
    }

    @Test
    void turnsNeverReportedAreDroppedAfterTheHoldTime() {
        grimjawAnswers("turn-1");
        llm.driver.advanceWallClockTime(PlaybackProcessor.HOLD_UNSAID_FOR.minus(Duration.ofMinutes(2)));
        assertThat(llm.unsaid()).hasSize(1);
        llm.driver.advanceWallClockTime(Duration.ofMinutes(3));
        assertThat(llm.unsaid()).isEmpty();
    }
}
