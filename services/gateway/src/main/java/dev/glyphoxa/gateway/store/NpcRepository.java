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

    Optional<Npc> findByIdAndTenantId(UUID id, String tenantId);

    @Query("UPDATE npcs SET muted = :muted WHERE id = :id AND tenant_id = :tenantId")
    int updateMuted(String tenantId, UUID id, boolean muted);

    @Query("UPDATE npcs SET muted = :muted WHERE campaign_id = :campaignId AND tenant_id = :tenantId")
    int updateMutedInCampaign(String tenantId, UUID campaignId, boolean muted);
}
