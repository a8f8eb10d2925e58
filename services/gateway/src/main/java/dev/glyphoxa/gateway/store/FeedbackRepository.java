package dev.glyphoxa.gateway.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FeedbackRepository extends CrudRepository<Feedback, java.util.UUID> {

    List<Feedback> findByTenantIdOrderByCreatedAtDesc(String tenantId);
}
