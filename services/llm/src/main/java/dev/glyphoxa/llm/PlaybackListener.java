package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import dev.glyphoxa.stage.StageFailures;
import io.micrometer.core.instrument.Counter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link CutTurns} from {@code glyphoxa.playback} on every partition, so a reply is stopped on whichever
 * instance is making it; ready (in {@code /readyz}) once positioned. A record it cannot read is logged and counted
 * ({@code glyphoxa.broadcast.bad{stage="llm"}}) only: the topology's playback source reads the same record and
 * dead-letters it.
 */
@Context
final class PlaybackListener implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackListener.class);

    private final BroadcastReceiver<Playback> receiver;

    PlaybackListener(CutTurns cutTurns, KafkaSettings kafka, StageFailures failures) {
        Counter bad = Counter.builder("glyphoxa.broadcast.bad").tag("stage", "llm").tag("topic", Topics.PLAYBACK.name())
                .description("broadcast records this instance could not read").register(failures.registry());
        this.receiver = cutTurns.listen(kafka.bootstrapServers(), (record, error) -> {
            bad.increment();
            LOG.warn("unreadable record {}/{}@{} (key {}) on the cut-turn listener: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), error.getMessage());
        });
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

    /** One heap set per process, shared by the listener and the topology. */
    @Factory
    static class Beans {
        @Singleton
        @Bean
        CutTurns cutTurns() {
            return new CutTurns();
        }
    }
}
