package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FeedbackRepository extends CrudRepository<Feedback, java.util.UUID> {

    List<Feedback> findByTenantIdOrderByCreatedAtDesc(String tenantId);

    @Query("SELECT * FROM feedback WHERE tenant_id = :tenantId ORDER BY created_at DESC, id LIMIT :limit")
    List<Feedback> latest(String tenantId, int limit);

    @Query("""
            SELECT count(*) AS count, avg(voice_quality)::float8 AS voice_quality, avg(npc_personality)::float8 AS npc_personality,
                   avg(response_speed)::float8 AS response_speed, avg(overall)::float8 AS overall
            FROM feedback WHERE tenant_id = :tenantId""")
    FeedbackStats stats(String tenantId);
}
