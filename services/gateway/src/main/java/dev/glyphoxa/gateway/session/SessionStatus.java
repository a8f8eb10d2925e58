package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignRepository;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.NpcDirectionRepository;
import dev.glyphoxa.gateway.store.NpcRepository;
import dev.glyphoxa.gateway.store.TranscriptLineRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What {@code /session status} and {@code GET /api/sessions/{id}} show about one session. */
@Serdeable
public record SessionStatus(UUID sessionId, UUID campaignId, String campaignName, String status, String voiceChannel,
                            @Nullable String guildId, String startedBy, @Nullable Instant startedAt,
                            @Nullable Instant endedAt, @Nullable String endReason, long durationSeconds,
                            Instant lastActivityAt, List<NpcState> npcs, long transcriptLines) {

    /** @param direction the GM's standing direction for the NPC in this session, null when none */
    @Serdeable
    public record NpcState(UUID npcId, String name, boolean muted, @Nullable String direction) {
    }

    @Singleton
    public static class Reader {

        private final SessionService sessions;
        private final CampaignRepository campaigns;
        private final NpcRepository npcs;
        private final TranscriptLineRepository transcript;
        private final NpcDirectionRepository directions;

        public Reader(SessionService sessions, CampaignRepository campaigns, NpcRepository npcs,
                      TranscriptLineRepository transcript, NpcDirectionRepository directions) {
            this.sessions = sessions;
            this.campaigns = campaigns;
            this.npcs = npcs;
            this.transcript = transcript;
            this.directions = directions;
        }

        public SessionStatus status(String tenantId, UUID sessionId) {
            return of(sessions.find(tenantId, sessionId), Instant.now());
        }

        public SessionStatus of(GameSession s, Instant now) {
            Campaign campaign = campaigns.findByIdAndTenantId(s.campaignId(), s.tenantId()).orElseThrow();
            Instant until = s.endedAt() != null ? s.endedAt() : now;
            long duration = s.startedAt() == null ? 0 : Math.max(0, Duration.between(s.startedAt(), until).toSeconds());
            Map<UUID, String> directed = directions.directionsBySession(s.id());
            List<NpcState> npcStates = npcs.findByCampaignIdOrderByName(s.campaignId()).stream()
                    .map(n -> new NpcState(n.id(), n.name(), n.muted(), directed.get(n.id()))).toList();
            return new SessionStatus(s.id(), s.campaignId(), campaign.name(), s.status(), s.voiceChannel(), s.guildId(),
                    s.startedBy(), s.startedAt(), s.endedAt(), s.endReason(), duration,
                    s.lastActivityAt() == null ? s.createdAt() : s.lastActivityAt(), npcStates,
                    transcript.countBySessionId(s.id()));
        }
    }
}
