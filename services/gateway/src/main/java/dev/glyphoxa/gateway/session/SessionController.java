package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.TranscriptLine;
import dev.glyphoxa.gateway.store.TranscriptLineRepository;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Session lifecycle and the stored transcript, under {@code /api/sessions}. */
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {

    static final int MAX_TEXT = 200;

    private final SessionService sessions;
    private final TranscriptLineRepository transcript;

    public SessionController(SessionService sessions, TranscriptLineRepository transcript) {
        this.sessions = sessions;
        this.transcript = transcript;
    }

    /** @param startedBy who asked (a Discord user later); defaults to "admin-api" */
    @Serdeable
    public record StartSession(@Nullable String campaignId, @Nullable String voiceChannel, @Nullable String startedBy) {
    }

    @Serdeable
    public record StopSession(@Nullable String reason) {
    }

    @Serdeable
    public record SessionView(UUID sessionId, UUID campaignId, String status, String voiceChannel,
                              @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String endReason) {
        static SessionView of(GameSession s) {
            return new SessionView(s.id(), s.campaignId(), s.status(), s.voiceChannel(), s.startedAt(), s.endedAt(), s.endReason());
        }
    }

    @Serdeable
    public record Line(String kind, String speaker, @Nullable String npcId, String text, String turnId,
                       @Nullable String utteranceId, @Nullable Integer sequence, Instant spokenAt) {
        static Line of(TranscriptLine l) {
            return new Line(l.kind(), l.speaker(), l.npcId(), l.text(), l.turnId(), l.utteranceId(), l.sequence(), l.spokenAt());
        }
    }

    @Post
    public HttpResponse<SessionView> start(Caller caller, @Body @Nullable StartSession request) {
        List<Problem> problems = new ArrayList<>();
        UUID campaignId = null;
        if (request == null || blank(request.campaignId())) {
            problems.add(new Problem("campaignId", null, "is required"));
        } else {
            campaignId = parseId(request.campaignId());
            if (campaignId == null) {
                problems.add(new Problem("campaignId", null, "'" + request.campaignId() + "' is not a campaign id (a UUID)"));
            }
        }
        if (request == null || blank(request.voiceChannel())) {
            problems.add(new Problem("voiceChannel", null, "is required ('local' or a Discord channel reference)"));
        } else if (request.voiceChannel().length() > MAX_TEXT) {
            problems.add(new Problem("voiceChannel", null, "is too long (at most " + MAX_TEXT + " characters)"));
        }
        if (request != null && request.startedBy() != null && request.startedBy().length() > MAX_TEXT) {
            problems.add(new Problem("startedBy", null, "is too long (at most " + MAX_TEXT + " characters)"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String startedBy = blank(request.startedBy()) ? "admin-api" : request.startedBy().strip();
        GameSession session = sessions.start(caller.tenantId(), campaignId, request.voiceChannel().strip(), startedBy);
        return HttpResponse.created(SessionView.of(session), URI.create("/api/sessions/" + session.id()));
    }

    @Get("/{id}")
    public SessionView get(Caller caller, @PathVariable String id) {
        return SessionView.of(sessions.find(caller.tenantId(), sessionId(id)));
    }

    @Post("/{id}/stop")
    public SessionView stop(Caller caller, @PathVariable String id, @Body @Nullable StopSession request) {
        String reason = request == null || blank(request.reason()) ? "stopped via admin API" : request.reason().strip();
        if (reason.length() > MAX_TEXT) {
            throw ApiException.invalidField("reason", "is too long (at most " + MAX_TEXT + " characters)");
        }
        return SessionView.of(sessions.stop(caller.tenantId(), sessionId(id), reason));
    }

    /** The stored lines in speaking order, player utterances and NPC sentences interleaved. */
    @Get("/{id}/transcript")
    public List<Line> transcript(Caller caller, @PathVariable String id) {
        GameSession session = sessions.find(caller.tenantId(), sessionId(id));
        return transcript.findInOrder(session.id()).stream().map(Line::of).toList();
    }

    /** A malformed id names no session: 404, as for a well-formed id that is unknown. */
    private static UUID sessionId(String id) {
        UUID parsed = parseId(id);
        if (parsed == null) {
            throw ApiException.notFound("no session " + id);
        }
        return parsed;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
