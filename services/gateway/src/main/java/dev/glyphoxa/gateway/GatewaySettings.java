package dev.glyphoxa.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param operatorKey     the key of {@code /api/tenants} (env {@code GLYPHOXA_OPERATOR_KEY}); unset disables that API
 * @param internalKey     the key of {@code /internal} (env {@code GLYPHOXA_INTERNAL_KEY}), which only the voice-bridge
 *                        holds; unset disables those routes (404). Must differ from the operator key
 * @param localTenantKey  when set, becomes the API key of the seeded {@code local} tenant at start-up; the local
 *                        stack generates one per run so the CLI can import campaigns without a tenant API call
 * @param publishTimeout  how long a request waits for Kafka to acknowledge a control event before it fails with 503
 * @param idleTimeout     a live session with no transcript line for this long is stopped; 0 disables it
 * @param idleCheckEvery  how often the idle and crash-recovery sweep runs
 * @param pendingTimeout  a session still {@code pending} after this long was left by a gateway that died mid-start
 */
@ConfigurationProperties("glyphoxa.gateway")
public record GatewaySettings(
        @Nullable String operatorKey,
        @Nullable String internalKey,
        @Nullable String localTenantKey,
        @Bindable(defaultValue = "10s") Duration publishTimeout,
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "30s") Duration idleCheckEvery,
        @Bindable(defaultValue = "2m") Duration pendingTimeout) {

    public GatewaySettings {
        // One key for both would let whoever holds the operator key read every tenant's bot token.
        if (internalKey != null && !internalKey.isBlank() && internalKey.equals(operatorKey)) {
            throw new IllegalStateException("glyphoxa.gateway.internal-key (GLYPHOXA_INTERNAL_KEY) must differ from "
                    + "the operator key (GLYPHOXA_OPERATOR_KEY)");
        }
    }

    /** Whether the {@code /internal} routes are on. */
    public boolean internalRoutesEnabled() {
        return internalKey != null && !internalKey.isBlank();
    }

    @Override
    public String toString() {
        return "GatewaySettings[publishTimeout=" + publishTimeout + ", idleTimeout=" + idleTimeout + "]";
    }
}
