package dev.glyphoxa.gateway.recap;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.session.ControlPublisher;
import dev.glyphoxa.gateway.session.ControlPublisher.PublishException;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignRepository;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.TranscriptLine;
import dev.glyphoxa.gateway.store.TranscriptLineRepository;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.TurnTimings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Recaps of stored sessions, as text or read aloud by the campaign's narrator. Which session: the one named,
 * else the live one (of the campaign, if named), else the campaign's latest. Lines the narrator read out earlier
 * (source {@value #SOURCE}) are left out, so a recap never recaps a recap.
 */
@Singleton
public class RecapService {

    public static final String SOURCE = "recap";
    public static final String NARRATOR_ID = "narrator";
    public static final String NARRATOR_NAME = "Narrator";
    /** Sentence ends: the narrator's lines are cut where a reader would breathe, as the llm stage cuts replies. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private final GameSessionRepository sessions;
    private final CampaignRepository campaigns;
    private final TranscriptLineRepository transcript;
    private final SessionRecapper recapper;
    private final ControlPublisher publisher;

    public RecapService(GameSessionRepository sessions, CampaignRepository campaigns, TranscriptLineRepository transcript,
                        SessionRecapper recapper, ControlPublisher publisher) {
        this.sessions = sessions;
        this.campaigns = campaigns;
        this.transcript = transcript;
        this.recapper = recapper;
        this.publisher = publisher;
    }

    @Serdeable
    public record SessionRecap(UUID sessionId, UUID campaignId, String campaignName, String status, Recap recap) {
    }

    /** @param spokenIn the live session whose voice channel heard it */
    @Serdeable
    public record SpokenRecap(SessionRecap recap, UUID spokenIn, int lines) {
    }

    public SessionRecap recap(String tenantId, @Nullable UUID sessionId, @Nullable UUID campaignId) {
        GameSession session = choose(tenantId, sessionId, campaignId);
        Campaign campaign = campaigns.findByIdAndTenantId(session.campaignId(), tenantId).orElseThrow();
        List<RecapLine> lines = transcript.findInOrder(session.id()).stream()
                .filter(l -> !SOURCE.equals(l.source()))
                .map(l -> new RecapLine(l.speaker(), TranscriptLine.NPC.equals(l.kind()), l.text(), l.spokenAt()))
                .toList();
        Recap recap = recapper.recap(new RecapRequest(campaign.name(), lines, session.startedAt(), session.endedAt()));
        return new SessionRecap(session.id(), campaign.id(), campaign.name(), session.status(), recap);
    }

    /**
     * The recap read aloud in the campaign's narrator voice, in the voice channel of the campaign's live session
     * (usually: last session's recap at the start of this one).
     */
    public SpokenRecap speak(String tenantId, @Nullable UUID sessionId, @Nullable UUID campaignId) {
        SessionRecap recap = recap(tenantId, sessionId, campaignId);
        GameSession live = sessions.findLive(recap.campaignId())
                .filter(s -> GameSession.ACTIVE.equals(s.status()))
                .orElseThrow(() -> ApiException.conflict("a voice recap is read out in a running session, and campaign '"
                        + recap.campaignName() + "' has none; start one, or ask for the text recap"));
        Campaign campaign = campaigns.findByIdAndTenantId(recap.campaignId(), tenantId).orElseThrow();
        List<NpcLine> lines = narration(live, campaign.narratorVoice(), recap.recap().text());
        try {
            publisher.npcLines(live, lines);
        } catch (PublishException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot reach the pipeline: " + e.getMessage());
        }
        return new SpokenRecap(recap, live.id(), lines.size());
    }

    static List<NpcLine> narration(GameSession live, String voice, String text) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            // Bullet markers and "Who took part:" headings read badly aloud; the words stay.
            String spoken = s.replaceFirst("^\\s*[-*•]\\s*", "").strip();
            if (!spoken.isEmpty()) {
                sentences.add(spoken);
            }
        }
        String turnId = "recap-" + System.currentTimeMillis();
        List<NpcLine> lines = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            lines.add(NpcLine.newBuilder()
                    .setSessionId(live.id().toString())
                    .setTurnId(turnId)
                    .setNpcId(NARRATOR_ID)
                    .setNpcName(NARRATOR_NAME)
                    .setVoice(voice)
                    .setSequence(i)
                    .setLastInTurn(i == sentences.size() - 1)
                    .setText(sentences.get(i))
                    .setResponder(SOURCE)
                    .setTimings(TurnTimings.newBuilder().build())
                    .build());
        }
        return lines;
    }

    private GameSession choose(String tenantId, @Nullable UUID sessionId, @Nullable UUID campaignId) {
        if (sessionId != null) {
            return sessions.findByIdAndTenantId(sessionId, tenantId)
                    .orElseThrow(() -> ApiException.notFound("no session " + sessionId));
        }
        if (campaignId != null) {
            campaigns.findByIdAndTenantId(campaignId, tenantId)
                    .orElseThrow(() -> ApiException.notFound("no campaign " + campaignId));
            return sessions.findLive(campaignId).filter(s -> s.tenantId().equals(tenantId))
                    .or(() -> sessions.findLatestOfCampaign(tenantId, campaignId))
                    .orElseThrow(() -> ApiException.notFound("campaign " + campaignId + " has no sessions yet"));
        }
        List<GameSession> live = sessions.findLiveOfTenant(tenantId);
        if (live.size() > 1) {
            throw ApiException.conflict(live.size() + " sessions are running; say which one (sessionId or campaignId)");
        }
        return live.stream().findFirst()
                .or(() -> sessions.list(tenantId, null, null, 1).stream().findFirst())
                .orElseThrow(() -> ApiException.notFound("there are no sessions yet"));
    }
}
