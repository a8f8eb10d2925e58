package dev.glyphoxa.llm.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glyphoxa.llm.provider.ResponderException;

import java.util.function.Consumer;

/**
 * Reads the chat-completions event stream line by line: {@code data: {json chunk}} carries
 * {@code choices[0].delta.content}, {@code data: [DONE]} ends it, blank lines, comments and the other
 * server-sent-event fields are skipped. Anything else is not the wire format and fails the reply.
 */
final class ChatStreamParser {

    private static final int EXCERPT = 120;

    private final ObjectMapper json;
    private final Consumer<String> deltas;
    private boolean done;
    private int contentChunks;

    ChatStreamParser(ObjectMapper json, Consumer<String> deltas) {
        this.json = json;
        this.deltas = deltas;
    }

    /** Handles one line of the stream; returns true once {@code [DONE]} arrived. */
    boolean line(String line) {
        if (done || line.isEmpty() || line.startsWith(":")) {
            return done;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> data(value.strip());
            case "event", "id", "retry" -> {
                // SSE framing we do not need
            }
            default -> throw new ResponderException("not a server-sent event line in the reply stream: \""
                    + excerpt(line) + "\"");
        }
        return done;
    }

    private void data(String payload) {
        if (payload.equals("[DONE]")) {
            done = true;
            return;
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new ResponderException("reply stream carried data that is not JSON: \"" + excerpt(payload) + "\"");
        }
        if (chunk == null || !chunk.isObject()) {
            throw new ResponderException("reply stream carried data that is not a JSON object: \"" + excerpt(payload) + "\"");
        }
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            throw new ResponderException("endpoint reported an error mid-stream: " + errorMessage(error));
        }
        JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
        if (content.isTextual() && !content.asText().isEmpty()) {
            contentChunks++;
            deltas.accept(content.asText());
        }
    }

    boolean done() {
        return done;
    }

    int contentChunks() {
        return contentChunks;
    }

    /** For servers that ignore {@code stream: true} and answer with one JSON completion. */
    static String completionContent(ObjectMapper json, String body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode error = root.get("error");
            if (error != null && !error.isNull()) {
                throw new ResponderException("endpoint reported an error: " + errorMessage(error));
            }
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new ResponderException("completion has no choices[0].message.content: \"" + excerpt(body) + "\"");
            }
            return content.asText();
        } catch (JsonProcessingException e) {
            throw new ResponderException("completion is not JSON: \"" + excerpt(body) + "\"");
        }
    }

    static String errorMessage(JsonNode error) {
        JsonNode message = error.path("message");
        return message.isTextual() ? message.asText() : excerpt(error.toString());
    }

    static String excerpt(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...";
    }
}
