package dev.glyphoxa.stt.provider.deepgram;

import dev.glyphoxa.stt.provider.CloudRecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Deepgram's live transcription over a websocket ({@code /v1/listen}): one connection per utterance, 16 kHz linear16
 * mono sent as binary frames while the utterance arrives, {@code CloseStream} at its end. Also speaks to self-hosted
 * Deepgram and anything else with the same wire format (base URL configurable).
 */
public final class DeepgramEngine implements CloudRecognizerFactory, AutoCloseable {

    public static final String NAME = "deepgram";
    public static final String DEFAULT_BASE_URL = "wss://api.deepgram.com/v1/listen";
    public static final String DEFAULT_MODEL = "nova-3";
    /** Deepgram accepts up to 100 keyterms per request. */
    static final int MAX_HINTS = 100;

    /**
     * @param baseUrl        websocket endpoint without query, e.g. {@code wss://api.deepgram.com/v1/listen}
     * @param model          e.g. nova-3 (takes {@code keyterm} hints) or nova-2 (takes {@code keywords})
     * @param apiKey         sent as {@code Authorization: Token ...}; null or blank sends none (self-hosted)
     * @param language       e.g. en; blank leaves it to the model
     * @param interimResults ask for interim results (published as non-final transcripts)
     * @param connectTimeout TCP/TLS connect and websocket upgrade
     * @param resultTimeout  longest wait for the final result after the utterance ended
     */
    public record Config(String baseUrl, String model, String apiKey, String language, boolean interimResults,
                         Duration connectTimeout, Duration resultTimeout) {
        public Config {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(model, "model");
        }

        /** The endpoint for messages and logs: no query, no key. */
        public String endpoint() {
            return baseUrl.strip();
        }

        URI uri(List<String> names) {
            StringBuilder q = new StringBuilder(endpoint());
            q.append(q.indexOf("?") < 0 ? '?' : '&');
            q.append("encoding=linear16&sample_rate=16000&channels=1&punctuate=true");
            q.append("&interim_results=").append(interimResults);
            q.append("&model=").append(encode(model));
            if (language != null && !language.isBlank()) {
                q.append("&language=").append(encode(language.strip()));
            }
            // Nova-3 takes whole phrases as keyterms; older models only boost single words (keywords).
            boolean keyterms = model.toLowerCase(Locale.ROOT).startsWith("nova-3");
            for (String hint : hints(names, keyterms)) {
                q.append(keyterms ? "&keyterm=" : "&keywords=").append(encode(hint));
            }
            return URI.create(q.toString());
        }

        static Set<String> hints(List<String> names, boolean phrases) {
            Set<String> hints = new LinkedHashSet<>();
            for (String name : names) {
                if (phrases) {
                    hints.add(name.strip());
                } else {
                    // Boosting "the" or "of" would distort everything else: only capitalised words are names.
                    for (String w : name.split("[\\s-]+")) {
                        if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
                            hints.add(w);
                        }
                    }
                }
            }
            hints.remove("");
            return hints.stream().limit(MAX_HINTS).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return "deepgram " + model + " at " + endpoint() + (apiKey == null || apiKey.isBlank() ? "" : " (with key)");
        }
    }

    private final Config config;
    private final HttpClient client;

    public DeepgramEngine(Config config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    public Config config() {
        return config;
    }

    @Override
    public String provider() {
        return NAME;
    }

    @Override
    public SpeechRecognizer create() {
        return new DeepgramRecognizer(this);
    }

    CompletableFuture<WebSocket> connect(List<String> names, WebSocket.Listener listener) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(config.connectTimeout());
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            builder.header("Authorization", "Token " + config.apiKey().strip());
        }
        return builder.buildAsync(config.uri(names), listener);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    @Override
    public String toString() {
        return config.toString();
    }
}
