package dev.glyphoxa.contracts;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Serializes any generated record with its own class's serde; used by sinks that carry several value types. */
public final class RecordSerializer implements Serializer<SpecificRecord> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] serialize(String topic, SpecificRecord data) {
        if (data == null) {
            return null;
        }
        return ((AvroSerde) AvroSerde.of(data.getClass())).encode(data);
    }
}
