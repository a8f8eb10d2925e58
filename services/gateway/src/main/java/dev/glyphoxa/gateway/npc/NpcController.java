package dev.glyphoxa.gateway.npc;

import dev.glyphoxa.gateway.JsonBody;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.npc.NpcService.NewNpc;
import dev.glyphoxa.gateway.npc.NpcService.NpcChanges;
import dev.glyphoxa.gateway.store.Npc;
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

/** {@code /api/campaigns/{campaignId}/npcs}: the voiced characters of a campaign. */
@Controller("/api/campaigns/{campaignId}/npcs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "NPCs", description = "The voiced characters of a campaign")
public class NpcController {

    private static final Set<String> FIELDS = Set.of("name", "persona", "voice", "aliases", "muted", "knowledgeScope");

    private final NpcService npcs;
    private final JsonMapper json;

    public NpcController(NpcService npcs, JsonMapper json) {
        this.npcs = npcs;
        this.json = json;
    }

    /** @param knowledgeScope entity names or tags the NPC knows about; empty means the whole campaign */
    @Serdeable
    public record NpcView(UUID id, UUID campaignId, String name, List<String> aliases, String persona, String voice,
                          boolean muted, List<String> knowledgeScope, Instant createdAt) {
        static NpcView of(Npc n) {
            return new NpcView(n.id(), n.campaignId(), n.name(), n.aliases(), n.persona(), n.voice(), n.muted(),
                    n.knowledgeScope(), n.createdAt());
        }
    }

    @Get
    @Operation(operationId = "listNpcs", summary = "List a campaign's NPCs by name")
    public List<NpcView> list(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId) {
        return npcs.list(caller.tenantId(), Ids.path(campaignId)).stream().map(NpcView::of).toList();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createNpc", summary = "Add an NPC; voice is engine:voice with engine festival or espeak")
    public NpcView create(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId,
                          @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = NewNpc.class))) String body) {
        UUID campaign = Ids.path(campaignId);
        JsonBody b = JsonBody.parse(json, body, FIELDS);
        NewNpc npc = new NewNpc(b.text("name"), b.text("persona"), b.text("voice"), b.texts("aliases"), b.bool("muted"),
                b.texts("knowledgeScope"));
        b.done();
        return NpcView.of(npcs.create(caller.tenantId(), campaign, npc));
    }

    @Get("/{npcId}")
    @Operation(operationId = "getNpc", summary = "Read an NPC")
    public NpcView get(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId, @PathVariable String npcId) {
        return NpcView.of(npcs.find(caller.tenantId(), Ids.path(campaignId), Ids.path(npcId)));
    }

    @Patch("/{npcId}")
    @Operation(operationId = "updateNpc", summary = "Change an NPC; absent fields stay as they are, a list given replaces the list")
    public NpcView update(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId, @PathVariable String npcId,
                          @Body @Nullable @RequestBody(content = @Content(schema = @Schema(implementation = NpcChanges.class))) String body) {
        UUID campaign = Ids.path(campaignId);
        UUID npc = Ids.path(npcId);
        JsonBody b = JsonBody.parse(json, body, FIELDS);
        NpcChanges changes = new NpcChanges(b.text("name"), b.text("persona"), b.text("voice"), b.texts("aliases"),
                b.bool("muted"), b.texts("knowledgeScope"));
        b.done();
        return NpcView.of(npcs.update(caller.tenantId(), campaign, npc, changes));
    }

    @Delete("/{npcId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteNpc", summary = "Delete an NPC")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String campaignId, @PathVariable String npcId) {
        npcs.delete(caller.tenantId(), Ids.path(campaignId), Ids.path(npcId));
    }
}
