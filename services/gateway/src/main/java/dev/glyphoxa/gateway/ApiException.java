package dev.glyphoxa.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A request the gateway refuses, with the HTTP status and a message meant for the person who sent it.
 * {@code problems} names each offending field (and the YAML line, where there is one).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem> problems;

    @Serdeable
    public record Problem(@Nullable String field, @Nullable Integer line, String message) {

        public String describe() {
            return (field == null ? "" : field + ": ") + message + (line == null ? "" : " (line " + line + ")");
        }
    }

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public ApiException(HttpStatus status, String message, List<Problem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException invalid(List<Problem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST,
                String.join("; ", problems.stream().map(Problem::describe).toList()), problems);
    }

    public static ApiException invalidField(String field, String message) {
        return invalid(List.of(new Problem(field, null, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }
}
