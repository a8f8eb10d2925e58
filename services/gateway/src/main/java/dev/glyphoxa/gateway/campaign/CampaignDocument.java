package dev.glyphoxa.gateway.campaign;

import java.util.List;

/** A campaign file after validation: everything the importer needs, nothing the YAML parser left undecided. */
public record CampaignDocument(Header campaign, List<NpcSpec> npcs, List<EntitySpec> entities) {

    public record Header(String name, String system, String narratorVoice) {
    }

    public record NpcSpec(String name, List<String> aliases, String persona, String voice, boolean muted) {
    }

    public record EntitySpec(String type, String name, String description, List<String> tags) {
    }
}
