package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.session.ControlPublisher.PublishException;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignEntityRepository;
import dev.glyphoxa.gateway.store.CampaignRepository;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.NpcRepository;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Starts and stops sessions. A start writes the session as {@code pending} (the partial unique index refuses a
 * second live session of the campaign even under a race), publishes SessionStarted, and only then marks it
 * {@code active}; if Kafka does not take the event, the session is ended again and the caller gets 503.
 */
@Singleton
public class SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final CampaignRepository campaigns;
    private final NpcRepository npcs;
    private final CampaignEntityRepository entities;
    private final GameSessionRepository sessions;
    private final ControlPublisher control;

    public SessionService(CampaignRepository campaigns, NpcRepository npcs, CampaignEntityRepository entities,
                          GameSessionRepository sessions, ControlPublisher control) {
        this.campaigns = campaigns;
        this.npcs = npcs;
        this.entities = entities;
        this.sessions = sessions;
        this.control = control;
    }

    public GameSession start(String tenantId, UUID campaignId, String voiceChannel, String startedBy) {
        Campaign campaign = campaigns.findByIdAndTenantId(campaignId, tenantId)
                .orElseThrow(() -> ApiException.notFound("no campaign " + campaignId));
        if (!campaign.active()) {
            throw ApiException.conflict("campaign '" + campaign.name() + "' is inactive; activate it before starting a session");
        }
        sessions.findLive(campaignId).ifPresent(live -> {
            throw alreadyLive(campaign, live.id());
        });
        GameSession session;
        try {
            session = sessions.save(new GameSession(null, tenantId, campaignId, GameSession.PENDING, voiceChannel,
                    startedBy, null, null, null, null, null, Instant.now()));
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw alreadyLive(campaign, sessions.findLive(campaignId).map(GameSession::id).orElse(null));
            }
            throw e;
        }
        try {
            control.sessionStarted(session, campaign, npcs.findByCampaignIdOrderByName(campaignId),
                    entities.findByCampaignIdOrderByName(campaignId));
        } catch (PublishException e) {
            sessions.markEnded(session.id(), Instant.now(), "SessionStarted not published: " + e.getMessage());
            LOG.warn("session {} of campaign {} not started: {}", session.id(), campaignId, e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot start the session: " + e.getMessage());
        }
        sessions.markActive(session.id(), Instant.now());
        LOG.info("session {} of campaign '{}' started in {}", session.id(), campaign.name(), voiceChannel);
        return sessions.findById(session.id()).orElseThrow();
    }

    /**
     * Publishes SessionStopped before marking the row ended: if the update then fails, a retried stop publishes
     * again (harmless to the stages), whereas the other order could leave the pipeline running for a session the
     * database calls ended.
     */
    public GameSession stop(String tenantId, UUID sessionId, String reason) {
        GameSession session = sessions.findByIdAndTenantId(sessionId, tenantId)
                .orElseThrow(() -> ApiException.notFound("no session " + sessionId));
        if (session.ended()) {
            throw ApiException.conflict("session " + sessionId + " already ended at " + session.endedAt());
        }
        try {
            control.sessionStopped(session, reason);
        } catch (PublishException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot stop the session: " + e.getMessage());
        }
        sessions.markEnded(sessionId, Instant.now(), reason);
        LOG.info("session {} stopped: {}", sessionId, reason);
        return sessions.findById(sessionId).orElseThrow();
    }

    public GameSession find(String tenantId, UUID sessionId) {
        return sessions.findByIdAndTenantId(sessionId, tenantId)
                .orElseThrow(() -> ApiException.notFound("no session " + sessionId));
    }

    private static ApiException alreadyLive(Campaign campaign, UUID liveSession) {
        return ApiException.conflict("campaign '" + campaign.name() + "' already has an active session"
                + (liveSession == null ? "" : " (" + liveSession + ")") + "; stop it before starting another");
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
