package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** {@code POST /api/campaigns}: import a campaign file (YAML, see examples/campaign.yaml). */
@Controller("/api/campaigns")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CampaignController {

    private final CampaignImporter importer;

    public CampaignController(CampaignImporter importer) {
        this.importer = importer;
    }

    /** {@code npcs} and {@code entities} are the numbers imported. */
    @Serdeable
    public record ImportedCampaign(UUID id, String name, int npcs, int entities) {
    }

    @Post(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public HttpResponse<ImportedCampaign> importCampaign(Caller caller, @Body @Nullable String yaml) {
        CampaignImporter.Imported imported = importer.importYaml(caller.tenantId(), yaml);
        return HttpResponse.created(new ImportedCampaign(imported.campaign().id(), imported.campaign().name(),
                imported.npcs().size(), imported.entities().size()));
    }
}
