package dev.glyphoxa.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns a stream of text deltas into spoken sentences as they complete, so text-to-speech can start on the first
 * sentence while the responder is still producing the rest.
 * <p>
 * A sentence ends at {@code . ! ? …} (a run of them, then any closing quotes or brackets) followed by whitespace and
 * then the start of a new sentence: an upper-case letter, a digit, an opening quote or bracket. Waiting for that first
 * character costs one token and settles the cases a plain "terminator + space" rule gets wrong: abbreviations
 * ("Mr. Grimjaw"), ellipses inside a sentence ("Well... perhaps"), quoted speech ("'Begone!' he said") and trailing
 * whitespace after the last sentence. The last sentence is whatever remains when the stream ends
 * ({@link #finish()}), so the caller can mark it last in turn without any extra waiting.
 * <p>
 * Hand-written rather than {@link java.text.BreakIterator}: that one needs the whole text up front and splits after
 * "Mr.", and we need incremental decisions on a token stream.
 * <p>
 * In reply mode ({@link #forReply}) it also removes what must not be spoken ({@link SpeechFilter}: stage
 * directions, markdown, code, tool-call syntax, reasoning blocks) and a leading name label ("Grimjaw: ...").
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "prof", "capt", "col", "gen", "lt", "sgt", "rev",
            "vs", "etc", "fig", "ft", "approx");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.;:!?…])");
    private static final Pattern SPEAKABLE = Pattern.compile("[\\p{L}\\p{N}]");

    private final Consumer<String> onSentence;
    private final boolean clean;
    private final List<Pattern> labels;
    private final StringBuilder buf = new StringBuilder();
    private int scanFrom;
    private SpeechFilter filter = new SpeechFilter();

    private SentenceSplitter(Consumer<String> onSentence, boolean clean, Collection<String> speakerNames) {
        this.onSentence = onSentence;
        this.clean = clean;
        List<Pattern> l = new ArrayList<>();
        for (String name : speakerNames) {
            if (name != null && !name.isBlank()) {
                l.add(Pattern.compile("^[\"“']?\\s*" + Pattern.quote(name.trim()) + "\\s*[:：]\\s*",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        this.labels = List.copyOf(l);
    }

    /** For model output: strips stage directions, emphasis markers and "Name:" labels of the given speaker names. */
    public static SentenceSplitter forReply(Collection<String> speakerNames, Consumer<String> onSentence) {
        return new SentenceSplitter(onSentence, true, speakerNames);
    }

    /** For text that must be said as written (a GM's speak-as-NPC line): only splits and tidies whitespace. */
    public static SentenceSplitter verbatim(Consumer<String> onSentence) {
        return new SentenceSplitter(onSentence, false, List.of());
    }

    /** Splits a complete text into sentences without cleaning it. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        SentenceSplitter s = verbatim(out::add);
        s.accept(text);
        String last = s.finish();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /** Adds a delta; calls the sentence consumer for every sentence it completes. */
    public void accept(String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        buf.append(clean ? filter.filter(delta) : delta);
        scan();
    }

    /** Ends the stream: returns the last sentence (cleaned, possibly empty) and resets the splitter. */
    public String finish() {
        if (clean) {
            buf.append(filter.flush());
        }
        String last = tidy(buf.toString());
        reset();
        return last;
    }

    /** Whatever has been received since the last completed sentence, for a stream that broke off. */
    public String fragment() {
        return finish();
    }

    private void reset() {
        buf.setLength(0);
        scanFrom = 0;
        filter = new SpeechFilter();
    }

    private void scan() {
        int i = scanFrom;
        while (i < buf.length()) {
            char c = buf.charAt(i);
            if (isTerminator(c) || c == '\n') {
                int runEnd = i;
                while (runEnd < buf.length() && isTerminator(buf.charAt(runEnd))) {
                    runEnd++;
                }
                int end = runEnd;
                while (end < buf.length() && isClosing(buf.charAt(end))) {
                    end++;
                }
                if (end == buf.length()) {
                    scanFrom = i; // undecided until more text arrives
                    return;
                }
                if (c != '\n' && !Character.isWhitespace(buf.charAt(end))) {
                    i = end; // "3.5", "e.g.", "?!"" inside a word: not a boundary
                    continue;
                }
                int next = end;
                while (next < buf.length() && Character.isWhitespace(buf.charAt(next))) {
                    next++;
                }
                if (next == buf.length()) {
                    scanFrom = i;
                    return;
                }
                boolean single = c == '.' && runEnd - i == 1;
                if (startsSentence(buf.charAt(next)) && !(single && abbreviationBefore(i))) {
                    String sentence = tidy(buf.substring(0, c == '\n' ? i : end));
                    buf.delete(0, next);
                    i = 0;
                    scanFrom = 0;
                    if (!sentence.isEmpty()) {
                        onSentence.accept(sentence);
                    }
                    continue;
                }
                i = next;
                continue;
            }
            i++;
        }
        scanFrom = i;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
    }

    private static boolean startsSentence(char c) {
        if (c == '"' || c == '“' || c == '\'' || c == '‘' || c == '«' || c == '¿' || c == '¡' || c == '(' || c == '[') {
            return true;
        }
        return Character.isDigit(c) || (Character.isLetter(c) && !Character.isLowerCase(c));
    }

    /** True when the word before the dot at {@code dot} is a known abbreviation or a single-letter initial. */
    private boolean abbreviationBefore(int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(buf.charAt(start - 1))) {
            start--;
        }
        if (start == dot) {
            return false;
        }
        String word = buf.substring(start, dot);
        if (word.length() == 1) {
            return !word.equals("I"); // initials ("J. R. Tolk") and "e.g.", but "...so do I. Then" ends a sentence
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private String tidy(String raw) {
        String s = SPACES.matcher(raw).replaceAll(" ").trim();
        if (!clean) {
            return s;
        }
        s = SPACE_BEFORE_PUNCT.matcher(s).replaceAll("$1");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (Pattern label : labels) {
                String without = label.matcher(s).replaceFirst("");
                if (!without.equals(s)) {
                    s = without.trim();
                    stripped = true;
                }
            }
        }
        s = s.replaceAll("^[,;:]\\s*", "").trim();
        return SPEAKABLE.matcher(s).find() ? s : "";
    }
}
