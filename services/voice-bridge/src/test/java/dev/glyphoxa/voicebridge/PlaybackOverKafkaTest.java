package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.localstack.SharedStack;
import dev.glyphoxa.schema.BargeIn;
import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.voicebridge.local.LocalChannelController;
import dev.glyphoxa.voicebridge.local.LocalVoiceChannel;
import dev.glyphoxa.voicebridge.local.ReplyRecorder.Reply;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge wired as in production on the real broker, NPC audio played by the local channel: barge-ins from
 * glyphoxa.barge-in cut the turn playing, and what was played or cut is reported on glyphoxa.playback.
 */
class PlaybackOverKafkaTest {

    static String bootstrap;
    static ApplicationContext context;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws InterruptedException {
        bootstrap = SharedStack.get().bootstrapServers();
        context = ApplicationContext.run(BridgeWiringTest.properties(Map.of("glyphoxa.kafka.bootstrap-servers", bootstrap,
                "glyphoxa.discord.enabled", false,
                "glyphoxa.voice-bridge.reply-dir", Path.of("target", "playback-replies").toString())));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        assertThat(eventually(() -> context.getBeansOfType(dev.glyphoxa.stage.ReadinessCheck.class).stream()
                .anyMatch(c -> c.name().equals(BridgeBeans.VOICE_OUT) && c.status().ready())
                && context.getBean(BargeInReceiver.class).status().ready())).isTrue();
    }

    @AfterAll
    static void stop() {
        producer.close();
        context.close();
    }

    @Test
    void aBargeInWhileATurnPlaysCutsItAndReportsTheCut() throws Exception {
        String session = "s-barge-" + UUID.randomUUID();
        try (TopicTail<Playback> playback = new TopicTail<>(bootstrap, Topics.PLAYBACK, session)) {
            sendTurn(session, "t1", 10, 500);   // a short line, then ten seconds of voice
            playback.until(seen -> lines(seen, "t1").contains(0));
            // A warm bridge can hear the barge-in within the same 20 ms frame as line 0's report; the player must
            // speak over line 1, so let a few of its frames go out first.
            Thread.sleep(100);

            sendBargeIn(session, "aria", System.currentTimeMillis());
            List<Playback> seen = playback.until(s -> s.stream().anyMatch(p -> p.getEvent() instanceof TurnCut));
            Playback cutEvent = seen.stream().filter(p -> p.getEvent() instanceof TurnCut).findFirst().orElseThrow();
            TurnCut cut = (TurnCut) cutEvent.getEvent();
            assertThat(cutEvent.getTurnId()).isEqualTo("t1");
            assertThat(cut.getReason()).isEqualTo(CutReason.BARGE_IN);
            assertThat(cut.getSpeakerId()).isEqualTo("aria");
            assertThat(cut.getLinesPlayed()).isEqualTo(1);
            assertThat(cut.getTimings().getFirstPacketOutMs()).isNotNull();
            assertThat(context.getBean(LocalVoiceChannel.class).state(session)).isEqualTo("idle");

            // The channel plays on with the next turn, never with the rest of the cut one.
            sendTurn(session, "t2", 3, 3);
            seen = playback.until(s -> lines(s, "t2").contains(1));
            assertThat(lines(seen, "t1")).containsExactly(0);
            assertThat(eventually(() -> replies(session).size() == 2)).isTrue();
            Reply cutReply = replies(session).getFirst();
            assertThat(cutReply.turnId()).isEqualTo("t1");
            assertThat(cutReply.cut()).isTrue();
            assertThat(cutReply.linesPlayed()).isEqualTo(1);
            assertThat(cutReply.packets()).isBetween(11, 509);
            assertThat(replies(session).getLast().cut()).isFalse();
        }
    }

    @Test
    void playedLinesAreReportedWithWhenTheFirstPacketWentOut() throws Exception {
        String session = "s-lines-" + UUID.randomUUID();
        try (TopicTail<Playback> playback = new TopicTail<>(bootstrap, Topics.PLAYBACK, session)) {
            sendTurn(session, "t", 5, 7);
            List<Playback> seen = playback.until(s -> lines(s, "t").size() == 2);
            List<LinePlayed> played = seen.stream().map(p -> (LinePlayed) p.getEvent()).toList();
            assertThat(played).extracting(LinePlayed::getLineSequence).containsExactly(0, 1);
            assertThat(played).extracting(LinePlayed::getPackets).containsExactly(5, 7);
            assertThat(played).extracting(LinePlayed::getLastInTurn).containsExactly(false, true);
            Long firstOut = played.getFirst().getTimings().getFirstPacketOutMs();
            assertThat(firstOut).isNotNull().isEqualTo(played.getLast().getTimings().getFirstPacketOutMs());
            assertThat(played.getFirst().getTimings().getSpeechEndMs()).isEqualTo(1_000L);

            assertThat(eventually(() -> replies(session).size() == 1)).isTrue();
            Reply reply = replies(session).getFirst();
            assertThat(reply.cut()).isFalse();
            assertThat(reply.linesPlayed()).isEqualTo(2);
            assertThat(reply.firstPacketOutMs()).isEqualTo(firstOut);
        }
    }

