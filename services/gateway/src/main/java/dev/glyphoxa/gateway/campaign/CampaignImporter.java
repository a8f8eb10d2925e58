package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignEntity;
import dev.glyphoxa.gateway.store.CampaignEntityRepository;
import dev.glyphoxa.gateway.store.CampaignRepository;
import dev.glyphoxa.gateway.store.Npc;
import dev.glyphoxa.gateway.store.NpcRepository;
import dev.glyphoxa.gateway.store.TenantRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Imports a campaign file: validates all of it first ({@link CampaignYaml}), then writes the campaign, its NPCs
 * and its entities in one transaction, so a file is either imported whole or not at all.
 */
@Singleton
public class CampaignImporter {

    private final TenantRepository tenants;
    private final CampaignRepository campaigns;
    private final NpcRepository npcs;
    private final CampaignEntityRepository entities;

    public CampaignImporter(TenantRepository tenants, CampaignRepository campaigns, NpcRepository npcs,
                            CampaignEntityRepository entities) {
        this.tenants = tenants;
        this.campaigns = campaigns;
        this.npcs = npcs;
        this.entities = entities;
    }

    public record Imported(Campaign campaign, List<Npc> npcs, List<CampaignEntity> entities) {
    }

    /** @throws ApiException 400 naming the field and line of every problem, before anything is written */
    public Imported importYaml(String tenantId, String yaml) {
        return store(tenantId, CampaignYaml.parse(yaml));
    }

    @Transactional
    public Imported store(String tenantId, CampaignDocument doc) {
        if (tenants.findById(tenantId).isEmpty()) {
            throw ApiException.notFound("no tenant '" + tenantId + "'");
        }
        Campaign campaign = campaigns.save(new Campaign(null, tenantId, doc.campaign().name(), doc.campaign().system(),
                doc.campaign().narratorVoice(), true, null));
        List<Npc> savedNpcs = doc.npcs().stream()
                .map(n -> npcs.save(new Npc(null, tenantId, campaign.id(), n.name(), n.aliases(), n.persona(), n.voice(),
                        n.muted(), List.of(), null)))
                .toList();
        List<CampaignEntity> savedEntities = doc.entities().stream()
                .map(e -> entities.save(new CampaignEntity(null, tenantId, campaign.id(), e.type(), e.name(),
                        e.description(), e.tags(), null)))
                .toList();
        return new Imported(campaign, savedNpcs, savedEntities);
    }
}
