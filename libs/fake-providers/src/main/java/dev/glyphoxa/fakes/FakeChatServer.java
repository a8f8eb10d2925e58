package dev.glyphoxa.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local stand-in for an OpenAI-compatible server speaking the real wire format of {@code POST
 * /v1/chat/completions}: with {@code "stream": true} a {@code text/event-stream} body in chunked transfer encoding,
 * one {@code data: {chunk}} event per delta and {@code data: [DONE]} at the end; without it one
 * {@code chat.completion} JSON body. Other modes misbehave the ways real endpoints do.
 *
 * <p>{@link #firstTokenDelayMs(long)} holds back the first token (the stream's first content delta, or the whole
 * JSON answer) by a fixed time, the way a real model's time to first token does.
 */
public final class FakeChatServer extends HttpFake<FakeChatServer.Received> {

    public enum Mode {
        /** Answers as asked: streams the chunks then [DONE] when the request says stream, else one JSON completion. */
        ANSWER,
        /** Ignores stream=true and answers with one JSON completion. */
        JSON,
        /** HTTP 500 with an OpenAI-style error body. */
        ERROR_500,
        /** The status and message set by {@link #error(int, String)}, in OpenAI's error shape. */
        ERROR,
        /** Accepts the request and never answers. */
        HANG,
        /** 200 with a proxy's HTML page: as an event stream when the request streams, else as the JSON body. */
        GARBAGE,
        /** 200 event stream whose data is not JSON. */
        GARBAGE_DATA,
        /** Streams the configured chunks, then stops sending without ending the response. */
        STALL,
        /** 200 completion whose message content is the empty string. */
        EMPTY_CONTENT,
        /** 200 JSON object without choices. */
        NO_CHOICES
    }

    /** One request as the server received it. */
    public record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private volatile Mode mode = Mode.ANSWER;
    private volatile List<String> chunks = List.of("Hello", " there.");
    private volatile long gapMs;
    private volatile long firstTokenDelayMs;
    private volatile int errorStatus = 500;
    private volatile String errorMessage = "The server had an error while processing your request.";

    public FakeChatServer() throws IOException {
        serve("/v1/chat/completions", this::handle);
    }

    public String baseUrl() {
        return root() + "/v1";
    }

    public FakeChatServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** The answer as streamed deltas (joined for a JSON answer). */
    public FakeChatServer chunks(String... chunks) {
        this.chunks = List.of(chunks);
        return this;
    }

    /** The whole answer as one piece, and back to answering normally. */
    public FakeChatServer content(String content) {
        this.mode = Mode.ANSWER;
        this.chunks = List.of(content);
        return this;
    }

    /** Answers with this status and an OpenAI-style error body carrying the message. */
    public FakeChatServer error(int status, String message) {
        this.mode = Mode.ERROR;
        this.errorStatus = status;
        this.errorMessage = message;
        return this;
    }

    /** Pause between streamed chunks. */
    public FakeChatServer gapMs(long gapMs) {
        this.gapMs = gapMs;
        return this;
    }

    /** Fixed time from the request to the first token (default 0). */
    public FakeChatServer firstTokenDelayMs(long ms) {
        this.firstTokenDelayMs = ms;
        return this;
    }


    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        record(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        boolean stream = wantsStream(body);
        try (exchange) {
            switch (mode) {
                case ANSWER -> {
                    if (stream) {
                        OutputStream out = startStream(exchange);
                        event(out, chunk(null, true));
                        Pause.ms(firstTokenDelayMs);
                        for (String c : chunks) {
                            Pause.ms(gapMs);
                            event(out, chunk(c, false));
                        }
                        event(out, finalChunk());
                        event(out, "[DONE]");
                    } else {
                        Pause.ms(firstTokenDelayMs);
                        respond(exchange, 200, completion(json.writeValueAsString(String.join("", chunks))));
                    }
                }
                case JSON -> {
                    Pause.ms(firstTokenDelayMs);
                    respond(exchange, 200, completion(json.writeValueAsString(String.join("", chunks))));
                }
                case ERROR_500 -> respond(exchange, 500,
                        "{\"error\":{\"message\":\"The model is overloaded\",\"type\":\"server_error\"}}");
                case ERROR -> respond(exchange, errorStatus, """
                        {"error":{"message":%s,"type":"invalid_request_error","param":null,"code":null}}"""
                        .formatted(json.writeValueAsString(errorMessage)));
                case HANG -> hang();
                case GARBAGE -> {
                    if (stream) {
                        OutputStream out = startStream(exchange);
                        out.write("<html><body>502 Bad Gateway</body></html>\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } else {
                        respond(exchange, 200, "<html><body>502 Bad Gateway</body></html>");
                    }
                }
                case GARBAGE_DATA -> event(startStream(exchange), "this is not json");
                case STALL -> {
                    OutputStream out = startStream(exchange);
                    for (String c : chunks) {
                        event(out, chunk(c, false));
                    }
                    hang();
                }
                case EMPTY_CONTENT -> respond(exchange, 200, completion("\"\""));
                case NO_CHOICES -> respond(exchange, 200, """
                        {"id":"chatcmpl-fake","object":"chat.completion","created":1735689600,"model":"fake-model","choices":[]}""");
            }
        } catch (IOException e) {
            // the client gave up on us (timeout test): nothing to do
        }
    }

    private boolean wantsStream(String body) {
        try {
            return json.readTree(body).path("stream").asBoolean(false);
        } catch (IOException e) {
            return false; // not JSON: answer plainly, the client's request was broken anyway
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
}
