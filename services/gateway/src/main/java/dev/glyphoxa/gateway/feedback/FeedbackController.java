package dev.glyphoxa.gateway.feedback;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.JsonBody;
import dev.glyphoxa.gateway.feedback.FeedbackService.FeedbackReport;
import dev.glyphoxa.gateway.feedback.FeedbackService.NewFeedback;
import dev.glyphoxa.gateway.store.Feedback;
import dev.glyphoxa.gateway.store.FeedbackStats;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /api/feedback}: ratings from a tenant's players and GMs. */
@Controller("/api/feedback")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Feedback", description = "Ratings (1 to 5) of voice quality, NPC personality, response speed and overall")
public class FeedbackController {

    private static final Set<String> FIELDS = Set.of("sessionId", "submittedBy", "voiceQuality", "npcPersonality",
            "responseSpeed", "overall", "comment");

    private final FeedbackService feedback;
    private final JsonMapper json;

    public FeedbackController(FeedbackService feedback, JsonMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @Serdeable
    public record FeedbackView(UUID id, @Nullable UUID sessionId, String submittedBy, int voiceQuality, int npcPersonality,
                               int responseSpeed, int overall, String comment, Instant createdAt) {
        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id(), f.sessionId(), f.submittedBy(), f.voiceQuality(), f.npcPersonality(),
                    f.responseSpeed(), f.overall(), f.comment(), f.createdAt());
        }
    }

    /** Averages over all of the tenant's feedback (null when there is none); {@code feedback} is the newest first. */
    @Serdeable
    public record FeedbackList(long count, @Nullable Double voiceQuality, @Nullable Double npcPersonality,
                               @Nullable Double responseSpeed, @Nullable Double overall, List<FeedbackView> feedback) {
        static FeedbackList of(FeedbackReport report) {
            FeedbackStats s = report.stats();
            return new FeedbackList(s.count(), s.voiceQuality(), s.npcPersonality(), s.responseSpeed(), s.overall(),
                    report.latest().stream().map(FeedbackView::of).toList());
        }
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "submitFeedback", summary = "Give feedback: four ratings from 1 to 5, a comment, optionally the session it is about")
    public FeedbackView submit(@Parameter(hidden = true) Caller caller,
                               @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = NewFeedback.class))) String body) {
        JsonBody b = JsonBody.parse(json, body, FIELDS);
        NewFeedback entry = new NewFeedback(b.uuid("sessionId"), b.text("submittedBy"), b.integer("voiceQuality"),
                b.integer("npcPersonality"), b.integer("responseSpeed"), b.integer("overall"), b.text("comment"));
        b.done();
        return FeedbackView.of(feedback.submit(caller.tenantId(), entry));
    }

    @Get("{?limit}")
    @Operation(operationId = "listFeedback", summary = "The tenant's feedback, newest first, with the count and average of each rating")
    public FeedbackList list(@Parameter(hidden = true) Caller caller,
                             @QueryValue @Nullable @Parameter(description = "how many entries, 1 to 1000 (default 100)") String limit) {
        return FeedbackList.of(feedback.report(caller.tenantId(), limit(limit)));
    }

    /** Read as text so that a non-number is refused in the API's error shape, naming the parameter. */
    private static @Nullable Integer limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("limit", "expected a whole number from 1 to " + FeedbackService.MAX_LIMIT);
        }
    }
}
