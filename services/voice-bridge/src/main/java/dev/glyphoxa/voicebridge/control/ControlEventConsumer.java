package dev.glyphoxa.voicebridge.control;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import dev.glyphoxa.voicebridge.VoiceChannels;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code glyphoxa.control} in the consumer group {@value #GROUP}, so each session's events reach one
 * bridge instance, which then holds its voice connection. A new group starts at the end (a fresh deployment
 * must not join last week's sessions); offsets are committed after each batch, so a redelivery after a crash
 * repeats at most one batch, and joining or leaving twice is harmless.
 */
@Context
public class ControlEventConsumer implements ReadinessCheck {

    public static final String GROUP = "glyphoxa-voice-bridge";

    private static final Logger LOG = LoggerFactory.getLogger(ControlEventConsumer.class);
    private static final Duration HISTORY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String bootstrapServers;
    private final ControlEventHandler handler;
    private final Thread thread;
    private volatile boolean assigned;
    private volatile int partitions;
    private volatile boolean running = true;

    public ControlEventConsumer(KafkaSettings kafka, VoiceChannels channels, DeadLetterPublisher deadLetters) {
        this.handler = new ControlEventHandler(channels, deadLetters::publish);
        this.bootstrapServers = kafka.bootstrapServers();
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("control-consumer").daemon().start(this::run);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.CONTROL.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    partitions = Math.max(0, partitions - revoked.size());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> added) {
                    // Resolve "latest" now, before saying ready: a SessionStarted sent right after must not be skipped.
                    added.forEach(consumer::position);
                    rejoin(added);
                    partitions += added.size();
                    assigned = true;
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    handler.handle(record);
                }
                if (!records.isEmpty()) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("control consumer stopped: {}", e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    /**
     * Rejoins the sessions that were running before this bridge (or another replica) took the partitions: their
     * SessionStarted lies before the committed offset, so the live loop will not see it again.
     */
    private void rejoin(Collection<TopicPartition> added) {
        Map<TopicPartition, Long> upTo = new HashMap<>();
        added.forEach(tp -> upTo.put(tp, consumer.position(tp)));
        LiveSessions live = new LiveSessions();
        try (KafkaConsumer<String, byte[]> history = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            history.assign(added);
            history.seekToBeginning(added);
            Set<TopicPartition> reading = new HashSet<>();
            added.forEach(tp -> {
                if (history.position(tp) < upTo.get(tp)) {
                    reading.add(tp);
                }
            });
            long deadline = System.nanoTime() + HISTORY_TIMEOUT.toNanos();
            while (!reading.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("control history not read within {}; sessions running before this start are not rejoined",
                            HISTORY_TIMEOUT);
                    return;
                }
                for (ConsumerRecord<String, byte[]> r : history.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < upTo.get(tp)) {
                        live.add(r);
                    }
                }
                reading.removeIf(tp -> history.position(tp) >= upTo.get(tp));
            }
        } catch (KafkaException e) {
            LOG.warn("could not read the control history to rejoin running sessions: {}", e.getMessage());
            return;
        }
        for (ConsumerRecord<String, byte[]> started : live.running()) {
            LOG.info("session {} was running before this bridge took its partition: rejoining", started.key());
            handler.handle(started);
        }
    }

    private void commit() {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // A rebalance took the partitions: their next owner re-reads the batch, which is harmless.
            LOG.warn("control offsets not committed: {}", e.getMessage());
        }
    }

    @Override
    public String name() {
        return "control";
    }

    @Override
    public Status status() {
        if (!thread.isAlive()) {
            return Status.notReady("consumer stopped");
        }
        return assigned ? Status.ready("group " + GROUP + ", " + partitions + " partitions of " + Topics.CONTROL.name())
                : Status.notReady("joining group " + GROUP);
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
