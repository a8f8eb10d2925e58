package dev.glyphoxa.vad;

import dev.glyphoxa.schema.BargeIn;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The barge-in count on scripted probabilities, fed with the segmenter as the processor does: 512-sample (32 ms)
 * windows, capture time = wall time = 32 ms per window from 0. Defaults: 250 ms (8 windows) of continuous voice,
 * gaps up to 100 ms (3 windows) allowed, 150 ms (5 windows) to start an utterance.
 */
class FloorClaimTest {

    private static final int WINDOW = 512;
    private static final float VOICED = 0.9f;
    private static final float SOFT = 0.4f;       // between release-threshold 0.35 and threshold 0.5
    private static final float SILENT = 0.05f;

    private static final class Script {
        final SpeechSegmenter segmenter;
        final FloorClaim floor;
        SpeakerTrack track = new SpeakerTrack("s1", "alice", new float[]{0f});
        final List<SpecificRecord> out = new ArrayList<>();
        int windows;
        long captureMs;
        boolean roundTripEachWindow;

        Script(VadSettings settings) {
            segmenter = new SpeechSegmenter(settings, 16_000);
            floor = new FloorClaim(settings);
        }

        List<BargeIn> feed(float probability, int count) {
            List<BargeIn> bargeIns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                windows++;
                captureMs += 32;
                out.addAll(segmenter.accept(track, new short[WINDOW], probability, windows, captureMs, captureMs));
                floor.accept(track, probability, 32, captureMs, captureMs + 5).ifPresent(b -> {
                    out.add(b);
                    bargeIns.add(b);
                });
                if (roundTripEachWindow) {
                    track = SpeechSegmenterTest.roundTrip(track);
                }
            }
            return bargeIns;
        }

        List<BargeIn> bargeIns() {
            return out.stream().filter(BargeIn.class::isInstance).map(BargeIn.class::cast).toList();
        }

