package dev.glyphoxa.stt;

import dev.glyphoxa.testsupport.WordErrorRate;
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

    /** Word error rate, see {@link WordErrorRate}. */
    public static double wer(String reference, String hypothesis) {
        return WordErrorRate.wer(reference, hypothesis);
    }
}
