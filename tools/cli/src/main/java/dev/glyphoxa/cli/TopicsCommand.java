package dev.glyphoxa.cli;

import dev.glyphoxa.contracts.RecordJson;
import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Topic tooling for replay and debugging. Every record is decoded from the schema fingerprint it carries,
 * so any topic and any schema version reads without a registry.
 */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "List, read and replay Glyphoxa topics.",
        subcommands = {TopicsCommand.ListTopics.class, TopicsCommand.Dump.class, TopicsCommand.Replay.class})
public final class TopicsCommand {

    static class Connection {
        @Option(names = "--kafka", required = true, description = "bootstrap servers, e.g. 127.0.0.1:39092")
        String kafka;
    }

    @Command(name = "list", description = "Every pipeline topic with its partitions and record count.")
    static final class ListTopics implements Runnable {
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();
        PrintStream out = System.out;

        @Override
        public void run() {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.kafka))) {
                var described = admin.describeTopics(Topics.ALL.stream().map(Topic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
                for (Topic<?> t : Topics.ALL) {
                    var d = described.get(t.name());
                    Map<TopicPartition, OffsetSpec> latest = d.partitions().stream()
                            .collect(Collectors.toMap(p -> new TopicPartition(t.name(), p.partition()), p -> OffsetSpec.latest()));
                    Map<TopicPartition, OffsetSpec> earliest = latest.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
                    var end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                    var start = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
                    long count = end.keySet().stream().mapToLong(p -> end.get(p).offset() - start.get(p).offset()).sum();
                    out.printf("%-22s %2d partitions %8d records  %s (%s)%n", t.name(), d.partitions().size(), count,
                            t.description(), t.valueType().getSimpleName());
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot list topics on " + connection.kafka + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "dump", description = "Print a topic's records as JSON, oldest first.")
    static final class Dump implements Runnable {
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();
        @Parameters(index = "0", description = "topic name, e.g. glyphoxa.transcripts")
        String topic;
        @Option(names = "--session", description = "only records of this session id (the record key)")
        String session;
        @Option(names = "--max", defaultValue = "1000", description = "stop after this many records (default ${DEFAULT-VALUE})")
        int max;
        PrintStream out = System.out;

        @Override
        public void run() {
            for (ConsumerRecord<String, byte[]> r : read(connection.kafka, topic, session, max)) {
                String json;
                try {
                    json = RecordJson.decodeGeneric(r.value()).toString();
                } catch (Exception e) {
                    json = "{\"undecodable\": \"" + e.getMessage().replace("\"", "'") + "\", \"bytes\": " + (r.value() == null ? 0 : r.value().length) + "}";
                }
                out.printf("%s-%d@%d key=%s %s%n", r.topic(), r.partition(), r.offset(), r.key(), json);
            }
        }
    }

    @Command(name = "replay", description = "Re-publish a session's records (unchanged bytes) to the same or another topic.")
    static final class Replay implements Runnable {
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();
        @Parameters(index = "0", description = "topic to read")
        String topic;
        @Option(names = "--session", required = true, description = "session id (record key) to replay")
        String session;
        @Option(names = "--to", description = "target topic (default: the same topic)")
        String to;
        PrintStream out = System.out;

        @Override
        public void run() {
            List<ConsumerRecord<String, byte[]>> records = read(connection.kafka, topic, session, Integer.MAX_VALUE);
            String target = to == null ? topic : to;
            try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.kafka,
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
                for (var r : records) {
                    producer.send(new ProducerRecord<>(target, r.key(), r.value()));
                }
                producer.flush();
            }
            out.printf("replayed %d records of session %s from %s to %s%n", records.size(), session, topic, target);
        }
    }

    /** Reads a topic from the beginning up to its current end, without a consumer group. */
    static List<ConsumerRecord<String, byte[]>> read(String kafka, String topic, String session, int max) {
        if (Topics.byName(topic).isEmpty()) {
            throw new IllegalArgumentException("unknown topic " + topic + "; known: "
                    + Topics.ALL.stream().map(Topic::name).collect(Collectors.joining(", ")));
        }
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(parts));
            while (out.size() < max && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (session == null || session.equals(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }
}
