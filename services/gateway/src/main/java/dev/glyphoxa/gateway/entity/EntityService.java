package dev.glyphoxa.gateway.entity;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Checks;
import dev.glyphoxa.gateway.SqlStates;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.campaign.CampaignRules;
import dev.glyphoxa.gateway.store.CampaignEntity;
import dev.glyphoxa.gateway.store.CampaignEntityRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The knowledge entities of a tenant's campaign: places, items, factions, quests, lore (and NPCs the players know
 * of). Names are unique per campaign ignoring case. Like NPCs, changes reach the pipeline at the next session start.
 */
@Singleton
public class EntityService {

    public static final String NO_SUCH_ENTITY = "no such entity in this campaign";

    private final CampaignService campaigns;
    private final CampaignEntityRepository entities;

    public EntityService(CampaignService campaigns, CampaignEntityRepository entities) {
        this.campaigns = campaigns;
        this.entities = entities;
    }

    /** @param type one of {@link CampaignEntity#TYPES} (any case); null tags are empty */
    public record NewEntity(@Nullable String type, @Nullable String name, @Nullable String description,
                            @Nullable List<String> tags) {
    }

    /** Null fields are left as they are; tags given replace the tags. */
    public record EntityChanges(@Nullable String type, @Nullable String name, @Nullable String description,
                                @Nullable List<String> tags) {
    }

    /**
     * By name, all of them or those of one type.
     *
     * @throws ApiException 404 if the tenant has no such campaign, 400 naming {@code type} if it is not a type
     */
    public List<CampaignEntity> list(String tenantId, UUID campaignId, @Nullable String type) {
        Checks checks = new Checks();
        String wanted = type(checks, type);
        checks.throwIfAny();
        campaigns.find(tenantId, campaignId);
        return wanted == null ? entities.findByCampaignIdOrderByName(campaignId)
                : entities.findByCampaignIdAndTypeOrderByName(campaignId, wanted);
    }

    /** @throws ApiException 404 if the tenant has no such campaign, or it no such entity */
    public CampaignEntity find(String tenantId, UUID campaignId, UUID entityId) {
        campaigns.find(tenantId, campaignId);
        return entities.findByIdAndTenantIdAndCampaignId(entityId, tenantId, campaignId)
                .orElseThrow(() -> ApiException.notFound(NO_SUCH_ENTITY));
    }

    /** @throws ApiException 404 if the tenant has no such campaign, or it no entity of that name (ignoring case) */
    public CampaignEntity findByName(String tenantId, UUID campaignId, String name) {
        campaigns.find(tenantId, campaignId);
        return entities.findByNameIgnoringCase(tenantId, campaignId, name.strip())
                .orElseThrow(() -> ApiException.notFound("no entity named '" + name.strip() + "' in this campaign"));
    }

    /** @throws ApiException 404 no such campaign, 400 naming each bad field, 409 name taken or campaign full */
    public CampaignEntity create(String tenantId, UUID campaignId, NewEntity entity) {
        Checks checks = new Checks();
        if (entity.type() == null) {
            checks.problem("type", "is required (one of " + String.join(", ", CampaignEntity.TYPES) + ")");
        }
        String type = type(checks, entity.type());
        String name = checks.required("name", entity.name(), CampaignRules.MAX_NAME);
        String description = checks.required("description", entity.description(), CampaignRules.MAX_TEXT);
        List<String> tags = checks.list("tags", entity.tags(), CampaignRules.MAX_LIST, CampaignRules.MAX_NAME);
        checks.throwIfAny();
        campaigns.find(tenantId, campaignId);
        long count = entities.countByCampaignId(campaignId);
        if (count >= CampaignRules.MAX_ENTITIES) {
            throw ApiException.conflict("the campaign already has " + count + " entities, the most it can have");
        }
        UUID id = write(name, () -> entities.save(new CampaignEntity(null, tenantId, campaignId, type, name, description,
                tags == null ? List.of() : tags, null))).id();
        // Read back: the database keeps created_at to the microsecond, the saved record has it to the nanosecond.
        return entities.findById(id).orElseThrow();
    }

    /** @throws ApiException 404 no such campaign or entity, 400 naming each bad field, 409 name taken */
    public CampaignEntity update(String tenantId, UUID campaignId, UUID entityId, EntityChanges changes) {
        Checks checks = new Checks();
        String type = type(checks, changes.type());
        String name = checks.present("name", changes.name(), CampaignRules.MAX_NAME);
        String description = checks.present("description", changes.description(), CampaignRules.MAX_TEXT);
        List<String> tags = checks.list("tags", changes.tags(), CampaignRules.MAX_LIST, CampaignRules.MAX_NAME);
        checks.throwIfAny();
        CampaignEntity e = find(tenantId, campaignId, entityId);
        CampaignEntity changed = new CampaignEntity(e.id(), e.tenantId(), e.campaignId(), type == null ? e.type() : type,
                name == null ? e.name() : name, description == null ? e.description() : description,
                tags == null ? e.tags() : tags, e.createdAt());
        return write(changed.name(), () -> entities.update(changed));
    }

    /** @throws ApiException 404 if the tenant has no such campaign, or it no such entity */
    public void delete(String tenantId, UUID campaignId, UUID entityId) {
        entities.delete(find(tenantId, campaignId, entityId));
    }

    /** Lower-cased; a problem naming {@code type} and listing the valid types if it is none of them. */
    private static @Nullable String type(Checks checks, @Nullable String type) {
        if (type == null) {
            return null;
        }
        String wanted = type.strip().toLowerCase(Locale.ROOT);
        if (!CampaignEntity.TYPES.contains(wanted)) {
            checks.problem("type", "'" + type + "' is not an entity type; expected one of " + String.join(", ", CampaignEntity.TYPES));
            return null;
        }
        return wanted;
    }

    /** The unique index decides name clashes, also between two requests racing each other. */
    private static CampaignEntity write(String name, Supplier<CampaignEntity> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw ApiException.conflict("an entity named '" + name + "' already exists in this campaign");
            }
            throw e;
        }
    }
}
