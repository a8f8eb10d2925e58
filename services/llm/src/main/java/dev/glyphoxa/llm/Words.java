package dev.glyphoxa.llm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word-level text helpers shared by addressing, retrieval and the offline responder. Hand-written rather than a
 * Lucene analyzer: the texts are a sentence and a few dozen entity descriptions, and a 2 MB dependency for
 * lower-casing, a stop list and plural stripping would not pay for itself.
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("'s\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Function words and conversational filler that say nothing about the topic of a line. */
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "into", "onto", "up", "down", "out", "over", "under", "as", "than", "then", "so", "too", "very", "just",
            "i", "me", "my", "we", "us", "our", "you", "your", "yours", "he", "him", "his", "she", "her",
            "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here",
            "what", "whats", "where", "wheres", "who", "whos", "whom", "why", "how", "when", "which",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
            "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "know", "tell", "think", "heard", "hear", "say", "said", "ask", "go", "get", "got", "like", "want", "need",
            "about", "anything", "something", "thing", "things", "any", "some", "all", "more", "else", "please",
            "hey", "hi", "hello", "oh", "well", "yes", "no", "not", "dont", "don", "t", "s", "d", "ll", "re", "ve",
            "m", "lot", "much", "many", "one", "ones", "let", "lets", "see", "look", "come", "take", "give", "make");

    private Words() {
    }

    /** Lower case, accents removed, typographic apostrophes made plain. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('\u2019', '\'').replace('\u2018', '\'')
                .toLowerCase(Locale.ROOT);
    }

    /** Folded words in order, possessive 's dropped. */
    public static List<String> tokens(String text) {
        String folded = POSSESSIVE.matcher(fold(text)).replaceAll("");
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(folded)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public static boolean isStopword(String token) {
        return STOP.contains(token);
    }

    /** Content words of a text, stemmed, in order (duplicates kept). */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String t : tokens(text)) {
            if (!isStopword(t) && (t.length() > 1 || Character.isDigit(t.charAt(0)))) {
                out.add(stem(t));
            }
        }
        return out;
    }

    /** Plural stripping only: enough to meet "mines" with "mine" and "smithies" with "smithy". */
    public static String stem(String token) {
        if (token.length() > 4 && token.endsWith("ies")) {
            return token.substring(0, token.length() - 3) + "y";
        }
        if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us")) {
            return token.substring(0, token.length() - 1);
        }
        return token;
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    public static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], max + 1);
    }
}
