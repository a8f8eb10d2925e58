package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantGuildRepository extends CrudRepository<TenantGuild, String> {

    List<TenantGuild> findByTenantIdOrderByGuildId(String tenantId);

    void deleteByTenantId(String tenantId);

    @Query("UPDATE tenant_guilds SET current_campaign_id = :campaignId WHERE guild_id = :guildId AND tenant_id = :tenantId")
    int updateCurrentCampaign(String tenantId, String guildId, UUID campaignId);
}
