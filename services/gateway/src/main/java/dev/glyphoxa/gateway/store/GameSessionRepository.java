package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GameSessionRepository extends CrudRepository<GameSession, UUID> {

    Optional<GameSession> findByIdAndTenantId(UUID id, String tenantId);

    boolean existsByTenantIdAndCampaignId(String tenantId, UUID campaignId);

    @Query("SELECT * FROM sessions WHERE campaign_id = :campaignId AND status IN ('pending', 'active') LIMIT 1")
    Optional<GameSession> findLive(UUID campaignId);

    @Query("SELECT * FROM sessions WHERE guild_id = :guildId AND status IN ('pending', 'active') LIMIT 1")
    Optional<GameSession> findLiveInGuild(String guildId);

    @Query("SELECT * FROM sessions WHERE tenant_id = :tenantId AND status IN ('pending', 'active') ORDER BY created_at")
    List<GameSession> findLiveOfTenant(String tenantId);

    /** The newest first; {@code campaignId} and {@code status} filter when not null. */
    @Query("""
            SELECT * FROM sessions WHERE tenant_id = :tenantId
              AND (CAST(:campaignId AS uuid) IS NULL OR campaign_id = :campaignId)
              AND (CAST(:status AS text) IS NULL OR status = :status)
            ORDER BY created_at DESC LIMIT :limit""")
    List<GameSession> list(String tenantId, @Nullable UUID campaignId, @Nullable String status, int limit);

    @Query("SELECT * FROM sessions WHERE tenant_id = :tenantId AND campaign_id = :campaignId ORDER BY created_at DESC LIMIT 1")
    Optional<GameSession> findLatestOfCampaign(String tenantId, UUID campaignId);

    /** Active sessions quiet since before {@code quietSince}, and starts interrupted before {@code pendingSince}. */
    @Query("""
            SELECT * FROM sessions
            WHERE (status = 'active' AND last_activity_at < :quietSince)
               OR (status = 'pending' AND created_at < :pendingSince)""")
    List<GameSession> findAbandoned(Instant quietSince, Instant pendingSince);

    /** Conditional, so a racing stop or a late activation never overwrites an ended session. */
    @Query("UPDATE sessions SET status = 'active', started_at = :startedAt WHERE id = :id AND status = 'pending'")
    int markActive(UUID id, Instant startedAt);

    @Query("UPDATE sessions SET last_activity_at = greatest(last_activity_at, :at) WHERE id = :id")
    void touch(UUID id, Instant at);

    @Query("UPDATE sessions SET status = 'ended', ended_at = :endedAt, end_reason = :reason WHERE id = :id AND status <> 'ended'")
    int markEnded(UUID id, Instant endedAt, String reason);
}
