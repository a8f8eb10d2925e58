package dev.glyphoxa.gateway.tenant;

import dev.glyphoxa.gateway.GatewaySettings;
import dev.glyphoxa.gateway.store.TenantRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives the seeded {@code local} tenant the configured key, so a local run needs no operator step. */
@Singleton
@Requires(property = "glyphoxa.gateway.local-tenant-key")
class LocalTenantKey {

    static final String LOCAL_TENANT = "local";
    private static final Logger LOG = LoggerFactory.getLogger(LocalTenantKey.class);

    private final TenantRepository tenants;
    private final GatewaySettings settings;

    LocalTenantKey(TenantRepository tenants, GatewaySettings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.localTenantKey() == null || settings.localTenantKey().isBlank()) {
            return;
        }
        if (tenants.updateApiKeyHash(LOCAL_TENANT, ApiKeys.hash(settings.localTenantKey().strip())) == 1) {
            LOG.info("tenant '{}' accepts the configured local API key", LOCAL_TENANT);
        } else {
            LOG.warn("glyphoxa.gateway.local-tenant-key is set but there is no tenant '{}'", LOCAL_TENANT);
        }
    }
}
