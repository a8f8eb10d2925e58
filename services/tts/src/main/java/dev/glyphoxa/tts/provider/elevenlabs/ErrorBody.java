package dev.glyphoxa.tts.provider.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Reads what ElevenLabs says in an error response, as one short line for the log: {@code {"detail": {"status":
 * "invalid_api_key", "message": "Invalid API key"}}}, or FastAPI's validation form {@code {"detail": [{"loc": ...,
 * "msg": ...}]}}, or a plain {@code {"detail": "..."}}; anything else (a proxy's HTML page) as a trimmed excerpt.
 */
final class ErrorBody {

    private static final int MAX_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {
    }

    static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "no body";
        }
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (detail.isObject()) {
                return excerpt(join(detail.path("status").asText(""), detail.path("message").asText("")));
            }
            if (detail.isArray() && !detail.isEmpty()) {
                JsonNode first = detail.get(0);
                StringBuilder loc = new StringBuilder();
                first.path("loc").forEach(part -> loc.append(loc.isEmpty() ? "" : ".").append(part.asText()));
                return excerpt(join(loc.toString(), first.path("msg").asText("")));
            }
            if (detail.isTextual()) {
                return excerpt(detail.asText());
            }
        } catch (IOException e) {
            // not JSON: fall through to the excerpt
        }
        return excerpt(body);
    }

    private static String join(String status, String message) {
        if (status.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? status : status + ": " + message;
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "...";
    }
}
