package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.SessionKeys;
import dev.glyphoxa.contracts.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads one topic from every partition, on its own thread, and hands each decoded record to a handler: for
 * signals every instance must see whichever partitions its consumer group gave it (NPC audio for the bridge
 * holding the voice connection, a cut turn for whichever LLM or TTS instance is still working on it).
 *
 * <p>A plain assigned consumer without a group or commits: what matters is the live tail. It starts
 * {@code lookBack} before now (zero: at the end), so a restarted instance still learns of signals sent while
 * it was starting. A record that does not decode, or whose key is not its session, goes to {@code onBadRecord}
 * and the next one is read. Ready once positioned on every partition.
 */
public final class BroadcastReceiver<V extends SpecificRecord> implements ReadinessCheck, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastReceiver.class);

    private final Topic<V> topic;
    private final String name;
    private final Duration lookBack;
    private final Consumer<V> handler;
    private final BiConsumer<ConsumerRecord<String, byte[]>, RuntimeException> onBadRecord;
    private final AvroSerde<V> serde;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean positioned;
    private volatile boolean running = true;

    public BroadcastReceiver(String bootstrapServers, Topic<V> topic, Duration lookBack, Consumer<V> handler,
                             BiConsumer<ConsumerRecord<String, byte[]>, RuntimeException> onBadRecord) {
        this(topic.name(), bootstrapServers, topic, lookBack, handler, onBadRecord);
    }

    /** @param name what {@code /readyz} calls it */
    public BroadcastReceiver(String name, String bootstrapServers, Topic<V> topic, Duration lookBack, Consumer<V> handler,
                             BiConsumer<ConsumerRecord<String, byte[]>, RuntimeException> onBadRecord) {
        this.name = name;
        this.topic = topic;
        this.lookBack = lookBack;
        this.handler = handler;
        this.onBadRecord = onBadRecord;
        this.serde = topic.valueSerde();
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("broadcast-" + topic.name()).daemon().start(this::run);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                try {
                    partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    // The broker is not there yet (all services start together): keep asking, readiness says so.
                    LOG.info("waiting for the partitions of {}: {}", topic.name(), e.getMessage());
                }
            }
            consumer.assign(partitions);
            position(partitions);
            positioned = true;
            LOG.info("receiving {} from {} partitions", topic.name(), partitions.size());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("receiver of {} stopped: {}", topic.name(), e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    private void position(List<TopicPartition> partitions) {
        consumer.seekToEnd(partitions);
        if (!lookBack.isZero()) {
            long since = System.currentTimeMillis() - lookBack.toMillis();
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> since)));
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    consumer.seek(partition, offset.offset());
                }
            });
        }
        partitions.forEach(consumer::position);
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        V value;
        try {
            value = serde.decode(record.value());
            SessionKeys.requireMatch(record.key(), value);
        } catch (RuntimeException e) {
            onBadRecord.accept(record, e);
            return;
        }
        try {
            handler.accept(value);
        } catch (RuntimeException e) {
            onBadRecord.accept(record, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Status status() {
        return positioned && thread.isAlive() ? Status.ready("assigned to every partition")
                : Status.notReady(thread.isAlive() ? "waiting for partitions" : "receiver stopped");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
