package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NpcRepository extends CrudRepository<Npc, UUID> {

    List<Npc> findByCampaignIdOrderByName(UUID campaignId);

    @Query("UPDATE npcs SET muted = :muted WHERE id = :id AND tenant_id = :tenantId")
    int updateMuted(String tenantId, UUID id, boolean muted);

    @Query("UPDATE npcs SET muted = :muted WHERE campaign_id = :campaignId AND tenant_id = :tenantId")
    int updateMutedInCampaign(String tenantId, UUID campaignId, boolean muted);

    Optional<Npc> findByIdAndTenantIdAndCampaignId(UUID id, String tenantId, UUID campaignId);

    long countByCampaignId(UUID campaignId);

    /** By name or alias, ignoring case; a name match wins over an alias match. */
    @Query("""
            SELECT * FROM npcs
            WHERE tenant_id = :tenantId AND campaign_id = :campaignId
              AND (lower(name) = lower(:callName) OR lower(:callName) IN (SELECT lower(a) FROM unnest(aliases) a))
            ORDER BY lower(name) = lower(:callName) DESC, name
            LIMIT 1""")
    Optional<Npc> findByCallName(String tenantId, UUID campaignId, String callName);
}
