package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A voiced character of a campaign; {@code voice} is {@code engine:voice}, e.g. {@code festival:slt}. */
@MappedEntity("npcs")
public record Npc(
        @Id @AutoPopulated @Nullable UUID id,
        String tenantId,
        UUID campaignId,
        String name,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> aliases,
        String persona,
        String voice,
        boolean muted,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> knowledgeScope,
        @DateCreated @Nullable Instant createdAt) {
}
