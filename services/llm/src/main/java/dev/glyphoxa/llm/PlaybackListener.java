package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.StageFailures;
import io.micrometer.core.instrument.Counter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link CutTurns} from {@code glyphoxa.playback} on every partition, so a reply is stopped on whichever
 * instance is making it; the receiver is in {@code /readyz}. A record it cannot read is logged and counted
 * ({@code glyphoxa.broadcast.bad{stage="llm"}}) only: the topology's playback source reads the same record and
 * dead-letters it.
 */
@Factory
class PlaybackListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackListener.class);

    /** One heap set per process, shared by the listener and the topology. */
    @Singleton
    CutTurns cutTurns() {
        return new CutTurns();
    }

    @Context
    @Bean(preDestroy = "close")
    BroadcastReceiver<Playback> cutTurnsListener(CutTurns cutTurns, KafkaSettings kafka, StageFailures failures) {
        Counter bad = Counter.builder("glyphoxa.broadcast.bad").tag("stage", "llm").tag("topic", Topics.PLAYBACK.name())
                .description("broadcast records this instance could not read").register(failures.registry());
        return cutTurns.listen(kafka.bootstrapServers(), (record, error) -> {
            bad.increment();
            LOG.warn("unreadable record {}/{}@{} (key {}) on the cut-turn listener: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), error.getMessage());
        });
    }
}