        List<String> startedIds() {
            return out.stream().filter(r -> r instanceof SpeechEvent e && e.getEvent() instanceof SpeechStarted)
                    .map(r -> ((SpeechEvent) r).getUtteranceId()).toList();
        }
    }

    private static VadSettings settings(int minSpeechMs, int bargeInMs, int bargeInGapMs) {
        VadSettings d = VadSettings.defaults();
        return new VadSettings(d.threshold(), d.releaseThreshold(), minSpeechMs, d.hangoverMs(), d.preRollMs(),
                d.chunkMs(), d.maxUtteranceMs(), d.punctuateMs(), d.idleForgetMs(), bargeInMs, bargeInGapMs);
    }

    @Test
    void aBackChannelShorterThanTheThresholdClaimsNothing() {
        Script s = new Script(VadSettings.defaults());
        s.feed(SILENT, 5);
        s.feed(VOICED, 7);                                 // 224 ms "mhm": an utterance, but no barge-in
        s.feed(SILENT, 30);
        assertThat(s.startedIds()).hasSize(1);
        assertThat(s.bargeIns()).isEmpty();
        assertThat(s.track.floorVoicedMs).as("the long silence ended the run").isZero();
    }

    @Test
    void dipsShorterThanTheGapKeepCounting() {
        Script s = new Script(VadSettings.defaults());
        s.feed(SILENT, 5);                                 // voice from 160 ms
        s.feed(VOICED, 5);                                 // 160 ms: the utterance starts
        s.feed(SILENT, 3);                                 // 96 ms dip <= 100 ms
        assertThat(s.feed(VOICED, 2)).as("224 ms voiced").isEmpty();
        List<BargeIn> claimed = s.feed(VOICED, 1);         // 256 ms voiced (the dip does not count)
        assertThat(claimed).hasSize(1);
        BargeIn b = claimed.getFirst();
        assertThat(b.getVoicedMs()).isEqualTo(256);
        assertThat(b.getSpeechStartMs()).as("start of the first voiced window").isEqualTo(160);
        assertThat(b.getDetectedAtMs()).as("wall clock of the crossing window").isEqualTo(16 * 32 + 5);
        assertThat(b.getSessionId()).isEqualTo("s1");
        assertThat(b.getSpeakerId()).isEqualTo("alice");
        assertThat(b.getUtteranceId()).isEqualTo(s.startedIds().getFirst());
    }

    @Test
    void aLongerGapRestartsTheCount() {
        Script s = new Script(VadSettings.defaults());
        s.feed(VOICED, 5);                                 // 0..160 ms, the utterance starts
        s.feed(SILENT, 4);                                 // 128 ms > 100 ms: the run is broken
        assertThat(s.feed(VOICED, 7)).as("5 + 7 windows voiced, but not in one run").isEmpty();
        List<BargeIn> claimed = s.feed(VOICED, 1);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.getFirst().getVoicedMs()).isEqualTo(256);
        assertThat(claimed.getFirst().getSpeechStartMs()).as("the restarted run began at window 10").isEqualTo(9 * 32);
        assertThat(s.startedIds()).as("one utterance all along (the gap is inside the hangover)").hasSize(1);
    }

    @Test
    void aGapInTheStreamBreaksTheRunLikeSilence() {
        Script s = new Script(VadSettings.defaults());
        s.feed(VOICED, 6);
        s.captureMs += 200;                                // Discord sent nothing for 200 ms
        assertThat(s.feed(VOICED, 7)).isEmpty();
        assertThat(s.feed(VOICED, 1)).hasSize(1);
    }

    @Test
    void whileSpeakingTheReleaseThresholdCountsAsVoiced() {
        Script s = new Script(VadSettings.defaults());
        s.feed(SOFT, 10);                                  // below the start threshold: nothing counted
        assertThat(s.track.floorVoicedMs).isZero();
        s.feed(VOICED, 5);
        assertThat(s.feed(SOFT, 2)).isEmpty();
        assertThat(s.feed(SOFT, 1)).as("soft word endings hold the floor once speaking").hasSize(1);
    }

    @Test
    void oneBargeInPerUtteranceAndAgainForTheNext() {
        Script s = new Script(VadSettings.defaults());
        s.feed(VOICED, 60);                                // ~2 s without a pause
        s.feed(SILENT, 4);                                 // a break in the run, inside the hangover
        s.feed(VOICED, 30);
        assertThat(s.bargeIns()).as("one per utterance, however long").hasSize(1);
        s.feed(SILENT, 20);                                // 640 ms: past the hangover, the utterance ends
        s.feed(VOICED, 10);
        List<String> started = s.startedIds();
        assertThat(started).hasSize(2);
        assertThat(s.bargeIns()).extracting(BargeIn::getUtteranceId).containsExactlyElementsOf(started);
    }

    @Test
    void aThresholdCrossedBeforeTheStartIsPublishedRightAfterSpeechStarted() {
        Script s = new Script(settings(400, 250, 100));    // start needs 13 windows, barge-in 8
        s.feed(SILENT, 3);
        assertThat(s.feed(VOICED, 12)).as("no utterance yet, no id to name").isEmpty();
        assertThat(s.track.floorVoicedMs).as("counted all the same").isEqualTo(12 * 32);
        int before = s.out.size();
        List<BargeIn> claimed = s.feed(VOICED, 1);
        assertThat(claimed).hasSize(1);
        int startedAt = indexOfStarted(s);
        assertThat(startedAt).as("SpeechStarted in the same window").isGreaterThanOrEqualTo(before);
        assertThat(s.out.getLast()).as("and the BargeIn after it").isSameAs(claimed.getFirst());
        assertThat(claimed.getFirst().getUtteranceId()).isEqualTo(s.startedIds().getFirst());
        assertThat(claimed.getFirst().getVoicedMs()).isEqualTo(13 * 32);
        assertThat(claimed.getFirst().getSpeechStartMs()).isEqualTo(3 * 32);
    }

    @Test
    void theCountSurvivesTheStateRecord() {
        Script straight = new Script(VadSettings.defaults());
        Script resumed = new Script(VadSettings.defaults());
        resumed.roundTripEachWindow = true;
        for (Script s : List.of(straight, resumed)) {
            s.feed(VOICED, 5);
            s.feed(SILENT, 2);
            s.feed(VOICED, 40);
            s.feed(SILENT, 25);
            s.feed(VOICED, 12);
        }
        assertThat(straight.bargeIns()).hasSize(2);
        assertThat(resumed.out).isEqualTo(straight.out);
        assertThat(resumed.track.toRecord()).isEqualTo(straight.track.toRecord());
    }

    private static int indexOfStarted(Script s) {
        for (int i = 0; i < s.out.size(); i++) {
            if (s.out.get(i) instanceof SpeechEvent e && e.getEvent() instanceof SpeechStarted) {
                return i;
            }
        }
        return -1;
    }
}
