package dev.glyphoxa.stt.provider.pocketsphinx;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.glyphoxa.stt.provider.MissingSpeechDependencyException;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * PocketSphinx through JNA against Debian's {@code libpocketsphinx.so.3} (5prealpha API) with the
 * {@code pocketsphinx-en-us} model. Checks at construction that the libraries and model files are present, so a
 * missing package is reported once, at start-up, as a {@link MissingSpeechDependencyException}.
 */
public final class PocketSphinxEngine implements RecognizerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PocketSphinxEngine.class);

    /**
     * Where the engine finds its pieces.
     *
     * @param acousticModel      directory of the acoustic model ({@code -hmm})
     * @param languageModel      n-gram language model ({@code -lm})
     * @param dictionary         pronunciation dictionary ({@code -dict})
     * @param library            libpocketsphinx, by file name or path
     * @param sphinxbaseLibrary  libsphinxbase (holds {@code cmd_ln_init}), by file name or path
     * @param logFile            where the decoder's own verbose log goes ({@code -logfn})
     */
    public record Config(String acousticModel, String languageModel, String dictionary, String library,
                         String sphinxbaseLibrary, String logFile) {
    }

    private final Config config;
    private final PocketSphinxNative ps;
    private final PocketSphinxNative.SphinxBase sphinxbase;
    private final Set<String> words;
    private final Set<String> phones;

    public PocketSphinxEngine(Config config) {
        this.config = config;
        requireFile(config.acousticModel(), "PocketSphinx acoustic model", true);
        requireFile(config.languageModel(), "PocketSphinx language model", false);
        requireFile(config.dictionary(), "PocketSphinx dictionary", false);
        try {
            // sphinxbase first: libpocketsphinx links against it.
            this.sphinxbase = Native.load(config.sphinxbaseLibrary(), PocketSphinxNative.SphinxBase.class);
            this.ps = Native.load(config.library(), PocketSphinxNative.class);
        } catch (UnsatisfiedLinkError e) {
            throw new MissingSpeechDependencyException("cannot load the PocketSphinx native library "
                    + config.library() + " / " + config.sphinxbaseLibrary() + ": " + firstLine(e.getMessage()));
        }
        this.words = new HashSet<>(140_000);
        this.phones = new HashSet<>();
        readDictionary(Path.of(config.dictionary()), words, phones);
    }

    private static void requireFile(String path, String what, boolean directory) {
        Path p = Path.of(path);
        if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
            throw new MissingSpeechDependencyException(what + " not found at " + path);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Collects the base words (alternates like {@code read(2)} count as {@code read}) and the phones in use. */
    static void readDictionary(Path file, Set<String> words, Set<String> phones) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length < 2) {
                    continue;
                }
                String word = parts[0];
                int alt = word.indexOf('(');
                words.add(alt > 0 ? word.substring(0, alt) : word);
                for (int i = 1; i < parts.length; i++) {
                    phones.add(parts[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PocketSphinx dictionary " + file, e);
        }
    }

    @Override
    public String provider() {
        return "pocketsphinx";
    }

    @Override
    public boolean knowsWord(String word) {
        return words.contains(word);
    }

    @Override
    public Set<String> phones() {
        return Set.copyOf(phones);
    }

    /**
     * A fresh decoder streams with the model's initial cepstral mean (live CMN), which can be far from this
     * channel's: measured, Festival speech resampled to 16 kHz gave "have you seen granted today" on a fresh decoder
     * and the right words on every later utterance. Decoding the stored utterance as a whole (batch CMN) fixes it.
     */
    @Override
    public boolean redecodesFirstUtterance() {
        return true;
    }

    @Override
    public SpeechRecognizer create() {
        long t0 = System.nanoTime();
        Pointer cfg = sphinxbase.cmd_ln_init(null, ps.ps_args(), 1,
                "-hmm", config.acousticModel(),
                "-lm", config.languageModel(),
                "-dict", config.dictionary(),
                "-logfn", config.logFile(),
                null);
        if (cfg == null) {
            throw new IllegalStateException("pocketsphinx rejected its configuration (cmd_ln_init returned NULL)");
        }
        Pointer decoder;
        try {
            decoder = ps.ps_init(cfg);
        } finally {
            // ps_init keeps its own reference to the configuration.
            sphinxbase.cmd_ln_free_r(cfg);
        }
        if (decoder == null) {
            throw new MissingSpeechDependencyException("pocketsphinx could not load its model from "
                    + config.acousticModel() + " / " + config.languageModel() + " / " + config.dictionary()
                    + " (see " + config.logFile() + ")");
        }
        LOG.debug("pocketsphinx decoder created in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return new PocketSphinxRecognizer(ps, decoder);
    }
}
