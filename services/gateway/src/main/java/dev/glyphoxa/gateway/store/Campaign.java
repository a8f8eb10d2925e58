package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A campaign: the world its NPCs live in. {@code active = false} keeps it (and its history) but allows no sessions. */
@MappedEntity("campaigns")
public record Campaign(
        @Id @AutoPopulated @Nullable UUID id,
        String tenantId,
        String name,
        String gameSystem,
        String narratorVoice,
        boolean active,
        @DateCreated @Nullable Instant createdAt) {
}
