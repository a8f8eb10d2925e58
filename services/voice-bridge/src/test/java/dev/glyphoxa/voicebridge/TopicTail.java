package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What a test reads of a topic from the moment it was opened, decoded, only for one key (session). */
final class TopicTail<V extends SpecificRecord> implements AutoCloseable {

    private final Topic<V> topic;
    private final String key;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<V> seen = new ArrayList<>();

    TopicTail(String bootstrap, Topic<V> topic, String key) {
        this.topic = topic;
        this.key = key;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Reads on until a record of the key matches (up to a minute); every record of the key read so far. */
    List<V> until(Predicate<List<V>> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.test(seen) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (key.equals(r.key())) {
                    seen.add(topic.valueSerde().decode(r.value()));
                }
            }
        }
        if (!done.test(seen)) {
            throw new AssertionError("not seen on " + topic.name() + " within a minute; seen: " + seen);
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
