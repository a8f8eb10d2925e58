package dev.glyphoxa.llm;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Whether a run of heard words is one of an NPC's names, as a speech recogniser gets fantasy names wrong: exactly,
 * one letter off (names of five letters or more), the same by sound (Double Metaphone, so "grimshah" is not
 * Grimjaw but "grymjah" is), or clipped at the edge of the utterance where segmenters cut words ("grimja").
 * Short names must be heard exactly: "more" is one letter from "mara".
 */
final class NameMatcher {

    enum Match { EXACT, ONE_OFF, SOUNDS_ALIKE, CLIPPED }

    private static final int FUZZY_MIN_LENGTH = 5;
    private static final int CLIPPED_MIN = 5;
    private static final int CLIPPED_MAX_MISSING = 2;
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private NameMatcher() {
    }

    /**
     * @param heard      the words joined without spaces
     * @param form       a folded, space-free name form
     * @param atLineEdge the run starts the line or ends it
     * @return how it matches, or null
     */
    static Match match(String heard, String form, boolean atLineEdge) {
        if (heard.equals(form)) {
            return Match.EXACT;
        }
        if (form.length() < FUZZY_MIN_LENGTH || heard.length() < FUZZY_MIN_LENGTH - 1) {
            return null;
        }
        if (Words.editDistance(heard, form, 1) <= 1) {
            return Match.ONE_OFF;
        }
        if (Math.abs(heard.length() - form.length()) <= 2 && METAPHONE.isDoubleMetaphoneEqual(heard, form)
                && heard.charAt(0) == form.charAt(0)) {
            return Match.SOUNDS_ALIKE;
        }
        if (atLineEdge && heard.length() >= CLIPPED_MIN && form.length() - heard.length() <= CLIPPED_MAX_MISSING
                && form.startsWith(heard)) {
            return Match.CLIPPED;
        }
        return null;
    }
}
