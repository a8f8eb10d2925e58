package dev.glyphoxa.stt.provider;

import java.util.Set;

/** A speech recognition engine: makes {@link SpeechRecognizer}s and tells what its dictionary already holds. */
public interface RecognizerFactory {

    /** Name written into each transcript's {@code provider} field. */
    String provider();

    /** A new, independent recogniser. Expensive (loads models): callers pool them. */
    SpeechRecognizer create();

    /** Whether the base dictionary already has this lower-case word (then it needs no pronunciation). */
    boolean knowsWord(String word);

    /** The phones the acoustic model knows; a pronunciation using any other cannot be added. */
    Set<String> phones();
}
