package dev.glyphoxa.gateway;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.campaign.CampaignImporter;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.transcript.TranscriptWriter;
import dev.glyphoxa.gateway.transcript.TranscriptWriter.Outcome;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.stage.DeadLetterPublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer on its own, fed records directly: real PostgreSQL, real dead-letter topic. */
@MicronautTest(transactional = false)
class TranscriptWriterTest extends GatewayStack {

    @Inject
    TranscriptWriter writer;

    @Inject
    CampaignImporter importer;

    @Inject
    GameSessionRepository sessions;

    @Inject
    DeadLetterPublisher deadLetters;

    String sessionId;
    long offset;

    @BeforeEach
    void session() {
        UUID campaign = importer.importYaml("local", TestData.exampleYaml()).campaign().id();
        sessionId = sessions.save(new GameSession(null, "local", campaign, GameSession.ACTIVE, "local", "test",
                null, null, null, null, null, java.time.Instant.now())).id().toString();
    }

    @Test
    void storesAPlayerUtteranceOnce() {
        ConsumerRecord<String, byte[]> record = transcript(sessionId, "u-1", "Grimjaw, where is the mine?");

        assertThat(writer.writeTranscript(record)).isEqualTo(Outcome.STORED);
        assertThat(writer.writeTranscript(record)).isEqualTo(Outcome.DUPLICATE);

        assertThat(count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid AND kind = 'player'"
                + " AND utterance_id = 'u-1' AND speaker = 'player-1' AND text = 'Grimjaw, where is the mine?'"
                + " AND source = 'pocketsphinx' AND tenant_id = 'local'", sessionId)).isEqualTo(1);
    }

    @Test
    void storesNpcSentencesOnceAndSkipsEmptyOnes() {
        ConsumerRecord<String, byte[]> first = npcLine(sessionId, "t-1", 0, "Aye, lad.");
        ConsumerRecord<String, byte[]> second = npcLine(sessionId, "t-1", 1, "North, under the cliffs.");

        assertThat(writer.writeNpcLine(first)).isEqualTo(Outcome.STORED);
        assertThat(writer.writeNpcLine(second)).isEqualTo(Outcome.STORED);
        assertThat(writer.writeNpcLine(first)).isEqualTo(Outcome.DUPLICATE);
        assertThat(writer.writeNpcLine(npcLine(sessionId, "t-1", 2, "  "))).isEqualTo(Outcome.SKIPPED);

        assertThat(count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid AND kind = 'npc'"
                + " AND npc_id = 'npc-grimjaw' AND speaker = 'Grimjaw' AND turn_id = 't-1'", sessionId)).isEqualTo(2);
    }

    @Test
    void skipsPartialAndEmptyTranscripts() {
        byte[] partial = Topics.TRANSCRIPTS.valueSerde().encode(
                dev.glyphoxa.schema.Transcript.newBuilder(TestData.transcript(sessionId, "u-2", "where is", 1000)).setIsFinal(false).build());

        assertThat(writer.writeTranscript(record(Topics.TRANSCRIPTS.name(), sessionId, partial))).isEqualTo(Outcome.SKIPPED);
        assertThat(writer.writeTranscript(transcript(sessionId, "u-3", ""))).isEqualTo(Outcome.SKIPPED);
        assertThat(count("SELECT count(*) FROM transcript_lines WHERE session_id = ?::uuid", sessionId)).isZero();
    }

    @Test
    void garbageGoesToDeadLettersAndIsCounted() {
        double before = deadLetters.count(Topics.TRANSCRIPTS.name());
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = record(Topics.TRANSCRIPTS.name(), sessionId, garbage);

        assertThat(writer.writeTranscript(record)).isEqualTo(Outcome.DEAD_LETTERED);

        assertThat(deadLetters.count(Topics.TRANSCRIPTS.name())).isEqualTo(before + 1);
        DeadLetter letter = awaitDeadLetter(sessionId, record.offset());
        assertThat(letter.getStage()).isEqualTo("gateway");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.TRANSCRIPTS.name());
        assertThat(letter.getErrorMessage()).contains("not a readable Transcript");
        assertThat(letter.getValue().array()).isEqualTo(garbage);
    }

    @Test
    void recordsThatNameNoKnownSessionGoToDeadLetters() {
        String unknown = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> unknownSession = transcript(unknown, "u-4", "hello");
        ConsumerRecord<String, byte[]> notAUuid = npcLine("session-x", "t-2", 0, "hello");
        ConsumerRecord<String, byte[]> mismatched = record(Topics.NPC_LINES.name(), sessionId,
                Topics.NPC_LINES.valueSerde().encode(TestData.npcLine(unknown, "t-3", 0, "hello")));

        assertThat(writer.writeTranscript(unknownSession)).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(writer.writeNpcLine(notAUuid)).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(writer.writeNpcLine(mismatched)).isEqualTo(Outcome.DEAD_LETTERED);

        assertThat(awaitDeadLetter(unknown, unknownSession.offset()).getErrorMessage()).contains("unknown session");
        assertThat(awaitDeadLetter("session-x", notAUuid.offset()).getErrorMessage()).contains("not a gateway session id");
        assertThat(awaitDeadLetter(sessionId, mismatched.offset()).getErrorMessage()).contains("arrived keyed by session");
    }

    @Test
    void textThePostgresCannotStoreGoesToDeadLetters() {
        // PostgreSQL text cannot hold NUL: a data error that retrying cannot fix.
        ConsumerRecord<String, byte[]> record = transcript(sessionId, "u-5", "bad\u0000text");

        assertThat(writer.writeTranscript(record)).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(writer.writeTranscript(transcript(sessionId, "u-6", "good text"))).isEqualTo(Outcome.STORED);
    }

    @Test
    void aCutTurnKeepsOnlyTheSentencesPlayedEvenThoseArrivingLater() {
        writer.writeNpcLine(npcLine(sessionId, "t-cut", 0, "Aye, lad."));
        writer.writeNpcLine(npcLine(sessionId, "t-cut", 1, "North, under the cliffs."));
        writer.writeNpcLine(npcLine(sessionId, "t-kept", 0, "Another turn, untouched."));

        assertThat(writer.writePlayback(cut(sessionId, "t-cut", 1))).isEqualTo(Outcome.STORED);
        assertThat(writer.writePlayback(cut(sessionId, "t-cut", 1))).isEqualTo(Outcome.STORED); // redelivery: same result
        // generated before the LLM heard of the cut, stored after it: never said, so never stored
        assertThat(writer.writeNpcLine(npcLine(sessionId, "t-cut", 2, "Mind the goblins."))).isEqualTo(Outcome.DUPLICATE);

        assertThat(texts("t-cut")).containsExactly("Aye, lad.");
        assertThat(texts("t-kept")).containsExactly("Another turn, untouched.");
    }

    @Test
    void playbackOfPlayedLinesChangesNothingAndGarbageIsDeadLettered() {
        writer.writeNpcLine(npcLine(sessionId, "t-played", 0, "Aye, lad."));
        byte[] played = Topics.PLAYBACK.valueSerde().encode(dev.glyphoxa.schema.Playback.newBuilder()
                .setSessionId(sessionId).setTurnId("t-played").setNpcId("npc-grimjaw").setOccurredAtMs(System.currentTimeMillis())
                .setEvent(dev.glyphoxa.schema.LinePlayed.newBuilder().setLineSequence(0).setLastInTurn(true).setPackets(40)
                        .setTimings(dev.glyphoxa.schema.TurnTimings.newBuilder().build()).build()).build());
        assertThat(writer.writePlayback(record(Topics.PLAYBACK.name(), sessionId, played))).isEqualTo(Outcome.SKIPPED);
        assertThat(texts("t-played")).containsExactly("Aye, lad.");

        ConsumerRecord<String, byte[]> garbage = record(Topics.PLAYBACK.name(), sessionId, "nope".getBytes(StandardCharsets.UTF_8));
        assertThat(writer.writePlayback(garbage)).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(awaitDeadLetter(sessionId, garbage.offset()).getErrorMessage()).contains("not a readable Playback");
    }

    private java.util.List<String> texts(String turn) {
        return strings("SELECT text FROM transcript_lines WHERE session_id = ?::uuid AND turn_id = ? ORDER BY sequence",
                sessionId, turn);
    }

    private ConsumerRecord<String, byte[]> cut(String session, String turn, int linesPlayed) {
        return record(Topics.PLAYBACK.name(), session, Topics.PLAYBACK.valueSerde().encode(dev.glyphoxa.schema.Playback.newBuilder()
                .setSessionId(session).setTurnId(turn).setNpcId("npc-grimjaw").setOccurredAtMs(System.currentTimeMillis())
                .setEvent(dev.glyphoxa.schema.TurnCut.newBuilder().setLinesPlayed(linesPlayed)
                        .setReason(dev.glyphoxa.schema.CutReason.BARGE_IN).setSpeakerId("player-2")
                        .setTimings(dev.glyphoxa.schema.TurnTimings.newBuilder().build()).build()).build()));
    }

    private DeadLetter awaitDeadLetter(String key, long sourceOffset) {
        Optional<ConsumerRecord<String, byte[]>> found = awaitRecord(Topics.DEADLETTER.name(), r -> key.equals(r.key())
                && Topics.DEADLETTER.valueSerde().decode(r.value()).getSourceOffset() == sourceOffset);
        return found.map(r -> Topics.DEADLETTER.valueSerde().decode(r.value()))
                .orElseThrow(() -> new AssertionError("no dead letter for " + key + "@" + sourceOffset));
    }

    private ConsumerRecord<String, byte[]> transcript(String session, String utterance, String text) {
        return record(Topics.TRANSCRIPTS.name(), session,
                Topics.TRANSCRIPTS.valueSerde().encode(TestData.transcript(session, utterance, text, 1_700_000_000_000L)));
    }

    private ConsumerRecord<String, byte[]> npcLine(String session, String turn, int sequence, String text) {
        return record(Topics.NPC_LINES.name(), session,
                Topics.NPC_LINES.valueSerde().encode(TestData.npcLine(session, turn, sequence, text)));
    }

    /** Offsets unique per test run, so each dead letter can be told apart on the shared topic. */
    private ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        long o = System.nanoTime() + offset++;
        return new ConsumerRecord<>(topic, 0, o, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, value.length, key, value, new RecordHeaders(), Optional.empty());
    }
}
