package dev.glyphoxa.stt.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.RecognitionException.Reason;
import dev.glyphoxa.stt.provider.CloudRecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import dev.glyphoxa.stage.http.ProviderCall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    /** An answer is a little JSON; beyond this it is no transcription, and an error message needs no more either. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

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
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiTranscriptionEngine(Config config) {
        this.config = config;
        this.endpoint = config.endpoint();
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

    /**
     * Sends one utterance and returns its text, blocking the caller for about the result timeout at most. The I/O
     * runs on the calling thread: it waits for the text anyway, and handing the answer over from an HTTP client's
     * own threads cost a few ms per utterance on a busy box.
     */
    String transcribe(short[] pcm16k, List<String> names) {
        MultipartForm form = form(pcm16k, names);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", form.contentType());
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            headers.put("Authorization", "Bearer " + config.apiKey().strip());
        }
        byte[] body = form.bytes();
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(null);
        }
        long deadline = System.nanoTime() + config.resultTimeout().toNanos();
        int status;
        String answer;
        // The read timeout is set once, before the connect: it bounds the wait for the status line, and answer()
        // holds the exchange to the deadline (a body stalling after a late status line can cost one more timeout).
        try (ProviderCall call = ProviderCall.post(endpoint, headers, body, config.connectTimeout(), config.resultTimeout())) {
            status = call.status();
            answer = answer(call, deadline);
        } catch (IOException e) {
            throw failed(e);
        }
        return TranscriptionResponse.text(json, endpoint, status, answer);
    }

    /**
     * The body, read whole; a failure drops the connection, a body read to its end leaves it for the next utterance.
     */
    private String answer(ProviderCall call, long deadline) throws IOException {
        try {
            InputStream in = call.body();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (out.size() < MAX_ANSWER_BYTES) {
                int n = in.read(buf, 0, Math.min(buf.length, MAX_ANSWER_BYTES - out.size()));
                if (System.nanoTime() - deadline > 0) {
                    throw timedOut(null);
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(null);
                }
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            call.abort();
            throw e;
        }
    }

    private RecognitionException failed(IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return interrupted(e);
        }
        return e instanceof SocketTimeoutException ? timedOut(e) : RecognitionException.from(endpoint.toString(), e);
    }

    private RecognitionException timedOut(Throwable cause) {
        return new RecognitionException(Reason.TIMEOUT, endpoint + " sent no transcription within "
                + config.resultTimeout().toMillis() + " ms", cause);
    }

    private RecognitionException interrupted(Throwable cause) {
        return new RecognitionException(Reason.DISCONNECTED, "interrupted while waiting for " + endpoint, cause);
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

    /** Nothing to release: each call's connection is closed or left to the JDK's keep-alive cache when it ends. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return config.toString();
    }
}
