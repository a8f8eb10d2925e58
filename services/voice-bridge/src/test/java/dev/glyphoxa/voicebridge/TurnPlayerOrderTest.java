package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The player as the local channel runs it (jitter of one packet: a turn plays as soon as its first packet is in). */
class TurnPlayerOrderTest {

    final TurnPlayer q = new TurnPlayer(1, 100, 5000, PlaybackListener.NONE);

    static NpcAudio packet(String turn, int line, int seq, boolean lastInLine, boolean lastInTurn) {
        return NpcAudio.newBuilder().setSessionId("s").setTurnId(turn).setNpcId("n").setLineSequence(line)
                .setPacketSequence(seq).setLastInLine(lastInLine).setLastInTurn(lastInTurn)
                .setOpus(ByteBuffer.wrap(new byte[]{1})).setTimings(TurnTimings.newBuilder().build()).build();
    }

    /** Packets pulled on a 20 ms tick; silence frames left out. */
    static List<String> drain(TurnPlayer q, long from, long to) {
        List<String> out = new ArrayList<>();
        for (long t = from; t <= to; t += 20) {
            TurnPlayer.Frame f = q.pull(t);
            if (f != null && !f.silence()) {
                out.add(f.packet().getTurnId() + ":" + f.packet().getLineSequence() + "." + f.packet().getPacketSequence()
                        + (f.firstOfTurn() ? "^" : "") + (f.lastOfTurn() ? "$" : ""));
            }
        }
        return out;
    }

    @Test
    void playsInOrderDropsDuplicatesAndMarksTurnBoundaries() {
        q.offer(packet("t1", 0, 1, true, false), 0);
        q.offer(packet("t1", 0, 0, false, false), 0);
        q.offer(packet("t1", 0, 0, false, false), 0);          // duplicate from a re-processed line
        q.offer(packet("t1", 1, 0, true, true), 0);
        assertThat(drain(q, 0, 100)).containsExactly("t1:0.0^", "t1:0.1", "t1:1.0$");
        q.offer(packet("t2", 0, 0, true, true), 120);
        assertThat(drain(q, 120, 200)).containsExactly("t2:0.0^$");
        q.offer(packet("t1", 0, 1, true, false), 300);          // late duplicate of a finished turn
        assertThat(drain(q, 300, 400)).isEmpty();
        assertThat(q.state()).isEqualTo("idle");
    }

    @Test
    void waitsForAMissingPacketThenSkipsIt() {
        q.offer(packet("t", 0, 0, false, false), 0);
        q.offer(packet("t", 0, 2, true, true), 0);               // packet 1 lost
        assertThat(q.pull(0).packet().getPacketSequence()).isEqualTo(0);
        assertThat(q.pull(20).silence()).isTrue();               // waiting for packet 1
        assertThat(q.pull(60).silence()).isTrue();
        TurnPlayer.Frame skipped = q.pull(140);
        assertThat(skipped.packet().getPacketSequence()).isEqualTo(2);
        assertThat(skipped.lastOfTurn()).isTrue();
    }

    @Test
    void lateMissingPacketArrivingInTimeIsPlayedInItsPlace() {
        q.offer(packet("t", 0, 0, false, false), 0);
        q.offer(packet("t", 0, 2, true, true), 0);
        q.pull(0);
        assertThat(q.pull(20).silence()).isTrue();
        q.offer(packet("t", 0, 1, false, false), 30);
        assertThat(drain(q, 40, 100)).containsExactly("t:0.1", "t:0.2$");
    }

    @Test
    void aSinglePacketStartsTheTurnAtOnce() {
        q.offer(packet("t", 0, 0, false, false), 0);
        assertThat(q.pull(0).firstOfTurn()).isTrue();
    }
}
