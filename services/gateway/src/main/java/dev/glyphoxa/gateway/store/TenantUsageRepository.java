package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Session time per tenant and month ({@code tenant_usage}); see {@link MonthlyUsage}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantUsageRepository extends GenericRepository<MonthlyUsage, LocalDate> {

    @Query("""
            INSERT INTO tenant_usage (tenant_id, month, session_seconds, sessions) VALUES (:tenantId, :month, :seconds, 1)
            ON CONFLICT (tenant_id, month) DO UPDATE
            SET session_seconds = tenant_usage.session_seconds + excluded.session_seconds,
                sessions = tenant_usage.sessions + 1""")
    void addSession(String tenantId, LocalDate month, long seconds);

    @Query("SELECT * FROM tenant_usage WHERE tenant_id = :tenantId AND month = :month")
    Optional<MonthlyUsage> find(String tenantId, LocalDate month);

    @Query("SELECT * FROM tenant_usage WHERE tenant_id = :tenantId ORDER BY month DESC")
    List<MonthlyUsage> findByTenant(String tenantId);
}
