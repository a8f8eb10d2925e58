package dev.glyphoxa.gateway;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.localstack.SharedStack;
import dev.glyphoxa.schema.ControlEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
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
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Base of the gateway's integration tests: the real Kafka broker and PostgreSQL of {@link SharedStack} (one per
 * test JVM), plus helpers to read and write the real topics and query the real tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayStack implements TestPropertyProvider {

    protected static final Duration DEADLINE = Duration.ofSeconds(60);
    /** API key of the seeded tenant {@code local}; {@link LocalKeyClientFilter} sends it unless a test sends another. */
    public static final String LOCAL_KEY = "gxk_test-local-tenant-key";
    public static final String OPERATOR_KEY = "gxk_test-operator-key";

    protected final SharedStack stack = SharedStack.get();

    /** The gateway under test, as tenant {@code local} unless a request says otherwise ({@link LocalKeyClientFilter}). */
    @Inject
    @Client("/")
    protected HttpClient client;

    protected BlockingHttpClient http;

    @BeforeAll
    void blockingClient() {
        if (client != null) {
            http = client.toBlocking();
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.server.port", "-1",
                "glyphoxa.gateway.local-tenant-key", LOCAL_KEY,
                "glyphoxa.gateway.operator-key", OPERATOR_KEY,
                "glyphoxa.kafka.bootstrap-servers", stack.bootstrapServers(),
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "datasources.default.url", stack.database().jdbcUrl(),
                "datasources.default.username", stack.database().user(),
                "datasources.default.password", stack.database().password());
    }

    /** Sends raw bytes to a real topic, as another stage would. */
    protected void produce(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning (all partitions, no consumer group) until a record matches or the
     * deadline passes; other tests' records on the shared topics are skipped by the predicate.
     */
    protected Optional<ConsumerRecord<String, byte[]>> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        return Optional.of(r);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The first control event of the session that matches, read from the real topic. */
    protected ControlEvent awaitControl(UUID sessionId, Predicate<ControlEvent> match) {
        return awaitRecord(Topics.CONTROL.name(), r -> sessionId.toString().equals(r.key())
                && match.test(Topics.CONTROL.valueSerde().decode(r.value())))
                .map(ConsumerRecord::value).map(Topics.CONTROL.valueSerde()::decode)
                .orElseThrow(() -> new AssertionError("no matching control event for session " + sessionId));
    }

    /** The status code of the answer, successful or not. */
    protected static int status(BlockingHttpClient http, HttpRequest<?> request) {
        try {
            return http.exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** Polls until the condition holds or the deadline passes; returns whether it held. */
    protected static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    protected long count(String sql, Object... params) {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    protected java.util.List<String> strings(String sql, Object... params) {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            java.util.List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    protected void execute(String sql, Object... params) throws SQLException {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }
}
