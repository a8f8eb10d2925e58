package dev.glyphoxa.gateway;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.session.SessionController.Line;
import dev.glyphoxa.schema.DeadLetter;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the real topics: what the STT and LLM stages produce ends up in PostgreSQL exactly once. */
@MicronautTest(transactional = false)
class TranscriptStoreTest extends GatewayStack {

    String session;

    @BeforeEach
    void startSession() {
        session = TestData.startSession(http, TestData.importExample(http).id()).sessionId().toString();
    }

    @Test
    void transcriptsAndNpcLinesAreStoredOnceInSpeakingOrder() {
        long t0 = System.currentTimeMillis() - 10_000;
        byte[] question = Topics.TRANSCRIPTS.valueSerde().encode(TestData.transcript(session, "u-1", "Grimjaw, where is the mine?", t0));
        byte[] answer0 = Topics.NPC_LINES.valueSerde().encode(TestData.npcLine(session, "turn-u-1", 0, "Aye, lad."));
        byte[] answer1 = Topics.NPC_LINES.valueSerde().encode(TestData.npcLine(session, "turn-u-1", 1, "North, under the cliffs."));

        produce(Topics.TRANSCRIPTS.name(), session, question);
        produce(Topics.NPC_LINES.name(), session, answer0);
        produce(Topics.NPC_LINES.name(), session, answer1);

        assertThat(eventually(() -> lines() == 3)).as("three lines stored").isTrue();
        List<Line> transcript = http.retrieve(HttpRequest.GET("/api/sessions/" + session + "/transcript"), Argument.listOf(Line.class));
        assertThat(transcript).extracting(Line::kind).containsExactly("player", "npc", "npc");
        assertThat(transcript).extracting(Line::text)
                .containsExactly("Grimjaw, where is the mine?", "Aye, lad.", "North, under the cliffs.");
        assertThat(transcript.getFirst().speaker()).isEqualTo("player-1");
        assertThat(transcript.get(1).speaker()).isEqualTo("Grimjaw");

        // Redelivery: the same records again, then one new record per topic. Each topic's records for a session
        // share a partition, so once the new ones are stored the repeated ones have been consumed too.
        produce(Topics.TRANSCRIPTS.name(), session, question);
        produce(Topics.NPC_LINES.name(), session, answer0);
        produce(Topics.NPC_LINES.name(), session, answer1);
        produce(Topics.TRANSCRIPTS.name(), session, Topics.TRANSCRIPTS.valueSerde().encode(
                TestData.transcript(session, "u-2", "Thanks!", t0 + 5000)));
        produce(Topics.NPC_LINES.name(), session, Topics.NPC_LINES.valueSerde().encode(
                TestData.npcLine(session, "turn-u-2", 0, "")));
        produce(Topics.NPC_LINES.name(), session, Topics.NPC_LINES.valueSerde().encode(
                TestData.npcLine(session, "turn-u-2", 1, "Mind the Drowned Choir.")));

        assertThat(eventually(() -> lines() == 5)).as("two new lines stored").isTrue();
        assertThat(count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid AND utterance_id = 'u-1'", session)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid AND turn_id = 'turn-u-1' AND kind = 'npc'", session)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid AND text = ''", session)).isZero();
    }

    @Test
    void garbageIsDeadLetteredAndLaterRecordsAreStillStored() {
        byte[] garbage = "\u00c3\u0001 not a record".getBytes(StandardCharsets.UTF_8);

        produce(Topics.TRANSCRIPTS.name(), session, garbage);
        produce(Topics.TRANSCRIPTS.name(), session, Topics.TRANSCRIPTS.valueSerde().encode(
                TestData.transcript(session, "u-after", "Is anyone there?", System.currentTimeMillis())));

        DeadLetter letter = awaitRecord(Topics.DEADLETTER.name(), r -> session.equals(r.key()))
                .map(r -> Topics.DEADLETTER.valueSerde().decode(r.value()))
                .orElseThrow(() -> new AssertionError("no dead letter for session " + session));
        assertThat(letter.getStage()).isEqualTo("gateway");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.TRANSCRIPTS.name());
        assertThat(letter.getValue().array()).isEqualTo(garbage);
        assertThat(eventually(() -> count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid"
                + " AND utterance_id = 'u-after'", session) == 1)).as("the good record after the garbage is stored").isTrue();
    }

    private long lines() {
        return count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid", session);
    }
}
