package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedProcessorTest {

    /** Upper-cases transcript text: stands in for a stage step. Throws on "boom" to exercise the guard. */
    static final class Shout extends GuardedProcessor<Transcript> {
        Shout(StageFailures failures) {
            super(Topics.TRANSCRIPTS, failures);
        }

        @Override
        protected void handle(String sessionId, Transcript value, long timestamp) {
            if (value.getText().equals("boom")) {
                throw new IllegalStateException("cannot shout boom");
            }
            value.setText(value.getText().toUpperCase());
            emit(sessionId, value, TopologyParts.sinkName(Topics.NPC_LINES));
        }
    }

    static Transcript transcript(String text) {
        return Transcript.newBuilder().setSessionId("s").setSpeakerId("p").setUtteranceId("u").setTurnId("t")
                .setText(text).setProvider("test").setSpeechStartMs(0).setSpeechEndMs(1)
                .setTimings(TurnTimings.newBuilder().build()).build();
    }

    @Test
    void malformedAndFailingRecordsGoToDeadLettersAndNextRecordStillFlows() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StageFailures failures = new StageFailures("test-stage", registry);
        Topology t = new Topology();
        TopologyParts.source(t, Topics.TRANSCRIPTS);
        t.addProcessor("shout", () -> new Shout(failures), TopologyParts.sourceName(Topics.TRANSCRIPTS));
        // The shout output goes to a topic named like npc.lines only to keep the test self-contained.
        TopologyParts.sink(t, Topics.NPC_LINES, "shout");
        TopologyParts.deadLetterSink(t, "shout");

        try (TopologyTestDriver driver = new TopologyTestDriver(t)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.TRANSCRIPTS.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, Transcript> out = driver.createOutputTopic(Topics.NPC_LINES.name(),
                    Serdes.String().deserializer(), Topics.TRANSCRIPTS.valueSerde());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic(Topics.DEADLETTER.name(),
                    Serdes.String().deserializer(), Topics.DEADLETTER.valueSerde());

            in.pipeInput("s", "garbage".getBytes());
            in.pipeInput("s", Topics.TRANSCRIPTS.valueSerde().encode(transcript("boom")));
            in.pipeInput(null, Topics.TRANSCRIPTS.valueSerde().encode(transcript("no key")));
            in.pipeInput("s", Topics.TRANSCRIPTS.valueSerde().encode(transcript("hello")));

            assertThat(out.readValuesToList()).extracting(Transcript::getText).containsExactly("HELLO");
            var letters = dead.readValuesToList();
            assertThat(letters).hasSize(3);
            assertThat(letters.get(0).getErrorMessage()).contains("Transcript");
            assertThat(new String(letters.get(0).getValue().array())).isEqualTo("garbage");
            assertThat(letters.get(0).getSourceTopic()).isEqualTo(Topics.TRANSCRIPTS.name());
            assertThat(letters.get(1).getErrorMessage()).isEqualTo("cannot shout boom");
            assertThat(letters.get(2).getErrorMessage()).contains("no session id");
            assertThat(letters).allMatch(l -> l.getStage().equals("test-stage"));
            assertThat(failures.count(Topics.TRANSCRIPTS.name())).isEqualTo(3.0);
        }
    }
}
