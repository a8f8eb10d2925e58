package dev.glyphoxa.e2e;

import dev.glyphoxa.cli.LocalPipeline;
import dev.glyphoxa.cli.TopicWatcher;
import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.DeadLetter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed record on every input topic lands on the dead-letter topic, from every stage that consumes that
 * topic, with where it came from; then a whole good turn of the same session (same partitions) still goes
 * through every stage.
 */
class DeadLetterEndToEndTest {

    /** Which stage must dead-letter a poison record on which topic. */
    static final Map<Topic<?>, List<String>> CONSUMERS = Map.of(
            Topics.CONTROL, List.of("stt", "llm"),
            Topics.VOICE_IN, List.of("vad"),
            Topics.SPEECH, List.of("stt"),
            Topics.TRANSCRIPTS, List.of("llm", "gateway"),
            Topics.NPC_LINES, List.of("tts", "gateway"),
            Topics.VOICE_OUT, List.of("voice-bridge"));

    @Test
    void poisonRecordOnEveryTopicIsDeadLetteredAndTheNextTurnStillWorks() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        String session = f.player.startSession(f.campaignId);
        try (TopicWatcher watch = new TopicWatcher(f.pipeline.bootstrapServers(), List.of(Topics.DEADLETTER)).start();
             var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     f.pipeline.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (Topic<?> topic : CONSUMERS.keySet()) {
                producer.send(new ProducerRecord<>(topic.name(), session,
                        ("poison for " + topic.name()).getBytes(StandardCharsets.UTF_8))).get();
            }
            for (var e : CONSUMERS.entrySet()) {
                for (String stage : e.getValue()) {
                    DeadLetter letter = watch.await(Topics.DEADLETTER, d -> session.equals(d.getKey())
                                    && d.getSourceTopic().equals(e.getKey().name()) && d.getStage().equals(stage), Duration.ofSeconds(60))
                            .orElseThrow(() -> new AssertionError(stage + " did not dead-letter poison on " + e.getKey().name() + f.logs()));
                    assertThat(new String(letter.getValue().array(), StandardCharsets.UTF_8)).isEqualTo("poison for " + e.getKey().name());
                    assertThat(letter.getErrorMessage()).isNotBlank();
                    assertThat(letter.getSourceOffset()).isNotNegative();
                }
            }

            // ...and counted, on each stage's Prometheus endpoint.
            for (LocalPipeline.Service stage : List.of(LocalPipeline.VAD, LocalPipeline.TTS, LocalPipeline.VOICE_BRIDGE)) {
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        f.pipeline.service(stage).uri("/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).as("%s metrics", stage.name()).containsPattern(
                        "glyphoxa_deadletter_total\\{[^}]*stage=\"" + stage.name() + "\"[^}]*} [1-9]");
            }

            String question = "Elara, where is your brother Tomas?";
            Path wav = f.speak(question, "after-poison");
            f.player.bridge().postJson("local/sessions/" + session + "/say", Map.of("speaker", "aria", "wav", wav.toString()));
            assertThat(VoiceTurnEndToEndTest.awaitReply(f, session).path("packets").asInt()).isPositive();
            assertThat(VoiceTurnEndToEndTest.awaitStored(f, session, 2)).hasSizeGreaterThanOrEqualTo(2);
        } finally {
            f.player.stopSession(session);
        }
    }
}
