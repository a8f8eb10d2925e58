package dev.glyphoxa.stage;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

/**
 * Runs the service's {@link StageTopology} for the life of the application context and reports its state
 * as readiness. All per-session state lives in changelog-backed stores, so this instance can die at any time
 * and another instance with the same application id picks up its partitions.
 */
@Context
@Requires(beans = StageTopology.class)
public class StageStreams implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StageStreams.class);

    private final KafkaStreams streams;
    private final String applicationId;

    public StageStreams(StageTopology stage, KafkaSettings settings) {
        this.applicationId = stage.applicationId();
        this.streams = new KafkaStreams(stage.topology(), properties(stage.applicationId(), settings));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread of {} failed; replacing it", applicationId, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", applicationId, before, now));
        streams.start();
        LOG.info("{} started against {}", applicationId, settings.bootstrapServers());
    }

    static Properties properties(String applicationId, KafkaSettings settings) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // At-least-once: exactly-once would hold every output until the next commit (~100 ms per hop),
        // which the audio path cannot afford; duplicates are tolerated downstream by sequence numbers.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        p.put(StreamsConfig.POLL_MS_CONFIG, (long) settings.pollMs());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), settings.sessionTimeoutMs());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                Math.max(500, settings.sessionTimeoutMs() / 4));
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir() != null ? settings.stateDir() : tempStateDir(applicationId));
        if (settings.streams() != null) {
            p.putAll(settings.streams());
        }
        return p;
    }

    private static String tempStateDir(String applicationId) {
        try {
            return Files.createTempDirectory(applicationId + "-state").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public String name() {
        return "kafka-streams";
    }

    @Override
    public Status status() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Status.ready(applicationId + " RUNNING")
                : Status.notReady(applicationId + " " + state);
    }

    @PreDestroy
    void close() {
        streams.close(Duration.ofSeconds(10));
    }
}
