package dev.glyphoxa.contracts;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every schema Glyphoxa has ever written, current and historical, indexed by the 64-bit fingerprint that
 * single-object encoding puts in front of each record. Decoders consult it to read records written with an
 * older (compatible) schema version, and the topic tooling uses it to decode any record without a registry.
 */
public final class SchemaCatalog implements SchemaStore {

    /** Listed explicitly (not scanned) so a missing file fails loudly at start-up. */
    private static final List<String> COMMON = List.of("common/TurnTimings.avsc");
    private static final List<String> CURRENT = List.of(
            "ControlEvent.avsc", "VoicePacket.avsc", "SpeechEvent.avsc", "Transcript.avsc",
            "NpcLine.avsc", "NpcAudio.avsc", "BargeIn.avsc", "Playback.avsc", "DeadLetter.avsc");
    /** Self-contained (shared types inlined as they were then), so an old TurnTimings cannot clash with today's. */
    private static final List<String> HISTORY = List.of("history/NpcLine.v1.avsc", "history/NpcLine.v2.avsc",
            "history/SpeechEvent.v1.avsc", "history/Transcript.v1.avsc", "history/NpcAudio.v1.avsc",
            "history/ControlEvent.v1.avsc", "history/Playback.v1.avsc");

    private static final SchemaCatalog INSTANCE = load();

    private final Map<Long, Schema> byFingerprint;

    private SchemaCatalog(Map<Long, Schema> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    public static SchemaCatalog get() {
        return INSTANCE;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    public List<Schema> all() {
        return new ArrayList<>(byFingerprint.values());
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static SchemaCatalog load() {
        Map<Long, Schema> map = new LinkedHashMap<>();
        Schema.Parser current = new Schema.Parser();
        for (String file : COMMON) {
            current.parse(read(file));
        }
        for (String file : CURRENT) {
            Schema s = current.parse(read(file));
            map.put(fingerprint(s), s);
        }
        for (String file : HISTORY) {
            // A fresh parser per historical file: the old record has the same full name as the current one.
            Schema s = new Schema.Parser().parse(read(file));
            map.put(fingerprint(s), s);
        }
        return new SchemaCatalog(Map.copyOf(map));
    }

    static String read(String file) {
        String path = "/glyphoxa/schemas/" + file;
        try (InputStream in = SchemaCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
