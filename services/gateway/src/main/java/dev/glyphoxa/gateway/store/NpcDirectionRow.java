package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code npc_directions}: the GM's current standing direction for one NPC in one session (the key is
 * session and NPC; {@code @Id} marks only the NPC because the rows are read and written by the queries of
 * {@link NpcDirectionRepository}, never by id).
 */
@MappedEntity("npc_directions")
public record NpcDirectionRow(String tenantId, UUID sessionId, @Id UUID npcId, String direction, Instant directedAt) {
}
