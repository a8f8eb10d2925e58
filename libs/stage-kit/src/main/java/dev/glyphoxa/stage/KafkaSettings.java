package dev.glyphoxa.stage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Map;

/**
 * Where the stage finds Kafka and how its Kafka Streams client behaves.
 *
 * @param bootstrapServers  broker list, e.g. from KAFKA_BOOTSTRAP_SERVERS
 * @param sessionTimeoutMs  how soon a dead instance's partitions move to a live one
 * @param commitIntervalMs  at-least-once commit cadence; also bounds re-processing after a crash
 * @param pollMs            longest the stream thread waits for input ({@code poll.ms}); wall-clock punctuations run
 *                          only between polls, so a stage whose timers decide latency (the VAD's end of speech)
 *                          needs this short, at the cost of waking that often when idle
 * @param stateDir          local cache of the state stores (the changelog topics are the real copy); temp dir if unset
 * @param replicationFactor for the changelog and repartition topics Kafka Streams creates; -1 = broker default
 * @param streams           any further Kafka Streams/consumer/producer settings, passed through unchanged
 */
@ConfigurationProperties("glyphoxa.kafka")
public record KafkaSettings(
        @Nullable String bootstrapServers,
        @Bindable(defaultValue = "10000") int sessionTimeoutMs,
        @Bindable(defaultValue = "100") int commitIntervalMs,
        @Bindable(defaultValue = "100") int pollMs,
        @Nullable String stateDir,
        @Bindable(defaultValue = "-1") int replicationFactor,
        @Nullable Map<String, String> streams) {

    /**
     * No default broker: on a shared machine a fallback to a local default port can silently reach somebody else's
     * Kafka, so a service without a broker address refuses to start and says which setting is missing.
     */
    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("no Kafka broker configured: set KAFKA_BOOTSTRAP_SERVERS "
                    + "(glyphoxa.kafka.bootstrap-servers), e.g. broker-0:9092,broker-1:9092");
        }
    }
}
