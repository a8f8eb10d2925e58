package dev.glyphoxa.localstack;

import dev.glyphoxa.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackTest {

    @Test
    void brokerAndDatabaseAreRealAndTopicsAreCreated(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, 2); Database db = Database.embedded(dir, "glyphoxa")) {
            assertThat(broker.process().alive()).isTrue();
            TopicProvisioner.ensureTopics(broker.bootstrapServers(), 3);
            TopicProvisioner.ensureTopics(broker.bootstrapServers(), 3); // idempotent
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                var topics = admin.describeTopics(Topics.ALL.stream().map(t -> t.name()).toList()).allTopicNames().get(10, TimeUnit.SECONDS);
                assertThat(topics).hasSize(Topics.ALL.size());
                assertThat(topics.values()).allMatch(t -> t.partitions().size() == 3);
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer());
                 var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                         ConsumerConfig.GROUP_ID_CONFIG, "t", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                         new StringDeserializer(), new StringDeserializer())) {
                producer.send(new ProducerRecord<>(Topics.CONTROL.name(), "s-1", "hello")).get();
                consumer.subscribe(List.of(Topics.CONTROL.name()));
                String got = null;
                for (int i = 0; i < 50 && got == null; i++) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    for (var r : records) {
                        got = r.value();
                    }
                }
                assertThat(got).isEqualTo("hello");
            }
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("select current_database(), version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("glyphoxa");
                assertThat(rs.getString(2)).startsWith("PostgreSQL");
            }
        }
    }
}
