package dev.glyphoxa.gateway.internal;

import dev.glyphoxa.gateway.ApiErrorHandler;
import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.GatewaySettings;
import dev.glyphoxa.gateway.tenant.ApiKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Authenticates every {@code /internal} request by the internal service key. A separate filter (and key) from
 * {@code ApiKeyFilter}: that one accepts any tenant's key, and a tenant must never read a bot token, not even its
 * own, through a route made for the voice-bridge. Without the key configured the routes answer 404, so a
 * deployment that forgot the setting is closed, not open.
 */
@ServerFilter("/internal/**")
public class InternalKeyFilter {

    private final GatewaySettings settings;
    private final ApiErrorHandler errors;

    public InternalKeyFilter(GatewaySettings settings, ApiErrorHandler errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!settings.internalRoutesEnabled()) {
            return refuse(request, HttpStatus.NOT_FOUND,
                    "the internal routes are disabled: no internal key is configured (GLYPHOXA_INTERNAL_KEY)");
        }
        String key = ApiKeys.bearer(request);
        if (key == null) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "send the internal service key as 'Authorization: Bearer <key>'");
        }
        if (!ApiKeys.matches(key, settings.internalKey())) {   // constant time
            return refuse(request, HttpStatus.UNAUTHORIZED, "the internal service key is not valid");
        }
        return null;
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String message) {
        return errors.handle(request, new ApiException(status, message));
    }
}
