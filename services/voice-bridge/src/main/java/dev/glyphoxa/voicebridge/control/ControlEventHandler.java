package dev.glyphoxa.voicebridge.control;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.SessionKeys;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.voicebridge.ChannelRef;
import dev.glyphoxa.voicebridge.DeadLetterSink;
import dev.glyphoxa.voicebridge.VoiceChannel;
import dev.glyphoxa.voicebridge.VoiceChannels;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What the bridge does with a control event: {@code SessionStarted} joins the voice channel it names (by kind:
 * {@code local}, {@code discord:<guildId>/<voiceChannelId>}) for the event's tenant (whose bot joins Discord),
 * {@code SessionStopped} leaves it. Mute and
 * speak-as-NPC concern the llm stage. A record that can never be handled — not a readable ControlEvent, key and
 * session disagreeing, a malformed channel reference — is dead-lettered and the next one is handled; a channel
 * kind this bridge does not have is logged and ignored (another deployment may serve it).
 */
public final class ControlEventHandler {

    public enum Outcome { JOINED, LEFT, IGNORED, DEAD_LETTERED }

    private static final Logger LOG = LoggerFactory.getLogger(ControlEventHandler.class);

    private final AvroSerde<ControlEvent> serde = Topics.CONTROL.valueSerde();
    private final VoiceChannels channels;
    private final DeadLetterSink deadLetters;

    public ControlEventHandler(VoiceChannels channels, DeadLetterSink deadLetters) {
        this.channels = channels;
        this.deadLetters = deadLetters;
    }

    public Outcome handle(ConsumerRecord<String, byte[]> record) {
        try {
            ControlEvent event = serde.decode(record.value());
            SessionKeys.requireMatch(record.key(), event);
            String sessionId = event.getSessionId();
            Object body = event.getEvent();
            if (body instanceof SessionStarted started) {
                return join(sessionId, event.getTenantId(), started);
            }
            if (body instanceof SessionStopped stopped) {
                channels.leaveEverywhere(sessionId);
                LOG.info("session {} stopped ({}): voice left", sessionId, stopped.getReason());
                return Outcome.LEFT;
            }
            return Outcome.IGNORED;
        } catch (RuntimeException e) {
            deadLetters.publish(record, e);
            return Outcome.DEAD_LETTERED;
        }
    }

    private Outcome join(String sessionId, String tenantId, SessionStarted started) {
        ChannelRef ref = ChannelRef.parse(started.getVoiceChannel());
        Optional<VoiceChannel> channel = channels.byKind(ref.kind());
        if (channel.isEmpty()) {
            LOG.warn("session {}: voice channel '{}' is of a kind this bridge does not serve; ignored", sessionId,
                    started.getVoiceChannel());
            return Outcome.IGNORED;
        }
        channel.get().join(sessionId, tenantId, ref.target());
        return Outcome.JOINED;
    }
}
