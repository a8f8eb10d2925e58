package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.JsonBody;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.campaign.CampaignService.CampaignChanges;
import dev.glyphoxa.gateway.campaign.CampaignService.NewCampaign;
import dev.glyphoxa.gateway.store.CampaignSummary;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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

/**
 * {@code /api/campaigns}: a tenant's campaigns. {@code POST} takes either a whole campaign file (YAML, see
 * examples/campaign.yaml) or, as JSON, the header of an empty campaign to fill through the NPC and entity routes.
 */
@Controller("/api/campaigns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Campaigns", description = "A tenant's campaigns: the worlds its NPCs live in")
public class CampaignController {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "gameSystem", "narratorVoice");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "gameSystem", "narratorVoice", "active");

    private final CampaignImporter importer;
    private final CampaignService campaigns;
    private final JsonMapper json;

    public CampaignController(CampaignImporter importer, CampaignService campaigns, JsonMapper json) {
        this.importer = importer;
        this.campaigns = campaigns;
        this.json = json;
    }

    /** {@code npcs} and {@code entities} are the numbers imported. */
    @Serdeable
    public record ImportedCampaign(UUID id, String name, int npcs, int entities) {
    }

    /** {@code npcs} and {@code entities} are how many the campaign has. */
    @Serdeable
    public record CampaignView(UUID id, String name, String gameSystem, String narratorVoice, boolean active,
                               long npcs, long entities, Instant createdAt) {
        static CampaignView of(CampaignSummary s) {
            return new CampaignView(s.id(), s.name(), s.gameSystem(), s.narratorVoice(), s.active(), s.npcs(),
                    s.entities(), s.createdAt());
        }
    }

    @Post(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importCampaign", summary = "Import a campaign file (YAML) with its NPCs and entities, all or nothing")
    public HttpResponse<ImportedCampaign> importCampaign(@Parameter(hidden = true) Caller caller, @Body @Nullable String yaml) {
        CampaignImporter.Imported imported = importer.importYaml(caller.tenantId(), yaml);
        return HttpResponse.created(new ImportedCampaign(imported.campaign().id(), imported.campaign().name(),
                imported.npcs().size(), imported.entities().size()));
    }

    @Get
    @Operation(operationId = "listCampaigns", summary = "List the tenant's campaigns with their NPC and entity counts")
    public List<CampaignView> list(@Parameter(hidden = true) Caller caller) {
        return campaigns.list(caller.tenantId()).stream().map(CampaignView::of).toList();
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createCampaign", summary = "Create a campaign: as JSON an empty one, as YAML a whole campaign file",
            description = "application/json: {name, gameSystem, narratorVoice?} creates an empty, active campaign (the narrator"
                    + " voice defaults to festival:slt). A YAML content type imports a campaign file with its NPCs and entities,"
                    + " all or nothing, and answers {id, name, npcs, entities} with the numbers imported.")
    public CampaignView create(@Parameter(hidden = true) Caller caller,
                               @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = NewCampaign.class))) String body) {
        JsonBody b = JsonBody.parse(json, body, CREATE_FIELDS);
        NewCampaign campaign = new NewCampaign(b.text("name"), b.text("gameSystem"), b.text("narratorVoice"));
        b.done();
        UUID id = campaigns.create(caller.tenantId(), campaign).id();
        return CampaignView.of(campaigns.summary(caller.tenantId(), id));
    }

    @Get("/{id}")
    @Operation(operationId = "getCampaign", summary = "Read a campaign")
    public CampaignView get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return CampaignView.of(campaigns.summary(caller.tenantId(), Ids.path(id)));
    }

    @Patch("/{id}")
    @Operation(operationId = "updateCampaign", summary = "Change a campaign's name, game system, narrator voice or active flag; absent fields stay as they are")
    public CampaignView update(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                               @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = CampaignChanges.class))) String body) {
        UUID campaignId = Ids.path(id);
        JsonBody b = JsonBody.parse(json, body, UPDATE_FIELDS);
        CampaignChanges changes = new CampaignChanges(b.text("name"), b.text("gameSystem"), b.text("narratorVoice"), b.bool("active"));
        b.done();
        campaigns.update(caller.tenantId(), campaignId, changes);
        return CampaignView.of(campaigns.summary(caller.tenantId(), campaignId));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCampaign", summary = "Delete a campaign with its NPCs and entities; refused (409) once it has sessions — deactivate it instead")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        campaigns.delete(caller.tenantId(), Ids.path(id));
    }
}
