package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record the stage could not handle to the dead-letter sink, logs one line and counts it
 * ({@code glyphoxa_deadletter_total{stage,topic}}), so a poison record never stops the pipeline.
 */
public final class StageFailures {

    private static final Logger LOG = LoggerFactory.getLogger(StageFailures.class);

    private final String stage;
    private final MeterRegistry registry;

    public StageFailures(String stage, MeterRegistry registry) {
        this.stage = stage;
        this.registry = registry;
    }

    public String stage() {
        return stage;
    }

    /** The stage's meter registry, for counters of its own beside the dead letters. */
    public MeterRegistry registry() {
        return registry;
    }

    public void deadLetter(ProcessorContext<String, SpecificRecord> context, Record<String, byte[]> record, Exception error) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? "unknown" : meta.topic();
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        LOG.warn("{}: record {}/{}@{} (key {}) sent to dead letters: {}", stage, topic, partition, offset,
                record.key(), error.getMessage());
        counter(topic).increment();
        context.forward(new Record<>(record.key(),
                DeadLetters.of(stage, topic, partition, offset, record.key(), record.value(), error),
                record.timestamp()), TopologyParts.DEADLETTER_SINK);
    }

    public double count(String topic) {
        return counter(topic).count();
    }

    private Counter counter(String topic) {
        return Counter.builder("glyphoxa.deadletter").tag("stage", stage).tag("topic", topic)
                .description("records sent to the dead-letter topic").register(registry);
    }
}
