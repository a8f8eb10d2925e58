package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.SessionKeys;
import dev.glyphoxa.contracts.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Base of every stage processor: decodes the raw value with the topic's Avro serde and hands it to
 * {@link #handle} once its key is checked against its {@code session_id}; anything that fails to decode, is
 * keyed wrongly or throws while handled goes to the dead-letter topic.
 */
public abstract class GuardedProcessor<V extends SpecificRecord> implements Processor<String, byte[], String, SpecificRecord> {

    private final AvroSerde<V> serde;
    private final StageFailures failures;
    protected ProcessorContext<String, SpecificRecord> context;

    protected GuardedProcessor(Topic<V> input, StageFailures failures) {
        this.serde = input.valueSerde();
        this.failures = failures;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        onInit(context);
    }

    /** Hook for fetching state stores and scheduling punctuators. */
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
    }

    @Override
    public final void process(Record<String, byte[]> record) {
        try {
            V value = serde.decode(record.value());
            SessionKeys.requireMatch(record.key(), value);
            handle(record.key(), value, record.timestamp());
        } catch (RuntimeException e) {
            failures.deadLetter(context, record, e);
        }
    }

    /** Processes one decoded record; throw to dead-letter it. */
    protected abstract void handle(String sessionId, V value, long timestamp);

    /** Forwards a record to the named sink, keyed by session id. */
    protected void emit(String sessionId, SpecificRecord value, String sink) {
        context.forward(new Record<>(sessionId, value, System.currentTimeMillis()), sink);
    }
}
