package dev.glyphoxa.gateway.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends GenericRepository<Tenant, String> {

    Optional<Tenant> findById(String id);
}
