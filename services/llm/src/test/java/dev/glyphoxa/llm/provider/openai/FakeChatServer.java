package dev.glyphoxa.llm.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for an OpenAI-compatible server speaking the real wire format: POST /v1/chat/completions,
 * {@code text/event-stream} body sent with chunked transfer encoding, one {@code data: {chunk}} event per delta and
 * {@code data: [DONE]} at the end. Other modes misbehave the ways real endpoints do.
 */
public final class FakeChatServer implements AutoCloseable {

    public enum Mode {
        /** Streams the configured chunks, then [DONE]. */
        STREAM,
        /** HTTP 500 with an OpenAI-style error body. */
        ERROR_500,
        /** Accepts the request and never answers. */
        HANG,
        /** 200 event stream whose lines are not server-sent events at all. */
        GARBAGE,
        /** 200 event stream whose data is not JSON. */
        GARBAGE_DATA,
        /** Streams the configured chunks, then stops sending without ending the response. */
        STALL,
        /** Ignores stream=true and answers with one JSON completion. */
        JSON
    }

    /** One request as the server received it. */
    public record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.STREAM;
    private volatile List<String> chunks = List.of("Hello", " there.");
    private volatile long gapMs;

    public FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public FakeChatServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public FakeChatServer chunks(String... chunks) {
        this.chunks = List.of(chunks);
        return this;
    }

    /** Pause between streamed chunks. */
    public FakeChatServer gapMs(long gapMs) {
        this.gapMs = gapMs;
        return this;
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        try (exchange) {
            switch (mode) {
                case STREAM -> {
                    OutputStream out = startStream(exchange);
                    event(out, chunk(null, true));
                    for (String c : chunks) {
                        pause(gapMs);
                        event(out, chunk(c, false));
                    }
                    event(out, finalChunk());
                    event(out, "[DONE]");
                }
                case ERROR_500 -> {
                    byte[] err = "{\"error\":{\"message\":\"The model is overloaded\",\"type\":\"server_error\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(500, err.length);
                    exchange.getResponseBody().write(err);
                }
                case HANG -> awaitRelease();
                case GARBAGE -> {
                    OutputStream out = startStream(exchange);
                    out.write("<html><body>502 Bad Gateway</body></html>\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                case GARBAGE_DATA -> {
                    OutputStream out = startStream(exchange);
                    event(out, "this is not json");
                }
                case STALL -> {
                    OutputStream out = startStream(exchange);
                    for (String c : chunks) {
                        event(out, chunk(c, false));
                    }
                    awaitRelease();
                }
                case JSON -> {
                    ObjectNode root = json.createObjectNode();
                    root.put("object", "chat.completion");
                    ObjectNode choice = root.putArray("choices").addObject();
                    choice.put("index", 0);
                    choice.putObject("message").put("role", "assistant").put("content", String.join("", chunks));
                    byte[] b = json.writeValueAsBytes(root);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, b.length);
                    exchange.getResponseBody().write(b);
                }
            }
        } catch (IOException e) {
            // the client gave up on us (timeout test): nothing to do
        }
    }

    private static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // length 0 = chunked transfer encoding
        return exchange.getResponseBody();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String chunk(String content, boolean roleOnly) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion.chunk");
        root.put("created", 0);
        root.put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (roleOnly) {
            delta.put("role", "assistant");
        } else {
            delta.put("content", content);
        }
        choice.putNull("finish_reason");
        return json.writeValueAsString(root);
    }

    private String finalChunk() throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        return json.writeValueAsString(root);
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
