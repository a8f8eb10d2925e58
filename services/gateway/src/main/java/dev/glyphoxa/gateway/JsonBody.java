package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.ApiException.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A JSON request body read field by field. Controllers take the body as text and read it here rather than
 * binding it to a record, because binding stops at the first wrongly typed field and answers in the framework's
 * error shape without naming the field; here every problem is collected, named, and refused in one 400.
 *
 * <p>A field that is absent and a field that is {@code null} read alike (as {@code null}): for an update both
 * mean "leave it as it is".
 */
public final class JsonBody {

    private final Map<String, JsonNode> fields;
    private final List<Problem> problems = new ArrayList<>();

    private JsonBody(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    /** @throws ApiException 400 if the text is not a JSON object, or names a field outside {@code allowed} */
    public static JsonBody parse(JsonMapper mapper, @Nullable String text, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(List.of(new Problem(null, null, "the body must be a JSON object")));
        }
        JsonNode root;
        try {
            root = mapper.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw ApiException.invalid(List.of(new Problem(null, null, "the body is not JSON: " + why)));
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid(List.of(new Problem(null, null, "the body must be a JSON object, found " + kind(root))));
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<Problem> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.entries()) {
            if (allowed.contains(e.getKey())) {
                fields.put(e.getKey(), e.getValue());
            } else {
                unknown.add(new Problem(e.getKey(), null,
                        "unknown field (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
        JsonBody body = new JsonBody(fields);
        body.problems.addAll(unknown);
        return body;
    }

    public @Nullable String text(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            return wrong(field, "expected text", node);
        }
        return node.getStringValue();
    }

    public @Nullable Boolean bool(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            return wrong(field, "expected true or false", node);
        }
        return node.getBooleanValue();
    }

    public @Nullable Integer integer(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !whole(node.getNumberValue())) {
            return wrong(field, "expected a whole number", node);
        }
        return node.getNumberValue().intValue();
    }

    public @Nullable UUID uuid(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        if (!Ids.wellFormed(text.strip())) {
            problems.add(new Problem(field, null, "'" + shorten(text) + "' is not an id (a UUID)"));
            return null;
        }
        return UUID.fromString(text.strip());
    }

    public @Nullable List<String> texts(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            return wrong(field, "expected a list of text", node);
        }
        List<String> values = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node.values()) {
            if (item.isString()) {
                values.add(item.getStringValue());
            } else {
                wrong(field + "[" + i + "]", "expected text", item);
            }
            i++;
        }
        return values;
    }

    /** @throws ApiException 400 naming every field read so far that was unknown or of the wrong type */
    public void done() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private @Nullable JsonNode value(String field) {
        JsonNode node = fields.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private <T> T wrong(String field, String expected, JsonNode found) {
        problems.add(new Problem(field, null, expected + ", found " + kind(found)));
        return null;
    }

    private static boolean whole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue() == n.intValue();
        }
        return n instanceof BigInteger b && b.bitLength() < 32
                || n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static String kind(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "text";
        }
        return node.isBoolean() ? String.valueOf(node.getBooleanValue()) : "the number " + node.getNumberValue();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
