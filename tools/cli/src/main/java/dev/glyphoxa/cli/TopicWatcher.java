package dev.glyphoxa.cli;

import dev.glyphoxa.contracts.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches pipeline topics from every partition (no consumer group, nothing committed) and decodes each record
 * with its topic's serde. It is positioned before {@link #start} returns, so nothing produced afterwards is
 * missed. Used by the local run to print the scene as it happens and by the end-to-end tests to wait for it.
 */
public final class TopicWatcher implements AutoCloseable {

    /** One record seen; {@code value} is null when it did not decode (raw bytes kept). */
    public record Seen(String topic, int partition, long offset, String key, SpecificRecord value, byte[] raw) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Topic<?>> topics;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Consumer<Seen>> listeners = new CopyOnWriteArrayList<>();
    private Thread thread;
    private volatile boolean running = true;

    public TopicWatcher(String bootstrapServers, List<Topic<?>> topics) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    public TopicWatcher onRecord(Consumer<Seen> listener) {
        listeners.add(listener);
        return this;
    }

    /** Assigns every partition at its current end, then reads in the background. */
    public TopicWatcher start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?> t : topics) {
            consumer.partitionsFor(t.name(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("topic-watcher").daemon().start(this::run);
        return this;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    Seen s = new Seen(r.topic(), r.partition(), r.offset(), r.key(), decode(r), r.value());
                    seen.add(s);
                    listeners.forEach(l -> l.accept(s));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private SpecificRecord decode(ConsumerRecord<String, byte[]> r) {
        for (Topic<?> t : topics) {
            if (t.name().equals(r.topic())) {
                try {
                    return t.valueSerde().decode(r.value());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    public <V extends SpecificRecord> List<V> values(Topic<V> topic, Predicate<V> filter) {
        List<V> out = new ArrayList<>();
        for (Seen s : seen) {
            if (s.topic().equals(topic.name()) && topic.valueType().isInstance(s.value())) {
                V v = topic.valueType().cast(s.value());
                if (filter.test(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Waits until a matching record has been seen; empty if none arrived in time. */
    public <V extends SpecificRecord> Optional<V> await(Topic<V> topic, Predicate<V> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            List<V> found = values(topic, filter);
            if (!found.isEmpty()) {
                return Optional.of(found.getFirst());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
