package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.ApiException.Problem;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the problems of one request's values, so a service refuses them all in one 400 instead of one per
 * round trip. Services validate here (not the controllers) because Discord commands call them too.
 */
public final class Checks {

    private final List<Problem> problems = new ArrayList<>();

    /** The stripped text; a problem if it is missing, blank or longer than {@code max}. */
    public @Nullable String required(String field, @Nullable String value, int max) {
        if (value == null) {
            problem(field, "is required");
            return null;
        }
        return present(field, value, max);
    }

    /** Like {@link #required}, but a missing value stays {@code null} (for updates: unchanged). */
    public @Nullable String present(String field, @Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            problem(field, "must not be blank");
            return null;
        }
        if (stripped.length() > max) {
            problem(field, "is too long (" + stripped.length() + " characters, at most " + max + ")");
            return null;
        }
        return stripped;
    }

    /** Stripped items; each must be non-blank, at most {@code maxLength} long, and not repeat another (ignoring case). */
    public @Nullable List<String> list(String field, @Nullable List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return null;
        }
        if (values.size() > maxItems) {
            problem(field, "has " + values.size() + " entries, at most " + maxItems + " are allowed");
            return null;
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String item = present(field + "[" + i + "]", values.get(i) == null ? "" : values.get(i), maxLength);
            if (item != null && !seen.add(item.toLowerCase(Locale.ROOT))) {
                problem(field + "[" + i + "]", "'" + item + "' is listed twice");
            } else if (item != null) {
                kept.add(item);
            }
        }
        return kept;
    }

    public @Nullable Integer range(String field, @Nullable Integer value, int min, int max) {
        if (value == null) {
            problem(field, "is required (a whole number from " + min + " to " + max + ")");
            return null;
        }
        if (value < min || value > max) {
            problem(field, value + " is out of range (a whole number from " + min + " to " + max + ")");
            return null;
        }
        return value;
    }

    public void problem(String field, String message) {
        problems.add(new Problem(field, null, message));
    }

    /** @throws ApiException 400 naming every problem found */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
