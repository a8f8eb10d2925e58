package dev.glyphoxa.gateway.campaign;

import java.util.List;

/**
 * What a Foundry VTT export adds to a campaign's knowledge, after validation: the entities in file order (names
 * unique within the file, case-insensitively). Whether they clash with entities the campaign already has is
 * for the importer to check.
 */
public record FoundryImport(List<CampaignDocument.EntitySpec> entities) {

    public FoundryImport {
        entities = List.copyOf(entities);
    }
}
