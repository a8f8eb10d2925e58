package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends CrudRepository<Tenant, String> {

    Optional<Tenant> findByApiKeyHash(String apiKeyHash);

    List<Tenant> findAllOrderById();

    @Query("UPDATE tenants SET api_key_hash = :apiKeyHash WHERE id = :id")
    int updateApiKeyHash(String id, String apiKeyHash);

    @Query("UPDATE tenants SET bot_token = :botToken WHERE id = :id")
    int updateBotToken(String id, String botToken);
}
