package dev.glyphoxa.llm.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.ResponderException;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Any OpenAI-compatible chat-completions endpoint with {@code stream: true}: OpenAI, Ollama ({@code /v1}),
 * llama.cpp server, vLLM, LM Studio, Gemini's OpenAI-compatible endpoint. Only base URL, model and key differ.
 * <p>
 * The body arrives as server-sent events on the JDK HTTP client's own threads; lines are handed over through a queue
 * so the deltas reach the caller on its thread (the Kafka Streams thread, which alone may forward records), and so
 * the caller can enforce a read timeout (no data for {@code readTimeout}) and an overall reply timeout, which the
 * JDK client does not do for a body that is still streaming.
 */
public final class OpenAiResponder implements Responder, AutoCloseable {

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

    private sealed interface Event {
        record Status(int code, String contentType) implements Event {
        }

        record Line(String text) implements Event {
        }

        record End() implements Event {
        }

        record Failed(Throwable error) implements Event {
        }
    }

    private final Config config;
    private final URI endpoint;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiResponder(Config config) {
        this.config = config;
        this.endpoint = config.endpoint();
        // HTTP/1.1: plain-http local servers (Ollama, llama.cpp) mishandle the h2c upgrade some clients attempt.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
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
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .timeout(config.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(request)));
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            http.header("Authorization", "Bearer " + config.apiKey().strip());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(http.build(), info -> {
            events.add(new Event.Status(info.statusCode(), info.headers().firstValue("content-type").orElse("")));
            return HttpResponse.BodySubscribers.fromLineSubscriber(new LineSubscriber(events, subscription));
        });
        response.whenComplete((r, e) -> {
            if (e != null) {
                events.add(new Event.Failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
            }
        });
        boolean finished = false;
        try {
            consume(events, deltas);
            finished = true;
        } finally {
            if (!finished) {
                // Closes the connection so a hanging or babbling server stops costing us anything.
                Flow.Subscription s = subscription.get();
                if (s != null) {
                    s.cancel();
                }
                response.cancel(true);
            }
        }
    }

    private void consume(BlockingQueue<Event> events, Consumer<String> deltas) {
        long deadline = System.nanoTime() + config.replyTimeout().toNanos();
        ChatStreamParser parser = new ChatStreamParser(json, deltas);
        Integer status = null;
        boolean jsonBody = false;
        StringBuilder body = new StringBuilder();
        int bodyLines = 0;
        while (true) {
            Event event = next(events, deadline, status == null);
            switch (event) {
                case Event.Status s -> {
                    status = s.code();
                    jsonBody = s.contentType().toLowerCase().startsWith("application/json");
                }
                case Event.Line l -> {
                    if (status == null) {
                        throw new ResponderException(endpoint + " sent a body before its status line");
                    }
                    if (status != 200 || jsonBody) {
                        if (bodyLines++ < ERROR_BODY_LINES) {
                            body.append(l.text()).append('\n');
                        }
                    } else if (parser.line(l.text())) {
                        return;
                    }
                }
                case Event.End ignored -> {
                    if (status == null) {
                        throw new ResponderException(endpoint + " closed the connection without a response");
                    }
                    if (status != 200) {
                        throw new ResponderException(endpoint + " answered HTTP " + status + ": "
                                + ChatStreamParser.excerpt(body.toString()));
                    }
                    if (jsonBody) {
                        deltas.accept(ChatStreamParser.completionContent(json, body.toString()));
                        return;
                    }
                    if (parser.contentChunks() == 0) {
                        throw new ResponderException(endpoint + " ended the reply stream without any content");
                    }
                    return; // some servers close without [DONE]; what arrived is the reply
                }
                case Event.Failed f -> throw failure(f.error());
            }
        }
    }

    private Event next(BlockingQueue<Event> events, long deadline, boolean awaitingHeaders) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ResponderException(endpoint + " did not finish the reply within " + config.replyTimeout().toMillis() + " ms");
        }
        long wait = Math.min(left, config.readTimeout().toNanos());
        Event e;
        try {
            e = events.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ResponderException("interrupted while waiting for " + endpoint, ie);
        }
        if (e == null) {
            if (wait < config.readTimeout().toNanos()) {
                throw new ResponderException(endpoint + " did not finish the reply within " + config.replyTimeout().toMillis() + " ms");
            }
            throw new ResponderException(endpoint + " sent nothing for " + config.readTimeout().toMillis() + " ms "
                    + (awaitingHeaders ? "(no response headers)" : "(reply stream stalled)"));
        }
        return e;
    }

    private ResponderException failure(Throwable error) {
        if (error instanceof ResponderException re) {
            return re;
        }
        if (error instanceof HttpConnectTimeoutException) {
            return new ResponderException("could not connect to " + endpoint + " within "
                    + config.connectTimeout().toMillis() + " ms", error);
        }
        if (error instanceof HttpTimeoutException) {
            return new ResponderException(endpoint + " sent no response headers within "
                    + config.readTimeout().toMillis() + " ms", error);
        }
        if (error instanceof ConnectException) {
            return new ResponderException("cannot connect to " + endpoint + ": "
                    + (error.getMessage() == null ? "connection refused" : error.getMessage()), error);
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
    public void close() {
        client.shutdownNow(); // close() would wait for a reply still streaming from a hung server
    }

    @Override
    public String toString() {
        return NAME + " " + config.model() + " at " + endpoint;
    }

    /** Moves the body's lines from the HTTP client's threads into the caller's queue. */
    private record LineSubscriber(BlockingQueue<Event> events, AtomicReference<Flow.Subscription> subscription)
            implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            events.add(new Event.Line(line));
        }

        @Override
        public void onError(Throwable error) {
            events.add(new Event.Failed(error));
        }

        @Override
        public void onComplete() {
            events.add(new Event.End());
        }
    }
}
