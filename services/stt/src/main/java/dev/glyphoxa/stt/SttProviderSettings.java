package dev.glyphoxa.stt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Which recogniser transcribes ({@code glyphoxa.stt.*}, beside {@link SttSettings}, which configures the offline
 * engine). A separate record so the offline settings keep their shape.
 *
 * @param provider        {@code pocketsphinx} (offline, the default), {@code deepgram} (live websocket) or
 *                        {@code openai} (any OpenAI-style {@code /audio/transcriptions}: OpenAI, Groq, local whisper)
 * @param baseUrl         provider endpoint; the provider's public one when unset
 * @param model           provider model; nova-3 (deepgram) or whisper-1 (openai) when unset
 * @param apiKey          normally from {@code GLYPHOXA_STT_API_KEY}; never logged
 * @param apiKeyFile      file holding the key (a mounted secret), used when {@code api-key} is unset
 * @param language        language hint sent to the provider; blank lets it detect
 * @param connectTimeout  connecting to the provider
 * @param resultTimeout   longest wait for an utterance's text after it ended (then the offline fallback answers)
 * @param interimResults  publish interim (non-final) transcripts when the provider streams them
 * @param offlineFallback recognise an utterance offline when the cloud provider fails on it (if PocketSphinx is installed)
 */
@ConfigurationProperties("glyphoxa.stt")
public record SttProviderSettings(
        @Bindable(defaultValue = POCKETSPHINX) String provider,
        @Nullable String baseUrl,
        @Nullable String model,
        @Nullable String apiKey,
        @Nullable String apiKeyFile,
        @Bindable(defaultValue = "en") String language,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration resultTimeout,
        @Bindable(defaultValue = "true") boolean interimResults,
        @Bindable(defaultValue = "true") boolean offlineFallback) {

    public static final String POCKETSPHINX = "pocketsphinx";
    public static final String DEEPGRAM = "deepgram";
    public static final String OPENAI = "openai";

    /** The offline default, for tests and tools that run without a Micronaut context. */
    public static SttProviderSettings defaults() {
        return new SttProviderSettings(POCKETSPHINX, null, null, null, null, "en", Duration.ofSeconds(5),
                Duration.ofSeconds(10), true, true);
    }

    /** A cloud provider at {@code baseUrl}, other settings default. */
    public static SttProviderSettings cloud(String provider, String baseUrl, String model, String apiKey, Duration resultTimeout) {
        return new SttProviderSettings(provider, baseUrl, model, apiKey, null, "en", Duration.ofSeconds(5),
                resultTimeout, true, true);
    }

    @Override
    public String toString() {
        // The record's own toString would print the key.
        return "SttProviderSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "***") + ", apiKeyFile=" + apiKeyFile
                + ", language=" + language + ", connectTimeout=" + connectTimeout + ", resultTimeout=" + resultTimeout
                + ", interimResults=" + interimResults + ", offlineFallback=" + offlineFallback + "]";
    }
}
