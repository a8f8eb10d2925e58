package dev.glyphoxa.stt.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.RecognitionException.Reason;

import java.net.URI;

/** Reads a transcriptions answer: {@code {"text": ...}} on 2xx, OpenAI's {@code {"error": {"message": ...}}} otherwise. */
final class TranscriptionResponse {

    private TranscriptionResponse() {
    }

    static String text(ObjectMapper json, URI endpoint, int status, String body) {
        if (status / 100 != 2) {
            throw new RecognitionException(Reason.ERROR, endpoint + " answered HTTP " + status + ": " + errorMessage(json, body));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RecognitionException(Reason.GARBAGE, endpoint + " answered with something that is not JSON: \""
                    + RecognitionException.excerpt(body) + "\"");
        }
        JsonNode text = root == null ? null : root.get("text");
        if (text == null || !text.isTextual()) {
            throw new RecognitionException(Reason.GARBAGE, endpoint + " answered without a \"text\" field: \""
                    + RecognitionException.excerpt(body) + "\"");
        }
        return text.asText().strip().replaceAll("\\s+", " ");
    }

    private static String errorMessage(ObjectMapper json, String body) {
        try {
            JsonNode message = json.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return RecognitionException.excerpt(message.asText());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not OpenAI's error format: quote the body instead
        }
        return RecognitionException.excerpt(body);
    }
}
