package dev.glyphoxa.vad;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.schema.SpeechAudio;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import dev.glyphoxa.vad.state.SpeakerState;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The segmenter on scripted probabilities: 512-sample (32 ms) windows, samples numbered so audio can be traced. */
class SpeechSegmenterTest {

    private static final int RATE = 16_000;
    private static final int WINDOW = 512;
    private static final float VOICED = 0.9f;
    private static final float SILENT = 0.05f;

    /** Feeds windows as the processor would; capture and wall clock both advance 32 ms per window from 0. */
    private static final class Script {
        final SpeechSegmenter segmenter;
        SpeakerTrack track = new SpeakerTrack("s1", "alice", new float[]{1f, 2f, 3f});
        final List<SpeechEvent> events = new ArrayList<>();
        int windows;
        long now;
        boolean roundTripEachWindow;

        Script(VadSettings settings) {
            this.segmenter = new SpeechSegmenter(settings, RATE);
        }

        List<SpeechEvent> feed(float probability, int count) {
            List<SpeechEvent> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                short[] w = new short[WINDOW];
                for (int k = 0; k < WINDOW; k++) {
                    w[k] = (short) ((windows * WINDOW + k) % 30_000);
                }
                windows++;
                now = windows * 32L;
                out.addAll(segmenter.accept(track, w, probability, 100 + windows, now, now));
                if (roundTripEachWindow) {
                    track = roundTrip(track);
                }
            }
            events.addAll(out);
            return out;
        }

