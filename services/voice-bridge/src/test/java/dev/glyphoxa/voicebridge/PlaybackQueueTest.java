package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackQueueTest {

    static NpcAudio packet(String turn, int line, int seq, boolean lastInLine, boolean lastInTurn) {
        return NpcAudio.newBuilder().setSessionId("s").setTurnId(turn).setNpcId("n").setLineSequence(line)
                .setPacketSequence(seq).setLastInLine(lastInLine).setLastInTurn(lastInTurn)
                .setOpus(ByteBuffer.wrap(new byte[]{1})).setTimings(TurnTimings.newBuilder().build()).build();
    }

    static List<String> drain(PlaybackQueue q, long from, long to) {
        List<String> out = new ArrayList<>();
        for (long t = from; t <= to; t += 20) {
            PlaybackQueue.Frame f = q.poll(t);
            if (f != null) {
                out.add(f.packet().getTurnId() + ":" + f.packet().getLineSequence() + "." + f.packet().getPacketSequence()
                        + (f.firstOfTurn() ? "^" : "") + (f.lastOfTurn() ? "$" : ""));
            }
        }
        return out;
    }

    @Test
    void playsInOrderDropsDuplicatesAndMarksTurnBoundaries() {
        PlaybackQueue q = new PlaybackQueue(100);
        q.offer(packet("t1", 0, 1, true, false), 0);
        q.offer(packet("t1", 0, 0, false, false), 0);
        q.offer(packet("t1", 0, 0, false, false), 0);          // duplicate from a re-processed line
        q.offer(packet("t1", 1, 0, true, true), 0);
        q.offer(packet("t2", 0, 0, true, true), 0);
        assertThat(drain(q, 0, 200)).containsExactly("t1:0.0^", "t1:0.1", "t1:1.0$", "t2:0.0^$");
        q.offer(packet("t1", 0, 1, true, false), 300);          // late duplicate of a finished turn
        assertThat(drain(q, 300, 400)).isEmpty();
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void waitsForAMissingPacketThenSkipsIt() {
        PlaybackQueue q = new PlaybackQueue(100);
        q.offer(packet("t", 0, 0, false, false), 0);
        q.offer(packet("t", 0, 2, true, true), 0);               // packet 1 lost
        assertThat(q.poll(0).packet().getPacketSequence()).isEqualTo(0);
        assertThat(q.poll(20)).isNull();                         // waiting for packet 1
        assertThat(q.poll(60)).isNull();
        PlaybackQueue.Frame skipped = q.poll(140);
        assertThat(skipped.packet().getPacketSequence()).isEqualTo(2);
        assertThat(skipped.lastOfTurn()).isTrue();
    }

    @Test
    void lateMissingPacketArrivingInTimeIsPlayedInItsPlace() {
        PlaybackQueue q = new PlaybackQueue(100);
        q.offer(packet("t", 0, 0, false, false), 0);
        q.offer(packet("t", 0, 2, true, true), 0);
        q.poll(0);
        assertThat(q.poll(20)).isNull();
        q.offer(packet("t", 0, 1, false, false), 30);
        assertThat(drain(q, 40, 100)).containsExactly("t:0.1", "t:0.2$");
    }
}
