package dev.glyphoxa.stt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision between the live recogniser's result and a decode of the stored audio. */
class TranscriberTest {

    static short[] chunk(int value) {
        short[] s = new short[320];
        java.util.Arrays.fill(s, (short) value);
        return s;
    }

    /** All chunks 0..n-1 as stored: what the state store would hand back. */
    static short[] stored(int n) {
        short[] all = new short[0];
        for (int i = 0; i < n; i++) {
            all = dev.glyphoxa.audio.Pcm.concat(all, chunk(i + 1));
        }
        return all;
    }

    static final String FULL = "heard 1600 sum " + (320 * (1 + 2 + 3 + 4 + 5));

    /** A transcriber whose pooled recogniser has already finished one utterance. */
    static Transcriber warm(FakeEngine engine) {
        Transcriber t = new Transcriber(new RecognizerPool(engine, 2));
        t.start("s|p", "u0", Vocabulary.NONE);
        t.finish("s|p", "u0", 0, Vocabulary.NONE, () -> new short[0]);
        return t;
    }

    @Test
    void usesTheLiveResultWhenAWarmRecogniserHeardEveryChunk() {
        FakeEngine engine = new FakeEngine();
        Transcriber t = warm(engine);
        t.start("s|p", "u1", Vocabulary.NONE);
        for (int i = 0; i < 5; i++) {
            t.audio("s|p", "u1", i, chunk(i + 1));
        }
        t.audio("s|p", "u1", 2, chunk(3)); // redelivered: ignored
        var r = t.finish("s|p", "u1", 5, Vocabulary.NONE, () -> { throw new AssertionError("must not read the store"); });
        assertThat(r.fromStoredAudio()).isFalse();
        assertThat(r.text()).isEqualTo(FULL);
        assertThat(t.liveCount()).isZero();
        assertThat(engine.made).hasSize(1);
    }

    @Test
    void aFreshRecognisersFirstUtteranceIsDecodedFromTheStoredAudioOnTheSameRecogniser() {
        FakeEngine engine = new FakeEngine();
        Transcriber t = new Transcriber(new RecognizerPool(engine, 2));
        t.start("s|p", "u1", Vocabulary.NONE);
        for (int i = 0; i < 5; i++) {
            t.audio("s|p", "u1", i, chunk(i + 1));
        }
        var r = t.finish("s|p", "u1", 5, Vocabulary.NONE, () -> stored(5));
        assertThat(r.fromStoredAudio()).isTrue();
        assertThat(r.text()).isEqualTo(FULL);
        assertThat(engine.made).hasSize(1);
        assertThat(engine.made.getFirst().utterances).isEqualTo(2); // the live pass still ran and adapted it
    }

    @Test
    void anInstanceThatMissedTheFirstChunksDecodesTheStoredAudio() {
        // Instance A heard chunks 0-2 and died; instance B takes over from chunk 3 with only the store to go on.
        Transcriber a = new Transcriber(new RecognizerPool(new FakeEngine(), 2));
        a.start("s|p", "u1", Vocabulary.NONE);
        for (int i = 0; i < 3; i++) {
            a.audio("s|p", "u1", i, chunk(i + 1));
        }
        Transcriber b = new Transcriber(new RecognizerPool(new FakeEngine(), 2));
        b.audio("s|p", "u1", 3, chunk(4));
        b.audio("s|p", "u1", 4, chunk(5));
        assertThat(b.heardAll("s|p", "u1", 5)).isFalse();
        var r = b.finish("s|p", "u1", 5, Vocabulary.NONE, () -> stored(5));
        assertThat(r.fromStoredAudio()).isTrue();
        assertThat(r.text()).isEqualTo(FULL);
    }

    @Test
    void aGapOrAShortCountAlsoFallsBackToTheStore() {
        Transcriber t = warm(new FakeEngine());
        t.start("s|p", "u1", Vocabulary.NONE);
        t.audio("s|p", "u1", 0, chunk(1));
        t.audio("s|p", "u1", 2, chunk(3)); // chunk 1 not yet here
        t.audio("s|p", "u1", 1, chunk(2));
        t.audio("s|p", "u1", 3, chunk(4));
        t.audio("s|p", "u1", 4, chunk(5));
        var r = t.finish("s|p", "u1", 5, Vocabulary.NONE, () -> stored(5));
        assertThat(r.fromStoredAudio()).isTrue();
        assertThat(r.text()).isEqualTo(FULL);

        t.start("s|p", "u2", Vocabulary.NONE);
        t.audio("s|p", "u2", 0, chunk(1));
        assertThat(t.finish("s|p", "u2", 2, Vocabulary.NONE, () -> stored(2)).fromStoredAudio()).isTrue();
    }

    @Test
    void droppingASessionReturnsItsRecognisersToThePool() {
        RecognizerPool pool = new RecognizerPool(new FakeEngine(), 4);
        Transcriber t = new Transcriber(pool);
        t.start(SttKeys.speaker("s1", "a"), "u", Vocabulary.NONE);
        t.start(SttKeys.speaker("s1", "b"), "u", Vocabulary.NONE);
        t.start(SttKeys.speaker("s10", "a"), "u", Vocabulary.NONE);
        t.dropSession("s1");
        assertThat(t.liveCount()).isEqualTo(1);
        assertThat(pool.inUse()).isEqualTo(1);
        assertThat(pool.idle()).isEqualTo(2);
    }
}
