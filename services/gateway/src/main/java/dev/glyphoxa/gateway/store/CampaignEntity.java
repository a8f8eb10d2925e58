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

/** Something the NPCs know about (a place, an item, a faction, a quest, lore), table {@code entities}. */
@MappedEntity("entities")
public record CampaignEntity(
        @Id @AutoPopulated @Nullable UUID id,
        String tenantId,
        UUID campaignId,
        String type,
        String name,
        String description,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> tags,
        @DateCreated @Nullable Instant createdAt) {

    public static final List<String> TYPES = List.of("npc", "location", "item", "faction", "quest", "lore");
}
