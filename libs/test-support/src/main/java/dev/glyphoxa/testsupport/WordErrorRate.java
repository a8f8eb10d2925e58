package dev.glyphoxa.testsupport;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word error rate, the usual measure of a recogniser: word-level Levenshtein distance (substitutions, insertions,
 * deletions) over the reference's length. Case and punctuation do not count.
 */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    public static double wer(String reference, String hypothesis) {
        return errors(reference, hypothesis) / (double) Math.max(1, words(reference).length);
    }

    /** 1 − WER: the share of the reference's words heard right. */
    public static double accuracy(String reference, String hypothesis) {
        return 1.0 - wer(reference, hypothesis);
    }

    public static int errors(String reference, String hypothesis) {
        String[] r = words(reference);
        String[] h = words(hypothesis);
        int[][] d = new int[r.length + 1][h.length + 1];
        for (int i = 0; i <= r.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= h.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= r.length; i++) {
            for (int j = 1; j <= h.length; j++) {
                int sub = d[i - 1][j - 1] + (r[i - 1].equals(h[j - 1]) ? 0 : 1);
                d[i][j] = Math.min(sub, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return d[r.length][h.length];
    }

    public static String[] words(String s) {
        return Arrays.stream((s == null ? "" : s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+"))
                .filter(w -> !w.isBlank()).toArray(String[]::new);
    }
}
