package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The player driven by an explicit 20 ms tick, as JDA's send thread and the local clock drive it. */
class TurnPlayerTest {

    static final int JITTER = 3;
    static final long GAP_MS = 100;
    static final long IDLE_MS = 5000;

    final RecordingPlayback events = new RecordingPlayback();
    final TurnPlayer pacer = new TurnPlayer(JITTER, GAP_MS, IDLE_MS, events);
    long now = 0;

    /** Pulls one frame per 20 ms tick; "-" for nothing sent, "." for silence, "turn:line.packet" otherwise. */
    List<String> tick(int ticks) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            TurnPlayer.Frame f = pacer.pull(now);
            now += 20;
            out.add(f == null ? "-" : f.silence() ? "." : f.packet().getTurnId() + ":" + f.packet().getLineSequence()
                    + "." + f.packet().getPacketSequence());
        }
        return out;
    }

    static long sent(List<String> frames, String turn) {
        return frames.stream().filter(f -> f.startsWith(turn + ":")).count();
    }

    @Test
    void aBurstOfAudioLeavesAtFiftyPacketsPerSecond() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "t1", 1_000L, 200);   // 4 s of voice arriving at once
        turn.forEach(p -> pacer.offer(p, now));
        assertThat(pacer.idle()).isFalse();

        List<String> firstSecond = tick(50);
        assertThat(sent(firstSecond, "t1")).isEqualTo(50);
        assertThat(firstSecond).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "t1:0." + i).toList());

        List<String> rest = tick(150);
        assertThat(sent(rest, "t1")).isEqualTo(150);
        assertThat(pacer.idle()).as("the trailing silence is still owed").isFalse();
        assertThat(tick(8)).as("five silence frames, then Discord stops receiving (speaking ends)")
                .containsExactly(".", ".", ".", ".", ".", "-", "-", "-");
        assertThat(pacer.state()).isEqualTo("idle");
        assertThat(pacer.idle()).as("nothing to send until the next offer").isTrue();
    }

    @Test
    void framesCarryTheTtsOpusUnchanged() {
        NpcAudio packet = TestAudio.npcTurn("s", "t1", null, 1).getFirst();
        pacer.offer(packet, now);
        TurnPlayer.Frame frame = pacer.pull(now);
        assertThat(frame.firstOfTurn()).isTrue();
        assertThat(ByteBuffer.wrap(frame.opus())).isEqualTo(packet.getOpus());
    }

    @Test
    void aNewerTurnSupersedesThePlayingOneWithinOnePacket() {
        TestAudio.npcTurn("s", "old", 1_000L, 100).forEach(p -> pacer.offer(p, now));
        assertThat(sent(tick(10), "old")).isEqualTo(10);

        List<NpcAudio> newer = TestAudio.npcTurn("s", "new", 9_000L, 20);
        newer.forEach(p -> pacer.offer(p, now));
        TurnPlayer.Frame next = pacer.pull(now);
        assertThat(next.packet().getTurnId()).isEqualTo("new");
        assertThat(next.firstOfTurn()).isTrue();

        // The old turn's remaining packets, even ones still arriving, are never played.
        TestAudio.npcTurn("s", "old", 1_000L, 100).forEach(p -> pacer.offer(p, now));
        List<String> after = tick(40);
        assertThat(sent(after, "old")).isZero();
        assertThat(sent(after, "new")).isEqualTo(19);
        assertThat(events.endings()).as("the old turn reported as superseded, the new one as played")
                .containsExactly("old SUPERSEDED lines=0", "new PLAYED lines=1");
        assertThat(events.ends.getFirst().timings().getFirstPacketOutMs()).isZero();
    }

    @Test
    void aStragglerOfAnEarlierTurnDoesNotInterrupt() {
        TestAudio.npcTurn("s", "current", 9_000L, 20).forEach(p -> pacer.offer(p, now));
        tick(5);
        pacer.offer(TestAudio.npcTurn("s", "superseded", 1_000L, 1).getFirst(), now);
        assertThat(tick(15)).allMatch(f -> f.startsWith("current:"));
        assertThat(events.endings()).as("the straggler is reported, never having played")
                .containsExactly("superseded SUPERSEDED lines=0", "current PLAYED lines=1");
        assertThat(events.started).containsExactly("current");
    }

    @Test
    void theJitterBufferReordersPacketsArrivingOutOfOrder() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "t", null, 6);
        pacer.offer(turn.get(2), now);
        pacer.offer(turn.get(1), now);
        assertThat(tick(1)).as("waits for the start of the turn").containsExactly("-");
        pacer.offer(turn.get(0), now);
        pacer.offer(turn.get(4), now);
        pacer.offer(turn.get(3), now);
        pacer.offer(turn.get(5), now);
        assertThat(tick(6)).containsExactly("t:0.0", "t:0.1", "t:0.2", "t:0.3", "t:0.4", "t:0.5");
    }

    @Test
    void aLatePacketWithinTheWindowIsPlayedInItsPlace() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "t", null, 5);
        List.of(0, 1, 3, 4).forEach(i -> pacer.offer(turn.get(i), now));
        assertThat(tick(3)).containsExactly("t:0.0", "t:0.1", ".");   // silence while packet 2 is missing
        pacer.offer(turn.get(2), now);
        assertThat(tick(3)).containsExactly("t:0.2", "t:0.3", "t:0.4");
    }

    @Test
    void aPacketMissingLongerThanTheWindowIsSkippedAndDroppedIfItComesLater() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "t", null, 5);
        List.of(0, 1, 3, 4).forEach(i -> pacer.offer(turn.get(i), now));
        List<String> frames = tick(10);
        // packet 2 is waited for (silence) for the window, then skipped
        assertThat(frames.subList(0, 8)).containsExactly("t:0.0", "t:0.1", ".", ".", ".", ".", ".", "t:0.3");
        assertThat(frames.get(8)).isEqualTo("t:0.4");
        pacer.offer(turn.get(2), now);
        assertThat(tick(10)).noneMatch(f -> f.startsWith("t:"));
    }

    @Test
    void lineBoundariesAndDuplicatesAreHandled() {
        byte[] opus = TestAudio.tone(330, 1, 1).getFirst();
        pacer.offer(TestAudio.npcPacket("s", "t", null, 0, 0, false, false, opus), now);
        pacer.offer(TestAudio.npcPacket("s", "t", null, 0, 1, true, false, opus), now);
        pacer.offer(TestAudio.npcPacket("s", "t", null, 0, 1, true, false, opus), now);   // TTS redid the line
        pacer.offer(TestAudio.npcPacket("s", "t", null, 1, 0, true, true, opus), now);
        assertThat(tick(4)).containsExactly("t:0.0", "t:0.1", "t:1.0", ".");
    }

    @Test
    void aTurnWhoseProducerDiedIsGivenUp() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "dead", null, 10);
        turn.subList(0, 4).forEach(p -> pacer.offer(p, now));   // the rest never comes
        assertThat(tick(10)).containsExactly("dead:0.0", "dead:0.1", "dead:0.2", "dead:0.3", ".", ".", ".", ".", ".", "-");
        assertThat(pacer.state()).as("still waiting for the rest").isEqualTo("playing dead");
        now += IDLE_MS;
        assertThat(tick(1)).containsExactly("-");
        assertThat(pacer.state()).isEqualTo("idle");
        assertThat(events.endings()).containsExactly("dead ABANDONED lines=0");
    }
}
