package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GameSessionRepository extends CrudRepository<GameSession, UUID> {

    Optional<GameSession> findByIdAndTenantId(UUID id, String tenantId);

    boolean existsByTenantIdAndCampaignId(String tenantId, UUID campaignId);

    @Query("SELECT * FROM sessions WHERE campaign_id = :campaignId AND status IN ('pending', 'active') LIMIT 1")
    Optional<GameSession> findLive(UUID campaignId);

    /** Conditional, so a racing stop or a late activation never overwrites an ended session. */
    @Query("UPDATE sessions SET status = 'active', started_at = :startedAt WHERE id = :id AND status = 'pending'")
    int markActive(UUID id, Instant startedAt);

    @Query("UPDATE sessions SET last_activity_at = greatest(last_activity_at, :at) WHERE id = :id")
    void touch(UUID id, Instant at);

    @Query("UPDATE sessions SET status = 'ended', ended_at = :endedAt, end_reason = :reason WHERE id = :id AND status <> 'ended'")
    int markEnded(UUID id, Instant endedAt, String reason);
}
