package dev.glyphoxa.gateway.session;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.GatewaySettings;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignEntity;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.Npc;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcDirection;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.NpcMuteChanged;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SpeakAsNpc;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.stage.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes session lifecycle events to {@code glyphoxa.control}, keyed by session id. Each send waits for the
 * broker's acknowledgement (acks=all), so the API only says "started" once the pipeline can see the event;
 * linger.ms=0 because each send is one record somebody is waiting for.
 */
@Singleton
public class ControlPublisher {

    private final Producer<String, byte[]> producer;
    private final Duration timeout;

    public ControlPublisher(KafkaSettings kafka, GatewaySettings settings) {
        this.timeout = settings.publishTimeout();
        int timeoutMs = (int) Math.max(1000, timeout.toMillis());
        int requestTimeoutMs = Math.min(5000, timeoutMs);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "glyphoxa-gateway-control",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, requestTimeoutMs)),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Kafka did not acknowledge the event in time; nothing can be assumed about whether the stages saw it. */
    public static class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The stages get the whole campaign snapshot here, so none of them needs the gateway's database. */
    public void sessionStarted(GameSession session, Campaign campaign, List<Npc> npcs, List<CampaignEntity> entities) {
        publish(session, SessionStarted.newBuilder()
                .setCampaignId(campaign.id().toString())
                .setCampaignName(campaign.name())
                .setVoiceChannel(session.voiceChannel())
                .setNarratorVoice(campaign.narratorVoice())
                .setNpcs(npcs.stream().map(n -> NpcProfile.newBuilder()
                        .setNpcId(n.id().toString())
                        .setName(n.name())
                        .setAliases(n.aliases())
                        .setPersona(n.persona())
                        .setVoice(n.voice())
                        .setMuted(n.muted())
                        // Directions belong to one session (npc_directions): a new session starts without any.
                        .setDirection(null)
                        .build()).toList())
                .setEntities(entities.stream().map(e -> KnowledgeEntity.newBuilder()
                        .setEntityId(e.id().toString())
                        .setType(e.type())
                        .setName(e.name())
                        .setDescription(e.description())
                        .setTags(e.tags())
                        .build()).toList())
                .build());
    }

    public void sessionStopped(GameSession session, String reason) {
        publish(session, SessionStopped.newBuilder().setReason(reason).build());
    }

    /** @param npcId null for every NPC of the session */
    public void npcMuteChanged(GameSession session, String npcId, boolean muted) {
        publish(session, NpcMuteChanged.newBuilder().setNpcId(npcId).setMuted(muted).build());
    }

    /** @param direction null clears the NPC's standing direction */
    public void npcDirection(GameSession session, String npcId, String direction) {
        publish(session, NpcDirection.newBuilder().setNpcId(npcId).setDirection(direction).build());
    }

    public void speakAsNpc(GameSession session, String npcId, String text) {
        publish(session, SpeakAsNpc.newBuilder().setNpcId(npcId).setText(text).build());
    }

    /**
     * Lines the gateway itself has an NPC say (the narrator reading a recap), straight to {@code glyphoxa.npc.lines}
     * where the TTS stage voices them like any reply; sent in order and each acknowledged.
     */
    public void npcLines(GameSession session, List<NpcLine> lines) {
        for (NpcLine line : lines) {
            send(Topics.NPC_LINES.name(), session.id().toString(), Topics.NPC_LINES.valueSerde().encode(line));
        }
    }

    private void publish(GameSession session, Object event) {
        String sessionId = session.id().toString();
        byte[] value = Topics.CONTROL.valueSerde().encode(ControlEvent.newBuilder()
                .setSessionId(sessionId)
                .setTenantId(session.tenantId())
                .setOccurredAtMs(System.currentTimeMillis())
                .setEvent(event)
                .build());
        send(Topics.CONTROL.name(), sessionId, value);
    }

    private void send(String topic, String sessionId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, sessionId, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("Kafka refused the event for " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("Kafka did not acknowledge the event for " + topic + " within " + timeout, e);
        } catch (KafkaException e) {
            throw new PublishException("cannot send to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while sending to " + topic, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
