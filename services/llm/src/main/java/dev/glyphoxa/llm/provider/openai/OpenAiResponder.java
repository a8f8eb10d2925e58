package dev.glyphoxa.llm.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.ResponderException;
import dev.glyphoxa.stage.http.ProviderCall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Any OpenAI-compatible chat-completions endpoint with {@code stream: true}: OpenAI, Ollama ({@code /v1}),
 * llama.cpp server, vLLM, LM Studio, Gemini's OpenAI-compatible endpoint. Only base URL, model and key differ.
 * <p>
 * The server-sent events are read with blocking I/O on the calling thread ({@link ProviderCall}), which waits for the
 * reply anyway and alone may forward records (the Kafka Streams thread): no hand-over from HTTP client threads on the
 * turn's critical path. Each read waits up to {@code readTimeout}; the reply timeout is checked between lines.
 */
public final class OpenAiResponder implements Responder {

    public static final String NAME = "openai";
    private static final int ERROR_BODY_LINES = 20;

    /**
     * @param baseUrl        e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1};
     *                       {@code /chat/completions} is appended unless already there
     * @param model          model name as the endpoint knows it
     * @param apiKey         sent as {@code Authorization: Bearer ...}; null or blank sends no header (local servers)
     * @param connectTimeout TCP/TLS connect
     * @param readTimeout    longest wait for response headers or for the next line of the stream
     * @param replyTimeout   longest time for the whole reply
     * @param maxTokens      {@code max_tokens}; 0 leaves it to the endpoint
     * @param temperature    {@code temperature}; null leaves it to the endpoint
     */
    public record Config(String baseUrl, String model, String apiKey, Duration connectTimeout, Duration readTimeout,
                         Duration replyTimeout, int maxTokens, Double temperature) {
        public Config {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException("an OpenAI-compatible endpoint needs a model name (glyphoxa.llm.model)");
            }
        }

        URI endpoint() {
            String base = baseUrl.strip();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
        }
    }

    private final Config config;
    private final URI endpoint;
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiResponder(Config config) {
        this.config = config;
        this.endpoint = config.endpoint();
    }

    @Override
    public String name() {
        return NAME;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String model() {
        return config.model();
    }

    @Override
    public void reply(ReplyRequest request, Consumer<String> deltas) {
        long deadline = System.nanoTime() + config.replyTimeout().toNanos();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "text/event-stream");
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            headers.put("Authorization", "Bearer " + config.apiKey().strip());
        }
        ProviderCall call;
        try {
            call = ProviderCall.post(endpoint, headers, body(request).getBytes(StandardCharsets.UTF_8),
                    config.connectTimeout(), config.readTimeout());
        } catch (IOException e) {
            throw failure(e, "(no response headers)");
        }
        boolean complete = false;
        try {
            read(call, deadline, deltas);
            complete = true;
        } catch (IOException e) {
            throw failure(e, "(reply stream stalled)");
        } finally {
            if (complete) {
                call.close(); // the body was read to its end: the connection is kept for the next reply
            } else {
                call.abort(); // a hanging or babbling server, or a cut turn, stops costing us anything
            }
        }
    }

    private void read(ProviderCall call, long deadline, Consumer<String> deltas) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(call.body(), StandardCharsets.UTF_8));
        if (call.status() != 200) {
            throw new ResponderException(endpoint + " answered HTTP " + call.status() + ": "
                    + ChatStreamParser.excerpt(text(lines, deadline, ERROR_BODY_LINES)));
        }
        if (call.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            deltas.accept(ChatStreamParser.completionContent(json, text(lines, deadline, Integer.MAX_VALUE)));
            return;
        }
        ChatStreamParser parser = new ChatStreamParser(json, deltas);
        for (String line = next(lines, deadline); line != null; line = next(lines, deadline)) {
            if (parser.line(line)) {
                drain(lines, deadline);
                return;
            }
        }
        if (parser.contentChunks() == 0) {
            throw new ResponderException(endpoint + " ended the reply stream without any content");
        }
        // some servers close without [DONE]; what arrived is the reply
    }

    /**
     * Reads past {@code [DONE]} to the end of the body, which follows at once, so the connection can be reused. A server
     * that keeps the stream open after it only loses the connection (close() drops a body not read to its end).
     */
    private static void drain(BufferedReader lines, long deadline) {
        try {
            while (System.nanoTime() - deadline < 0 && lines.readLine() != null) {
                // nothing after [DONE] is part of the reply
            }
        } catch (IOException e) {
            // the reply is complete
        }
    }

    /** Up to {@code maxLines} lines of the body. */
    private String text(BufferedReader lines, long deadline, int maxLines) throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        for (int n = 0; n < maxLines && (line = next(lines, deadline)) != null; n++) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The next line, each waited for up to the read timeout (ProviderCall's per-read timeout). */
    private String next(BufferedReader lines, long deadline) throws IOException {
        if (System.nanoTime() - deadline >= 0) {
            throw new ResponderException(endpoint + " did not finish the reply within " + config.replyTimeout().toMillis() + " ms");
        }
        return lines.readLine();
    }

    private ResponderException failure(IOException error, String waitingFor) {
        if (error instanceof ProviderCall.ConnectFailed f && f.timedOut()) {
            return new ResponderException("could not connect to " + endpoint + " within "
                    + config.connectTimeout().toMillis() + " ms", error);
        }
        if (error instanceof ProviderCall.ConnectFailed) {
            Throwable cause = error.getCause() == null ? error : error.getCause();
            return new ResponderException("cannot connect to " + endpoint + ": "
                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()), error);
        }
        if (error instanceof SocketTimeoutException) {
            return new ResponderException(endpoint + " sent nothing for " + config.readTimeout().toMillis() + " ms "
                    + waitingFor, error);
        }
        return new ResponderException("request to " + endpoint + " failed: " + error, error);
    }

    String body(ReplyRequest request) {
        ObjectNode root = json.createObjectNode();
        root.put("model", config.model());
        root.put("stream", true);
        if (config.maxTokens() > 0) {
            root.put("max_tokens", config.maxTokens());
        }
        if (config.temperature() != null) {
            root.put("temperature", config.temperature());
        }
        ArrayNode messages = root.putArray("messages");
        for (ChatPrompt.Message m : ChatPrompt.messages(request)) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new ResponderException("cannot write the request body: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return NAME + " " + config.model() + " at " + endpoint;
    }
}
