package dev.glyphoxa.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;

/** Turns {@link ApiException} into one JSON shape for every refusal: status, error, message, field, line, problems. */
@Produces
@Singleton
public class ApiErrorHandler implements ExceptionHandler<ApiException, HttpResponse<ApiErrorHandler.ApiError>> {

    @Serdeable
    public record ApiError(int status, String error, String message, @Nullable String field, @Nullable Integer line,
                           List<ApiException.Problem> problems) {
    }

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ApiException e) {
        ApiException.Problem first = e.problems().isEmpty() ? null : e.problems().getFirst();
        ApiError body = new ApiError(e.status().getCode(), e.status().getReason(), e.getMessage(),
                first == null ? null : first.field(), first == null ? null : first.line(), e.problems());
        return HttpResponse.<ApiError>status(e.status()).body(body);
    }
}
