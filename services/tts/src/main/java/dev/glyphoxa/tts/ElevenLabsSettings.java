package dev.glyphoxa.tts;

import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the ElevenLabs voices ({@code glyphoxa.tts.elevenlabs.*}). Without an API key the provider is absent
 * and {@code elevenlabs:...} voices are routed like unknown voices. {@link #toString()} never shows the key.
 *
 * @param apiKey          the key itself, normally from {@code GLYPHOXA_ELEVENLABS_API_KEY}
 * @param apiKeyFile      a file holding the key (a mounted Kubernetes secret), normally from
 *                        {@code GLYPHOXA_ELEVENLABS_API_KEY_FILE}; used when {@code api-key} is unset
 * @param baseUrl         API base URL
 * @param model           {@code model_id}; {@code eleven_flash_v2_5} is the low-latency model
 * @param outputFormat    {@code pcm_16000}, {@code pcm_22050}, {@code pcm_24000} or {@code pcm_44100}
 * @param timeout         longest wait for the response, the first audio, or the next audio chunk
 * @param stability       {@code voice_settings.stability}
 * @param similarityBoost {@code voice_settings.similarity_boost}
 * @param speed           {@code voice_settings.speed}
 */
@ConfigurationProperties("glyphoxa.tts.elevenlabs")
public record ElevenLabsSettings(
        @Nullable String apiKey,
        @Nullable String apiKeyFile,
        @Bindable(defaultValue = ElevenLabsConfig.DEFAULT_BASE_URL) String baseUrl,
        @Bindable(defaultValue = ElevenLabsConfig.DEFAULT_MODEL) String model,
        @Bindable(defaultValue = ElevenLabsConfig.DEFAULT_OUTPUT_FORMAT) String outputFormat,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "0.5") double stability,
        @Bindable(defaultValue = "0.75") double similarityBoost,
        @Bindable(defaultValue = "1.0") double speed) {

    public static final String HOW_TO_CONFIGURE = "set GLYPHOXA_ELEVENLABS_API_KEY, or GLYPHOXA_ELEVENLABS_API_KEY_FILE "
            + "to a file holding the key";

    /**
     * The key from {@code api-key}, else from {@code api-key-file}; empty when neither is set.
     *
     * @throws IllegalStateException when the file is set but unreadable or empty (a broken secret mount should stop
     *                               the service, not silently turn the cloud voices off)
     */
    public Optional<String> resolveApiKey() {
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.strip());
        }
        if (apiKeyFile == null || apiKeyFile.isBlank()) {
            return Optional.empty();
        }
        String key;
        try {
            key = Files.readString(Path.of(apiKeyFile.strip()), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("glyphoxa.tts.elevenlabs.api-key-file " + apiKeyFile
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("glyphoxa.tts.elevenlabs.api-key-file " + apiKeyFile + " is empty");
        }
        return Optional.of(key);
    }

    /** The provider's config with this key; a whole line may stream for {@code lineTimeout}. */
    public ElevenLabsConfig config(String key, Duration lineTimeout) {
        return new ElevenLabsConfig(baseUrl, key, model, outputFormat, timeout, lineTimeout, stability,
                similarityBoost, speed);
    }

    @Override
    public String toString() {
        return "ElevenLabsSettings[apiKey=" + (apiKey == null || apiKey.isBlank() ? "(unset)" : "(set)")
                + ", apiKeyFile=" + apiKeyFile + ", baseUrl=" + baseUrl + ", model=" + model + ", outputFormat="
                + outputFormat + ", timeout=" + timeout + ", stability=" + stability + ", similarityBoost="
                + similarityBoost + ", speed=" + speed + "]";
    }
}
