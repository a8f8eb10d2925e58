package dev.glyphoxa.contracts;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One Kafka topic of the pipeline: its name, the Avro type of its values and their serde.
 * Keys are always the session id as a UTF-8 string, so every stage is partitioned the same way.
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType, String description) {

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public AvroSerde<V> valueSerde() {
        return AvroSerde.of(valueType);
    }
}
