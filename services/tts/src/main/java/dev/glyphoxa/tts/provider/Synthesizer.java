package dev.glyphoxa.tts.provider;

import dev.glyphoxa.audio.Wav;

/**
 * A text-to-speech engine. Usable without Micronaut: construct an implementation with its settings and call
 * {@link #synthesize}. Implementations are thread-safe and may hold external processes until {@link #close()}.
 */
public interface Synthesizer extends AutoCloseable {

    /** The provider prefix in an NpcLine voice string ({@code festival} in {@code festival:slt}). */
    String name();

    /**
     * Speaks one sentence.
     *
     * @param text  any text; the engine normalises it ({@link SpeechText#clean}) and quotes it for its own input
     * @param voice the engine's own voice name, without the {@code provider:} prefix
     * @return 16-bit mono PCM at the clip's sample rate (empty when the text has nothing speakable)
     * @throws UnknownVoiceException when this engine has no such voice
     * @throws SynthesisException    when the engine is missing, fails or times out
     */
    Wav.Clip synthesize(String text, String voice);

    @Override
    void close();
}
