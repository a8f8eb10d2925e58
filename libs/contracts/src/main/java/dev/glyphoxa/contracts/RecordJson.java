package dev.glyphoxa.contracts;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes any single-object-encoded Glyphoxa record to a generic record using only the fingerprint in its
 * header, so the topic tooling can show records of any topic and any schema version without a registry.
 */
public final class RecordJson {

    private RecordJson() {
    }

    public static GenericRecord decodeGeneric(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length < 10 || (bytes[0] & 0xFF) != 0xC3 || (bytes[1] & 0xFF) != 0x01) {
            throw new BadHeaderException("not an Avro single-object record (missing C3 01 marker)");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema schema = SchemaCatalog.get().findByFingerprint(fingerprint);
        if (schema == null) {
            throw new MissingSchemaException("unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, 10, bytes.length - 10, null));
    }
}
