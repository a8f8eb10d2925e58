package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;

@Factory
class BridgeBeans {

    @Singleton
    @Bean(preDestroy = "close")
    DeadLetterPublisher deadLetterPublisher(KafkaSettings kafka, MeterRegistry registry) {
        return new DeadLetterPublisher("voice-bridge", kafka.bootstrapServers(), registry);
    }

    /** What {@code /readyz} calls the NPC audio receiver. */
    static final String VOICE_OUT = "voice-out";

    /**
     * Reads {@code glyphoxa.voice.out} from every partition and hands each packet to the {@link VoiceChannel}
     * carrying its session ({@link VoiceChannels}). No consumer group: the instance holding a session's voice
     * connection must see that session's audio whatever partition it lands on. No look-back: live audio older than
     * this process is not worth playing. A record that does not decode, or whose key is not its session, goes to
     * the dead letters.
     */
    @Context
    @Bean(preDestroy = "close")
    BroadcastReceiver<NpcAudio> voiceOutReceiver(KafkaSettings kafka, VoiceChannels channels, DeadLetterPublisher deadLetters) {
        return new BroadcastReceiver<>(VOICE_OUT, kafka.bootstrapServers(), Topics.VOICE_OUT, Duration.ZERO,
                channels::play, deadLetters::publish);
    }

    /** The turns this bridge cut; fed by its own players (see BridgePlayback), not from the topic. */
    @Singleton
    CutTurns cutTurns() {
        return new CutTurns();
    }
}
