package dev.glyphoxa.tts;

import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Feeds {@link CutTurns} from {@code glyphoxa.playback} on every partition, so synthesis of a cut turn stops on
 * whichever instance is speaking it; ready (in {@code /readyz}) once positioned. The TTS has no topology reading
 * that topic, so a record it cannot read is dead-lettered here (stage {@code tts}).
 */
@Context
final class PlaybackListener implements ReadinessCheck {

    private final BroadcastReceiver<Playback> receiver;

    PlaybackListener(CutTurns cutTurns, KafkaSettings kafka, DeadLetterPublisher deadLetters) {
        this.receiver = cutTurns.listen(kafka.bootstrapServers(), deadLetters::publish);
    }

    @Override
    public String name() {
        return "cut-turns:" + receiver.name();
    }

    @Override
    public Status status() {
        return receiver.status();
    }

    @PreDestroy
    void close() throws InterruptedException {
        receiver.close();
    }

    @Factory
    static class Beans {

        /** One heap set per process, shared by the listener and the topology. */
        @Singleton
        CutTurns cutTurns() {
            return new CutTurns();
        }

        @Singleton
        @Bean(preDestroy = "close")
        DeadLetterPublisher deadLetterPublisher(KafkaSettings kafka, MeterRegistry registry) {
            return new DeadLetterPublisher("tts", kafka.bootstrapServers(), registry);
        }
    }
}
