package dev.glyphoxa.gateway.feedback;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Checks;
import dev.glyphoxa.gateway.store.Feedback;
import dev.glyphoxa.gateway.store.FeedbackRepository;
import dev.glyphoxa.gateway.store.FeedbackStats;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Feedback from a tenant's players and GMs: four ratings from 1 to 5 and a comment, optionally about one session. */
@Singleton
public class FeedbackService {

    public static final String NO_SUCH_SESSION = "no such session";
    public static final int MAX_SUBMITTED_BY = 200;
    public static final int MAX_COMMENT = 2000;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final FeedbackRepository feedback;
    private final GameSessionRepository sessions;

    public FeedbackService(FeedbackRepository feedback, GameSessionRepository sessions) {
        this.feedback = feedback;
        this.sessions = sessions;
    }

    /**
     * @param submittedBy who gave it (a Discord user, a name)
     * @param sessionId   the session it is about, if any; must be one of the tenant's sessions
     */
    public record NewFeedback(@Nullable UUID sessionId, @Nullable String submittedBy, @Nullable Integer voiceQuality,
                              @Nullable Integer npcPersonality, @Nullable Integer responseSpeed, @Nullable Integer overall,
                              @Nullable String comment) {
    }

    /** The newest entries (at most the limit asked for) and, over all of the tenant's feedback, count and averages. */
    public record FeedbackReport(FeedbackStats stats, List<Feedback> latest) {
    }

    /** @throws ApiException 400 naming each bad field, 404 if {@code sessionId} is not a session of the tenant */
    public Feedback submit(String tenantId, NewFeedback entry) {
        Checks checks = new Checks();
        String by = checks.required("submittedBy", entry.submittedBy(), MAX_SUBMITTED_BY);
        Integer voice = checks.range("voiceQuality", entry.voiceQuality(), 1, 5);
        Integer personality = checks.range("npcPersonality", entry.npcPersonality(), 1, 5);
        Integer speed = checks.range("responseSpeed", entry.responseSpeed(), 1, 5);
        Integer overall = checks.range("overall", entry.overall(), 1, 5);
        String comment = entry.comment() == null ? "" : entry.comment().strip();
        if (comment.length() > MAX_COMMENT) {
            checks.problem("comment", "is too long (" + comment.length() + " characters, at most " + MAX_COMMENT + ")");
        }
        checks.throwIfAny();
        if (entry.sessionId() != null && sessions.findByIdAndTenantId(entry.sessionId(), tenantId).isEmpty()) {
            throw ApiException.notFound(NO_SUCH_SESSION);
        }
        UUID id = feedback.save(new Feedback(null, tenantId, entry.sessionId(), by, voice.shortValue(),
                personality.shortValue(), speed.shortValue(), overall.shortValue(), comment, null)).id();
        // Read back: the database keeps created_at to the microsecond, the saved record has it to the nanosecond.
        return feedback.findById(id).orElseThrow();
    }

    /** @param limit how many of the newest entries to return, 1 to {@link #MAX_LIMIT}; null means {@link #DEFAULT_LIMIT} */
    public FeedbackReport report(String tenantId, @Nullable Integer limit) {
        Checks checks = new Checks();
        Integer n = limit == null ? Integer.valueOf(DEFAULT_LIMIT) : checks.range("limit", limit, 1, MAX_LIMIT);
        checks.throwIfAny();
        return new FeedbackReport(feedback.stats(tenantId), feedback.latest(tenantId, n));
    }
}
