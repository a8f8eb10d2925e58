package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.DeadLetters;
import dev.glyphoxa.contracts.RecordSerializer;
import dev.glyphoxa.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Dead-letter routing for services that consume with a plain Kafka consumer rather than a Streams topology
 * (the voice-bridge and the gateway): same record, same log line, same counter as {@link StageFailures}.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final String stage;
    private final MeterRegistry registry;
    private final KafkaProducer<String, SpecificRecord> producer;

    public DeadLetterPublisher(String stage, String bootstrapServers, MeterRegistry registry) {
        this.stage = stage;
        this.registry = registry;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new RecordSerializer());
    }

    public void publish(ConsumerRecord<String, byte[]> record, Exception error) {
        LOG.warn("{}: record {}/{}@{} (key {}) sent to dead letters: {}", stage, record.topic(), record.partition(),
                record.offset(), record.key(), error.getMessage());
        counter(record.topic()).increment();
        producer.send(new ProducerRecord<>(Topics.DEADLETTER.name(), record.key(),
                DeadLetters.of(stage, record.topic(), record.partition(), record.offset(), record.key(), record.value(), error)),
                (meta, e) -> {
                    if (e != null) {
                        LOG.error("{}: could not write dead letter for {}/{}@{}: {}", stage, record.topic(),
                                record.partition(), record.offset(), e.getMessage());
                    }
                });
    }

    public double count(String topic) {
        return counter(topic).count();
    }

    private Counter counter(String topic) {
        return Counter.builder("glyphoxa.deadletter").tag("stage", stage).tag("topic", topic)
                .description("records sent to the dead-letter topic").register(registry);
    }

    @Override
    public void close() {
        producer.close();
    }
}
