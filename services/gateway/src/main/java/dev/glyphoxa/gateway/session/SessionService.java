package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.session.ControlPublisher.PublishException;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignEntityRepository;
import dev.glyphoxa.gateway.store.CampaignRepository;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.NpcRepository;
import dev.glyphoxa.gateway.store.Tenant;
import dev.glyphoxa.gateway.store.TenantGuildRepository;
import dev.glyphoxa.gateway.store.TenantRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Starts and stops sessions. A start writes the session as {@code pending} (partial unique indexes refuse a second
 * live session of the campaign or of the Discord guild even under a race), publishes SessionStarted, and only then
 * marks it {@code active}; if Kafka does not take the event, the session is ended again and the caller gets 503.
 */
@Singleton
public class SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String GUILD_INDEX = "sessions_one_live_per_guild";

    private final TenantRepository tenants;
    private final TenantGuildRepository guilds;
    private final CampaignRepository campaigns;
    private final NpcRepository npcs;
    private final CampaignEntityRepository entities;
    private final GameSessionRepository sessions;
    private final ControlPublisher control;
    private final SessionLedger ledger;
    private final SessionAllowance allowance;

    public SessionService(TenantRepository tenants, TenantGuildRepository guilds, CampaignRepository campaigns,
                          NpcRepository npcs, CampaignEntityRepository entities, GameSessionRepository sessions,
                          ControlPublisher control, SessionLedger ledger, SessionAllowance allowance) {
        this.tenants = tenants;
        this.guilds = guilds;
        this.campaigns = campaigns;
        this.npcs = npcs;
        this.entities = entities;
        this.sessions = sessions;
        this.control = control;
        this.ledger = ledger;
        this.allowance = allowance;
    }

    /** What a start needs; {@code guildId} is null outside Discord (local channel, admin API without a guild). */
    public record StartRequest(UUID campaignId, String voiceChannel, String startedBy, @Nullable String guildId) {
    }

    public GameSession start(String tenantId, StartRequest request) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> ApiException.notFound("no tenant " + tenantId));
        Campaign campaign = campaigns.findByIdAndTenantId(request.campaignId(), tenantId)
                .orElseThrow(() -> ApiException.notFound("no campaign " + request.campaignId()));
        if (!campaign.active()) {
            throw ApiException.conflict("campaign '" + campaign.name() + "' is inactive; activate it before starting a session");
        }
        if (request.guildId() != null && guilds.findById(request.guildId()).filter(g -> g.tenantId().equals(tenantId)).isEmpty()) {
            throw ApiException.notFound("Discord server " + request.guildId() + " is not registered to this tenant");
        }
        sessions.findLive(campaign.id()).ifPresent(live -> {
            throw campaignBusy(campaign, live.id());
        });
        if (request.guildId() != null) {
            sessions.findLiveInGuild(request.guildId()).ifPresent(live -> {
                throw guildBusy(live.id());
            });
        }
        allowance.requireHoursLeft(tenant, Instant.now());
        GameSession session = insertPending(tenantId, campaign, request);
        try {
            control.sessionStarted(session, campaign, npcs.findByCampaignIdOrderByName(campaign.id()),
                    entities.findByCampaignIdOrderByName(campaign.id()));
        } catch (PublishException e) {
            ledger.end(session, Instant.now(), "SessionStarted not published: " + e.getMessage());
            LOG.warn("session {} of campaign {} not started: {}", session.id(), campaign.id(), e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot start the session: " + e.getMessage());
        }
        sessions.markActive(session.id(), Instant.now());
        LOG.info("session {} of campaign '{}' started in {} by {}", session.id(), campaign.name(), request.voiceChannel(),
                request.startedBy());
        return sessions.findById(session.id()).orElseThrow();
    }

    private GameSession insertPending(String tenantId, Campaign campaign, StartRequest request) {
        try {
            return sessions.save(new GameSession(null, tenantId, campaign.id(), GameSession.PENDING, request.voiceChannel(),
                    request.startedBy(), request.guildId(), null, null, null, null, Instant.now()));
        } catch (DataAccessException e) {
            String constraint = uniqueViolation(e);
            if (constraint == null) {
                throw e;
            }
            // A concurrent start won between our check and our insert: name the one that holds the slot.
            if (constraint.contains(GUILD_INDEX)) {
                throw guildBusy(sessions.findLiveInGuild(request.guildId()).map(GameSession::id).orElse(null));
            }
            throw campaignBusy(campaign, sessions.findLive(campaign.id()).map(GameSession::id).orElse(null));
        }
    }

    /**
     * Publishes SessionStopped before marking the row ended: if the update then fails, a retried stop publishes
     * again (harmless to the stages), whereas the other order could leave the pipeline running for a session the
     * database calls ended.
     */
    public GameSession stop(String tenantId, UUID sessionId, String reason) {
        GameSession session = find(tenantId, sessionId);
        if (session.ended()) {
            throw ApiException.conflict("session " + sessionId + " already ended at " + session.endedAt());
        }
        end(session, reason);
        return sessions.findById(sessionId).orElseThrow();
    }

    /** Publishes SessionStopped and ends the row; used by {@link #stop} and by the idle sweep. */
    void end(GameSession session, String reason) {
        try {
            control.sessionStopped(session, reason);
        } catch (PublishException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot stop the session: " + e.getMessage());
        }
        if (ledger.end(session, Instant.now(), reason)) {
            LOG.info("session {} stopped: {}", session.id(), reason);
        }
    }

    public GameSession find(String tenantId, UUID sessionId) {
        return sessions.findByIdAndTenantId(sessionId, tenantId)
                .orElseThrow(() -> ApiException.notFound("no session " + sessionId));
    }

    public List<GameSession> list(String tenantId, @Nullable UUID campaignId, @Nullable String status, int limit) {
        return sessions.list(tenantId, campaignId, status, limit);
    }

    private static ApiException campaignBusy(Campaign campaign, UUID liveSession) {
        return ApiException.conflict("campaign '" + campaign.name() + "' already has an active session"
                + (liveSession == null ? "" : " (" + liveSession + ")") + "; stop it before starting another");
    }

    private static ApiException guildBusy(UUID liveSession) {
        return ApiException.conflict("this Discord server already has an active session"
                + (liveSession == null ? "" : " (" + liveSession + ")") + "; stop it before starting another");
    }

    /** The violated constraint's name (from the server message), or null when the failure is not a unique violation. */
    private static String uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return String.valueOf(sql.getMessage());
            }
        }
        return null;
    }
}
