package dev.glyphoxa.gateway.npc;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Checks;
import dev.glyphoxa.gateway.SqlStates;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.campaign.CampaignRules;
import dev.glyphoxa.gateway.campaign.Voices;
import dev.glyphoxa.gateway.store.Npc;
import dev.glyphoxa.gateway.store.NpcRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The NPCs of a tenant's campaign. Changes reach the pipeline with the next session start (SessionStarted carries
 * a snapshot), not a session already running. Names and aliases must each pick out one NPC, as in a campaign file
 * ({@link NpcNames}).
 */
@Singleton
public class NpcService {

    public static final String NO_SUCH_NPC = "no such NPC in this campaign";

    private final CampaignService campaigns;
    private final NpcRepository npcs;

    public NpcService(CampaignService campaigns, NpcRepository npcs) {
        this.campaigns = campaigns;
        this.npcs = npcs;
    }

    /** @param voice {@code engine:voice} with engine festival or espeak; null lists are empty, null muted is false */
    public record NewNpc(@Nullable String name, @Nullable String persona, @Nullable String voice,
                         @Nullable List<String> aliases, @Nullable Boolean muted, @Nullable List<String> knowledgeScope) {
    }

    /** Null fields are left as they are; a list given replaces the list. */
    public record NpcChanges(@Nullable String name, @Nullable String persona, @Nullable String voice,
                             @Nullable List<String> aliases, @Nullable Boolean muted, @Nullable List<String> knowledgeScope) {

        public static NpcChanges muted(boolean muted) {
            return new NpcChanges(null, null, null, null, muted, null);
        }
    }

    /** By name. @throws ApiException 404 if the tenant has no such campaign */
    public List<Npc> list(String tenantId, UUID campaignId) {
        campaigns.find(tenantId, campaignId);
        return npcs.findByCampaignIdOrderByName(campaignId);
    }

    /** @throws ApiException 404 if the tenant has no such campaign, or it no such NPC */
    public Npc find(String tenantId, UUID campaignId, UUID npcId) {
        campaigns.find(tenantId, campaignId);
        return npcs.findByIdAndTenantIdAndCampaignId(npcId, tenantId, campaignId)
                .orElseThrow(() -> ApiException.notFound(NO_SUCH_NPC));
    }

    /**
     * The NPC players would mean by {@code callName}: its name or one of its aliases, ignoring case.
     *
     * @throws ApiException 404 if the tenant has no such campaign, or none of its NPCs goes by that name
     */
    public Npc findByName(String tenantId, UUID campaignId, String callName) {
        campaigns.find(tenantId, campaignId);
        return npcs.findByCallName(tenantId, campaignId, callName.strip())
                .orElseThrow(() -> ApiException.notFound("no NPC called '" + callName.strip() + "' in this campaign"));
    }

    /** @throws ApiException 404 no such campaign, 400 naming each bad field, 409 name or alias taken, campaign full */
    public Npc create(String tenantId, UUID campaignId, NewNpc npc) {
        Checks checks = new Checks();
        String name = checks.required("name", npc.name(), CampaignRules.MAX_NAME);
        String persona = checks.required("persona", npc.persona(), CampaignRules.MAX_TEXT);
        if (npc.voice() == null) {
            checks.problem("voice", "is required (engine:voice, e.g. festival:slt or espeak:en+m3)");
        }
        String voice = Voices.present(checks, "voice", npc.voice());
        List<String> aliases = checks.list("aliases", npc.aliases(), CampaignRules.MAX_LIST, CampaignRules.MAX_NAME);
        List<String> scope = checks.list("knowledgeScope", npc.knowledgeScope(), CampaignRules.MAX_LIST, CampaignRules.MAX_NAME);
        checks.throwIfAny();
        campaigns.find(tenantId, campaignId);
        List<Npc> existing = npcs.findByCampaignIdOrderByName(campaignId);
        if (existing.size() >= CampaignRules.MAX_NPCS) {
            throw ApiException.conflict("the campaign already has " + existing.size() + " NPCs, the most it can have");
        }
        Npc created = new Npc(null, tenantId, campaignId, name, orEmpty(aliases), persona, voice,
                Boolean.TRUE.equals(npc.muted()), orEmpty(scope), null);
        NpcNames.requireFree(created, existing);
        UUID id = write(created.name(), () -> npcs.save(created)).id();
        // Read back: the database keeps created_at to the microsecond, the saved record has it to the nanosecond.
        return npcs.findById(id).orElseThrow();
    }

    /** @throws ApiException 404 no such campaign or NPC, 400 naming each bad field, 409 name or alias taken */
    public Npc update(String tenantId, UUID campaignId, UUID npcId, NpcChanges changes) {
        Checks checks = new Checks();
        String name = checks.present("name", changes.name(), CampaignRules.MAX_NAME);
        String persona = checks.present("persona", changes.persona(), CampaignRules.MAX_TEXT);
        String voice = Voices.present(checks, "voice", changes.voice());
        List<String> aliases = checks.list("aliases", changes.aliases(), CampaignRules.MAX_LIST, CampaignRules.MAX_NAME);
        List<String> scope = checks.list("knowledgeScope", changes.knowledgeScope(), CampaignRules.MAX_LIST, CampaignRules.MAX_NAME);
        checks.throwIfAny();
        Npc n = find(tenantId, campaignId, npcId);
        Npc changed = new Npc(n.id(), n.tenantId(), n.campaignId(), name == null ? n.name() : name,
                aliases == null ? n.aliases() : aliases, persona == null ? n.persona() : persona,
                voice == null ? n.voice() : voice, changes.muted() == null ? n.muted() : changes.muted(),
                scope == null ? n.knowledgeScope() : scope, n.createdAt());
        NpcNames.requireFree(changed, npcs.findByCampaignIdOrderByName(campaignId));
        return write(changed.name(), () -> npcs.update(changed));
    }

    /** @throws ApiException 404 if the tenant has no such campaign, or it no such NPC */
    public void delete(String tenantId, UUID campaignId, UUID npcId) {
        npcs.delete(find(tenantId, campaignId, npcId));
    }

    /** The unique index has the last word when two requests race past {@link NpcNames#requireFree}. */
    private static Npc write(String name, Supplier<Npc> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw NpcNames.taken(name);
            }
            throw e;
        }
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }
}
