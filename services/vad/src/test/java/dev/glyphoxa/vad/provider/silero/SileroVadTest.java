package dev.glyphoxa.vad.provider.silero;

import dev.glyphoxa.vad.TestSpeech;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SileroVadTest {

    private static final int RATE = SileroVad.SAMPLE_RATE;
    private static SileroVad vad;

    @BeforeAll
    static void load() {
        vad = new SileroVad();
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void detectsFestivalSpeechButNotTheQuietAroundIt(@TempDir Path dir) throws Exception {
        short[] speech = TestSpeech.festival(dir, "Hello there, traveller. Welcome to the Prancing Pony.", RATE);
        int lead = RATE;            // 1 s of room noise before and after
        short[] clip = TestSpeech.noise(lead + speech.length + lead, 60, 7);
        TestSpeech.mix(clip, speech, lead);

        float[] p = score(clip, vad.initialState(), 0, clip.length / SileroVad.WINDOW);
        int speechFrom = lead / SileroVad.WINDOW + 1;
        int speechTo = (lead + speech.length) / SileroVad.WINDOW - 1;
        int voicedInSpeech = 0;
        for (int i = speechFrom; i < speechTo; i++) {
            voicedInSpeech += p[i] >= 0.5f ? 1 : 0;
        }
        // Pauses between words are not speech, so not every window is voiced; most are.
        assertThat(voicedInSpeech).as("voiced windows while speaking (%s)", Arrays.toString(p))
                .isGreaterThan((speechTo - speechFrom) / 2);
        // The model state needs a few windows to settle at the start and to release after speech (~200 ms).
        int settle = 200 * RATE / 1000 / SileroVad.WINDOW;
        for (int i = settle; i < lead / SileroVad.WINDOW; i++) {
            assertThat(p[i]).as("window %d in the leading silence", i).isLessThan(0.5f);
        }
        for (int i = speechTo + 1 + settle; i < p.length; i++) {
            assertThat(p[i]).as("window %d in the trailing silence", i).isLessThan(0.5f);
        }
    }

    @Test
    void continuingFromACopiedStateGivesTheSameProbabilities(@TempDir Path dir) throws Exception {
        short[] clip = TestSpeech.festival(dir, "The dragon sleeps under the mountain.", RATE);
        int windows = clip.length / SileroVad.WINDOW;
        int half = windows / 2;
        float[] whole = score(clip, vad.initialState(), 0, windows);

        float[] state = vad.initialState();
        score(clip, state, 0, half);
        float[] copy = Arrays.copyOf(state, state.length);   // what the store keeps between packets
        float[] rest = score(clip, copy, half, windows);
        for (int i = half; i < windows; i++) {
            assertThat(rest[i]).as("window %d", i).isCloseTo(whole[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
        float loudest = 0;
        for (int i = half; i < windows; i++) {
            loudest = Math.max(loudest, whole[i]);
        }
        assertThat(loudest).as("speech is in the second half").isGreaterThan(0.5f);
    }

    @Test
    void rejectsWrongWindowAndState() {
        assertThatThrownBy(() -> vad.speechProbability(new short[320], vad.initialState()))
                .hasMessageContaining("512-sample windows");
        assertThatThrownBy(() -> vad.speechProbability(new short[512], new float[10]))
                .hasMessageContaining("not a Silero VAD state");
    }

    private static float[] score(short[] clip, float[] state, int from, int to) {
        float[] p = new float[to];
        for (int i = from; i < to; i++) {
            p[i] = vad.speechProbability(Arrays.copyOfRange(clip, i * SileroVad.WINDOW, (i + 1) * SileroVad.WINDOW), state);
        }
        return p;
    }
}
