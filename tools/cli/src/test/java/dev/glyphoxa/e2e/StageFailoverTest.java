package dev.glyphoxa.e2e;

import dev.glyphoxa.testsupport.WordErrorRate;
import dev.glyphoxa.cli.LocalPipeline;
import dev.glyphoxa.cli.TopicWatcher;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.localstack.ServiceProcess;
import dev.glyphoxa.schema.SpeechAudio;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.Transcript;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the STT instance (SIGKILL, as a crashed pod) while the player is still speaking; a second instance
 * started afterwards takes the session's partition over, restores the utterance's audio from the changelog
 * and finishes the turn: the transcript and the NPC's reply still come.
 */
class StageFailoverTest {

    static final String LINE = "Elara, what do you know about the smugglers at the docks?";

    @Test
    void secondSttInstanceFinishesTheTurnAfterTheFirstIsKilledMidUtterance() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path wav = f.speak(LINE, "failover");
        String session = f.player.startSession(f.campaignId);
        try (TopicWatcher watch = new TopicWatcher(f.pipeline.bootstrapServers(), List.of(Topics.SPEECH, Topics.TRANSCRIPTS)).start()) {
            CompletableFuture<Void> speaking = CompletableFuture.runAsync(() -> {
                try {
                    f.player.bridge().postJson("local/sessions/" + session + "/say", Map.of("speaker", "bram", "wav", wav.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Mid-utterance: the VAD has started sending this utterance's audio and the STT is consuming it.
            watch.await(Topics.SPEECH, e -> e.getSessionId().equals(session) && e.getEvent() instanceof SpeechAudio a
                    && a.getChunkIndex() >= 3, Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("utterance never started" + f.logs()));
            ServiceProcess first = f.pipeline.service(LocalPipeline.STT);
            first.kill();
            assertThat(first.alive()).isFalse();
            assertThat(watch.values(Topics.TRANSCRIPTS, t -> t.getSessionId().equals(session))).isEmpty();

            ServiceProcess second = f.pipeline.launchInstance(LocalPipeline.STT, "stt-2");
            second.awaitReady(Duration.ofSeconds(120));
            speaking.join();

            Transcript heard = watch.await(Topics.TRANSCRIPTS, t -> t.getSessionId().equals(session), Duration.ofSeconds(120))
                    .orElseThrow(() -> new AssertionError("turn lost after the STT failover\n" + second.tail(40) + f.logs()));
            List<SpeechEvent> ended = watch.values(Topics.SPEECH, e -> e.getSessionId().equals(session)
                    && e.getEvent() instanceof dev.glyphoxa.schema.SpeechEnded);
            assertThat(ended).isNotEmpty();
            assertThat(WordErrorRate.accuracy(LINE, heard.getText()))
                    .as("word accuracy of \"%s\" after failover", heard.getText()).isGreaterThanOrEqualTo(0.8);
            assertThat(VoiceTurnEndToEndTest.awaitReply(f, session).path("packets").asInt()).isPositive();
        } finally {
            f.player.stopSession(session);
        }
    }
}
