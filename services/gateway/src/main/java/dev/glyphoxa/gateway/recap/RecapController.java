package dev.glyphoxa.gateway.recap;

import io.swagger.v3.oas.annotations.Parameter;
import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

/** Recaps: {@code /api/sessions/{id}/recap} for one session, {@code /api/recap} for the live or latest one. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)   // an LLM recap can take seconds
@Tag(name = "recaps")
public class RecapController {

    private final RecapService recaps;

    public RecapController(RecapService recaps) {
        this.recaps = recaps;
    }

    @Get("/sessions/{id}/recap")
    @Operation(summary = "Text recap of a session: by the configured LLM, else extracted from the transcript")
    public RecapService.SessionRecap recap(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return recaps.recap(caller.tenantId(), session(id), null);
    }

    @Get("/recap")
    @Operation(summary = "Text recap of the running session (of the campaign, if given), else the campaign's latest")
    public RecapService.SessionRecap current(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable String campaignId) {
        return recaps.recap(caller.tenantId(), null, campaign(campaignId));
    }

    @Post("/sessions/{id}/recap/voice")
    @Operation(summary = "Read a session's recap aloud in the narrator voice, in the campaign's running session")
    public RecapService.SpokenRecap speak(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return recaps.speak(caller.tenantId(), session(id), null);
    }

    private static UUID session(String id) {
        return Ids.inPath(id, "session");
    }

    private static UUID campaign(String id) {
        if (id == null) {
            return null;
        }
        UUID parsed = Ids.parse(id);
        if (parsed == null) {
            throw ApiException.invalidField("campaignId", "'" + id + "' is not a campaign id (a UUID)");
        }
        return parsed;
    }
}
