package dev.glyphoxa.llm;

import java.util.Locale;
import java.util.Set;

/**
 * What a language model writes but an NPC must never say aloud, removed from a token stream character by character
 * (so a direction or a tag split across tokens is still caught): stage directions ({@code *leans in*},
 * {@code (laughs)}, {@code [sighs]}), markdown markers, code fences, tool-call syntax ({@code {"name": ...}} JSON,
 * {@code <tool_call>...</tool_call>}) and reasoning blocks ({@code <think>...</think>}, which open-weight models
 * served through OpenAI-compatible endpoints often stream as ordinary content). Other {@code <tags>} are dropped,
 * their text kept.
 *
 * <p>A {@code <} is held until its {@code >}; one that is not closed within {@value #MAX_TAG} characters or the
 * line was plain text ("fewer than < 3 coins") and is given back. Stateful: one filter per reply.
 */
final class SpeechFilter {

    static final int MAX_TAG = 40;
    /** Tags whose whole content is unspeakable. */
    private static final Set<String> HIDDEN = Set.of("think", "thinking", "reasoning", "reflection", "tool_call",
            "tool_calls", "tool", "function_call", "function", "tool_response");

    private boolean inStars;
    private int parenDepth;
    private int bracketDepth;
    private int braceDepth;
    private int hiddenDepth;
    private int backticks;
    private boolean inFence;
    private StringBuilder tag;

    /** The speakable characters of the next delta. */
    String filter(String delta) {
        StringBuilder out = new StringBuilder(delta.length());
        for (int i = 0; i < delta.length(); i++) {
            take(delta.charAt(i), out);
        }
        return out.toString();
    }

    /** At the end of the stream: a {@code <} still waiting for its {@code >} was text after all. */
    String flush() {
        StringBuilder out = new StringBuilder();
        giveBackTag(out);
        return out.toString();
    }

    private void take(char c, StringBuilder out) {
        if (tag != null) {
            if (c == '>') {
                String t = tag.toString();
                tag = null;
                closeTag(t);
            } else if (c == '\n' || tag.length() >= MAX_TAG) {
                giveBackTag(out);
                take(c, out);
            } else {
                tag.append(c);
            }
            return;
        }
        if (c == '<' && !inFence) {
            tag = new StringBuilder();
            return;
        }
        if (!dropped(c)) {
            out.append(c);
        }
    }

    private void giveBackTag(StringBuilder out) {
        if (tag == null) {
            return;
        }
        String held = tag.toString();
        tag = null;
        if (!dropped('<')) {
            out.append('<');
        }
        for (int i = 0; i < held.length(); i++) {
            take(held.charAt(i), out);
        }
    }

    private void closeTag(String t) {
        String name = t.strip();
        boolean closing = name.startsWith("/");
        if (closing) {
            name = name.substring(1);
        }
        if (name.endsWith("/")) {
            return;   // <br/>: nothing opened
        }
        name = name.split("[\\s>]", 2)[0].toLowerCase(Locale.ROOT);
        if (HIDDEN.contains(name)) {
            hiddenDepth = closing ? Math.max(0, hiddenDepth - 1) : hiddenDepth + 1;
        }
    }

    private boolean dropped(char c) {
        if (c == '`') {
            if (++backticks == 3) {
                inFence = !inFence;   // ``` opens or closes a code block
                backticks = 0;
            }
            return true;
        }
        backticks = 0;
        if (inFence) {
            return true;
        }
        switch (c) {
            case '*' -> {
                // "*leans in*" is a direction; "**bold**" toggles twice around nothing and keeps its text.
                inStars = !inStars;
                return true;
            }
            case '_', '#' -> {
                return true; // markdown markers, never spoken
            }
            case '(' -> parenDepth++;
            case ')' -> parenDepth = Math.max(0, parenDepth - 1);
            case '[' -> bracketDepth++;
            case ']' -> bracketDepth = Math.max(0, bracketDepth - 1);
            case '{' -> braceDepth++;
            case '}' -> braceDepth = Math.max(0, braceDepth - 1);
            default -> {
                return inStars || parenDepth > 0 || bracketDepth > 0 || braceDepth > 0 || hiddenDepth > 0;
            }
        }
        return true;
    }
}
