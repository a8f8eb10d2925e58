package dev.glyphoxa.gateway.campaign;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a tree in which every value knows the line it starts on.
 *
 * <p>Built from jackson-core's streaming parser because Jackson's own trees (and Micronaut's JsonNode) drop the
 * locations, and an import problem must say where in the file it is.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            // Which of two "name" keys Foundry meant cannot be guessed, so the file is refused instead.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
            .build();

    private JsonTree() {
    }

    sealed interface Value permits Obj, Arr, Text, Other {
        int line();

        /** For messages: "an object", "a list", "text", "a number", ... */
        default String kind() {
            return switch (this) {
                case Obj o -> "an object";
                case Arr a -> "a list";
                case Text t -> "text";
                case Other o when o.token() == JsonToken.VALUE_NULL -> "null";
                case Other o when o.token().isNumeric() -> "a number";
                case Other o -> o.raw();
            };
        }
    }

    record Obj(int line, Map<String, Value> fields) implements Value {

        Value get(String key) {
            return fields.get(key);
        }

        /** The value at a dotted path such as {@code details.biography.value}, or null where any step is missing. */
        Value at(String dottedPath) {
            Value current = this;
            for (String key : dottedPath.split("\\.")) {
                if (!(current instanceof Obj o)) {
                    return null;
                }
                current = o.get(key);
            }
            return current;
        }
    }

    record Arr(int line, List<Value> items) implements Value {
    }

    record Text(int line, String value) implements Value {
    }

    /** Numbers, booleans and null, kept as written. */
    record Other(int line, JsonToken token, String raw) implements Value {
    }

    /** The text is not JSON; line and column are 1-based and null when Jackson could not tell. */
    static final class Malformed extends Exception {

        private final Integer line;
        private final Integer column;

        Malformed(JsonLocation at, String reason) {
            super(reason);
            boolean known = at != null && at.getLineNr() > 0;
            this.line = known ? at.getLineNr() : null;
            this.column = known && at.getColumnNr() > 0 ? at.getColumnNr() : null;
        }

        Integer line() {
            return line;
        }

        Integer column() {
            return column;
        }
    }

    static Value read(String json) throws Malformed {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new Malformed(parser.currentLocation(), "no JSON value");
            }
            Value root = value(parser);
            if (parser.nextToken() != null) {
                throw new Malformed(parser.currentTokenLocation(), "unexpected content after the end of the document");
            }
            return root;
        } catch (JacksonException e) {
            throw new Malformed(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            // Reading from a String cannot fail with I/O; only parse errors (above) can happen.
            throw new UncheckedIOException(e);
        }
    }

    private static Value value(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Value> fields = new LinkedHashMap<>();
                while (next(parser) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    next(parser);
                    fields.put(key, value(parser));
                }
                yield new Obj(line, fields);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (next(parser) != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                yield new Arr(line, items);
            }
            case VALUE_STRING -> new Text(line, parser.getText());
            default -> new Other(line, token, parser.getText());
        };
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of the document");
        }
        return token;
    }
}
