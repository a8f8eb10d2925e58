package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A customer of Glyphoxa, table {@code tenants}. {@code botToken} is stored sealed (see
 * {@code dev.glyphoxa.gateway.secret.TokenCipher}); {@code apiKeyHash} is the SHA-256 of the admin API key.
 * Neither ever leaves the gateway: API views are built field by field, never from this record.
 */
@MappedEntity("tenants")
public record Tenant(
        @Id String id,
        String name,
        String licenseTier,
        @Nullable String gmRoleId,
        @Nullable String botToken,
        @Nullable String apiKeyHash,
        @Nullable Integer monthlySessionHours,
        @DateCreated @Nullable Instant createdAt) {

    public static final java.util.List<String> TIERS = java.util.List.of("free", "pro", "enterprise");

    @Override
    public String toString() {
        return "Tenant[id=" + id + ", name=" + name + ", licenseTier=" + licenseTier + "]";
    }
}
