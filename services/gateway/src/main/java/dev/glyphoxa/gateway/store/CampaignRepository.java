package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CampaignRepository extends CrudRepository<Campaign, UUID> {

    String SUMMARY = """
            SELECT c.id, c.name, c.game_system, c.narrator_voice, c.active, c.created_at,
                   (SELECT count(*) FROM npcs n WHERE n.campaign_id = c.id) AS npcs,
                   (SELECT count(*) FROM entities e WHERE e.campaign_id = c.id) AS entities
            FROM campaigns c""";

    /** Lookups always name the tenant, so one tenant can never reach another's campaign by guessing an id. */
    Optional<Campaign> findByIdAndTenantId(UUID id, String tenantId);

    @Query(SUMMARY + " WHERE c.tenant_id = :tenantId ORDER BY lower(c.name), c.created_at")
    List<CampaignSummary> summaries(String tenantId);

    @Query(SUMMARY + " WHERE c.tenant_id = :tenantId AND c.id = :id")
    Optional<CampaignSummary> summary(String tenantId, UUID id);

    /** Campaign names are not unique, so a name can match several; oldest first. */
    @Query("SELECT * FROM campaigns WHERE tenant_id = :tenantId AND lower(name) = lower(:name) ORDER BY created_at")
    List<Campaign> findByNameIgnoringCase(String tenantId, String name);
}
