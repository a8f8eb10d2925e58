package dev.glyphoxa.contracts;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka serde for generated Avro records in single-object encoding (marker C3 01, schema fingerprint, body).
 * The fingerprint lets any reader pick the writer's schema from {@link SchemaCatalog}, so no schema registry
 * is needed and records written with an older compatible schema still decode.
 */
public final class AvroSerde<V extends SpecificRecord> implements Serde<V>, Serializer<V>, Deserializer<V> {

    static {
        TrustedPackages.ensure();
    }

    private static final ConcurrentHashMap<Class<?>, AvroSerde<?>> CACHE = new ConcurrentHashMap<>();

    private final Class<V> type;
    private final BinaryMessageEncoder<V> encoder;
    private final BinaryMessageDecoder<V> decoder;

    private AvroSerde(Class<V> type) {
        this.type = type;
        Schema schema = SpecificData.get().getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema, SchemaCatalog.get());
    }

    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> AvroSerde<V> of(Class<V> type) {
        return (AvroSerde<V>) CACHE.computeIfAbsent(type, t -> new AvroSerde<>(type));
    }

    public Class<V> type() {
        return type;
    }

    public byte[] encode(V value) {
        try {
            ByteBuffer buf = encoder.encode(value);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes or throws {@link SerializationException} with a message that says what was wrong. */
    public V decode(byte[] bytes) {
        if (bytes == null) {
            throw new SerializationException("null value where a " + type.getSimpleName() + " was expected");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a readable " + type.getSimpleName() + " record ("
                    + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] serialize(String topic, V data) {
        return data == null ? null : encode(data);
    }

    @Override
    public V deserialize(String topic, byte[] data) {
        return data == null ? null : decode(data);
    }

    @Override
    public Serializer<V> serializer() {
        return this;
    }

    @Override
    public Deserializer<V> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schema comes from the generated class
    }

    @Override
    public void close() {
        // shared, stateless: nothing to release
    }
}
