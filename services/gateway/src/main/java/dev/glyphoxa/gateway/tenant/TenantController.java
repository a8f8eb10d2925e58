package dev.glyphoxa.gateway.tenant;

import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/tenants}: the operator's API (operator key, see {@link ApiKeyFilter}); {@code /api/tenant}: a tenant
 * looking at itself. Neither ever returns a bot token or an API key hash; a new API key is shown once, in the
 * answer that created it.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tenants")
public class TenantController {

    private final TenantService tenants;

    public TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    /** {@code monthlySessionHours}: -1 for unlimited; absent = the tier's default (create) or unchanged (update). */
    @Serdeable
    public record TenantRequest(@Nullable String id, @Nullable String name, @Nullable String licenseTier,
                                @Nullable List<String> guildIds, @Nullable String gmRoleId, @Nullable String botToken,
                                @Nullable Boolean clearBotToken, @Nullable Integer monthlySessionHours) {
        TenantService.Changes changes() {
            return new TenantService.Changes(name, licenseTier, guildIds, gmRoleId, botToken,
                    Boolean.TRUE.equals(clearBotToken), monthlySessionHours);
        }
    }

    @Serdeable
    public record TenantView(String id, String name, String licenseTier, List<String> guildIds, @Nullable String gmRoleId,
                             boolean botTokenSet, boolean botTokenEncrypted, @Nullable Integer monthlySessionHours,
                             double hoursUsedThisMonth, Instant createdAt) {
        static TenantView of(TenantService.TenantInfo t) {
            return new TenantView(t.id(), t.name(), t.licenseTier(), t.guildIds(), t.gmRoleId(), t.botTokenSet(),
                    t.botTokenEncrypted(), t.monthlySessionHours(), t.hoursUsedThisMonth(), t.createdAt());
        }
    }

    /** The only answer that ever carries the API key. */
    @Serdeable
    public record TenantWithKey(TenantView tenant, String apiKey) {
    }

    @Post("/tenants")
    @Operation(summary = "Create a tenant (operator); the answer holds its API key, shown this once")
    public HttpResponse<TenantWithKey> create(@Parameter(hidden = true) Caller caller, @Body @Nullable TenantRequest body) {
        TenantRequest request = body == null ? new TenantRequest(null, null, null, null, null, null, null, null) : body;
        TenantService.Created created = tenants.create(request.id(), request.changes());
        return HttpResponse.created(new TenantWithKey(TenantView.of(created.tenant()), created.apiKey()),
                URI.create("/api/tenants/" + created.tenant().id()));
    }

    @Get("/tenants")
    @Operation(summary = "All tenants (operator)")
    public List<TenantView> list(@Parameter(hidden = true) Caller caller) {
        return tenants.list().stream().map(TenantView::of).toList();
    }

    @Get("/tenants/{id}")
    @Operation(summary = "One tenant (operator)")
    public TenantView get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return TenantView.of(tenants.get(id));
    }

    @Patch("/tenants/{id}")
    @Operation(summary = "Change a tenant (operator): absent fields stay as they are; guildIds replaces the list")
    public TenantView update(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Body @Nullable TenantRequest body) {
        TenantRequest request = body == null ? new TenantRequest(null, null, null, null, null, null, null, null) : body;
        return TenantView.of(tenants.update(id, request.changes()));
    }

    @Post("/tenants/{id}/api-key")
    @Operation(summary = "Issue a new API key for the tenant (operator); the old key stops working at once")
    public TenantWithKey rotateKey(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        String key = tenants.rotateApiKey(id);
        return new TenantWithKey(TenantView.of(tenants.get(id)), key);
    }

    @Get("/tenant")
    @Operation(summary = "The calling tenant: licence, servers, usage this month")
    public TenantView self(@Parameter(hidden = true) Caller caller) {
        return TenantView.of(tenants.get(caller.tenantId()));
    }
}
