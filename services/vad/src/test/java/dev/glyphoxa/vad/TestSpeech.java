package dev.glyphoxa.vad;

import dev.glyphoxa.audio.Wav;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Real speech for tests, voiced by Festival's text2wave. */
public final class TestSpeech {

    private TestSpeech() {
    }

    /** Speaks the text with Festival and returns it as mono 16-bit audio at the given rate. */
    public static short[] festival(Path dir, String text, int sampleRate) throws IOException, InterruptedException {
        Path wav = Files.createTempFile(dir, "festival", ".wav");
        Process p;
        try {
            p = new ProcessBuilder("text2wave", "-o", wav.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Festival's text2wave is not installed: run scripts/install-speech-deps.sh", e);
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("text2wave failed: " + log);
        }
        return Wav.readAs(wav, sampleRate).samples();
    }

    /** Quiet white noise (a room, not digital zero), reproducible. */
    public static short[] noise(int samples, int amplitude, long seed) {
        Random r = new Random(seed);
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (r.nextGaussian() * amplitude);
        }
        return out;
    }

    /** Adds b into a from offset, in place, clipping. */
    public static void mix(short[] a, short[] b, int offset) {
        for (int i = 0; i < b.length && offset + i < a.length; i++) {
            a[offset + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, a[offset + i] + b[i]));
        }
    }
}
