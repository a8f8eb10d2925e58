package dev.glyphoxa.e2e;

import dev.glyphoxa.cli.TopicWatcher;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Transcript;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two players talking over each other, each on their own stream as Discord delivers them: the second starts
 * while the first is still speaking. Each gets a turn of their own, answered by the NPC they named.
 */
class OverlapEndToEndTest {

    @Test
    void twoPlayersTalkingOverEachOtherMakeTwoTurns() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path aria = f.speak("Hello Elara, what news do you have tonight?", "overlap-aria");
        Path bram = f.speak("Tell me, Grimjaw, what lies in the sunken mine?", "overlap-bram");
        String session = f.player.startSession(f.campaignId);
        try (TopicWatcher watch = new TopicWatcher(f.pipeline.bootstrapServers(),
                List.of(Topics.TRANSCRIPTS, Topics.NPC_LINES)).start()) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> say(f, session, "aria", aria));
            Thread.sleep(700); // bram starts while aria is mid-sentence
            say(f, session, "bram", bram);
            first.join();

            Transcript heardAria = awaitTranscript(f, watch, session, "aria");
            Transcript heardBram = awaitTranscript(f, watch, session, "bram");
            assertThat(heardAria.getTurnId()).isNotEqualTo(heardBram.getTurnId());
            assertThat(heardAria.getText()).containsIgnoringCase("news");
            assertThat(heardBram.getText()).containsIgnoringCase("sunken");

            NpcLine toAria = awaitAnswer(f, watch, heardAria.getTurnId());
            NpcLine toBram = awaitAnswer(f, watch, heardBram.getTurnId());
            assertThat(toAria.getNpcName()).as("answering \"%s\"", heardAria.getText()).isEqualTo("Elara");
            assertThat(toBram.getNpcName()).as("answering \"%s\" (%s)", heardBram.getText(), toBram.getAddressingReason())
                    .isEqualTo("Grimjaw");
            // neither player's words leaked into the other's turn
            assertThat(watch.values(Topics.TRANSCRIPTS, t -> t.getSessionId().equals(session) && t.getIsFinal()))
                    .extracting(Transcript::getSpeakerId).containsOnly("aria", "bram");
        } finally {
            f.player.stopSession(session);
        }
    }

    private static void say(PipelineFixture f, String session, String speaker, Path wav) {
        try {
            f.player.bridge().postJson("local/sessions/" + session + "/say", Map.of("speaker", speaker, "wav", wav.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Transcript awaitTranscript(PipelineFixture f, TopicWatcher watch, String session, String speaker) {
        return watch.await(Topics.TRANSCRIPTS, t -> t.getSessionId().equals(session) && t.getSpeakerId().equals(speaker)
                        && t.getIsFinal() && !t.getText().isBlank(), Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("no transcript of " + speaker + f.logs()));
    }

    private static NpcLine awaitAnswer(PipelineFixture f, TopicWatcher watch, String turn) {
        return watch.await(Topics.NPC_LINES, l -> l.getTurnId().equals(turn), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("turn " + turn + " was not answered" + f.logs()));
    }
}
