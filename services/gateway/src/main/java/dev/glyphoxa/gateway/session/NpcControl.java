package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.session.ControlPublisher.PublishException;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.Npc;
import dev.glyphoxa.gateway.store.NpcDirectionRepository;
import dev.glyphoxa.gateway.store.NpcRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The game master's hands on the NPCs of a running session: mute, unmute, mute all, unmute all, speak a line
 * verbatim, and give a standing direction. Each publishes its control event first and then records the state: the
 * mute state on the NPC (it persists for the campaign's next session), the direction on the session's
 * {@code npc_directions} (it does not); if Kafka refuses, nothing is recorded and the caller gets 503.
 */
@Singleton
public class NpcControl {

    public static final int MAX_SPEAK = 500;
    public static final int MAX_DIRECTION = 500;

    private final SessionService sessions;
    private final NpcRepository npcs;
    private final ControlPublisher control;
    private final NpcDirectionRepository directions;

    public NpcControl(SessionService sessions, NpcRepository npcs, ControlPublisher control,
                      NpcDirectionRepository directions) {
        this.sessions = sessions;
        this.npcs = npcs;
        this.control = control;
        this.directions = directions;
    }

    /** The NPC a direction was given to, and the direction now standing (null: cleared). */
    public record Directed(Npc npc, @Nullable String direction) {
    }

    /** @param npc the NPC's id or name (case-insensitive, aliases too) */
    public Npc setMuted(String tenantId, UUID sessionId, String npc, boolean muted) {
        GameSession session = live(tenantId, sessionId);
        Npc target = resolve(session, npc);
        publish(() -> control.npcMuteChanged(session, target.id().toString(), muted));
        npcs.updateMuted(tenantId, target.id(), muted);
        return npcs.findById(target.id()).orElseThrow();
    }

    /** @return the NPCs of the session's campaign after the change */
    public List<Npc> setAllMuted(String tenantId, UUID sessionId, boolean muted) {
        GameSession session = live(tenantId, sessionId);
        publish(() -> control.npcMuteChanged(session, null, muted));
        npcs.updateMutedInCampaign(tenantId, session.campaignId(), muted);
        return npcs.findByCampaignIdOrderByName(session.campaignId());
    }

    /** The NPC says {@code text} verbatim, muted or not: the GM asked for it explicitly. */
    public Npc speak(String tenantId, UUID sessionId, String npc, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalidField("text", "is required: what the NPC should say");
        }
        if (text.length() > MAX_SPEAK) {
            throw ApiException.invalidField("text", "is too long (at most " + MAX_SPEAK + " characters)");
        }
        GameSession session = live(tenantId, sessionId);
        Npc target = resolve(session, npc);
        publish(() -> control.speakAsNpc(session, target.id().toString(), text.strip()));
        return target;
    }

    /**
     * How the NPC is to be played from now on in this session ("you are drunk tonight"), in every later reply until
     * replaced or cleared; {@code text} null or blank clears it.
     */
    public Directed direct(String tenantId, UUID sessionId, String npc, @Nullable String text) {
        String direction = text == null || text.isBlank() ? null : text.strip();
        if (direction != null && direction.codePointCount(0, direction.length()) > MAX_DIRECTION) {
            throw ApiException.invalidField("direction", "is too long (at most " + MAX_DIRECTION + " characters)");
        }
        GameSession session = live(tenantId, sessionId);
        Npc target = resolve(session, npc);
        publish(() -> control.npcDirection(session, target.id().toString(), direction));
        if (direction == null) {
            directions.clear(tenantId, session.id(), target.id());
        } else {
            directions.put(tenantId, session.id(), target.id(), direction, Instant.now());
        }
        return new Directed(target, direction);
    }

    public List<Npc> npcsOf(String tenantId, UUID sessionId) {
        return npcs.findByCampaignIdOrderByName(sessions.find(tenantId, sessionId).campaignId());
    }

    /** The standing directions in the session, by NPC id (404 for another tenant's session). */
    public Map<UUID, String> directionsOf(String tenantId, UUID sessionId) {
        return directions.directionsBySession(sessions.find(tenantId, sessionId).id());
    }

    private GameSession live(String tenantId, UUID sessionId) {
        GameSession session = sessions.find(tenantId, sessionId);
        if (session.ended()) {
            throw ApiException.conflict("session " + sessionId + " has ended; NPCs can only be directed in a running session");
        }
        return session;
    }

    private Npc resolve(GameSession session, String ref) {
        if (ref == null || ref.isBlank()) {
            throw ApiException.invalidField("npc", "is required: an NPC name or id");
        }
        java.util.UUID id = dev.glyphoxa.gateway.Ids.parse(ref);
        return (id != null ? npcs.findByIdAndTenantIdAndCampaignId(id, session.tenantId(), session.campaignId())
                : npcs.findByCallName(session.tenantId(), session.campaignId(), ref.strip()))
                .orElseThrow(() -> {
                    List<Npc> all = npcs.findByCampaignIdOrderByName(session.campaignId());
                    return ApiException.notFound("no NPC '" + ref.strip() + "' in this campaign; NPCs: "
                            + (all.isEmpty() ? "none" : String.join(", ", all.stream().map(Npc::name).toList())));
                });
    }

    private static void publish(Runnable send) {
        try {
            send.run();
        } catch (PublishException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot reach the pipeline: " + e.getMessage());
        }
    }
}
