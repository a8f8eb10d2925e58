package dev.glyphoxa.llm;

import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.TurnTimings;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes one NPC turn as {@code NpcLine} records: sequence from 0, {@code last_in_turn} on the last, the player's
 * timings copied forward with {@code llm_first_line_ms} set when the first line goes out (and repeated on the
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
    private final StringBuilder spoken = new StringBuilder();
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

    /** Everything said in this turn, for the conversation history. */
    String spoken() {
        return spoken.toString();
    }

    private void write(String text, boolean last, String responder) {
        if (ended) {
            throw new IllegalStateException("turn " + turnId + " already ended");
        }
        if (firstLineMs == null) {
            firstLineMs = clock.getAsLong();
        }
        TurnTimings t = (timings == null ? TurnTimings.newBuilder() : TurnTimings.newBuilder(timings))
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
        if (!spoken.isEmpty()) {
            spoken.append(' ');
        }
        spoken.append(text);
        ended = last;
    }
}
