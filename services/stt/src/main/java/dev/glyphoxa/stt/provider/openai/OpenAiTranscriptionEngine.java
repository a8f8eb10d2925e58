package dev.glyphoxa.stt.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.RecognitionException.Reason;
import dev.glyphoxa.stt.provider.CloudRecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * OpenAI-style transcriptions: {@code POST {baseUrl}/audio/transcriptions}, the utterance as a 16 kHz mono 16-bit
 * WAV in a multipart form, {@code {"text": ...}} back. The same API is served by OpenAI, Groq and local whisper
 * servers (faster-whisper-server, whisper.cpp's server, LocalAI), so only base URL, model and key differ.
 */
public final class OpenAiTranscriptionEngine implements CloudRecognizerFactory, AutoCloseable {

    public static final String NAME = "openai";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "whisper-1";
    /** Whisper reads only the last 224 tokens of a prompt; a list of names longer than this helps no more. */
    static final int MAX_PROMPT_CHARS = 800;

    /**
     * @param baseUrl        e.g. {@code https://api.openai.com/v1}, {@code https://api.groq.com/openai/v1},
     *                       {@code http://localhost:8000/v1}; {@code /audio/transcriptions} is appended
     * @param model          e.g. whisper-1, gpt-4o-mini-transcribe, whisper-large-v3 (Groq)
     * @param apiKey         sent as {@code Authorization: Bearer ...}; null or blank sends none (local servers)
     * @param language       ISO-639-1 hint, e.g. en; blank lets the model detect it
     * @param connectTimeout TCP/TLS connect
     * @param resultTimeout  longest time for the whole request, from sending the audio to the text
     */
    public record Config(String baseUrl, String model, String apiKey, String language, Duration connectTimeout,
                         Duration resultTimeout) {
        public Config {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(model, "model");
        }

        public URI endpoint() {
            String base = baseUrl.strip();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return URI.create(base.endsWith("/audio/transcriptions") ? base : base + "/audio/transcriptions");
        }

        @Override
        public String toString() {
            return "openai " + model + " at " + endpoint() + (apiKey == null || apiKey.isBlank() ? "" : " (with key)");
        }
    }

    private final Config config;
    private final URI endpoint;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiTranscriptionEngine(Config config) {
        this.config = config;
        this.endpoint = config.endpoint();
        // HTTP/1.1: plain-http local servers mishandle the h2c upgrade.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
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
        return new OpenAiRecognizer(this);
    }

    /** Sends one utterance and returns its text; blocks the caller up to the result timeout. */
    String transcribe(short[] pcm16k, List<String> names) {
        // No request timeout: get(timeout) below bounds headers and body alike, and cancelling aborts the exchange.
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint);
        MultipartForm form = form(pcm16k, names);
        request.header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + config.apiKey().strip());
        }
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> r;
        try {
            r = response.get(config.resultTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new RecognitionException(Reason.TIMEOUT, endpoint + " sent no transcription within "
                    + config.resultTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw RecognitionException.from(endpoint.toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new RecognitionException(Reason.DISCONNECTED, "interrupted while waiting for " + endpoint, e);
        }
        return TranscriptionResponse.text(json, endpoint, r.statusCode(), r.body());
    }

    MultipartForm form(short[] pcm16k, List<String> names) {
        byte[] wav;
        try {
            wav = Wav.toBytes(new Wav.Clip(pcm16k, 16_000));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the utterance as WAV", e);
        }
        MultipartForm form = new MultipartForm()
                .file("file", "utterance.wav", "audio/wav", wav)
                .field("model", config.model())
                .field("response_format", "json");
        if (config.language() != null && !config.language().isBlank()) {
            form.field("language", config.language().strip());
        }
        String prompt = prompt(names);
        if (!prompt.isEmpty()) {
            form.field("prompt", prompt);
        }
        return form;
    }

    /** The campaign's names as a glossary: Whisper takes the prompt as preceding text and copies its spellings. */
    static String prompt(List<String> names) {
        StringBuilder p = new StringBuilder();
        for (String name : names) {
            String n = name.strip();
            if (n.isEmpty() || p.length() + n.length() + 2 > MAX_PROMPT_CHARS) {
                continue;
            }
            p.append(p.isEmpty() ? "" : ", ").append(n);
        }
        return p.isEmpty() ? "" : p.append('.').toString();
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
