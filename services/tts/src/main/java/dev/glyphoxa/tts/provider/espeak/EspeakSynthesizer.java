package dev.glyphoxa.tts.provider.espeak;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.SpeechText;
import dev.glyphoxa.tts.provider.SynthesisException;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.UnknownVoiceException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * espeak-ng text-to-speech: fast and robotic, with many voices and variants ({@code en}, {@code en-us},
 * {@code en+m3}, {@code en-gb-scotland+f2}). espeak-ng is GPL, so it is only ever run as a separate process
 * (one short-lived process per sentence: it starts in a few milliseconds). Thread-safe. Text goes in on stdin,
 * never as an argument, so it cannot be read as an option.
 */
public final class EspeakSynthesizer implements Synthesizer {

    public static final String NAME = "espeak";
    // a voice name, optionally a path below espeak-ng's voices and a +variant; never an option or a parent path
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+./-]*");

    /**
     * @param command the espeak-ng executable
     * @param timeout longest one sentence may take before the process is killed
     */
    public record Settings(String command, Duration timeout) {
        public Settings {
            if (command == null || command.isBlank()) {
                throw new IllegalArgumentException("espeak command must be set");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("espeak timeout must be positive, got " + timeout);
            }
        }

        public static Settings defaults() {
            return new Settings("espeak-ng", Duration.ofSeconds(10));
        }
    }

    private final Settings settings;
    private final Path workDir;

    public EspeakSynthesizer(Settings settings) {
        this.settings = settings;
        try {
            this.workDir = Files.createTempDirectory("glyphoxa-espeak");
            // empty between sentences: removed even when the owner never gets closed (failed startup)
            workDir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create espeak's temp directory", e);
        }
    }

    public EspeakSynthesizer() {
        this(Settings.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Wav.Clip synthesize(String text, String voice) {
        if (voice == null || !VOICE.matcher(voice).matches() || voice.contains("..")) {
            throw new UnknownVoiceException("'" + voice + "' is not an espeak-ng voice name");
        }
        String clean = SpeechText.clean(text);
        if (!SpeechText.isSpeakable(clean)) {
            return new Wav.Clip(new short[0], 48_000);
        }
        Path wave = null;
        Path log = null;
        try {
            wave = Files.createTempFile(workDir, "line", ".wav");
            log = Files.createTempFile(workDir, "line", ".log");
            Process p = start(voice, wave, log);
            try (OutputStream in = p.getOutputStream()) {
                in.write(clean.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SynthesisException("espeak-ng did not finish within " + settings.timeout().toMillis() + " ms");
            }
            String messages = Files.readString(log, StandardCharsets.UTF_8).trim().replaceAll("\\s+", " ");
            if (p.exitValue() != 0) {
                if (messages.contains("does not exist")) {
                    throw new UnknownVoiceException("espeak-ng has no voice '" + voice + "'");
                }
                throw new SynthesisException("espeak-ng failed with exit code " + p.exitValue() + ": " + messages);
            }
            return Wav.read(wave);
        } catch (IOException e) {
            throw new SynthesisException("espeak-ng failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SynthesisException("interrupted while espeak-ng was speaking", e);
        } finally {
            deleteQuietly(wave);
            deleteQuietly(log);
        }
    }

    private Process start(String voice, Path wave, Path log) {
        try {
            return new ProcessBuilder(settings.command(), "-v", voice, "-w", wave.toString(), "--stdin")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new SynthesisException("espeak-ng is not installed (cannot run '" + settings.command() + "': "
                    + e.getMessage() + "); " + SynthesisException.INSTALL_HINT);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // temp file; the directory goes on close
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // temp directory only
        }
    }
}
