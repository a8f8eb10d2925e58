package dev.glyphoxa.gateway.tenant;

import dev.glyphoxa.gateway.ApiErrorHandler;
import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.GatewaySettings;
import dev.glyphoxa.gateway.store.TenantRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Authenticates every {@code /api} request by its bearer key: the operator key (from configuration) for
 * {@code /api/tenants}, a tenant's API key for everything else. Written as a filter rather than with Micronaut
 * Security because the whole scheme is one hashed-key lookup; the security module's token and role machinery
 * would be configuration to carry without a use.
 */
@ServerFilter("/api/**")
public class ApiKeyFilter {

    static final String OPERATOR_PATH = "/api/tenants";

    private final TenantRepository tenants;
    private final GatewaySettings settings;
    private final ApiErrorHandler errors;

    public ApiKeyFilter(TenantRepository tenants, GatewaySettings settings, ApiErrorHandler errors) {
        this.tenants = tenants;
        this.settings = settings;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String key = ApiKeys.bearer(request);
        boolean operatorRoute = request.getPath().equals(OPERATOR_PATH) || request.getPath().startsWith(OPERATOR_PATH + "/");
        if (key == null) {
            return refuse(request, HttpStatus.UNAUTHORIZED, operatorRoute
                    ? "send the operator key as 'Authorization: Bearer <key>'"
                    : "send your tenant's API key as 'Authorization: Bearer <key>'");
        }
        if (operatorRoute) {
            if (settings.operatorKey() == null || settings.operatorKey().isBlank()) {
                return refuse(request, HttpStatus.FORBIDDEN,
                        "the tenant API is disabled: no operator key is configured (GLYPHOXA_OPERATOR_KEY)");
            }
            if (!ApiKeys.matches(key, settings.operatorKey())) {
                return refuse(request, HttpStatus.UNAUTHORIZED, "the operator key is not valid");
            }
            request.setAttribute(Caller.ATTRIBUTE, Caller.operatorCaller());
            return null;
        }
        var tenant = tenants.findByApiKeyHash(ApiKeys.hash(key));
        if (tenant.isEmpty()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "the API key is not valid");
        }
        request.setAttribute(Caller.ATTRIBUTE, Caller.tenant(tenant.get().id()));
        return null;
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String message) {
        return errors.handle(request, new ApiException(status, message));
    }

}
