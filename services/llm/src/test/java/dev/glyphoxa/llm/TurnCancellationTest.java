package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.offline.OfflineResponder;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.TurnTimings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static dev.glyphoxa.llm.LlmDriver.S;
import static org.assertj.core.api.Assertions.assertThat;

/** A turn the voice-bridge cut stops where it is; and the turn's milestones on every line. */
class TurnCancellationTest {

    private static final String MINE_QUESTION = "Grimjaw, what do you know about the old mine?";

    @TempDir
    Path stateDir;

    private LlmDriver llm;

    @AfterEach
    void close() {
        if (llm != null) {
            llm.close();
        }
    }

    /**
     * Streams fixed tokens; before token {@code cutBefore} it runs {@code atCut} (as the bridge's TurnCut would
     * arrive mid-stream), and it counts the tokens the stage accepted.
     */
    private static final class ScriptedResponder implements Responder {
        private final List<String> tokens;
        private final int cutBefore;
        Runnable atCut = () -> { };
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger asked = new AtomicInteger();

        ScriptedResponder(int cutBefore, String... tokens) {
            this.tokens = List.of(tokens);
            this.cutBefore = cutBefore;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void reply(ReplyRequest request, Consumer<String> deltas) {
            asked.incrementAndGet();
            for (int i = 0; i < tokens.size(); i++) {
                if (i == cutBefore) {
                    atCut.run();
                }
                deltas.accept(tokens.get(i));
                accepted.incrementAndGet();
            }
        }
    }

    @Test
    void aTurnCutWhileTheResponderStreamsEmitsNoFurtherLinesAndCountsCancelled() {
        ScriptedResponder scripted = new ScriptedResponder(3, "Aye, the mine", " is cursed.", " Stay",
                " away from it!", " Nobody comes back.");
        RecordingResponder fallback = new RecordingResponder(new OfflineResponder());
        llm = new LlmDriver(stateDir, new Responders(scripted, fallback), () -> 4_242L);
        scripted.atCut = () -> llm.cutTurns.cut(S, "turn-1");
        llm.start(S);

        List<NpcLine> reply = llm.say(S, "turn-1", MINE_QUESTION);

        // " Stay" completed the first sentence; the cut came before " away": nothing after it is said
        assertThat(reply).extracting(NpcLine::getText).containsExactly("Aye, the mine is cursed.");
        assertThat(reply.getFirst().getLastInTurn()).isFalse();
        assertThat(scripted.accepted).hasValue(3);
        assertThat(fallback.requests).as("a cut turn is not handed to the next responder").isEmpty();
        assertThat(llm.turns("cancelled")).isEqualTo(1);
        assertThat(llm.turns("answered")).isZero();
        assertThat(llm.deadLetters.isEmpty()).isTrue();
        // the line that went out may still have been played before the cut
        assertThat(llm.unsaid()).singleElement().satisfies(u -> assertThat(u.getLines()).hasSize(1));
    }

    @Test
    void aTurnCutBeforeItsFirstTokenSaysNothing() {
        ScriptedResponder scripted = new ScriptedResponder(-1, "Aye.", " Go away.");
        llm = new LlmDriver(stateDir, new Responders(scripted, scripted), () -> 4_242L);
        llm.start(S);
        llm.cutTurns.cut(S, "turn-1");

        assertThat(llm.say(S, "turn-1", MINE_QUESTION)).isEmpty();
        assertThat(scripted.asked).hasValue(1);
        assertThat(scripted.accepted).hasValue(0);
        assertThat(llm.turns("cancelled")).isEqualTo(1);
        assertThat(llm.unsaid()).isEmpty();

        // another session's turn of the same id is not cut
        llm.start("session-2");
        assertThat(llm.say("session-2", "turn-1", MINE_QUESTION)).hasSize(2);
    }

    @Test
    void everyLineCarriesTurnEndFirstTokenAndFirstLineTimes() {
        ScriptedResponder scripted = new ScriptedResponder(-1, "Aye, the mine", " is cursed.", " Stay", " away!");
        AtomicLong clock = new AtomicLong(50_000);
        // each reading of the clock moves it on by one: the stage reads it at the turn's end, at the first token
        // and at the first line, in that order
        llm = new LlmDriver(stateDir, new Responders(scripted, scripted), clock::incrementAndGet);
        llm.start(S);

        List<NpcLine> reply = llm.say(S, "turn-1", MINE_QUESTION);

        assertThat(reply).hasSize(2);
        for (NpcLine line : reply) {
            TurnTimings t = line.getTimings();
            assertThat(t.getTurnEndMs()).isEqualTo(50_001L);
            assertThat(t.getLlmFirstTokenMs()).isEqualTo(50_002L);
            assertThat(t.getLlmFirstLineMs()).isEqualTo(50_003L);
            assertThat(t.getSttFinalMs()).isEqualTo(900L);   // earlier stages' milestones still carried
            assertThat(t.getFirstPacketOutMs()).isNull();
        }
    }
}
