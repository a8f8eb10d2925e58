package dev.glyphoxa.llm;

import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.TurnTimings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes one NPC turn as {@code NpcLine} records: sequence from 0, {@code last_in_turn} on the last, the player's
 * timings (with {@code turn_end_ms}, set by the caller) copied forward, {@code llm_first_token_ms} set when the
 * responder's first token arrives and {@code llm_first_line_ms} when the first line goes out (both repeated on the
 * turn's later lines, so each line carries the turn's milestones).
 */
final class TurnWriter {

    private final String sessionId;
    private final String turnId;
    private final NpcProfile npc;
    private final String reason;
    private final TurnTimings timings;
    private final LongSupplier clock;
    private final Consumer<NpcLine> out;
    private final List<String> said = new ArrayList<>();
    private Long firstTokenMs;
    private Long firstLineMs;
    private int sequence;
    private boolean ended;

    TurnWriter(String sessionId, String turnId, NpcProfile npc, String reason, TurnTimings timings,
               LongSupplier clock, Consumer<NpcLine> out) {
        this.sessionId = sessionId;
        this.turnId = turnId;
        this.npc = npc;
        this.reason = reason;
        this.timings = timings;
        this.clock = clock;
        this.out = out;
    }

    void say(String text, String responder) {
        write(text, false, responder);
    }

    void end(String text, String responder) {
        write(text, true, responder);
    }

    int lines() {
        return sequence;
    }

    boolean ended() {
        return ended;
    }

    /** The texts of the lines written so far, by sequence: held until the voice-bridge plays them. */
    List<String> said() {
        return List.copyOf(said);
    }

    /** A token arrived from the responder; the first one's time goes on every line. */
    void tokenArrived() {
        if (firstTokenMs == null) {
            firstTokenMs = clock.getAsLong();
        }
    }

    /** The responder that sent the tokens so far failed before its first line: the next one's first token counts. */
    void forgetFirstToken() {
        if (sequence == 0) {
            firstTokenMs = null;
        }
    }

    private void write(String text, boolean last, String responder) {
        if (ended) {
            throw new IllegalStateException("turn " + turnId + " already ended");
        }
        if (firstLineMs == null) {
            firstLineMs = clock.getAsLong();
        }
        TurnTimings t = (timings == null ? TurnTimings.newBuilder() : TurnTimings.newBuilder(timings))
                .setLlmFirstTokenMs(firstTokenMs)
                .setLlmFirstLineMs(firstLineMs).build();
        out.accept(NpcLine.newBuilder()
                .setSessionId(sessionId)
                .setTurnId(turnId)
                .setNpcId(npc.getNpcId())
                .setNpcName(npc.getName())
                .setVoice(npc.getVoice())
                .setSequence(sequence++)
                .setLastInTurn(last)
                .setText(text)
                .setResponder(responder)
                .setTimings(t)
                .setAddressingReason(reason)
                .build());
        said.add(text);
        ended = last;
    }
}
