package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A Discord guild (server) of a tenant, table {@code tenant_guilds}; a guild belongs to one tenant only. */
@MappedEntity("tenant_guilds")
public record TenantGuild(
        @Id String guildId,
        String tenantId,
        @Nullable UUID currentCampaignId,
        @DateCreated @Nullable Instant addedAt) {
}
