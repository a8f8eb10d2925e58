package dev.glyphoxa.tts.provider;

import dev.glyphoxa.audio.Wav;

import java.util.function.Consumer;

/**
 * A text-to-speech engine. Usable without Micronaut: construct an implementation with its settings and call
 * {@link #synthesize} or {@link #synthesizeStreaming}. Implementations are thread-safe and may hold external
 * processes or connections until {@link #close()}.
 */
public interface Synthesizer extends AutoCloseable {

    /** The provider prefix in an NpcLine voice string ({@code festival} in {@code festival:slt}). */
    String name();

    /**
     * Whether the engine runs on this machine. A remote engine is not warmed up at startup (every request is
     * billed), and a line it fails on is spoken by the offline fallback voice instead of being dead-lettered,
     * because a network or account problem says nothing about the line.
     */
    default boolean local() {
        return true;
    }

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

    /**
     * Speaks one sentence and hands the audio on in pieces as the engine produces it, on the caller's thread, so
     * the first packets can leave while the rest is still being synthesised. All pieces of one call share a
     * sample rate. Engines that only produce whole clips keep this default: one piece, the whole clip.
     *
     * <p>A {@link SynthesisException} may come after some pieces were handed on (a stream cut mid-way).
     *
     * @param audio receives each piece; pieces may be of any length, including empty
     */
    default void synthesizeStreaming(String text, String voice, Consumer<Wav.Clip> audio) {
        audio.accept(synthesize(text, voice));
    }

    @Override
    void close();
}
