package dev.glyphoxa.tts.provider.festival;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived {@code festival --pipe} process that keeps its voice loaded between sentences (starting Festival
 * and loading the HTS voice costs more than synthesising a sentence).
 *
 * <p>Protocol: each request is a few Scheme lines on stdin; the wave goes to a file; then a marker is printed on
 * stderr. Stderr because Festival's stdout is block-buffered when it is a pipe, while stderr is unbuffered, so the
 * marker arrives as soon as the wave is written. The marker is its own top-level command: a Scheme error aborts
 * only the command it occurs in, so the marker still comes and the {@code SIOD ERROR} lines before it tell that
 * the request failed. A process that dies is replaced on the next request. Not thread-safe: the pool in
 * {@link FestivalSynthesizer} lends each process to one caller at a time.
 */
final class FestivalProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FestivalProcess.class);
    private static final String SIOD_ERROR = "SIOD ERROR";
    private static final String EOF = new String("<eof>"); // identity-compared sentinel

    private final FestivalSynthesizer.Settings settings;
    private final Path workDir;
    private final int index;
    private final String token = UUID.randomUUID().toString().replace("-", "");
    private volatile Process process;
    private volatile boolean closed;
    private Writer stdin;
    private BlockingQueue<String> stderr;
    private long requests;

    FestivalProcess(FestivalSynthesizer.Settings settings, Path workDir, int index) {
        this.settings = settings;
        this.workDir = workDir;
        this.index = index;
    }

    /** Operating-system id of the running process, or -1 if none runs. */
    long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    void ensureRunning() {
        if (closed) {
            throw new SynthesisException("festival synthesizer is closed");
        }
        if (process != null && process.isAlive()) {
            return;
        }
        if (process != null) {
            LOG.warn("festival process {} (pid {}) exited with {}; starting a new one", index, process.pid(),
                    process.exitValue());
            destroy();
        }
        start();
    }

    /** Speaks {@code text} at Festival speed {@code speed}; restarts the process once if it died meanwhile. */
    Wav.Clip synthesize(String text, double speed) {
        for (int attempt = 1; ; attempt++) {
            ensureRunning();
            try {
                return request(text, speed);
            } catch (Died e) {
                LOG.warn("festival process {} died while speaking ({}); {}", index, e.getMessage(),
                        attempt == 1 ? "restarting it and retrying" : "giving up");
                destroy();
                if (attempt > 1) {
                    throw new SynthesisException("festival died twice while speaking one sentence: " + e.getMessage());
                }
            }
        }
    }

    private void start() {
        ProcessBuilder pb = new ProcessBuilder(settings.command(), "--pipe")
                .directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            process = pb.start();
        } catch (IOException e) {
            process = null;
            throw new SynthesisException("festival is not installed (cannot run '" + settings.command() + "': "
                    + e.getMessage() + "); " + SynthesisException.INSTALL_HINT);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.ISO_8859_1);
        stderr = new LinkedBlockingQueue<>();
        pumpStderr(process, stderr);
        // Remember the voice's own HTS parameters so each request can prepend its speed to them;
        // non-HTS voices have none and get Festival's Duration_Stretch instead.
        List<String> errors;
        try {
            errors = exchange("(voice_" + settings.voice() + ")\n"
                    + "(set! glyphoxa_hts_params (if (symbol-bound? 'hts_engine_params) hts_engine_params nil))\n");
        } catch (Died e) {
            destroy();
            throw new SynthesisException("festival exited while starting (" + e.getMessage() + "); "
                    + SynthesisException.INSTALL_HINT);
        }
        if (!errors.isEmpty()) {
            destroy();
            String missing = errors.stream().anyMatch(l -> l.contains("voice_" + settings.voice()))
                    ? "festival voice " + settings.voice() + " is not installed (Debian package festvox-us-slt-hts for the default)"
                    : "festival failed to load voice " + settings.voice() + ": " + String.join(" | ", errors);
            throw new SynthesisException(missing + "; " + SynthesisException.INSTALL_HINT);
        }
        LOG.info("festival process {} started (pid {}, voice {})", index, process.pid(), settings.voice());
    }

    private Wav.Clip request(String text, double speed) {
        Path wave = workDir.resolve("p" + index + "-" + (requests++) + ".wav");
        String rate = String.format(Locale.ROOT, "%.4f", speed);
        String commands = "(if glyphoxa_hts_params"
                + " (set! hts_engine_params (cons (list \"-r\" " + rate + ") glyphoxa_hts_params))"
                + " (Parameter.set 'Duration_Stretch (/ 1.0 " + rate + ")))\n"
                + "(utt.save.wave (utt.synth (Utterance Text " + SchemeString.literal(text) + ")) "
                + SchemeString.literal(wave.toString()) + " 'riff)\n";
        try {
            List<String> errors = exchange(commands);
            if (!errors.isEmpty()) {
                throw new SynthesisException("festival could not speak the text: " + String.join(" | ", errors));
            }
            if (!Files.exists(wave)) {
                throw new SynthesisException("festival wrote no audio for the text");
            }
            return Wav.read(wave);
        } catch (IOException e) {
            throw new SynthesisException("cannot read festival's audio: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(wave);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", wave, e.getMessage());
            }
        }
    }

    /** Sends commands plus a marker; returns the Scheme errors printed before the marker. */
    private List<String> exchange(String commands) {
        String marker = "glyphoxa-done-" + token + "-" + requests;
        try {
            stdin.write(commands);
            stdin.write("(format stderr \"%s\\n\" " + SchemeString.literal(marker) + ")\n");
            stdin.flush();
        } catch (IOException e) {
            throw new Died("cannot write to festival: " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            String line;
            try {
                line = stderr.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroy();
                throw new SynthesisException("interrupted while festival was speaking", e);
            }
            if (line == null) {
                destroy();
                throw new SynthesisException("festival did not answer within " + settings.timeout().toMillis()
                        + " ms; process killed, a new one starts with the next sentence");
            }
            if (line == EOF) {
                throw new Died("festival's stderr closed");
            }
            if (line.equals(marker)) {
                return errors;
            }
            if (line.contains(SIOD_ERROR)) {
                errors.add(line.trim());
            } else if (!line.isBlank()) {
                LOG.debug("festival {}: {}", index, line);
            }
        }
    }

    private static void pumpStderr(Process p, BlockingQueue<String> queue) {
        Thread.ofPlatform().daemon().name("festival-stderr-" + p.pid()).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.ISO_8859_1))) {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // the process went away; the EOF below tells the waiting caller
            } finally {
                queue.add(EOF);
            }
        });
    }

    private void destroy() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        closed = true;
        destroy();
    }

    /** The process went away mid-request; the caller restarts it. */
    private static final class Died extends RuntimeException {
        Died(String message) {
            super(message, null, false, false);
        }
    }
}
