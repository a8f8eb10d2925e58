package dev.glyphoxa.gateway.campaign;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Foundry VTT's HTML as plain text. Foundry's enrichers stay as written in exported HTML
 * ({@code @UUID[JournalEntry.x7Kq2mRtY9pLw3Nc]{The Rusty Anchor}}, {@code [[/r 1d6]]}); they become the words a
 * player sees in Foundry before the HTML is reduced to text.
 */
final class FoundryText {

    private static final Pattern LABELLED_LINK = Pattern.compile("@\\w+\\[[^\\]]*]\\{([^}]*)}");
    private static final Pattern BARE_LINK = Pattern.compile("@\\w+\\[[^\\]]*]");
    private static final Pattern INLINE_ROLL = Pattern.compile("\\[\\[(?:/\\w+\\s+)?([^\\]]*)]](?:\\{([^}]*)})?");

    private FoundryText() {
    }

    /** @return the text, or "" when the HTML holds only markup */
    static String plain(String html) {
        String text = LABELLED_LINK.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = INLINE_ROLL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : m.group(1)));
        // Foundry shows an unlabelled link as the linked document's name, which the export does not contain.
        text = BARE_LINK.matcher(text).replaceAll("");
        return HtmlText.plain(text);
    }
}
