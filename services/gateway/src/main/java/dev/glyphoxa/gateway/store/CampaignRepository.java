package dev.glyphoxa.gateway.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CampaignRepository extends CrudRepository<Campaign, UUID> {

    /** Lookups always name the tenant, so one tenant can never reach another's campaign by guessing an id. */
    Optional<Campaign> findByIdAndTenantId(UUID id, String tenantId);
}
