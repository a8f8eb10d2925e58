package dev.glyphoxa.tts;

import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Feeds {@link CutTurns} from {@code glyphoxa.playback} on every partition, so synthesis of a cut turn stops on
 * whichever instance is speaking it; the receiver is in {@code /readyz}. The TTS has no topology reading that
 * topic, so a record it cannot read is dead-lettered here (stage {@code tts}).
 */
@Factory
class PlaybackListener {

    /** One heap set per process, shared by the listener and the topology. */
    @Singleton
    CutTurns cutTurns() {
        return new CutTurns();
    }

    @Context
    @Bean(preDestroy = "close")
    BroadcastReceiver<Playback> cutTurnsListener(CutTurns cutTurns, KafkaSettings kafka, DeadLetterPublisher deadLetters) {
        return cutTurns.listen(kafka.bootstrapServers(), deadLetters::publish);
    }

    @Singleton
    @Bean(preDestroy = "close")
    DeadLetterPublisher deadLetterPublisher(KafkaSettings kafka, MeterRegistry registry) {
        return new DeadLetterPublisher("tts", kafka.bootstrapServers(), registry);
    }
}
