package dev.glyphoxa.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Deepgram's live messages as its API reference shows them, for the fake server. */
final class DeepgramMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeepgramMessages() {
    }

    /** A {@code Results} message for one segment: interim ({@code is_final} false) or final. */
    static ObjectNode results(List<String> segment, boolean isFinal, boolean speechFinal) {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", "Results");
        r.putArray("channel_index").add(0).add(1);
        r.put("duration", 0.25 * segment.size());
        r.put("start", 0.0);
        r.put("is_final", isFinal);
        r.put("speech_final", speechFinal);
        ObjectNode alternative = r.putObject("channel").putArray("alternatives").addObject();
        alternative.put("transcript", String.join(" ", segment));
        alternative.put("confidence", 0.97);
        ArrayNode words = alternative.putArray("words");
        for (String w : segment) {
            words.addObject().put("word", w.replaceAll("\\W", "").toLowerCase(Locale.ROOT)).put("start", 0.0)
                    .put("end", 0.25).put("confidence", 0.97).put("punctuated_word", w);
        }
        ObjectNode metadata = r.putObject("metadata");
        metadata.put("request_id", UUID.randomUUID().toString());
        metadata.putObject("model_info").put("name", "general-nova-3").put("version", "2025-01-01.0").put("arch", "nova-3");
        metadata.put("model_uuid", UUID.randomUUID().toString());
        r.put("from_finalize", false);
        return r;
    }

    /** The summary Deepgram sends after the last results of a closed stream. */
    static ObjectNode metadata(int audioBytes) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "Metadata");
        m.put("transaction_key", "deprecated");
        m.put("request_id", UUID.randomUUID().toString());
        m.put("sha256", "0".repeat(64));
        m.put("created", "2026-11-24T12:00:00.000Z");
        m.put("duration", audioBytes / 32_000.0);
        m.put("channels", 1);
        return m;
    }

    /** A query string's parameters, repeated ones (keyterm) in order. */
    static Map<String, List<String>> query(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
