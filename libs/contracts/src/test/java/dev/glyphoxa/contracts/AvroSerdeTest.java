package dev.glyphoxa.contracts;

import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.schema.TurnTimings;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeTest {

    private static NpcLine line() {
        return NpcLine.newBuilder()
                .setSessionId("s-1").setTurnId("t-1").setNpcId("npc-1").setNpcName("Grimjaw").setVoice("slt")
                .setSequence(2).setLastInTurn(true).setText("Mind your coin, traveller.").setResponder("test")
                .setTimings(TurnTimings.newBuilder().setSpeechEndMs(5L).build())
                .setAddressingReason("named")
                .build();
    }

    @Test
    void roundTripsEveryField() {
        AvroSerde<NpcLine> serde = Topics.NPC_LINES.valueSerde();
        byte[] bytes = serde.serialize("glyphoxa.npc.lines", line());
        assertThat(bytes[0] & 0xFF).isEqualTo(0xC3);
        assertThat(bytes[1] & 0xFF).isEqualTo(0x01);
        assertThat(serde.deserialize("glyphoxa.npc.lines", bytes)).isEqualTo(line());
    }

    @Test
    void recordWrittenWithOlderSchemaVersionStillDecodes() throws Exception {
        // v1 carries the TurnTimings of its day inline, the way an old producer had it.
        Schema oldSchema = new Schema.Parser().parse(SchemaCatalog.read("history/NpcLine.v1.avsc"));
        assertThat(oldSchema.getField("addressing_reason")).isNull();

        GenericRecord timings = new GenericData.Record(oldSchema.getField("timings").schema());
        timings.put("speech_end_ms", 42L);
        GenericRecord old = new GenericData.Record(oldSchema);
        old.put("session_id", "s-old");
        old.put("turn_id", "t-old");
        old.put("npc_id", "n");
        old.put("npc_name", "Old Tom");
        old.put("voice", "slt");
        old.put("sequence", 0);
        old.put("last_in_turn", true);
        old.put("text", "Back in my day.");
        old.put("responder", "v1");
        old.put("timings", timings);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), oldSchema).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        NpcLine decoded = Topics.NPC_LINES.valueSerde().decode(bytes);
        assertThat(decoded.getNpcName()).isEqualTo("Old Tom");
        assertThat(decoded.getTimings().getSpeechEndMs()).isEqualTo(42L);
        assertThat(decoded.getAddressingReason()).isNull();
        assertThat(RecordJson.decodeGeneric(bytes).get("text").toString()).isEqualTo("Back in my day.");
    }

    @Test
    void playbackWrittenBeforeAbandonedExistedStillDecodes() throws Exception {
        // a TurnCut from a bridge whose CutReason had no ABANDONED yet
        Schema oldSchema = new Schema.Parser().parse(SchemaCatalog.read("history/Playback.v1.avsc"));
        Schema turnCutSchema = oldSchema.getField("event").schema().getTypes().get(1);
        Schema reasonSchema = turnCutSchema.getField("reason").schema();
        assertThat(reasonSchema.getEnumSymbols()).doesNotContain("ABANDONED");
        assertThat(SchemaCatalog.fingerprint(oldSchema))
                .isNotEqualTo(SchemaCatalog.fingerprint(Playback.getClassSchema()));

        GenericRecord timings = new GenericData.Record(turnCutSchema.getField("timings").schema());
        timings.put("first_packet_out_ms", 7L);
        GenericRecord cut = new GenericData.Record(turnCutSchema);
        cut.put("lines_played", 2);
        cut.put("reason", new GenericData.EnumSymbol(reasonSchema, "SUPERSEDED"));
        cut.put("speaker_id", null);
        cut.put("timings", timings);
        GenericRecord old = new GenericData.Record(oldSchema);
        old.put("session_id", "s-old");
        old.put("turn_id", "t-old");
        old.put("npc_id", "n");
        old.put("occurred_at_ms", 99L);
        old.put("event", cut);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), oldSchema).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        Playback decoded = Topics.PLAYBACK.valueSerde().decode(bytes);
        assertThat(decoded.getTurnId()).isEqualTo("t-old");
        assertThat(decoded.getEvent()).isInstanceOfSatisfying(TurnCut.class, c -> {
            assertThat(c.getReason()).isEqualTo(CutReason.SUPERSEDED);
            assertThat(c.getLinesPlayed()).isEqualTo(2);
            assertThat(c.getTimings().getFirstPacketOutMs()).isEqualTo(7L);
        });
    }

    @Test
    void anAbandonedTurnCutRoundTrips() {
        Playback abandoned = Playback.newBuilder().setSessionId("s").setTurnId("t").setNpcId("n").setOccurredAtMs(1L)
                .setEvent(TurnCut.newBuilder().setLinesPlayed(1).setReason(CutReason.ABANDONED)
                        .setTimings(TurnTimings.newBuilder().build()).build())
                .build();
        AvroSerde<Playback> serde = Topics.PLAYBACK.valueSerde();
        assertThat(serde.decode(serde.encode(abandoned))).isEqualTo(abandoned);
    }

    @Test
    void garbageIsRejectedWithReadableMessage() {
        AvroSerde<NpcLine> serde = Topics.NPC_LINES.valueSerde();
        assertThatThrownBy(() -> serde.decode("definitely not avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("NpcLine");
        assertThatThrownBy(() -> serde.decode(null)).isInstanceOf(SerializationException.class);
    }

    @Test
    void recordOfAnotherTopicIsRejected() {
        byte[] transcriptBytes = Topics.DEADLETTER.valueSerde().encode(
                DeadLetters.of("vad", "glyphoxa.voice.in", 0, 1, "k", new byte[]{1}, new IllegalStateException("x")));
        assertThatThrownBy(() -> Topics.NPC_LINES.valueSerde().decode(transcriptBytes))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void everyTopicIsDeclaredOnceWithItsType() {
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith("glyphoxa."));
        assertThat(Topics.byName("glyphoxa.speech")).contains(Topics.SPEECH);
        for (Topic<?> topic : Topics.ALL) {
            Schema current = org.apache.avro.specific.SpecificData.get().getSchema(topic.valueType());
            assertThat(SchemaCatalog.get().findByFingerprint(SchemaCatalog.fingerprint(current))).as(topic.name())
                    .isNotNull().extracting(Schema::getFullName).isEqualTo(current.getFullName());
        }
        // each topic's current schema plus the seven historical versions in schemas/avro/history
        assertThat(SchemaCatalog.get().all()).hasSize(Topics.ALL.size() + 7);
    }
}