    @Test
    void aTurnWhoseRestNeverComesIsReportedAsAbandoned() throws Exception {
        String session = "s-abandoned-" + UUID.randomUUID();
        try (TopicTail<Playback> playback = new TopicTail<>(bootstrap, Topics.PLAYBACK, session)) {
            List<byte[]> opus = TestAudio.tone(330, 6, 1);
            List<NpcAudio> halfATurn = new ArrayList<>();   // line 0 whole, line 1 begun; then the TTS died
            for (int i = 0; i < 6; i++) {
                int line = i < 4 ? 0 : 1;
                halfATurn.add(TestAudio.npcPacket(session, "gone", 1_000L, line, line == 0 ? i : i - 4, i == 3, false, opus.get(i)));
            }
            for (NpcAudio p : halfATurn) {
                producer.send(new ProducerRecord<>(Topics.VOICE_OUT.name(), session, Topics.VOICE_OUT.valueSerde().encode(p)));
            }
            producer.flush();

            // the local channel gives a turn up after 5 s without packets
            List<Playback> seen = playback.until(s -> s.stream().anyMatch(p -> p.getEvent() instanceof TurnCut));
            assertThat(lines(seen, "gone")).containsExactly(0);
            TurnCut cut = seen.stream().map(Playback::getEvent).filter(TurnCut.class::isInstance).map(TurnCut.class::cast)
                    .findFirst().orElseThrow();
            assertThat(cut.getReason()).isEqualTo(CutReason.ABANDONED);
            assertThat(cut.getLinesPlayed()).isEqualTo(1);
            assertThat(cut.getSpeakerId()).isNull();
            assertThat(eventually(() -> replies(session).size() == 1)).isTrue();
            assertThat(replies(session).getFirst().cut()).isTrue();
        }
    }

    @Test
    void aMalformedBargeInIsDeadLetteredAndTheNextOneStillCuts() throws Exception {
        String session = "s-bad-barge-" + UUID.randomUUID();
        DeadLetterPublisher deadLetters = context.getBean(DeadLetterPublisher.class);
        double before = deadLetters.count(Topics.BARGE_IN.name());
        try (TopicTail<Playback> playback = new TopicTail<>(bootstrap, Topics.PLAYBACK, session);
             TopicTail<DeadLetter> dead = new TopicTail<>(bootstrap, Topics.DEADLETTER, session)) {
            sendTurn(session, "t", 5, 500);
            playback.until(seen -> lines(seen, "t").contains(0));

            producer.send(new ProducerRecord<>(Topics.BARGE_IN.name(), session, "not a barge-in".getBytes())).get();
            sendBargeIn(session, "old-news", System.currentTimeMillis() - 60_000);   // too old to cut anything
            sendBargeIn(session, "aria", System.currentTimeMillis());

            List<Playback> seen = playback.until(s -> s.stream().anyMatch(p -> p.getEvent() instanceof TurnCut));
            List<TurnCut> cuts = seen.stream().filter(p -> p.getEvent() instanceof TurnCut).map(p -> (TurnCut) p.getEvent()).toList();
            assertThat(cuts).extracting(TurnCut::getSpeakerId).containsExactly("aria");

            DeadLetter letter = dead.until(s -> !s.isEmpty()).getFirst();
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.BARGE_IN.name());
            assertThat(letter.getStage()).isEqualTo("voice-bridge");
            assertThat(deadLetters.count(Topics.BARGE_IN.name())).isEqualTo(before + 1);
        }
    }

    /** Line sequences of the turn reported played, in order. */
    static List<Integer> lines(List<Playback> seen, String turn) {
        return seen.stream().filter(p -> p.getTurnId().equals(turn) && p.getEvent() instanceof LinePlayed)
                .map(p -> ((LinePlayed) p.getEvent()).getLineSequence()).toList();
    }

    static List<Reply> replies(String session) {
        return context.getBean(LocalChannelController.class).replies(session);
    }

    /** Two lines of real Opus, the second ending the turn. */
    static void sendTurn(String session, String turn, int firstLine, int secondLine) throws Exception {
        List<byte[]> opus = TestAudio.tone(330, firstLine + secondLine, 1);
        List<NpcAudio> packets = new ArrayList<>();
        for (int i = 0; i < firstLine + secondLine; i++) {
            int line = i < firstLine ? 0 : 1;
            int seq = line == 0 ? i : i - firstLine;
            boolean lastInLine = i == firstLine - 1 || i == firstLine + secondLine - 1;
            packets.add(TestAudio.npcPacket(session, turn, 1_000L, line, seq, lastInLine, line == 1 && lastInLine, opus.get(i)));
        }
        for (NpcAudio p : packets) {
            producer.send(new ProducerRecord<>(Topics.VOICE_OUT.name(), session, Topics.VOICE_OUT.valueSerde().encode(p)));
        }
        producer.flush();
    }

    static void sendBargeIn(String session, String speaker, long detectedAtMs) throws Exception {
        BargeIn bargeIn = BargeIn.newBuilder().setSessionId(session).setSpeakerId(speaker).setUtteranceId("u-" + speaker)
                .setVoicedMs(260).setSpeechStartMs(detectedAtMs - 260).setDetectedAtMs(detectedAtMs).build();
        producer.send(new ProducerRecord<>(Topics.BARGE_IN.name(), session, Topics.BARGE_IN.valueSerde().encode(bargeIn))).get();
    }

    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
