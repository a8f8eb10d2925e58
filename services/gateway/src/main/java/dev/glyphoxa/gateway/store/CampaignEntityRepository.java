package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CampaignEntityRepository extends CrudRepository<CampaignEntity, UUID> {

    List<CampaignEntity> findByCampaignIdOrderByName(UUID campaignId);

    List<CampaignEntity> findByCampaignIdAndTypeOrderByName(UUID campaignId, String type);

    Optional<CampaignEntity> findByIdAndTenantIdAndCampaignId(UUID id, String tenantId, UUID campaignId);

    long countByCampaignId(UUID campaignId);

    /** Names are unique per campaign ignoring case (index entities_unique_name_per_campaign), so at most one. */
    @Query("SELECT * FROM entities WHERE tenant_id = :tenantId AND campaign_id = :campaignId AND lower(name) = lower(:name)")
    Optional<CampaignEntity> findByNameIgnoringCase(String tenantId, UUID campaignId, String name);
}
