package dev.glyphoxa.vad;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.SchemaCatalog;
import dev.glyphoxa.vad.state.SpeakerState;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Serde of the {@value VadProcessor#STORE} store: writes {@link SpeakerState} as the shared {@link AvroSerde} does
 * (single-object encoding), and also reads the earlier versions of the record kept in {@code vad/history/}.
 * SpeakerState is private to this service, so its old versions are not in the contracts' {@link SchemaCatalog};
 * without them, the changelog an older VAD wrote would be unreadable after an upgrade, and the punctuator, which
 * reads every entry, would stop the stream thread.
 */
final class SpeakerStateSerde implements Serde<SpeakerState>, Serializer<SpeakerState>, Deserializer<SpeakerState> {

    /** Every earlier SpeakerState this service wrote; v1 is the one before the barge-in fields. */
    static final List<String> HISTORY = List.of("/vad/history/SpeakerState.v1.avsc");

    private final AvroSerde<SpeakerState> current = AvroSerde.of(SpeakerState.class);
    private final BinaryMessageDecoder<SpeakerState> decoder =
            new BinaryMessageDecoder<>(SpecificData.get(), SpeakerState.getClassSchema(), SchemaCatalog.get());

    SpeakerStateSerde() {
        HISTORY.forEach(file -> decoder.addSchema(schema(file)));
    }

    static Schema schema(String resource) {
        try (InputStream in = SpeakerStateSerde.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] serialize(String topic, SpeakerState data) {
        return data == null ? null : current.encode(data);
    }

    @Override
    public SpeakerState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a readable SpeakerState record (" + data.length + " bytes): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<SpeakerState> serializer() {
        return this;
    }

    @Override
    public Deserializer<SpeakerState> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schemas come from the generated class and the resources
    }

    @Override
    public void close() {
        // holds nothing to release
    }
}
