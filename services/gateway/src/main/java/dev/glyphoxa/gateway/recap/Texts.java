package dev.glyphoxa.gateway.recap;

/** Shortening that keeps words whole, so a recap never ends in half a name. */
final class Texts {

    static final String ELLIPSIS = "…";

    private Texts() {
    }

    /** {@code text} if it fits in {@code max} characters, else its longest whole-word start plus an ellipsis. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int room = max - ELLIPSIS.length();
        int cut = lastSpaceAtOrBefore(text, room);
        // One word longer than the room has no boundary to cut at; cutting it is the only way to stay in bounds.
        String kept = cut > 0 ? text.substring(0, cut) : text.substring(0, Math.max(room, 0));
        return kept.stripTrailing() + ELLIPSIS;
    }

    /** {@code text} if it fits, else an ellipsis plus its longest whole-word end. */
    static String keepEnd(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int from = text.length() - (max - ELLIPSIS.length());
        int space = text.indexOf(' ', from - 1);
        String kept = space >= 0 && space + 1 < text.length() ? text.substring(space + 1) : text.substring(from);
        return ELLIPSIS + kept.stripLeading();
    }

    private static int lastSpaceAtOrBefore(String text, int index) {
        for (int i = Math.min(index, text.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
