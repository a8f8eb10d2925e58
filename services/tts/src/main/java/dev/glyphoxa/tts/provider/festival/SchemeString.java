package dev.glyphoxa.tts.provider.festival;

/**
 * Quotes arbitrary text as one SIOD (Festival's Scheme) string literal, so spoken text can never close the
 * literal and inject Scheme: backslash and double quote are escaped, control and non-ASCII characters become
 * spaces (which also keeps every command on one line).
 */
final class SchemeString {

    private SchemeString() {
    }

    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
