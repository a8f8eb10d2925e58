package dev.glyphoxa.gateway.session;

import io.swagger.v3.oas.annotations.Parameter;
import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.Ids;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Session lifecycle and the stored transcript, under {@code /api/sessions}. */
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sessions")
public class SessionController {

    static final int MAX_TEXT = 200;
    static final List<String> STATUSES = List.of(GameSession.PENDING, GameSession.ACTIVE, GameSession.ENDED);

    private final SessionService sessions;
    private final SessionStatus.Reader status;
    private final TranscriptLineRepository transcript;

    public SessionController(SessionService sessions, SessionStatus.Reader status, TranscriptLineRepository transcript) {
        this.sessions = sessions;
        this.status = status;
        this.transcript = transcript;
    }

    /** @param startedBy who asked (a Discord user id or name); defaults to "admin-api" */
    @Serdeable
    public record StartSession(@Nullable String campaignId, @Nullable String voiceChannel, @Nullable String startedBy,
                               @Nullable String guildId) {
    }

    @Serdeable
    public record StopSession(@Nullable String reason) {
    }

    @Serdeable
    public record Line(String kind, String speaker, @Nullable String npcId, String text, String turnId,
                       @Nullable String utteranceId, @Nullable Integer sequence, Instant spokenAt) {
        static Line of(TranscriptLine l) {
            return new Line(l.kind(), l.speaker(), l.npcId(), l.text(), l.turnId(), l.utteranceId(), l.sequence(), l.spokenAt());
        }
    }

    @Get
    @Operation(summary = "The tenant's sessions, newest first; filter by campaign and status")
    public List<SessionStatus> list(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable String campaignId,
                                    @QueryValue @Nullable String status, @QueryValue @Nullable Integer limit) {
        UUID campaign = campaignId == null ? null : Ids.parse(campaignId);
        if (campaignId != null && campaign == null) {
            throw ApiException.invalidField("campaignId", "'" + campaignId + "' is not a campaign id (a UUID)");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "must be one of " + STATUSES);
        }
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        Instant now = Instant.now();
        return sessions.list(caller.tenantId(), campaign, status, max).stream().map(s -> this.status.of(s, now)).toList();
    }

    @Post
    @Operation(summary = "Start a session of a campaign: publishes SessionStarted with the campaign snapshot")
    public HttpResponse<SessionStatus> start(@Parameter(hidden = true) Caller caller, @Body @Nullable StartSession request) {
        List<Problem> problems = new ArrayList<>();
        UUID campaignId = null;
        if (request == null || blank(request.campaignId())) {
            problems.add(new Problem("campaignId", null, "is required"));
        } else if ((campaignId = Ids.parse(request.campaignId())) == null) {
            problems.add(new Problem("campaignId", null, "'" + request.campaignId() + "' is not a campaign id (a UUID)"));
        }
        if (request == null || blank(request.voiceChannel())) {
            problems.add(new Problem("voiceChannel", null, "is required ('local' or a Discord channel reference)"));
        } else if (request.voiceChannel().length() > MAX_TEXT) {
            problems.add(new Problem("voiceChannel", null, "is too long (at most " + MAX_TEXT + " characters)"));
        }
        if (request != null && request.startedBy() != null && request.startedBy().length() > MAX_TEXT) {
            problems.add(new Problem("startedBy", null, "is too long (at most " + MAX_TEXT + " characters)"));
        }
        if (request != null && request.guildId() != null && !request.guildId().matches("[0-9]{1,20}")) {
            problems.add(new Problem("guildId", null, "must be a Discord server id (digits)"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String startedBy = blank(request.startedBy()) ? "admin-api" : request.startedBy().strip();
        GameSession session = sessions.start(caller.tenantId(), new SessionService.StartRequest(campaignId,
                request.voiceChannel().strip(), startedBy, request.guildId()));
        return HttpResponse.created(status.of(session, Instant.now()), URI.create("/api/sessions/" + session.id()));
    }

    @Get("/{id}")
    @Operation(summary = "Status: who started it, duration, channel, NPCs with their mute state, transcript lines")
    public SessionStatus get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return status.status(caller.tenantId(), sessionId(id));
    }

    @Post("/{id}/stop")
    @Operation(summary = "Stop a session: publishes SessionStopped and books its time")
    public SessionStatus stop(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Body @Nullable StopSession request) {
        String reason = request == null || blank(request.reason()) ? "stopped via admin API" : request.reason().strip();
        if (reason.length() > MAX_TEXT) {
            throw ApiException.invalidField("reason", "is too long (at most " + MAX_TEXT + " characters)");
        }
        return status.of(sessions.stop(caller.tenantId(), sessionId(id), reason), Instant.now());
    }

    @Get("/{id}/transcript")
    @Operation(summary = "The stored lines in speaking order, player utterances and NPC sentences interleaved")
    public List<Line> transcript(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        GameSession session = sessions.find(caller.tenantId(), sessionId(id));
        return transcript.findInOrder(session.id()).stream().map(Line::of).toList();
    }

    /** A malformed id names no session: 404, as for a well-formed id that is unknown. */
    static UUID sessionId(String id) {
        return Ids.inPath(id, "session");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
