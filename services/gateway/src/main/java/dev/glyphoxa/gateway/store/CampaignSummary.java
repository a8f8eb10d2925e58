package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.UUID;

/** A campaign with the number of its NPCs and entities, read in one query for lists. */
@Introspected
public record CampaignSummary(UUID id, String name, String gameSystem, String narratorVoice, boolean active,
                              long npcs, long entities, Instant createdAt) {
}
