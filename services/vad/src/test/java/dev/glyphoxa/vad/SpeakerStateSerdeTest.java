package dev.glyphoxa.vad;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.vad.state.SpeakerState;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's changelog stays readable across SpeakerState versions. */
class SpeakerStateSerdeTest {

    private final SpeakerStateSerde serde = new SpeakerStateSerde();

    /** A speaker mid-utterance, as the VAD before barge-in wrote it. */
    private static byte[] writtenByV1() throws Exception {
        Schema v1 = SpeakerStateSerde.schema(SpeakerStateSerde.HISTORY.getFirst());
        GenericRecord r = new GenericData.Record(v1);
        r.put("session_id", "s1");
        r.put("speaker_id", "alice");
        r.put("last_sequence", 41L);
        r.put("last_capture_ms", 820L);
        r.put("last_packet_wall_ms", 5_000L);
        r.put("model_state", ByteBuffer.wrap(new byte[]{0, 0, -128, 63}));
        r.put("unscored", ByteBuffer.wrap(new byte[]{1, 0}));
        r.put("recent", ByteBuffer.allocate(0));
        r.put("recent_start_ms", 300L);
        r.put("voiced_run_samples", 0);
        r.put("voiced_run_sequence", 17L);
        r.put("speaking", true);
        r.put("utterance_id", "alice-17-300");
        r.put("utterance_samples", 8_000L);
        r.put("chunk_index", 5);
        r.put("pending_chunk", ByteBuffer.allocate(0));
        r.put("last_voiced_capture_ms", 800L);
        r.put("last_voiced_wall_ms", 4_990L);
        ByteBuffer buf = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(r);
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    @Test
    void readsTheRecordTheVadWroteBeforeBargeIn() throws Exception {
        byte[] old = writtenByV1();
        assertThatThrownBy(() -> AvroSerde.of(SpeakerState.class).decode(old))
                .as("the shared serde does not know this private schema's history").isInstanceOf(SerializationException.class);

        SpeakerState s = serde.deserialize("changelog", old);
        assertThat(s.getSpeaking()).isTrue();
        assertThat(s.getUtteranceId()).isEqualTo("alice-17-300");
        assertThat(s.getChunkIndex()).isEqualTo(5);
        assertThat(s.getLastVoicedWallMs()).isEqualTo(4_990L);
        assertThat(s.getFloorVoicedMs()).isZero();
        assertThat(s.getFloorStartMs()).isZero();
        assertThat(s.getFloorLastVoicedMs()).isZero();
        assertThat(s.getBargeInUtteranceId()).isNull();
        assertThat(SpeakerTrack.from(s).speaking()).isTrue();
    }

    @Test
    void writesWhatTheSharedSerdeWritesAndReadsItBack() {
        SpeakerTrack t = new SpeakerTrack("s1", "bob", new float[]{0.5f});
        t.floorVoicedMs = 288;
        t.bargeInUtteranceId = "bob-3-0";
        SpeakerState state = t.toRecord();
        byte[] bytes = serde.serialize("changelog", state);
        assertThat(bytes).isEqualTo(AvroSerde.of(SpeakerState.class).encode(state));
        assertThat(serde.deserialize("changelog", bytes)).isEqualTo(state);
    }

    @Test
    void garbageIsASerializationError() {
        assertThatThrownBy(() -> serde.deserialize("changelog", "not avro".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("SpeakerState");
        assertThat(serde.deserialize("changelog", null)).isNull();
    }
}
