package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.BargeIn;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Reads {@code glyphoxa.barge-in} from every partition (the VAD says a player has held the floor past the
 * threshold) and cuts the session's NPC turn if one is audibly playing, wherever the session is carried. The VAD
 * publishes once per utterance whether or not an NPC speaks; one arriving while nothing plays does nothing, and
 * one detected more than {@code glyphoxa.voice-bridge.barge-in-max-age-ms} ago is ignored (it would cut a line
 * the player did not speak over). Every barge-in is counted by what it did:
 * {@code glyphoxa_barge_ins_total{result=cut|nothing_playing|stale}}.
 *
 * <p>Every partition and no look-back, as for NPC audio: the instance holding the voice connection must hear it,
 * and only a live one means anything. Bad records go to the dead letters.
 */
@Context
public class BargeInReceiver implements ReadinessCheck {

    enum Result { CUT, NOTHING_PLAYING, STALE }

    private static final Logger LOG = LoggerFactory.getLogger(BargeInReceiver.class);

    private final VoiceChannels channels;
    private final long maxAgeMs;
    private final MeterRegistry registry;
    private final BroadcastReceiver<BargeIn> receiver;

    public BargeInReceiver(KafkaSettings kafka, VoiceChannels channels, BridgeSettings settings,
                           DeadLetterPublisher deadLetters, MeterRegistry registry) {
        this.channels = channels;
        this.maxAgeMs = settings.bargeInMaxAgeMs();
        this.registry = registry;
        this.receiver = new BroadcastReceiver<>(kafka.bootstrapServers(), Topics.BARGE_IN, Duration.ZERO,
                bargeIn -> handle(bargeIn, System.currentTimeMillis()), deadLetters::publish);
    }

    Result handle(BargeIn bargeIn, long nowMs) {
        Result result;
        long age = nowMs - bargeIn.getDetectedAtMs();
        if (age > maxAgeMs) {
            result = Result.STALE;
            LOG.debug("session {}: barge-in by {} detected {} ms ago: too old, ignored", bargeIn.getSessionId(),
                    bargeIn.getSpeakerId(), age);
        } else if (channels.cutPlaying(bargeIn.getSessionId(), bargeIn.getSpeakerId())) {
            result = Result.CUT;
            LOG.info("session {}: {} barged in (utterance {}, {} ms of speech): NPC turn cut, {} ms after detection",
                    bargeIn.getSessionId(), bargeIn.getSpeakerId(), bargeIn.getUtteranceId(), bargeIn.getVoicedMs(), age);
        } else {
            result = Result.NOTHING_PLAYING;
            LOG.debug("session {}: {} spoke past the barge-in threshold, no NPC speaking", bargeIn.getSessionId(),
                    bargeIn.getSpeakerId());
        }
        Counter.builder("glyphoxa.barge.ins").tag("result", result.name().toLowerCase())
                .description("barge-ins heard from the VAD, by what they did").register(registry).increment();
        return result;
    }

    @Override
    public String name() {
        return "barge-in";
    }

    @Override
    public Status status() {
        return receiver.status();
    }

    @PreDestroy
    void close() throws InterruptedException {
        receiver.close();
    }
}
