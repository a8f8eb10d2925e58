package dev.glyphoxa.tts.provider;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns an LLM sentence into plain text a speech engine reads well: ASCII only (both engines speak English and
 * Festival reads bytes as Latin-1), no control characters, no markdown emphasis, single spaces.
 *
 * <p>This is normalisation, not escaping: every provider still quotes the result for its own input channel.
 */
public final class SpeechText {

    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPEAKABLE = Pattern.compile("[A-Za-z0-9]");

    private SpeechText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'')
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
                .replace("\u2013", ", ").replace("\u2014", ", ");
        // NFKD splits accented letters into letter + combining mark (café -> cafe) and expands ligatures and "…".
        s = COMBINING.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                // markdown emphasis and code marks are read aloud as "asterisk" by Festival
                case '*', '_', '`', '~', '#', '\\', '|', '^' -> out.append(' ');
                // espeak-ng treats [[...]] as phoneme input
                case '[', '{' -> out.append('(');
                case ']', '}' -> out.append(')');
                default -> out.append(c >= 0x20 && c < 0x7f ? c : ' ');
            }
        }
        return SPACES.matcher(out).replaceAll(" ").trim();
    }

    /** Whether the cleaned text has anything an engine would pronounce (a letter or digit). */
    public static boolean isSpeakable(String cleaned) {
        return cleaned != null && SPEAKABLE.matcher(cleaned).find();
    }
}