        List<SpeechEvent> expireAt(long wallMs) {
            List<SpeechEvent> out = segmenter.expire(track, wallMs);
            events.addAll(out);
            return out;
        }
    }

    static SpeakerTrack roundTrip(SpeakerTrack track) {
        AvroSerde<SpeakerState> serde = AvroSerde.of(SpeakerState.class);
        return SpeakerTrack.from(serde.decode(serde.encode(track.toRecord())));
    }

    private static List<SpeechEvent> of(List<SpeechEvent> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.getEvent())).toList();
    }

    private static short[] audio(List<SpeechEvent> events) {
        short[] all = new short[0];
        for (SpeechEvent e : of(events, SpeechAudio.class)) {
            ByteBuffer b = ((SpeechAudio) e.getEvent()).getPcm16k().duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            all = Pcm.concat(all, Pcm.toShorts(bytes));
        }
        return all;
    }

    @Test
    void startsOnlyAfterMinSpeech() {
        Script s = new Script(VadSettings.defaults());     // 150 ms = 2400 samples: 5 windows
        s.feed(SILENT, 10);
        assertThat(s.feed(VOICED, 4)).as("128 ms of voice is a click, not speech").isEmpty();
        assertThat(s.feed(SILENT, 1)).isEmpty();
        assertThat(s.feed(VOICED, 4)).as("the run starts over after a silent window").isEmpty();
        List<SpeechEvent> started = s.feed(VOICED, 1);
        assertThat(started).isNotEmpty();
        assertThat(started.getFirst().getEvent()).isInstanceOf(SpeechStarted.class);
        // named after the packet that began the voiced run (the 16th window, sequence 100 + 16) and the start
        // time: 200 ms of pre-roll before that run (which began at 480 ms)
        assertThat(((SpeechStarted) started.getFirst().getEvent()).getStartMs()).isEqualTo(280);
        assertThat(started).allSatisfy(e -> assertThat(e.getUtteranceId()).isEqualTo("alice-116-280"));
        assertThat(s.track.speaking()).isTrue();
    }

    @Test
    void firstAudioIncludesThePreRoll() {
        Script s = new Script(VadSettings.defaults());     // pre-roll 200 ms = 3200 samples, chunks of 1600
        s.feed(SILENT, 20);
        List<SpeechEvent> events = s.feed(VOICED, 5);
        SpeechStarted started = (SpeechStarted) events.getFirst().getEvent();
        int voicedFrom = 20 * WINDOW;                      // sample 10240 = 640 ms
        int preRollFrom = voicedFrom - 3200;               // 440 ms
        assertThat(started.getStartMs()).isEqualTo(440);

        short[] sent = audio(events);
        assertThat(sent.length).as("whole chunks of pre-roll + voiced run (5760 samples)").isEqualTo(3 * 1600);
        for (int i = 0; i < sent.length; i++) {
            assertThat(sent[i]).as("sample %d", i).isEqualTo((short) (preRollFrom + i));
        }
        assertThat(of(events, SpeechAudio.class)).extracting(e -> ((SpeechAudio) e.getEvent()).getChunkIndex())
                .containsExactly(0, 1, 2);
    }

    @Test
    void aShortPauseInsideTheHangoverDoesNotSplitTheUtterance() {
        Script s = new Script(VadSettings.defaults());
        s.feed(VOICED, 10);
        s.feed(SILENT, 10);                                // 320 ms < 600 ms hangover
        s.feed(VOICED, 10);
        s.expireAt(s.now + 600);

        assertThat(of(s.events, SpeechStarted.class)).hasSize(1);
        assertThat(of(s.events, SpeechEnded.class)).hasSize(1);
        assertThat(s.events.getLast().getEvent()).isInstanceOf(SpeechEnded.class);
        assertThat(s.events).extracting(SpeechEvent::getUtteranceId).containsOnly("alice-101-0");
        List<Integer> indexes = of(s.events, SpeechAudio.class).stream()
                .map(e -> ((SpeechAudio) e.getEvent()).getChunkIndex()).toList();
        for (int i = 0; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).isEqualTo(i);
        }
        SpeechEnded ended = (SpeechEnded) s.events.getLast().getEvent();
        assertThat(ended.getChunkCount()).isEqualTo(indexes.size());
        assertThat(audio(s.events)).as("every window fed is sent once").hasSize(30 * WINDOW);
    }

    @Test
    void endsOnTheWallClockWhenNoPacketsArrive() {
        Script s = new Script(VadSettings.defaults());
        s.feed(VOICED, 10);
        long lastVoiced = s.now;
        s.track.unscored = new short[100];                 // the tail that did not fill a model window

        assertThat(s.expireAt(lastVoiced + 599)).isEmpty();
        assertThat(s.track.speaking()).isTrue();
        List<SpeechEvent> end = s.expireAt(lastVoiced + 600);
        assertThat(end.getLast().getEvent()).isInstanceOf(SpeechEnded.class);
        SpeechEnded ended = (SpeechEnded) end.getLast().getEvent();
        assertThat(ended.getTurnId()).isEqualTo("alice-101-0");
        assertThat(ended.getTimings().getSpeechEndMs()).isEqualTo(lastVoiced);
        assertThat(ended.getTimings().getVadEndMs()).isEqualTo(lastVoiced + 600);
        assertThat(ended.getChunkCount()).isEqualTo(of(s.events, SpeechAudio.class).size());
        assertThat(audio(s.events)).as("voiced windows plus the unscored tail").hasSize(10 * WINDOW + 100);
        assertThat(s.track.speaking()).isFalse();
        assertThat(s.expireAt(lastVoiced + 5000)).as("ends once").isEmpty();
    }

    @Test
    void silentPacketsThatDoArriveEndItOnCaptureTime() {
        Script s = new Script(VadSettings.defaults());
        s.feed(VOICED, 10);                                // last voiced window ends at 320 ms
        assertThat(of(s.feed(SILENT, 18), SpeechEnded.class)).as("up to 896 ms: 576 ms of silence").isEmpty();
        List<SpeechEvent> end = s.feed(SILENT, 1);         // 928 ms: 608 ms of silence
        assertThat(of(end, SpeechEnded.class)).hasSize(1);
        assertThat(((SpeechEnded) end.getLast().getEvent()).getTimings().getSpeechEndMs()).isEqualTo(320);
    }

    @Test
    void anUtteranceIsCutAtMaxLengthAndTheNextOneStarts() {
        VadSettings d = VadSettings.defaults();
        VadSettings settings = new VadSettings(d.threshold(), d.releaseThreshold(), d.minSpeechMs(), d.hangoverMs(),
                d.preRollMs(), d.chunkMs(), 2000, d.punctuateMs(), d.idleForgetMs(), d.bargeInMs(), d.bargeInGapMs());
        Script s = new Script(settings);
        s.feed(VOICED, 100);                               // 3.2 s without a pause

        List<SpeechEvent> started = of(s.events, SpeechStarted.class);
        List<SpeechEvent> ended = of(s.events, SpeechEnded.class);
        assertThat(ended).hasSize(1);
        assertThat(started).hasSize(2);
        String first = started.get(0).getUtteranceId();
        String second = started.get(1).getUtteranceId();
        assertThat(second).isNotEqualTo(first);
        assertThat(ended.getFirst().getUtteranceId()).isEqualTo(first);
        assertThat(s.events.indexOf(ended.getFirst())).isLessThan(s.events.indexOf(started.get(1)));
        short[] firstAudio = audio(s.events.stream().filter(e -> e.getUtteranceId().equals(first)).toList());
        assertThat(firstAudio.length).as("cut at the first window reaching 2 s").isEqualTo(63 * WINDOW);
        assertThat(s.track.utteranceId()).isEqualTo(second);
    }

    @Test
    void resumesFromASerializedStateRecord() {
        Script straight = new Script(VadSettings.defaults());
        Script resumed = new Script(VadSettings.defaults());
        resumed.roundTripEachWindow = true;
        for (Script s : List.of(straight, resumed)) {
            s.feed(SILENT, 12);
            s.feed(VOICED, 20);
            s.feed(SILENT, 8);
            s.feed(VOICED, 7);
            s.track.unscored = new short[]{1, 2, 3};
            s.expireAt(s.now + 700);
            s.feed(VOICED, 9);
        }
        assertThat(straight.events).hasSizeGreaterThan(10);
        assertThat(resumed.events).isEqualTo(straight.events);
        assertThat(resumed.track.toRecord()).isEqualTo(straight.track.toRecord());
        assertThat(resumed.track.modelState()).containsExactly(1f, 2f, 3f);
        assertThat(resumed.track.speaking()).isTrue();
    }
}
