package dev.glyphoxa.tts.provider.festival;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.SpeechText;
import dev.glyphoxa.tts.provider.SynthesisException;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.UnknownVoiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Festival text-to-speech (the offline default), by default with the HTS voice {@code cmu_us_slt_arctic_hts}.
 *
 * <p>Keeps a small pool of long-lived Festival processes (one by default) and lends each to one sentence at a
 * time; a process that dies is restarted on its next use. Plain Java, no Micronaut needed:
 * <pre>{@code
 * try (var festival = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults())) {
 *     Wav.Clip clip = festival.synthesize("Welcome to the Prancing Pony.", "slt");
 * }
 * }</pre>
 * Voice names are the presets of {@link FestivalVoice} ({@code slt}, {@code slt-deep}, ...).
 */
public final class FestivalSynthesizer implements Synthesizer {

    public static final String NAME = "festival";
    private static final Logger LOG = LoggerFactory.getLogger(FestivalSynthesizer.class);

    /**
     * @param command   the festival executable
     * @param voice     Festival voice to load, without the {@code voice_} prefix
     * @param processes how many Festival processes may speak at once
     * @param timeout   longest one sentence may take before its process is killed
     */
    public record Settings(String command, String voice, int processes, Duration timeout) {
        public Settings {
            if (command == null || command.isBlank()) {
                throw new IllegalArgumentException("festival command must be set");
            }
            if (voice == null || !voice.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("festival voice must be a plain voice name, got: " + voice);
            }
            if (processes < 1) {
                throw new IllegalArgumentException("festival processes must be at least 1, got " + processes);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("festival timeout must be positive, got " + timeout);
            }
        }

        public static Settings defaults() {
            return new Settings("festival", "cmu_us_slt_arctic_hts", 1, Duration.ofSeconds(30));
        }
    }

    private final Path workDir;
    private final List<FestivalProcess> all = new ArrayList<>();
    private final BlockingQueue<FestivalProcess> idle;
    private volatile boolean closed;

    public FestivalSynthesizer(Settings settings) {
        try {
            this.workDir = Files.createTempDirectory("glyphoxa-festival");
            // empty between sentences: removed even when the owner never gets closed (failed startup)
            workDir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create festival's temp directory", e);
        }
        this.idle = new ArrayBlockingQueue<>(settings.processes());
        for (int i = 0; i < settings.processes(); i++) {
            FestivalProcess p = new FestivalProcess(settings, workDir, i);
            all.add(p);
            idle.add(p);
        }
    }

    public FestivalSynthesizer() {
        this(Settings.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Starts every process now (otherwise the first sentence pays for it); throws if Festival is unusable. */
    public void start() {
        List<FestivalProcess> taken = new ArrayList<>();
        try {
            for (int i = 0; i < all.size(); i++) {
                FestivalProcess p = borrow();
                taken.add(p);
                p.ensureRunning();
            }
        } finally {
            taken.forEach(idle::add);
        }
    }

    /** Operating-system ids of the Festival processes (-1 for one not running). */
    public List<Long> processIds() {
        synchronized (all) {
            return all.stream().map(FestivalProcess::pid).toList();
        }
    }

    @Override
    public Wav.Clip synthesize(String text, String voice) {
        FestivalVoice preset = FestivalVoice.named(voice)
                .orElseThrow(() -> new UnknownVoiceException("festival has no voice '" + voice + "' (known: "
                        + String.join(", ", FestivalVoice.names()) + ")"));
        String clean = SpeechText.clean(text);
        if (!SpeechText.isSpeakable(clean)) {
            return new Wav.Clip(new short[0], 48_000);
        }
        FestivalProcess p = borrow();
        Wav.Clip clip;
        try {
            long started = System.nanoTime();
            clip = p.synthesize(clean, preset.festivalSpeed());
            if (LOG.isDebugEnabled()) {
                double ms = (System.nanoTime() - started) / 1e6;
                LOG.debug("festival spoke {} chars as {} s in {} ms (RTF {})", clean.length(),
                        String.format("%.2f", clip.seconds()), Math.round(ms),
                        String.format("%.3f", ms / 1000 / Math.max(1e-3, clip.seconds())));
            }
        } finally {
            idle.add(p);
        }
        return new Wav.Clip(clip.samples(), preset.relabelledRate(clip.sampleRate()));
    }

    private FestivalProcess borrow() {
        if (closed) {
            throw new SynthesisException("festival synthesizer is closed");
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SynthesisException("interrupted while waiting for a festival process", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(FestivalProcess::close);
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot clean {}: {}", workDir, e.getMessage());
        }
    }
}
