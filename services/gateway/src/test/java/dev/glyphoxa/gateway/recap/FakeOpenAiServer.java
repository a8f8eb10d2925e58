package dev.glyphoxa.gateway.recap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for an OpenAI-compatible server answering {@code POST /v1/chat/completions} with
 * {@code stream: false}: one {@code chat.completion} JSON body shaped like OpenAI's. Other modes misbehave the ways
 * real endpoints do.
 */
final class FakeOpenAiServer implements AutoCloseable {

    enum Mode {
        /** 200 with a completion whose content is {@link #content(String)}. */
        COMPLETION,
        /** The configured status with an OpenAI-style error body, see {@link #error(int, String)}. */
        ERROR,
        /** Accepts the request and never answers. */
        HANG,
        /** 200 with a body that is not JSON. */
        GARBAGE,
        /** 200 completion whose message content is the empty string. */
        EMPTY_CONTENT,
        /** 200 JSON object without choices. */
        NO_CHOICES
    }

    record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final JsonMapper json = JsonMapper.createDefault();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.COMPLETION;
    private volatile String content = "The party met Grimjaw at the Rusty Anchor.";
    private volatile int errorStatus = 500;
    private volatile String errorMessage = "The server had an error while processing your request.";

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeOpenAiServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    FakeOpenAiServer content(String content) {
        this.mode = Mode.COMPLETION;
        this.content = content;
        return this;
    }

    FakeOpenAiServer error(int status, String message) {
        this.mode = Mode.ERROR;
        this.errorStatus = status;
        this.errorMessage = message;
        return this;
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        try (exchange) {
            switch (mode) {
                case COMPLETION -> respond(exchange, 200, completion(json.writeValueAsString(content)));
                case EMPTY_CONTENT -> respond(exchange, 200, completion("\"\""));
                case NO_CHOICES -> respond(exchange, 200, """
                        {"id":"chatcmpl-fake","object":"chat.completion","created":1735689600,"model":"fake-model","choices":[]}""");
                case ERROR -> respond(exchange, errorStatus, """
                        {"error":{"message":%s,"type":"invalid_request_error","param":null,"code":null}}"""
                        .formatted(json.writeValueAsString(errorMessage)));
                case GARBAGE -> respond(exchange, 200, "<html><body>502 Bad Gateway</body></html>");
                case HANG -> awaitRelease();
            }
        } catch (IOException e) {
            // the client gave up on us (timeout test): nothing to do
        }
    }

    /** The shape of OpenAI's non-streaming chat-completions answer. */
    private static String completion(String contentJson) {
        return """
                {"id":"chatcmpl-fake","object":"chat.completion","created":1735689600,"model":"fake-model",\
                "system_fingerprint":"fp_fake","choices":[{"index":0,"message":{"role":"assistant","content":%s,\
                "refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":812,\
                "completion_tokens":143,"total_tokens":955}}""".formatted(contentJson);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void awaitRelease() {
        try {
            release.await();
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
