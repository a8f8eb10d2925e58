package dev.glyphoxa.bench;

import dev.glyphoxa.gateway.campaign.CampaignDocument;
import dev.glyphoxa.gateway.campaign.CampaignYaml;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The SessionStarted control event the gateway would publish for a campaign file: parsed with the gateway's own
 * {@link CampaignYaml}, NPCs and entities ordered by name and given fresh ids as the import would
 * (ControlPublisher#sessionStarted), so the stages get the same snapshot in process as over Kafka.
 */
final class CampaignSnapshot {

    private CampaignSnapshot() {
    }

    static ControlEvent sessionStarted(Path campaignYaml, String sessionId) throws IOException {
        CampaignDocument doc = CampaignYaml.parse(Files.readString(campaignYaml));
        List<NpcProfile> npcs = doc.npcs().stream()
                .sorted(Comparator.comparing(CampaignDocument.NpcSpec::name))
                .map(n -> NpcProfile.newBuilder()
                        .setNpcId(UUID.randomUUID().toString())
                        .setName(n.name())
                        .setAliases(n.aliases())
                        .setPersona(n.persona())
                        .setVoice(n.voice())
                        .setMuted(n.muted())
                        .build())
                .toList();
        List<KnowledgeEntity> entities = doc.entities().stream()
                .sorted(Comparator.comparing(CampaignDocument.EntitySpec::name))
                .map(e -> KnowledgeEntity.newBuilder()
                        .setEntityId(UUID.randomUUID().toString())
                        .setType(e.type())
                        .setName(e.name())
                        .setDescription(e.description())
                        .setTags(e.tags())
                        .build())
                .toList();
        return ControlEvent.newBuilder()
                .setSessionId(sessionId)
                .setTenantId("bench")
                .setOccurredAtMs(System.currentTimeMillis())
                .setEvent(SessionStarted.newBuilder()
                        .setCampaignId(UUID.randomUUID().toString())
                        .setCampaignName(doc.campaign().name())
                        .setVoiceChannel("local")
                        .setNarratorVoice(doc.campaign().narratorVoice())
                        .setNpcs(npcs)
                        .setEntities(entities)
                        .build())
                .build();
    }
}
