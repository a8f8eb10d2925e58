package dev.glyphoxa.e2e;

import dev.glyphoxa.testsupport.WordErrorRate;
import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.cli.TopicWatcher;
import dev.glyphoxa.cli.TopicsCommandAccess;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Transcript;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One spoken question through every stage over the real broker, answered aloud and stored in PostgreSQL. */
class VoiceTurnEndToEndTest {

    static final String QUESTION = "Hello Elara, what news do you have tonight?";

    @Test
    void spokenQuestionIsTranscribedAnsweredVoicedAndStored() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path wav = f.speak(QUESTION, "question");
        String session = f.player.startSession(f.campaignId);
        try (TopicWatcher watch = new TopicWatcher(f.pipeline.bootstrapServers(),
                List.of(Topics.TRANSCRIPTS, Topics.NPC_LINES, Topics.VOICE_OUT)).start()) {
            f.player.bridge().postJson("local/sessions/" + session + "/say", Map.of("speaker", "aria", "wav", wav.toString()));

            Transcript heard = watch.await(Topics.TRANSCRIPTS, t -> t.getSessionId().equals(session), Duration.ofSeconds(90))
                    .orElseThrow(() -> new AssertionError("no transcript for the question" + f.logs()));
            assertThat(heard.getSpeakerId()).isEqualTo("aria");
            assertThat(WordErrorRate.accuracy(QUESTION, heard.getText()))
                    .as("word accuracy of \"%s\" against \"%s\"", heard.getText(), QUESTION).isGreaterThanOrEqualTo(0.8);

            NpcLine line = watch.await(Topics.NPC_LINES, l -> l.getSessionId().equals(session), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no NPC line" + f.logs()));
            assertThat(line.getNpcName()).isEqualTo("Elara");
            assertThat(line.getTurnId()).isEqualTo(heard.getTurnId());
            NpcAudio audio = watch.await(Topics.VOICE_OUT, a -> a.getSessionId().equals(session), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no NPC audio" + f.logs()));
            assertThat(audio.getOpus().remaining()).isPositive();

            JsonNode reply = awaitReply(f, session);
            Path replyWav = Path.of(reply.path("wav").asText());
            assertThat(reply.path("npcName").asText()).isEqualTo("Elara");
            assertThat(replyWav.getFileName().toString()).isEqualTo("01-Elara.wav");
            assertThat(Files.size(replyWav)).isGreaterThan(44);
            Wav.Clip clip = Wav.read(replyWav);
            assertThat(clip.seconds()).isGreaterThan(0.5);
            assertThat(dev.glyphoxa.audio.Pcm.rms(clip.samples())).isGreaterThan(100);
            assertThat(reply.path("speechEndMs").asLong()).isPositive();
            assertThat(reply.path("firstPacketOutMs").asLong()).isGreaterThan(reply.path("speechEndMs").asLong());

            List<String> stored = awaitStored(f, session, 2);
            assertThat(stored).anySatisfy(t -> assertThat(t).isEqualTo(heard.getText()));
            assertThat(stored).anySatisfy(t -> assertThat(t).isEqualTo(line.getText()));

            // The topic tooling reads the same turn back from the topic, decoded by schema fingerprint.
            String dumped = TopicsCommandAccess.dump(f.pipeline.bootstrapServers(), Topics.TRANSCRIPTS.name(), session);
            assertThat(dumped).contains("\"text\": \"" + heard.getText() + "\"").contains("key=" + session);
            assertThat(TopicsCommandAccess.list(f.pipeline.bootstrapServers())).contains("glyphoxa.transcripts").contains("Transcript");
        } finally {
            f.player.stopSession(session);
        }
    }

    static JsonNode awaitReply(PipelineFixture f, String session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode replies = f.player.bridge().get("local/sessions/" + session + "/replies");
            if (!replies.isEmpty()) {
                return replies.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reply recorded by the voice-bridge" + f.logs());
    }

    /** Reads the transcript lines straight from PostgreSQL (not through the gateway) until {@code atLeast} are there. */
    static List<String> awaitStored(PipelineFixture f, String session, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> texts = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            texts.clear();
            try (Connection c = f.pipeline.database().connect();
                 PreparedStatement s = c.prepareStatement("select text from transcript_lines where session_id = ?")) {
                s.setObject(1, java.util.UUID.fromString(session));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                    }
                }
            }
            if (texts.size() >= atLeast) {
                return texts;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("transcript lines in PostgreSQL: " + texts + f.logs());
    }
}
