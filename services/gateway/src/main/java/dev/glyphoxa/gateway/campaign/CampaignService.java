package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Checks;
import dev.glyphoxa.gateway.SqlStates;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignRepository;
import dev.glyphoxa.gateway.store.CampaignSummary;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * A tenant's campaigns: list, create empty, read, change, delete. Every method takes the tenant first and only
 * ever sees that tenant's rows; another tenant's campaign is "no such campaign", exactly like an unknown id.
 */
@Singleton
public class CampaignService {

    public static final String NO_SUCH_CAMPAIGN = "no such campaign";

    private final CampaignRepository campaigns;
    private final GameSessionRepository sessions;

    public CampaignService(CampaignRepository campaigns, GameSessionRepository sessions) {
        this.campaigns = campaigns;
        this.sessions = sessions;
    }

    /** @param narratorVoice {@code engine:voice}; null means {@link CampaignYaml#DEFAULT_NARRATOR_VOICE} */
    public record NewCampaign(@Nullable String name, @Nullable String gameSystem, @Nullable String narratorVoice) {
    }

    /** Null fields are left as they are. */
    public record CampaignChanges(@Nullable String name, @Nullable String gameSystem, @Nullable String narratorVoice,
                                  @Nullable Boolean active) {
    }

    public List<CampaignSummary> list(String tenantId) {
        return campaigns.summaries(tenantId);
    }

    /** @throws ApiException 404 if the tenant has no such campaign */
    public Campaign find(String tenantId, UUID campaignId) {
        return campaigns.findByIdAndTenantId(campaignId, tenantId).orElseThrow(CampaignService::notFound);
    }

    /** The campaign with its NPC and entity counts. @throws ApiException 404 if the tenant has no such campaign */
    public CampaignSummary summary(String tenantId, UUID campaignId) {
        return campaigns.summary(tenantId, campaignId).orElseThrow(CampaignService::notFound);
    }

    /** Campaigns named so, ignoring case; names are not unique, so there may be several (oldest first) or none. */
    public List<Campaign> findByName(String tenantId, String name) {
        return campaigns.findByNameIgnoringCase(tenantId, name.strip());
    }

    /** An active campaign without NPCs or entities. @throws ApiException 400 naming each bad field */
    public Campaign create(String tenantId, NewCampaign campaign) {
        Checks checks = new Checks();
        String name = checks.required("name", campaign.name(), CampaignRules.MAX_NAME);
        String system = checks.required("gameSystem", campaign.gameSystem(), CampaignRules.MAX_NAME);
        String voice = Voices.present(checks, "narratorVoice", campaign.narratorVoice());
        checks.throwIfAny();
        UUID id = campaigns.save(new Campaign(null, tenantId, name, system,
                voice == null ? CampaignYaml.DEFAULT_NARRATOR_VOICE : voice, true, null)).id();
        // Read back: the database keeps created_at to the microsecond, the saved record has it to the nanosecond.
        return campaigns.findById(id).orElseThrow();
    }

    /** @throws ApiException 404 if the tenant has no such campaign, 400 naming each bad field */
    public Campaign update(String tenantId, UUID campaignId, CampaignChanges changes) {
        Checks checks = new Checks();
        String name = checks.present("name", changes.name(), CampaignRules.MAX_NAME);
        String system = checks.present("gameSystem", changes.gameSystem(), CampaignRules.MAX_NAME);
        String voice = Voices.present(checks, "narratorVoice", changes.narratorVoice());
        checks.throwIfAny();
        Campaign c = find(tenantId, campaignId);
        return campaigns.update(new Campaign(c.id(), c.tenantId(), name == null ? c.name() : name,
                system == null ? c.gameSystem() : system, voice == null ? c.narratorVoice() : voice,
                changes.active() == null ? c.active() : changes.active(), c.createdAt()));
    }

    /**
     * Deletes the campaign with its NPCs and entities (the schema cascades). A campaign that has had sessions
     * keeps them and their transcripts, so it cannot be deleted; it can be deactivated instead.
     *
     * @throws ApiException 404 if the tenant has no such campaign, 409 if it has sessions
     */
    public void delete(String tenantId, UUID campaignId) {
        Campaign campaign = find(tenantId, campaignId);
        if (sessions.existsByTenantIdAndCampaignId(tenantId, campaignId)) {
            throw hasSessions(campaign);
        }
        try {
            campaigns.deleteById(campaignId);
        } catch (DataAccessException e) {
            // A session started between the check and the delete: the foreign key refuses, with the same answer.
            if (SqlStates.isForeignKeyViolation(e)) {
                throw hasSessions(campaign);
            }
            throw e;
        }
    }

    private static ApiException hasSessions(Campaign campaign) {
        return ApiException.conflict("campaign '" + campaign.name() + "' has sessions, whose transcripts refer to it, "
                + "so it cannot be deleted; deactivate it instead (PATCH with {\"active\": false})");
    }

    private static ApiException notFound() {
        return ApiException.notFound(NO_SUCH_CAMPAIGN);
    }
}
