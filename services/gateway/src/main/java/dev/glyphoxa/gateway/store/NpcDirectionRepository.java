package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The standing GM directions of a session's NPCs ({@code npc_directions}); a cleared direction is no row. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NpcDirectionRepository extends GenericRepository<NpcDirectionRow, UUID> {

    /** Sets or replaces the NPC's direction in the session. */
    @Query("""
            INSERT INTO npc_directions (tenant_id, session_id, npc_id, direction, directed_at)
            VALUES (:tenantId, :sessionId, :npcId, :direction, :directedAt)
            ON CONFLICT (session_id, npc_id) DO UPDATE SET direction = excluded.direction, directed_at = excluded.directed_at""")
    void put(String tenantId, UUID sessionId, UUID npcId, String direction, Instant directedAt);

    @Query("DELETE FROM npc_directions WHERE tenant_id = :tenantId AND session_id = :sessionId AND npc_id = :npcId")
    int clear(String tenantId, UUID sessionId, UUID npcId);

    @Query("SELECT * FROM npc_directions WHERE session_id = :sessionId")
    List<NpcDirectionRow> findBySession(UUID sessionId);

    /** The session's standing directions by NPC id. */
    default Map<UUID, String> directionsBySession(UUID sessionId) {
        return findBySession(sessionId).stream().collect(Collectors.toMap(NpcDirectionRow::npcId, NpcDirectionRow::direction));
    }
}
