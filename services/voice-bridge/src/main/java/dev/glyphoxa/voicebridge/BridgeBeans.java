package dev.glyphoxa.voicebridge;

import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class BridgeBeans {

    @Singleton
    @Bean(preDestroy = "close")
    DeadLetterPublisher deadLetterPublisher(KafkaSettings kafka, MeterRegistry registry) {
        return new DeadLetterPublisher("voice-bridge", kafka.bootstrapServers(), registry);
    }

    /** The turns this bridge cut; fed by its own players (see BridgePlayback), not from the topic. */
    @Singleton
    CutTurns cutTurns() {
        return new CutTurns();
    }
}
