package dev.glyphoxa.gateway.campaign;

import io.swagger.v3.oas.annotations.Parameter;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.store.CampaignEntity;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/campaigns/{campaignId}/entities/import}: a Foundry VTT export (JSON) or an entities YAML file. */
@Controller("/api/campaigns/{campaignId}/entities/import")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "entities")
public class KnowledgeImportController {

    private final KnowledgeImporter importer;

    public KnowledgeImportController(KnowledgeImporter importer) {
        this.importer = importer;
    }

    @Serdeable
    public record ImportedEntity(UUID id, String type, String name) {
    }

    @Serdeable
    public record ImportedKnowledge(int imported, List<ImportedEntity> entities) {
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "Add knowledge entities from a Foundry VTT actor/journal/item export (JSON) or an entities YAML list; all or nothing")
    public HttpResponse<ImportedKnowledge> importFile(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId,
                                                     @Header(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
                                                     @Body @Nullable String body) {
        UUID id = Ids.inPath(campaignId, "campaign");
        List<CampaignEntity> saved = importer.importFile(caller.tenantId(), id, KnowledgeImporter.detect(contentType, body), body);
        return HttpResponse.created(new ImportedKnowledge(saved.size(),
                saved.stream().map(e -> new ImportedEntity(e.id(), e.type(), e.name())).toList()));
    }
}
