package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.MissingSpeechDependencyException;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.deepgram.DeepgramEngine;
import dev.glyphoxa.stt.provider.openai.OpenAiTranscriptionEngine;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The configured recognition engine and the offline one: the offline engine is the configured one for
 * {@code pocketsphinx}, and for a cloud provider the stand-in for utterances the provider fails on (null when
 * PocketSphinx is not installed or the fallback is switched off).
 */
public record SttEngines(RecognizerFactory primary, RecognizerFactory offline) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SttEngines.class);

    public static SttEngines from(SttSettings settings, SttProviderSettings p) {
        String provider = p.provider() == null ? "" : p.provider().strip().toLowerCase(Locale.ROOT);
        switch (provider) {
            case SttProviderSettings.POCKETSPHINX, "" -> {
                PocketSphinxEngine engine = new PocketSphinxEngine(settings.pocketSphinx());
                return new SttEngines(engine, engine);
            }
            case SttProviderSettings.DEEPGRAM -> {
                DeepgramEngine deepgram = new DeepgramEngine(new DeepgramEngine.Config(
                        or(p.baseUrl(), DeepgramEngine.DEFAULT_BASE_URL), or(p.model(), DeepgramEngine.DEFAULT_MODEL),
                        apiKey(p, DeepgramEngine.NAME), p.language(), p.interimResults(), p.connectTimeout(), p.resultTimeout()));
                return withFallback(deepgram, settings, p);
            }
            case SttProviderSettings.OPENAI -> {
                OpenAiTranscriptionEngine openai = new OpenAiTranscriptionEngine(new OpenAiTranscriptionEngine.Config(
                        or(p.baseUrl(), OpenAiTranscriptionEngine.DEFAULT_BASE_URL),
                        or(p.model(), OpenAiTranscriptionEngine.DEFAULT_MODEL),
                        apiKey(p, OpenAiTranscriptionEngine.NAME), p.language(), p.connectTimeout(), p.resultTimeout()));
                return withFallback(openai, settings, p);
            }
            default -> throw new IllegalStateException("unknown glyphoxa.stt.provider '" + p.provider()
                    + "': use pocketsphinx, deepgram or openai");
        }
    }

    private static SttEngines withFallback(RecognizerFactory cloud, SttSettings settings, SttProviderSettings p) {
        if (!p.offlineFallback()) {
            LOG.info("speech is recognised by {}; offline fallback switched off: an utterance it fails on gets an "
                    + "empty transcript", cloud);
            return new SttEngines(cloud, null);
        }
        try {
            PocketSphinxEngine offline = new PocketSphinxEngine(settings.pocketSphinx());
            LOG.info("speech is recognised by {}; PocketSphinx transcribes the utterances it fails on", cloud);
            return new SttEngines(cloud, offline);
        } catch (MissingSpeechDependencyException e) {
            LOG.warn("speech is recognised by {}; no offline fallback, an utterance it fails on gets an empty "
                    + "transcript: {}", cloud, e.getMessage());
            return new SttEngines(cloud, null);
        }
    }

    /** The key from {@code api-key}, else from {@code api-key-file}; required for the provider's public endpoint. */
    static String apiKey(SttProviderSettings p, String provider) {
        String key = p.apiKey();
        if ((key == null || key.isBlank()) && p.apiKeyFile() != null && !p.apiKeyFile().isBlank()) {
            try {
                key = Files.readString(Path.of(p.apiKeyFile().strip())).strip();
            } catch (IOException e) {
                // The exception names the file only: never echo what might be in it.
                throw new IllegalStateException("cannot read glyphoxa.stt.api-key-file " + p.apiKeyFile().strip()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if ((key == null || key.isBlank()) && (p.baseUrl() == null || p.baseUrl().isBlank())) {
            throw new IllegalStateException("glyphoxa.stt.provider=" + provider + " needs an API key: set "
                    + "GLYPHOXA_STT_API_KEY or glyphoxa.stt.api-key-file (or a base-url for a server that needs none)");
        }
        return key == null || key.isBlank() ? null : key;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The engine that stands in for failed utterances; null when the configured engine is the offline one. */
    public RecognizerFactory fallback() {
        return primary == offline ? null : offline;
    }

    @Override
    public void close() {
        if (primary instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", primary, e.getMessage());
            }
        }
    }
}
