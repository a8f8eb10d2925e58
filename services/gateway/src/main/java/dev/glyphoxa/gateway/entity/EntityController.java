package dev.glyphoxa.gateway.entity;

import dev.glyphoxa.gateway.JsonBody;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.entity.EntityService.EntityChanges;
import dev.glyphoxa.gateway.entity.EntityService.NewEntity;
import dev.glyphoxa.gateway.store.CampaignEntity;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
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

/** {@code /api/campaigns/{campaignId}/entities}: what a campaign's NPCs know about. */
@Controller("/api/campaigns/{campaignId}/entities")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Entities", description = "Knowledge entities of a campaign: npc, location, item, faction, quest, lore")
public class EntityController {

    private static final Set<String> FIELDS = Set.of("type", "name", "description", "tags");

    private final EntityService entities;
    private final JsonMapper json;

    public EntityController(EntityService entities, JsonMapper json) {
        this.entities = entities;
        this.json = json;
    }

    @Serdeable
    public record EntityView(UUID id, UUID campaignId, String type, String name, String description, List<String> tags,
                             Instant createdAt) {
        static EntityView of(CampaignEntity e) {
            return new EntityView(e.id(), e.campaignId(), e.type(), e.name(), e.description(), e.tags(), e.createdAt());
        }
    }

    @Get("{?type}")
    @Operation(operationId = "listEntities", summary = "List a campaign's entities by name, optionally only those of one type")
    public List<EntityView> list(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId,
                                 @QueryValue @Nullable @Parameter(description = "npc, location, item, faction, quest or lore") String type) {
        return entities.list(caller.tenantId(), Ids.path(campaignId), type).stream().map(EntityView::of).toList();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createEntity", summary = "Add an entity; its name must be unique in the campaign (ignoring case)")
    public EntityView create(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId,
                             @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = NewEntity.class))) String body) {
        JsonBody b = JsonBody.parse(json, body, FIELDS);
        NewEntity entity = new NewEntity(b.text("type"), b.text("name"), b.text("description"), b.texts("tags"));
        b.done();
        return EntityView.of(entities.create(caller.tenantId(), Ids.path(campaignId), entity));
    }

    @Get("/{entityId}")
    @Operation(operationId = "getEntity", summary = "Read an entity")
    public EntityView get(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId, @PathVariable String entityId) {
        return EntityView.of(entities.find(caller.tenantId(), Ids.path(campaignId), Ids.path(entityId)));
    }

    @Patch("/{entityId}")
    @Operation(operationId = "updateEntity", summary = "Change an entity; absent fields stay as they are, tags given replace the tags")
    public EntityView update(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId, @PathVariable String entityId,
                             @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = EntityChanges.class))) String body) {
        JsonBody b = JsonBody.parse(json, body, FIELDS);
        EntityChanges changes = new EntityChanges(b.text("type"), b.text("name"), b.text("description"), b.texts("tags"));
        b.done();
        return EntityView.of(entities.update(caller.tenantId(), Ids.path(campaignId), Ids.path(entityId), changes));
    }

    @Delete("/{entityId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteEntity", summary = "Delete an entity")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId, @PathVariable String entityId) {
        entities.delete(caller.tenantId(), Ids.path(campaignId), Ids.path(entityId));
    }
}
