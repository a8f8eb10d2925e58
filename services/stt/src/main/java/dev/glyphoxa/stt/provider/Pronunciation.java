package dev.glyphoxa.stt.provider;

/**
 * A dictionary entry to add: the word as the recogniser spells it (lower case) and its phones.
 *
 * @param word   lower case, no spaces
 * @param phones ARPAbet phones as the en-us model names them (upper case, no stress), space separated
 */
public record Pronunciation(String word, String phones) {
    public Pronunciation {
        if (word == null || word.isBlank() || word.contains(" ")) {
            throw new IllegalArgumentException("a dictionary word must be one non-blank token: '" + word + "'");
        }
        if (phones == null || phones.isBlank()) {
            throw new IllegalArgumentException("no phones for '" + word + "'");
        }
    }
}
