package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.NpcAudio;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cuts, line reports and turn ends of the player, on an explicit 20 ms tick. */
class TurnPlayerCutTest {

    final RecordingPlayback events = new RecordingPlayback();
    final TurnPlayer player = new TurnPlayer(3, 100, 5000, events);
    long now = 1_000;

    List<String> tick(int ticks) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            TurnPlayer.Frame f = player.pull(now);
            now += 20;
            out.add(f == null ? "-" : f.silence() ? "." : f.packet().getTurnId() + ":" + f.packet().getLineSequence()
                    + "." + f.packet().getPacketSequence());
        }
        return out;
    }

    /** A turn of {@code lines} lines of {@code perLine} real Opus packets each. */
    static List<NpcAudio> turn(String id, int lines, int perLine) {
        byte[] opus = TestAudio.tone(330, 1, 1).getFirst();
        List<NpcAudio> out = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            for (int p = 0; p < perLine; p++) {
                boolean lastInLine = p == perLine - 1;
                out.add(TestAudio.npcPacket("s", id, 500L, line, p, lastInLine, lastInLine && line == lines - 1, opus));
            }
        }
        return out;
    }

    @Test
    void aCutTurnHasNothingInTheNextPullEvenWhenMoreOfItArrives() {
        List<NpcAudio> t = turn("t", 3, 10);
        t.subList(0, 15).forEach(p -> player.offer(p, now));
        assertThat(tick(12)).allMatch(f -> f.startsWith("t:"));
        assertThat(player.playing()).isTrue();

        assertThat(player.cut(null, CutReason.BARGE_IN, "aria", now)).isTrue();
        t.subList(15, 30).forEach(p -> player.offer(p, now));   // the rest was already on its way
        List<String> after = tick(20);
        assertThat(after).noneMatch(f -> f.startsWith("t:"));
        assertThat(after.getFirst()).as("a silence frame, so decoders do not smear").isEqualTo(".");
        assertThat(player.playing()).isFalse();
        assertThat(player.state()).isEqualTo("idle");

        TurnEnd end = events.ends.getFirst();
        assertThat(end.outcome()).isEqualTo(TurnOutcome.CUT_BY_PLAYER);
        assertThat(end.speakerId()).isEqualTo("aria");
        assertThat(end.linesPlayed()).as("line 0 played to its end, line 1 was cut").isEqualTo(1);
        assertThat(end.packetsSent()).isEqualTo(12);
        assertThat(end.timings().getFirstPacketOutMs()).isEqualTo(1_000L);
        assertThat(events.lines).extracting(RecordingPlayback.Line::line).containsExactly(0);
    }

    @Test
    void everyReportCarriesTheFirstPacketsMilestonesThoughOnlyItHasTheTtsStamp() {
        List<NpcAudio> t = new ArrayList<>(turn("t", 2, 3));
        // as TTS writes them: only a line's first packet carries tts_first_audio_ms
        t.set(0, NpcAudio.newBuilder(t.getFirst()).setTimings(dev.glyphoxa.schema.TurnTimings.newBuilder(t.getFirst().getTimings())
                .setTtsFirstAudioMs(777L).build()).build());
        t.forEach(p -> player.offer(p, now));
        tick(8);

        assertThat(events.ends).singleElement().satisfies(end -> {
            assertThat(end.timings().getTtsFirstAudioMs()).isEqualTo(777L);
            assertThat(end.timings().getFirstPacketOutMs()).isEqualTo(1_000L);
        });
        assertThat(events.lines).hasSize(2).allSatisfy(l -> assertThat(l.timings().getTtsFirstAudioMs()).isEqualTo(777L));
    }

    @Test
    void theNextTurnPlaysAfterACut() {
        turn("t1", 1, 50).forEach(p -> player.offer(p, now));
        tick(5);
        player.cut(null, CutReason.BARGE_IN, "aria", now);
        turn("t2", 1, 4).forEach(p -> player.offer(p, now));
        assertThat(tick(4)).containsExactly("t2:0.0", "t2:0.1", "t2:0.2", "t2:0.3");
        assertThat(events.endings()).containsExactly("t1 CUT_BY_PLAYER lines=0", "t2 PLAYED lines=1");
    }

    @Test
    void nothingIsCutWhileNothingIsAudible() {
        assertThat(player.cut(null, CutReason.BARGE_IN, "aria", now)).as("idle").isFalse();
        player.offer(turn("t", 1, 10).getFirst(), now);
        assertThat(player.cut(null, CutReason.BARGE_IN, "aria", now)).as("still buffering").isFalse();
        assertThat(player.state()).isEqualTo("buffering t");

        turn("t", 1, 10).forEach(p -> player.offer(p, now));
        tick(2);
        assertThat(player.cut("another-turn", CutReason.BARGE_IN, "aria", now)).as("not the turn playing").isFalse();
        assertThat(player.cut("t", CutReason.BARGE_IN, "aria", now)).isTrue();
        assertThat(player.cut("t", CutReason.BARGE_IN, "aria", now)).as("already cut").isFalse();
        assertThat(events.ends).hasSize(1);
    }

    @Test
    void eachLineIsReportedWhenItsLastPacketGoesOut() {
        turn("t", 3, 4).forEach(p -> player.offer(p, now));
        tick(4);
        assertThat(events.lines).as("line 0 has just ended").hasSize(1);
        tick(20);
        assertThat(events.lines).extracting(l -> l.line() + "/" + l.packets() + (l.lastInTurn() ? "$" : ""))
                .containsExactly("0/4", "1/4", "2/4$");
        assertThat(events.lines).allMatch(l -> l.timings().getFirstPacketOutMs() == 1_000L
                && l.timings().getSpeechEndMs() == 500L);
        assertThat(events.endings()).containsExactly("t PLAYED lines=3");
        assertThat(events.started).containsExactly("t");
    }

    @Test
    void aLineWhoseLastPacketIsLostCountsAsPlayedWhenTheNextBegins() {
        List<NpcAudio> t = turn("t", 2, 4);
        t.stream().filter(p -> !(p.getLineSequence() == 0 && p.getPacketSequence() == 3)).forEach(p -> player.offer(p, now));
        tick(20);
        assertThat(events.lines).extracting(l -> l.line() + "/" + l.packets()).containsExactly("0/3", "1/4");
        assertThat(events.endings()).containsExactly("t PLAYED lines=2");
    }

    @Test
    void aTurnWhosePacketsStopComingIsReportedAsAbandonedWithTheLinesPlayed() {
        List<NpcAudio> t = turn("t", 3, 4);
        t.subList(0, 6).forEach(p -> player.offer(p, now));   // line 0 and half of line 1; then the TTS died
        assertThat(tick(6)).allMatch(f -> f.startsWith("t:"));
        tick(10);   // the trailing silence, then nothing, still waiting for the rest
        assertThat(player.state()).isEqualTo("playing t");
        assertThat(events.ends).isEmpty();

        now += 5000;
        assertThat(tick(1)).containsExactly("-");
        assertThat(player.state()).isEqualTo("idle");
        TurnEnd end = events.ends.getFirst();
        assertThat(end.outcome()).isEqualTo(TurnOutcome.ABANDONED);
        assertThat(end.outcome().cutReason()).as("reported as a cut").isEqualTo(CutReason.ABANDONED);
        assertThat(end.linesPlayed()).as("line 0 played to its end, line 1 never finished").isEqualTo(1);
        assertThat(end.packetsSent()).isEqualTo(6);
        assertThat(end.speakerId()).isNull();
        assertThat(end.timings().getFirstPacketOutMs()).isEqualTo(1_000L);

        t.subList(6, 12).forEach(p -> player.offer(p, now));   // a straggler of the given-up turn
        assertThat(tick(5)).noneMatch(f -> f.startsWith("t:"));
        assertThat(events.endings()).containsExactly("t ABANDONED lines=1");
    }

    @Test
    void leavingEndsTheTurnPlayingOrQueued() {
        turn("t", 2, 10).forEach(p -> player.offer(p, now));
        tick(12);
        player.leave(now);
        assertThat(tick(3)).containsExactly("-", "-", "-");
        assertThat(events.endings()).containsExactly("t SESSION_LEFT lines=1");

        TurnPlayer queued = new TurnPlayer(3, 100, 5000, events);
        queued.offer(turn("q", 1, 10).getFirst(), now);
        queued.leave(now);
        assertThat(events.endings()).containsExactly("t SESSION_LEFT lines=1", "q SESSION_LEFT lines=0");
        assertThat(events.ends.getLast().timings().getFirstPacketOutMs()).as("never started").isNull();
    }
}
