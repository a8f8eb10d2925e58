package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignEntity;
import dev.glyphoxa.gateway.store.CampaignEntityRepository;
import dev.glyphoxa.gateway.store.CampaignRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adds knowledge entities from a file to an existing campaign: a Foundry VTT export (JSON) or an
 * {@code entities:} YAML list. The whole file is checked first, including names the campaign already has, and
 * written in one transaction, so a file is imported whole or not at all.
 */
@Singleton
public class KnowledgeImporter {

    public enum Format { FOUNDRY_JSON, YAML }

    private final CampaignRepository campaigns;
    private final CampaignEntityRepository entities;

    public KnowledgeImporter(CampaignRepository campaigns, CampaignEntityRepository entities) {
        this.campaigns = campaigns;
        this.entities = entities;
    }

    /** JSON when the file's name or media type says so, or when its first character opens a JSON value. */
    public static Format detect(String fileNameOrMediaType, String text) {
        String hint = fileNameOrMediaType == null ? "" : fileNameOrMediaType.toLowerCase(Locale.ROOT);
        if (hint.endsWith(".json") || hint.contains("json")) {
            return Format.FOUNDRY_JSON;
        }
        if (hint.endsWith(".yaml") || hint.endsWith(".yml") || hint.contains("yaml")) {
            return Format.YAML;
        }
        String start = text == null ? "" : text.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? Format.FOUNDRY_JSON : Format.YAML;
    }

    @Transactional
    public List<CampaignEntity> importFile(String tenantId, UUID campaignId, Format format, String text) {
        Campaign campaign = campaigns.findByIdAndTenantId(campaignId, tenantId)
                .orElseThrow(() -> ApiException.notFound("no campaign " + campaignId));
        List<CampaignDocument.EntitySpec> specs = format == Format.FOUNDRY_JSON
                ? FoundryJson.parse(text).entities()
                : CampaignYaml.parseEntities(text);
        Map<String, CampaignEntity> existing = entities.findByCampaignIdOrderByName(campaign.id()).stream()
                .collect(Collectors.toMap(e -> key(e.name()), Function.identity(), (a, b) -> a));
        List<Problem> clashes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (existing.containsKey(key(specs.get(i).name()))) {
                clashes.add(new Problem("entities[" + i + "].name", null, "campaign '" + campaign.name()
                        + "' already has an entity named '" + specs.get(i).name() + "'; rename or remove one of them"));
            }
        }
        if (!clashes.isEmpty()) {
            throw new ApiException(io.micronaut.http.HttpStatus.CONFLICT,
                    String.join("; ", clashes.stream().map(Problem::describe).toList()), clashes);
        }
        return specs.stream().map(e -> entities.save(new CampaignEntity(null, tenantId, campaign.id(), e.type(), e.name(),
                e.description(), e.tags(), null))).toList();
    }

    private static String key(String name) {
        return CampaignRules.normalise(name).toLowerCase(Locale.ROOT);
    }
}
