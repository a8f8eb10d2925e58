package dev.glyphoxa.stt.provider;

import java.util.Set;

/** A speech recognition engine: makes {@link SpeechRecognizer}s and tells what its dictionary already holds. */
public interface RecognizerFactory {

    /** Name written into each transcript's {@code provider} field and on the failure metric. */
    String provider();

    /** A new, independent recogniser. May be expensive (offline engines load models): callers pool them. */
    SpeechRecognizer create();

    /** Whether the base dictionary already has this lower-case word (then it needs no pronunciation). */
    boolean knowsWord(String word);

    /** The phones the acoustic model knows; a pronunciation using any other cannot be added. */
    Set<String> phones();

    /**
     * Whether a fresh recogniser's first streamed utterance is unreliable, so the stage decodes it again from the
     * stored audio. True for engines that adapt to the channel as they go; a cloud engine would be paid twice.
     */
    default boolean redecodesFirstUtterance() {
        return false;
    }
}
