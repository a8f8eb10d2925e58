package dev.glyphoxa.gateway.recap;

import java.util.regex.Pattern;

/**
 * Removes what models add around a recap although the prompt asks them not to: reasoning blocks, markdown
 * headings and emphasis, a "Recap:" label, quotes around the whole text.
 */
final class LlmOutput {

    private static final Pattern THINKING = Pattern.compile("(?is)<think>.*?</think>");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}(\\s.*)?$");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*(-{3,}|\\*{3,}|_{3,})\\s*$");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");
    private static final Pattern LABEL = Pattern.compile("(?i)^(session\\s+)?recap\\s*:\\s*");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

    private LlmOutput() {
    }

    static String clean(String text) {
        // Unquoted before and after: quotes may wrap the headings, or sit inside them around the prose.
        String s = unquote(THINKING.matcher(text).replaceAll("").strip());
        s = HEADING.matcher(s).replaceAll("");
        s = RULE.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = s.strip();
        s = LABEL.matcher(s).replaceFirst("");
        s = unquote(s.strip());
        return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            boolean quoted = (first == '"' && last == '"') || (first == '“' && last == '”')
                    || (first == '\'' && last == '\'');
            // A quote inside means the outer ones may belong to two separate quotations, not to the whole text.
            String inner = s.substring(1, s.length() - 1);
            if (quoted && inner.indexOf(first) < 0 && inner.indexOf(last) < 0) {
                return inner.strip();
            }
        }
        return s;
    }
}
