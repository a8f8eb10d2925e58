package dev.glyphoxa.e2e;

import dev.glyphoxa.cli.TopicWatcher;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who answers, on the running pipeline: a misrecognised name still reaches its NPC, and an NPC muted through the
 * gateway stays silent (and does not hand its turn to another). Transcripts go straight onto the real topic, so the
 * test controls exactly what the recogniser "heard".
 */
class AddressingEndToEndTest {

    @Test
    void aMisheardNameReachesItsNpcAndAMutedNpcStaysSilent() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        String session = f.player.startSession(f.campaignId);
        try (TopicWatcher watch = new TopicWatcher(f.pipeline.bootstrapServers(), List.of(Topics.NPC_LINES)).start();
             var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     f.pipeline.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            hear(producer, session, "t-misheard", "grim jaw what lies in the sunken mine");
            NpcLine misheard = watch.await(Topics.NPC_LINES, l -> l.getTurnId().equals("t-misheard"), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("nobody answered \"grim jaw\"" + f.logs()));
            assertThat(misheard.getNpcName()).isEqualTo("Grimjaw");
            assertThat(misheard.getAddressingReason()).contains("heard \"grim jaw\"");

            f.player.gateway().post("api/sessions/" + session + "/npcs/Elara/mute", "application/json", "{}");
            hear(producer, session, "t-muted", "Elara, is there a room for tonight?");
            hear(producer, session, "t-after", "Grimjaw, and what of the pearl?");

            // One session is one partition: once the later turn is answered, the muted one has been decided too.
            NpcLine after = watch.await(Topics.NPC_LINES, l -> l.getTurnId().equals("t-after") && l.getLastInTurn(),
                    Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("no answer after the muted turn" + f.logs()));
            assertThat(after.getNpcName()).isEqualTo("Grimjaw");
            assertThat(watch.values(Topics.NPC_LINES, l -> l.getTurnId().equals("t-muted"))).isEmpty();
        } finally {
            // the mute state is kept on the campaign's NPC: undo it for the other tests sharing the campaign
            f.player.gateway().post("api/sessions/" + session + "/npcs/Elara/unmute", "application/json", "{}");
            f.player.stopSession(session);
        }
    }

    private static void hear(KafkaProducer<String, byte[]> producer, String session, String turnId, String text)
            throws Exception {
        // As the pipeline delivers it: the VAD's hangover and the recogniser have run since the speech ended, so the
        // turn's minimum silence has passed and the llm stage answers the line as soon as it arrives.
        long now = System.currentTimeMillis() - 1000;
        producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS.name(), session, Topics.TRANSCRIPTS.valueSerde().encode(
                Transcript.newBuilder()
                        .setSessionId(session)
                        .setSpeakerId("aria")
                        .setUtteranceId("u-" + turnId)
                        .setTurnId(turnId)
                        .setText(text)
                        .setIsFinal(true)
                        .setProvider("scripted")
                        .setSpeechStartMs(now - 1500)
                        .setSpeechEndMs(now)
                        .setTimings(TurnTimings.newBuilder().setSpeechEndMs(now).build())
                        .build()))).get();
    }
}
