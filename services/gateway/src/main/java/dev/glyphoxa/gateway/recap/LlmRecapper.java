package dev.glyphoxa.gateway.recap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A recap written by a language model behind any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama's
 * {@code /v1}, llama.cpp server, vLLM, LM Studio), asked once and answered in one JSON body ({@code stream: false}):
 * a recap is read as a whole, so streaming would buy nothing.
 */
public final class LlmRecapper implements AutoCloseable {

    /** Low: a recap should retell the transcript, not embellish it. */
    static final double TEMPERATURE = 0.3;
    private static final int EXCERPT = 200;

    @Serdeable
    record Message(String role, String content) {
    }

    @Serdeable
    record ChatRequest(String model, List<Message> messages, double temperature, boolean stream) {
    }

    private final URI endpoint;
    private final String model;
    private final @Nullable String apiKey;
    private final Duration timeout;
    private final int maxTranscriptChars;
    private final JsonMapper json;
    private final HttpClient client;

    public LlmRecapper(RecapSettings settings, JsonMapper json) {
        this.endpoint = endpoint(settings.effectiveBaseUrl());
        this.model = settings.llmModel();
        this.apiKey = settings.llmApiKey();
        this.timeout = settings.timeout();
        this.maxTranscriptChars = settings.maxTranscriptChars();
        this.json = json;
        // HTTP/1.1: plain-http local servers (Ollama, llama.cpp) mishandle the h2c upgrade the JDK may attempt.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * @return the model's text as it came (only surrounding whitespace stripped), never blank
     * @throws RecapException when the endpoint fails, is too slow or answers something that is not a completion
     */
    public Recap recap(RecapRequest request) {
        RecapPrompt prompt = RecapPrompt.of(request, maxTranscriptChars);
        HttpResponse<String> response = send(body(prompt));
        if (response.statusCode() / 100 != 2) {
            throw failure(where() + " answered HTTP " + response.statusCode() + ": " + errorText(response.body()));
        }
        return new Recap(content(response.body()), Recap.LLM, prompt.linesConsidered(), null);
    }

    private HttpResponse<String> send(String body) {
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            try {
                http.header("Authorization", "Bearer " + apiKey);
            } catch (IllegalArgumentException e) {
                // Not chained: the JDK's message quotes the whole header value, key included.
                throw failure("the API key (glyphoxa.recap.llm-api-key) is not a valid HTTP header value");
            }
        }
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // The request timeout only covers the wait for headers; this one also covers a body that trickles.
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failure(where() + " did not answer within " + timeout.toMillis() + " ms", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for " + where(), e);
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause() == null ? e : e.getCause());
        }
    }

    private RecapException transportFailure(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return failure("could not connect to " + where() + " within " + timeout.toMillis() + " ms", error);
        }
        if (error instanceof HttpTimeoutException) {
            return failure(where() + " did not answer within " + timeout.toMillis() + " ms", error);
        }
        if (error instanceof ConnectException) {
            return failure("cannot connect to " + where() + " (connection refused or unreachable)", error);
        }
        return failure("request to " + where() + " failed: " + error, error);
    }

    private String body(RecapPrompt prompt) {
        ChatRequest request = new ChatRequest(model,
                List.of(new Message("system", prompt.system()), new Message("user", prompt.user())), TEMPERATURE, false);
        try {
            return json.writeValueAsString(request);
        } catch (IOException e) {
            throw failure("cannot write the chat-completions request: " + e.getMessage(), e);
        }
    }

    private String content(String body) {
        JsonNode root;
        try {
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw failure(where() + " answered with something that is not JSON: \"" + excerpt(body) + "\"", e);
        }
        if (root == null || !root.isObject()) {
            throw failure(where() + " answered with JSON that is not a completion: \"" + excerpt(body) + "\"");
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw failure(where() + " reported an error: " + errorMessage(error));
        }
        JsonNode choices = root.get("choices");
        JsonNode first = choices != null && choices.isArray() && choices.size() > 0 ? choices.get(0) : null;
        JsonNode message = first == null || !first.isObject() ? null : first.get("message");
        JsonNode content = message == null || !message.isObject() ? null : message.get("content");
        if (content == null || !content.isString()) {
            throw failure(where() + " answered without choices[0].message.content: \"" + excerpt(body) + "\"");
        }
        if (content.getStringValue().isBlank()) {
            throw failure(where() + " answered with an empty recap (choices[0].message.content is blank)");
        }
        return content.getStringValue().strip();
    }

    /** The error message of an OpenAI-style error body, else the start of the body. */
    private String errorText(String body) {
        try {
            JsonNode root = json.readValue(body, JsonNode.class);
            if (root != null && root.isObject() && root.get("error") != null) {
                return errorMessage(root.get("error"));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the body itself says more than the parse error would
        }
        return body.isBlank() ? "(empty body)" : "\"" + excerpt(body) + "\"";
    }

    private static String errorMessage(JsonNode error) {
        JsonNode message = error.isObject() ? error.get("message") : null;
        if (message != null && message.isString()) {
            return excerpt(message.getStringValue());
        }
        return error.isString() ? excerpt(error.getStringValue()) : "(no message)";
    }

    private RecapException failure(String message) {
        return failure(message, null);
    }

    /** Every message passes here: servers echo keys in 401 bodies, and these messages end up in logs. */
    private RecapException failure(String message, @Nullable Throwable cause) {
        String safe = apiKey == null ? message : message.replace(apiKey, "***");
        return cause == null ? new RecapException(safe) : new RecapException(safe, cause);
    }

    /** The endpoint without user info or query, which could carry credentials. */
    private String where() {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
                + endpoint.getPath();
    }

    private static String excerpt(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return Texts.shorten(oneLine, EXCERPT);
    }

    static URI endpoint(String baseUrl) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI uri = URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("glyphoxa.recap.llm-base-url is not an http(s) URL: " + baseUrl);
        }
        return uri;
    }

    @Override
    public void close() {
        client.shutdownNow(); // close() would wait for an answer a hung server may never send
    }

    @Override
    public String toString() {
        return "LLM recaps with " + model + " at " + where();
    }
}
