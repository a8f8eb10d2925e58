package dev.glyphoxa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.cli.TopicWatcher;
import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.ConversationLine;
import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Barge-in on the running pipeline, with scripted player audio: while an NPC speaks a long text, a listener's
 * short "mhm" lets it finish, and a real interruption cuts it; of the cut turn nothing more is played, and only
 * the sentences played reach the transcript and the NPC's memory (deliver, then commit).
 */
class BargeInEndToEndTest {

    static final String LONG_SPEECH = "Listen well, for I will say this only once. The north road is closed by the flood. "
            + "The ferryman has been missing since the full moon. His boat was found empty by the old mill. "
            + "Some say the smugglers took him. Others blame the river spirit. Either way, nobody crosses now.";
    static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aShortMhmLetsTheNpcFinishALongInterruptionCutsItAndOnlyWhatWasPlayedIsKept() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path mhm = f.burst("mhm", "mhm", 150);
        Path interruption = f.burst("Hold on there my friend", "interruption", 600);
        String session = f.player.startSession(f.campaignId);
        try (TopicWatcher watch = new TopicWatcher(f.pipeline.bootstrapServers(),
                List.of(Topics.NPC_LINES, Topics.PLAYBACK, Topics.BARGE_IN)).start()) {
            // A listener's "mhm" while the NPC speaks: it plays to the end.
            String finished = speakAndAwaitFirstLinePlayed(f, watch, session, List.of());
            f.player.bridge().postJson("local/sessions/" + session + "/say", Map.of("speaker", "bram", "wav", mhm.toString()));
            watch.await(Topics.PLAYBACK, p -> p.getTurnId().equals(finished) && p.getEvent() instanceof LinePlayed l
                    && l.getLastInTurn(), WAIT).orElseThrow(() -> new AssertionError("the NPC did not finish" + f.logs()));
            assertThat(watch.values(Topics.PLAYBACK, p -> p.getTurnId().equals(finished) && p.getEvent() instanceof TurnCut)).isEmpty();
            assertThat(watch.values(Topics.BARGE_IN, b -> b.getSessionId().equals(session))).as("a 150 ms mhm is no barge-in").isEmpty();

            // A 600 ms interruption: the NPC stops mid-turn.
            String cutTurn = speakAndAwaitFirstLinePlayed(f, watch, session, List.of(finished));
            f.player.bridge().postJson("local/sessions/" + session + "/say", Map.of("speaker", "bram", "wav", interruption.toString()));
            Playback cutEvent = watch.await(Topics.PLAYBACK, p -> p.getTurnId().equals(cutTurn) && p.getEvent() instanceof TurnCut, WAIT)
                    .orElseThrow(() -> new AssertionError("the interruption did not cut the NPC" + f.logs()));
            TurnCut cut = (TurnCut) cutEvent.getEvent();
            assertThat(cut.getReason()).isEqualTo(CutReason.BARGE_IN);
            assertThat(cut.getSpeakerId()).isEqualTo("bram");
            int played = cut.getLinesPlayed();
            List<String> written = watch.values(Topics.NPC_LINES, l -> l.getTurnId().equals(cutTurn)).stream()
                    .sorted(java.util.Comparator.comparingInt(NpcLine::getSequence)).map(NpcLine::getText).toList();
            assertThat(played).as("cut mid-turn: %s of %s", played, written).isLessThan(written.size()).isGreaterThanOrEqualTo(1);

            // Nothing of the cut turn plays afterwards (the finished reply of the mhm turn shows what "played" looks like).
            JsonNode reply = awaitReply(f, session, cutTurn);
            assertThat(reply.path("cut").asBoolean()).isTrue();
            assertThat(reply.path("linesPlayed").asInt()).isEqualTo(played);
            Thread.sleep(2000);
            assertThat(watch.values(Topics.PLAYBACK, p -> p.getTurnId().equals(cutTurn) && p.getEvent() instanceof LinePlayed l
                    && l.getLineSequence() >= played)).isEmpty();
            assertThat(awaitReply(f, session, cutTurn).path("packets").asInt()).isEqualTo(reply.path("packets").asInt());

            // Committed: the transcript and the NPC's memory hold the played sentences and nothing after them.
            List<String> kept = written.subList(0, played);
            assertThat(awaitTranscript(f, session, cutTurn, played)).containsExactlyElementsOf(kept);
            assertThat(awaitMemory(f, session, cutTurn)).isEqualTo(String.join(" ", kept));
        } finally {
            f.player.stopSession(session);
        }
    }

    /** The GM makes Elara speak LONG_SPEECH; returns the new turn's id once its first line has been played. */
    private static String speakAndAwaitFirstLinePlayed(PipelineFixture f, TopicWatcher watch, String session,
                                                       List<String> earlier) throws Exception {
        f.player.gateway().postJson("api/sessions/" + session + "/npcs/Elara/speak", Map.of("text", LONG_SPEECH));
        return watch.await(Topics.PLAYBACK, p -> p.getSessionId().equals(session) && !earlier.contains(p.getTurnId())
                        && p.getEvent() instanceof LinePlayed l && l.getLineSequence() == 0, WAIT)
                .orElseThrow(() -> new AssertionError("the NPC's first line was not played" + f.logs())).getTurnId();
    }

    private static JsonNode awaitReply(PipelineFixture f, String session, String turn) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode reply : f.player.bridge().get("local/sessions/" + session + "/replies")) {
                if (reply.path("turnId").asText().equals(turn)) {
                    return reply;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reply recorded for turn " + turn + f.logs());
    }

    /** The NPC sentences PostgreSQL holds for the turn, once there are {@code expected} (or the wait is over). */
    private static List<String> awaitTranscript(PipelineFixture f, String session, String turn, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> texts = new ArrayList<>();
        do {
            texts.clear();
            try (Connection c = f.pipeline.database().connect(); PreparedStatement s = c.prepareStatement(
                    "select text from transcript_lines where session_id = ? and turn_id = ? and kind = 'npc' order by sequence")) {
                s.setObject(1, java.util.UUID.fromString(session));
                s.setString(2, turn);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                    }
                }
            }
            if (texts.size() == expected) {
                return texts;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return texts;
    }

    /**
     * What the llm stage's memory of the session, read from its store's changelog topic, holds for the NPC's turn:
     * the text it committed, once there is any.
     */
    private static String awaitMemory(PipelineFixture f, String session, String turn) throws Exception {
        String topic = "glyphoxa-llm-llm-conversation-changelog";
        AvroSerde<Conversation> serde = AvroSerde.of(Conversation.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, f.pipeline.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Optional<String> latest = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (session.equals(r.key()) && r.value() != null) {
                        latest = serde.decode(r.value()).getLines().stream()
                                .filter(l -> turn.equals(l.getTurnId())).map(ConversationLine::getText).findFirst();
                    }
                }
                if (latest.isPresent()) {
                    // the changelog may lag the stage by a commit interval: read a little longer for a later version
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                        if (session.equals(r.key()) && r.value() != null) {
                            latest = serde.decode(r.value()).getLines().stream()
                                    .filter(l -> turn.equals(l.getTurnId())).map(ConversationLine::getText).findFirst();
                        }
                    }
                    return latest.orElse("");
                }
            }
            throw new AssertionError("the llm stage's memory of session " + session + " never held turn " + turn + f.logs());
        }
    }
}
