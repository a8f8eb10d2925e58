package dev.glyphoxa.vad.provider;

/**
 * A streaming voice-activity model: scores fixed-size windows of 16-bit mono audio with a speech probability.
 *
 * <p>One instance serves every speaker and must be thread-safe; the per-speaker recurrent state is owned by the
 * caller as an opaque float array (so it can be kept in a changelog-backed store and survive the instance) and
 * is updated in place by {@link #speechProbability}.
 */
public interface VoiceActivityModel extends AutoCloseable {

    /** Sample rate the model expects, in Hz. */
    int sampleRate();

    /** Samples per scored window. */
    int windowSamples();

    /** State of a fresh stream; its length is fixed for a given model. */
    float[] initialState();

    /**
     * Scores the next window of one stream.
     *
     * @param window exactly {@link #windowSamples()} samples at {@link #sampleRate()}
     * @param state  the stream's state, as returned by {@link #initialState()} and updated by earlier calls
     * @return probability in [0, 1] that the window contains speech
     */
    float speechProbability(short[] window, float[] state);

    @Override
    void close();
}
