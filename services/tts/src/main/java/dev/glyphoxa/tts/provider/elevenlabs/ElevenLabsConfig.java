package dev.glyphoxa.tts.provider.elevenlabs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach ElevenLabs and what to ask it for. {@link #toString()} leaves the API key out, so the config can be
 * logged.
 *
 * @param baseUrl         {@code https://api.elevenlabs.io}, or a local fake in tests
 * @param apiKey          sent as {@code xi-api-key}
 * @param model           {@code model_id}, e.g. {@code eleven_flash_v2_5} (the low-latency one)
 * @param outputFormat    one of {@code pcm_16000}, {@code pcm_22050}, {@code pcm_24000}, {@code pcm_44100}: raw
 *                        16-bit little-endian mono PCM, so nothing has to be decoded before the Opus encoder
 * @param timeout         longest wait for the response, for the first audio and between audio chunks
 * @param lineTimeout     longest one whole line may stream
 * @param stability       {@code voice_settings.stability}, 0..1
 * @param similarityBoost {@code voice_settings.similarity_boost}, 0..1
 * @param speed           {@code voice_settings.speed}, 1 = as recorded
 */
public record ElevenLabsConfig(String baseUrl, String apiKey, String model, String outputFormat, Duration timeout,
                               Duration lineTimeout, double stability, double similarityBoost, double speed) {

    public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
    public static final String DEFAULT_MODEL = "eleven_flash_v2_5";
    public static final String DEFAULT_OUTPUT_FORMAT = "pcm_24000";

    private static final Map<String, Integer> RATES = Map.of(
            "pcm_16000", 16_000, "pcm_22050", 22_050, "pcm_24000", 24_000, "pcm_44100", 44_100);
    private static final ObjectMapper JSON = new ObjectMapper();

    public ElevenLabsConfig {
        if (baseUrl == null || !baseUrl.strip().matches("https?://.+")) {
            throw new IllegalArgumentException("elevenlabs base-url must be an http(s) URL, got: " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("elevenlabs needs an API key");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("elevenlabs model must be set, e.g. " + DEFAULT_MODEL);
        }
        if (!RATES.containsKey(outputFormat)) {
            throw new IllegalArgumentException("elevenlabs output-format must be one of " + RATES.keySet().stream().sorted().toList()
                    + " (raw PCM; Opus is encoded here), got: " + outputFormat);
        }
        // out-of-range values would make every request a 422, so every line would fall back: refuse them at startup
        requireUnit("stability", stability);
        requireUnit("similarity-boost", similarityBoost);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("elevenlabs speed must be positive, got " + speed);
        }
        requirePositive("timeout", timeout);
        requirePositive("line timeout", lineTimeout);
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        apiKey = apiKey.strip();
    }

    /** Defaults for everything but the key. */
    public static ElevenLabsConfig of(String baseUrl, String apiKey) {
        return new ElevenLabsConfig(baseUrl, apiKey, DEFAULT_MODEL, DEFAULT_OUTPUT_FORMAT, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 0.5, 0.75, 1.0);
    }

    public ElevenLabsConfig withTimeout(Duration timeout) {
        return new ElevenLabsConfig(baseUrl, apiKey, model, outputFormat, timeout, lineTimeout, stability,
                similarityBoost, speed);
    }

    public ElevenLabsConfig withOutputFormat(String outputFormat) {
        return new ElevenLabsConfig(baseUrl, apiKey, model, outputFormat, timeout, lineTimeout, stability,
                similarityBoost, speed);
    }

    /** Sample rate of the PCM the output format asks for. */
    public int sampleRate() {
        return RATES.get(outputFormat);
    }

    /** The streaming endpoint for one voice; the caller has checked that the id is plain alphanumerics. */
    URI streamUri(String voiceId) {
        return URI.create(baseUrl + "/v1/text-to-speech/" + voiceId + "/stream?output_format=" + outputFormat);
    }

    String requestBody(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        body.put("model_id", model);
        body.putObject("voice_settings")
                .put("stability", stability)
                .put("similarity_boost", similarityBoost)
                .put("speed", speed);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ElevenLabs request body", e);
        }
    }

    private static void requireUnit(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("elevenlabs " + what + " must be between 0 and 1, got " + v);
        }
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("elevenlabs " + what + " must be positive, got " + d);
        }
    }

    @Override
    public String toString() {
        return "ElevenLabsConfig[baseUrl=" + baseUrl + ", apiKey=(set), model=" + model + ", outputFormat="
                + outputFormat + ", timeout=" + timeout + ", lineTimeout=" + lineTimeout + ", stability=" + stability
                + ", similarityBoost=" + similarityBoost + ", speed=" + speed + "]";
    }
}
