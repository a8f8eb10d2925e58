package dev.glyphoxa.gateway.campaign;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The readable text of an HTML fragment, as the NPCs should know it: no tags, entities decoded, one line per
 * paragraph, list item or heading.
 *
 * <p>jsoup does the parsing (every named entity, unclosed tags); the walk is ours only because jsoup's
 * {@code text()} puts everything on one line and an LLM reads paragraphs better than a wall of text.
 */
final class HtmlText {

    /** Includes no-break and other Unicode spaces: {@code &nbsp;} must separate words like a space does. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private HtmlText() {
    }

    /** @return the text, or "" when the fragment holds only markup (images, empty paragraphs) */
    static String plain(String html) {
        StringBuilder out = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    // A line break inside a text node is source formatting, not a paragraph break.
                    out.append(SPACES.matcher(text.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                }
            }
        });
        return Arrays.stream(out.toString().split("\n"))
                .map(line -> SPACES.matcher(line).replaceAll(" ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
