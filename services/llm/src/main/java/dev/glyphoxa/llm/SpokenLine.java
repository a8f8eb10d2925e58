package dev.glyphoxa.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognised line as words plus what separates them: where the punctuation falls tells a name set off by commas
 * ("Tell me, Grimjaw, ...": spoken to) from a name inside the sentence ("I don't trust Grimjaw": spoken about).
 * Recognisers that do not punctuate (PocketSphinx) give {@link #punctuated()} false, and only word cues remain.
 */
record SpokenLine(List<String> words, List<Boolean> breaks, boolean[] possessiveAfter, boolean punctuated) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern BREAK = Pattern.compile("[,;:.!?\u2014\u2013]|\\s-\\s");

    static SpokenLine of(String text) {
        String folded = Words.fold(text);
        List<String> words = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        List<Boolean> possessive = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        int previousEnd = 0;
        while (m.find()) {
            String gap = folded.substring(previousEnd, m.start());
            String word = m.group();
            if (word.equals("s") && !words.isEmpty() && gap.equals("'")) {
                possessive.set(possessive.size() - 1, true);   // "grimjaw's": the 's is not a word of its own
            } else {
                words.add(word);
                breaks.add(words.size() == 1 || BREAK.matcher(gap).find());
                possessive.add(false);
            }
            previousEnd = m.end();
        }
        breaks.add(true);   // the end of the line is a break too: breakBefore(words.size())
        boolean[] poss = new boolean[possessive.size()];
        for (int i = 0; i < poss.length; i++) {
            poss[i] = possessive.get(i);
        }
        return new SpokenLine(List.copyOf(words), List.copyOf(breaks), poss, BREAK.matcher(folded).find());
    }

    int size() {
        return words.size();
    }

    /** True at the start, at the end ({@code i == size()}) and where punctuation separates word i from word i-1. */
    boolean breakBefore(int i) {
        return breaks.get(i);
    }
}
