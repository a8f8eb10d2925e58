package dev.glyphoxa.e2e;

import java.util.Arrays;
import java.util.Locale;

/** Word accuracy = 1 − WER, by word-level edit distance over normalised words. */
final class WordAccuracy {

    private WordAccuracy() {
    }

    static String[] words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+"))
                .filter(w -> !w.isBlank()).toArray(String[]::new);
    }

    static double of(String reference, String hypothesis) {
        String[] r = words(reference);
        String[] h = words(hypothesis == null ? "" : hypothesis);
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
        return 1.0 - (double) d[r.length][h.length] / r.length;
    }
}
