package dev.glyphoxa.stt;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Real speech for tests: sentences voiced by Festival's text2wave, and one shared PocketSphinx engine. */
public final class TestSpeech {

    private static final Map<String, short[]> VOICED = new ConcurrentHashMap<>();
    private static volatile PocketSphinxEngine engine;
    private static Path dir;

    private TestSpeech() {
    }

    public static synchronized PocketSphinxEngine engine() {
        if (engine == null) {
            engine = new PocketSphinxEngine(SttSettings.defaults().pocketSphinx());
        }
        return engine;
    }

    /** 16 kHz mono samples of the sentence spoken by Festival's default (US) voice. */
    public static short[] voiced(String sentence) {
        return VOICED.computeIfAbsent(sentence, TestSpeech::synthesise);
    }

    private static synchronized short[] synthesise(String sentence) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("stt-test-speech");
                Path created = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (var files = Files.walk(created)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    } catch (IOException ignored) {
                        // best effort: a temp dir left behind is harmless
                    }
                }));
            }
            Path text = Files.createTempFile(dir, "s", ".txt");
            Files.writeString(text, sentence + "\n", StandardCharsets.UTF_8);
            Path wav = dir.resolve(text.getFileName() + ".wav");
            Process p = new ProcessBuilder("text2wave", "-o", wav.toString(), text.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("text2wave failed for: " + sentence);
            }
            return Wav.readAs(wav, 16_000).samples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Word error rate: word-level Levenshtein distance (substitutions, insertions, deletions) over reference length. */
    public static double wer(String reference, String hypothesis) {
        return errors(reference, hypothesis) / (double) words(reference).length;
    }

    static int errors(String reference, String hypothesis) {
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

    static String[] words(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z' ]", " ").trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
