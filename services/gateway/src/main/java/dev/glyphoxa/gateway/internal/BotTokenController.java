package dev.glyphoxa.gateway.internal;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.tenant.TenantService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /internal/tenants/{tenantId}/bot-token}: the tenant's Discord bot token in plaintext, for the
 * voice-bridge, which logs in with it to join that tenant's guilds. {@link InternalKeyFilter} lets only the
 * internal key through. 404 for an unknown tenant or one without a token, 503 when the token cannot be opened
 * (Vault down), as every other token read. Hidden from the OpenAPI document: it is not part of the admin API.
 */
@Hidden
@Controller("/internal")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BotTokenController {

    private static final Logger LOG = LoggerFactory.getLogger(BotTokenController.class);

    private final TenantService tenants;

    public BotTokenController(TenantService tenants) {
        this.tenants = tenants;
    }

    /** The whole answer; its toString leaves the token out, should it ever be logged. */
    @Serdeable
    public record BotToken(String token) {
        @Override
        public String toString() {
            return "BotToken[(hidden)]";
        }
    }

    @Get("/tenants/{tenantId}/bot-token")
    public BotToken botToken(@PathVariable String tenantId) {
        String token = tenants.botToken(tenantId)
                .orElseThrow(() -> ApiException.notFound("tenant '" + tenantId + "' has no bot token"));
        LOG.info("tenant '{}': bot token handed to an internal service", tenantId);
        return new BotToken(token);
    }
}
