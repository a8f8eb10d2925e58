package dev.glyphoxa.stt.provider;

import java.util.Set;

/**
 * A recogniser behind an HTTP API: its model needs no pronunciations, so every word counts as known and there is
 * no phone set; campaign names reach it as hints instead ({@link SpeechRecognizer#expectNames}).
 */
public interface CloudRecognizerFactory extends RecognizerFactory {

    @Override
    default boolean knowsWord(String word) {
        return true;
    }

    @Override
    default Set<String> phones() {
        return Set.of();
    }
}
