package dev.glyphoxa.stt;

import dev.glyphoxa.testsupport.WordErrorRate;
import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.schema.SpeechAudio;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.StageFailures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The production topology under TopologyTestDriver, with real PocketSphinx and Festival. */
class SttTopologyTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final String SESSION = "session-1";
    static final String ALICE_SAYS = "have you seen Grimjaw today";
    static final String BOB_SAYS = "where can I find the blacksmith";
    static final String ALICE_THEN_SAYS = "I want to talk to Grimjaw";

    /** One test "instance" of the stage: a driver over the production topology with its own recogniser pool. */
    static final class Stage implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, byte[]> speech;
        final TestInputTopic<String, byte[]> control;
        final TestOutputTopic<String, Transcript> transcripts;
        final TestOutputTopic<String, DeadLetter> dead;
        final RecognizerPool pool;
        final Transcriber transcriber;

        Stage(dev.glyphoxa.stt.provider.RecognizerFactory engine, NamePronouncer pronouncer, SttSettings settings) {
            this(new RecognizerPool(engine, 2), null, new CampaignVocabulary(pronouncer, engine::knowsWord, engine.phones()),
                    settings, new SimpleMeterRegistry());
        }

        /** With a cloud engine's pool and the fallback that stands in for its failures. */
        Stage(RecognizerPool pool, ProviderFallback fallback, CampaignVocabulary vocabulary, SttSettings settings,
              io.micrometer.core.instrument.MeterRegistry registry) {
            this.pool = pool;
            transcriber = fallback == null ? new Transcriber(pool) : new Transcriber(pool, fallback);
            SttTopology topology = new SttTopology(new StageFailures("stt", registry), transcriber, vocabulary, settings);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, topology.applicationId());
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            driver = new TopologyTestDriver(topology.topology(), props, NOW);
            speech = driver.createInputTopic(Topics.SPEECH.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
            control = driver.createInputTopic(Topics.CONTROL.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
            transcripts = driver.createOutputTopic(Topics.TRANSCRIPTS.name(), Serdes.String().deserializer(), Topics.TRANSCRIPTS.valueSerde());
            dead = driver.createOutputTopic(Topics.DEADLETTER.name(), Serdes.String().deserializer(), Topics.DEADLETTER.valueSerde());
        }

        static Stage real() {
            return new Stage(TestSpeech.engine(), new FestivalPronouncer("festival", 30_000), SttSettings.defaults());
        }

        void send(SpeechEvent e) {
            speech.pipeInput(e.getSessionId(), Topics.SPEECH.valueSerde().encode(e));
        }

        void send(ControlEvent e) {
            control.pipeInput(e.getSessionId(), Topics.CONTROL.valueSerde().encode(e));
        }

        <V> List<KeyValue<String, V>> contents(String store) {
            KeyValueStore<String, V> s = driver.getKeyValueStore(store);
            List<KeyValue<String, V>> all = new ArrayList<>();
            try (KeyValueIterator<String, V> it = s.all()) {
                it.forEachRemaining(all::add);
            }
            return all;
        }

        @Override
        public void close() {
            driver.close();
            pool.close();
        }
    }

    static ControlEvent sessionStarted(String session) {
        return ControlEvent.newBuilder().setSessionId(session).setTenantId("t").setOccurredAtMs(1)
                .setEvent(SessionStarted.newBuilder().setCampaignId("c").setCampaignName("Ashfall").setVoiceChannel("local")
                        .setNpcs(List.of(NpcProfile.newBuilder().setNpcId("grimjaw").setName("Grimjaw")
                                .setAliases(List.of("the smith")).setPersona("gruff blacksmith").setVoice("slt").build()))
                        .setEntities(List.of(KnowledgeEntity.newBuilder().setEntityId("e1").setType("location")
                                .setName("Thornwick Forge").setDescription("a forge").build()))
                        .build())
                .build();
    }

    static ControlEvent sessionStopped(String session) {
        return ControlEvent.newBuilder().setSessionId(session).setTenantId("t").setOccurredAtMs(2)
                .setEvent(SessionStopped.newBuilder().setReason("done").build()).build();
    }

    static SpeechEvent started(String session, String speaker, String utterance, long startMs) {
        return SpeechEvent.newBuilder().setSessionId(session).setSpeakerId(speaker).setUtteranceId(utterance)
                .setEvent(SpeechStarted.newBuilder().setStartMs(startMs).build()).build();
    }

    static SpeechEvent audio(String session, String speaker, String utterance, int index, short[] pcm) {
        return SpeechEvent.newBuilder().setSessionId(session).setSpeakerId(speaker).setUtteranceId(utterance)
                .setEvent(SpeechAudio.newBuilder().setChunkIndex(index).setPcm16k(ByteBuffer.wrap(Pcm.toBytes(pcm))).build()).build();
    }

    static SpeechEvent ended(String session, String speaker, String utterance, String turn, int chunks, TurnTimings timings) {
        return SpeechEvent.newBuilder().setSessionId(session).setSpeakerId(speaker).setUtteranceId(utterance)
                .setEvent(SpeechEnded.newBuilder().setTurnId(turn).setChunkCount(chunks).setTimings(timings).build()).build();
    }

    /** 20 ms chunks, as the VAD sends them. */
    static List<short[]> chunks(short[] pcm) {
        List<short[]> out = new ArrayList<>();
        for (int i = 0; i < pcm.length; i += 320) {
            out.add(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 320)));
        }
        return out;
    }

    static TurnTimings timings(long speechEnd) {
        return TurnTimings.newBuilder().setSpeechEndMs(speechEnd).setVadEndMs(speechEnd + 500).build();
    }

    @Test
    void twoSpeakersInOneSessionGetTheirOwnTranscripts() {
        List<short[]> alice = chunks(TestSpeech.voiced(ALICE_SAYS));
        List<short[]> bob = chunks(TestSpeech.voiced(BOB_SAYS));
        try (Stage stage = Stage.real()) {
            stage.send(sessionStarted(SESSION));
            stage.send(started(SESSION, "alice", "a-1", 1_000));
            stage.send(started(SESSION, "bob", "b-1", 1_200));
            // Interleaved, as two people talking over each other arrive on the one topic.
            for (int i = 0; i < Math.max(alice.size(), bob.size()); i++) {
                if (i < alice.size()) {
                    stage.send(audio(SESSION, "alice", "a-1", i, alice.get(i)));
                }
                if (i < bob.size()) {
                    stage.send(audio(SESSION, "bob", "b-1", i, bob.get(i)));
                }
            }
            stage.send(ended(SESSION, "bob", "b-1", "turn-b", bob.size(), timings(4_000)));
            stage.send(ended(SESSION, "alice", "a-1", "turn-a", alice.size(), TurnTimings.newBuilder().build()));

            List<KeyValue<String, Transcript>> out = stage.transcripts.readKeyValuesToList();
            assertThat(stage.dead.readValuesToList()).isEmpty();
            assertThat(out).hasSize(2).allMatch(kv -> kv.key.equals(SESSION));
            Transcript b = out.get(0).value;
            Transcript a = out.get(1).value;
            System.out.println("alice: " + a.getText() + "\nbob:   " + b.getText());

            assertThat(b.getSpeakerId()).isEqualTo("bob");
            assertThat(b.getUtteranceId()).isEqualTo("b-1");
            assertThat(b.getTurnId()).isEqualTo("turn-b");
            assertThat(TestSpeech.wer(BOB_SAYS, b.getText())).isLessThanOrEqualTo(0.2);
            assertThat(b.getIsFinal()).isTrue();
            assertThat(b.getProvider()).isEqualTo("pocketsphinx");
            assertThat(b.getSpeechStartMs()).isEqualTo(1_200);
            assertThat(b.getSpeechEndMs()).isEqualTo(4_000);
            assertThat(b.getTimings().getSpeechEndMs()).isEqualTo(4_000);
            assertThat(b.getTimings().getVadEndMs()).isEqualTo(4_500);
            assertThat(b.getTimings().getSttFinalMs()).isEqualTo(NOW.toEpochMilli());
            assertThat(b.getTimings().getLlmFirstLineMs()).isNull();

            assertThat(a.getSpeakerId()).isEqualTo("alice");
            assertThat(a.getTurnId()).isEqualTo("turn-a");
            assertThat(a.getText()).contains("Grimjaw"); // added from SessionStarted, written as the campaign spells it
            assertThat(TestSpeech.wer(ALICE_SAYS, a.getText())).isLessThanOrEqualTo(0.2);
            long aliceMs = TestSpeech.voiced(ALICE_SAYS).length / 16;
            assertThat(a.getSpeechEndMs()).isEqualTo(1_000 + aliceMs); // no speech_end_ms in timings: from the audio
            assertThat(a.getTimings().getSttFinalMs()).isEqualTo(NOW.toEpochMilli());

            assertThat(stage.contents(SttTopology.UTTERANCES)).isEmpty();
            assertThat(stage.contents(SttTopology.AUDIO)).isEmpty();
            assertThat(stage.contents(SttTopology.SESSIONS)).hasSize(1);
            assertThat(stage.pool.inUse()).isZero();
            // Both decoders were fresh, so their first utterances were decoded from the stored audio.
            assertThat(stage.transcriber.storedAudioResults()).isEqualTo(2);

            // Alice's next utterance reuses a warmed decoder: the streamed (live) result is published.
            List<short[]> again = chunks(TestSpeech.voiced(ALICE_THEN_SAYS));
            stage.send(started(SESSION, "alice", "a-2", 6_000));
            for (int i = 0; i < again.size(); i++) {
                stage.send(audio(SESSION, "alice", "a-2", i, again.get(i)));
            }
            stage.send(ended(SESSION, "alice", "a-2", "turn-c", again.size(), timings(9_000)));
            Transcript c = stage.transcripts.readValue();
            System.out.println("alice again: " + c.getText());
            assertThat(c.getTurnId()).isEqualTo("turn-c");
            assertThat(c.getText()).contains("Grimjaw");
            assertThat(TestSpeech.wer(ALICE_THEN_SAYS, c.getText())).isLessThanOrEqualTo(0.2);
            assertThat(stage.transcriber.liveResults()).isEqualTo(1);
            assertThat(stage.pool.created()).isEqualTo(2);
        }
    }

    @Test
    void garbageOnEitherInputGoesToDeadLettersAndTheNextRecordStillWorks() {
        List<short[]> bob = chunks(TestSpeech.voiced(BOB_SAYS));
        try (Stage stage = Stage.real()) {
            stage.control.pipeInput(SESSION, "not avro".getBytes());
            stage.send(sessionStarted(SESSION));
            stage.speech.pipeInput(SESSION, new byte[]{(byte) 0xC3, 1, 2, 3});
            stage.send(audio(SESSION, "bob", "b-0", 0, bob.get(0)));          // audio without a start
            stage.send(started(SESSION, "bob", "b-1", 0));
            stage.send(audio(SESSION, "bob", "b-1", 0, new short[4]));
            stage.send(SpeechEvent.newBuilder(audio(SESSION, "bob", "b-1", 0, bob.get(0)))
                    .setEvent(SpeechAudio.newBuilder().setChunkIndex(0).setPcm16k(ByteBuffer.wrap(new byte[3])).build()).build());
            stage.speech.pipeInput("other-session", Topics.SPEECH.valueSerde().encode(started(SESSION, "carol", "c-1", 0)));
            // That stray zero chunk was a good record: the utterance restarts cleanly with a new id.
            stage.send(started(SESSION, "bob", "b-2", 0));
            for (int i = 0; i < bob.size(); i++) {
                stage.send(audio(SESSION, "bob", "b-2", i, bob.get(i)));
            }
            stage.send(ended(SESSION, "bob", "b-2", "turn-1", bob.size(), timings(9)));

            List<DeadLetter> letters = stage.dead.readValuesToList();
            assertThat(letters).extracting(DeadLetter::getSourceTopic).containsExactly(
                    Topics.CONTROL.name(), Topics.SPEECH.name(), Topics.SPEECH.name(), Topics.SPEECH.name(), Topics.SPEECH.name());
            assertThat(letters.get(0).getErrorMessage()).contains("ControlEvent");
            assertThat(letters.get(1).getErrorMessage()).contains("SpeechEvent");
            assertThat(letters.get(2).getErrorMessage()).contains("without its SpeechStarted");
            assertThat(letters.get(3).getErrorMessage()).contains("not whole 16-bit samples");
            assertThat(letters.get(4).getErrorMessage()).contains("arrived keyed by session other-session");
            assertThat(letters).allMatch(l -> l.getStage().equals("stt"));

            List<Transcript> out = stage.transcripts.readValuesToList();
            assertThat(out).hasSize(1);
            assertThat(out.getFirst().getUtteranceId()).isEqualTo("b-2");
            assertThat(TestSpeech.wer(BOB_SAYS, out.getFirst().getText())).isLessThanOrEqualTo(0.2);
        }
    }

    @Test
    void anotherInstanceFinishesAnUtteranceFromTheStoredAudioAfterAFailover() {
        List<short[]> alice = chunks(TestSpeech.voiced(ALICE_SAYS));
        int half = alice.size() / 2;
        List<List<? extends KeyValue<String, ?>>> restored = new ArrayList<>();
        try (Stage first = Stage.real()) {
            first.send(sessionStarted(SESSION));
            first.send(started(SESSION, "alice", "a-1", 1_000));
            for (int i = 0; i < half; i++) {
                first.send(audio(SESSION, "alice", "a-1", i, alice.get(i)));
            }
            assertThat(first.transcripts.isEmpty()).isTrue();
            // What a new instance restores from the changelog topics.
            restored.add(first.contents(SttTopology.UTTERANCES));
            restored.add(first.contents(SttTopology.AUDIO));
            restored.add(first.contents(SttTopology.SESSIONS));
        }   // instance killed mid-utterance: its live decoder, which heard the first half, is gone

        // The second instance must not need Festival: the pronunciations come with the restored state.
        NamePronouncer noFestival = words -> { throw new AssertionError("festival asked again for " + words); };
        try (Stage second = new Stage(TestSpeech.engine(), noFestival, SttSettings.defaults())) {
            restore(second, SttTopology.UTTERANCES, restored.get(0));
            restore(second, SttTopology.AUDIO, restored.get(1));
            restore(second, SttTopology.SESSIONS, restored.get(2));
            assertThat(second.contents(SttTopology.AUDIO)).hasSize(half);

            for (int i = half; i < alice.size(); i++) {
                second.send(audio(SESSION, "alice", "a-1", i, alice.get(i)));
            }
            second.send(ended(SESSION, "alice", "a-1", "turn-a", alice.size(), timings(5_000)));

            List<Transcript> out = second.transcripts.readValuesToList();
            assertThat(second.dead.readValuesToList()).isEmpty();
            assertThat(out).hasSize(1);
            System.out.println("after failover: " + out.getFirst().getText());
            // "have you seen" was only in the first half, which this instance's decoder never heard.
            assertThat(WordErrorRate.words(out.getFirst().getText())).contains("have", "you");
            assertThat(out.getFirst().getText()).contains("Grimjaw");
            assertThat(TestSpeech.wer(ALICE_SAYS, out.getFirst().getText())).isLessThanOrEqualTo(0.2);
            assertThat(out.getFirst().getSpeechStartMs()).isEqualTo(1_000);
            assertThat(second.contents(SttTopology.AUDIO)).isEmpty();
            assertThat(second.contents(SttTopology.UTTERANCES)).isEmpty();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void restore(Stage stage, String store, List<? extends KeyValue<String, ?>> entries) {
        KeyValueStore s = stage.driver.getKeyValueStore(store);
        entries.forEach(kv -> s.put(kv.key, kv.value));
    }

    @Test
    void sessionStoppedClearsTheSessionsStateAndRecognisers() {
        FakeEngine engine = new FakeEngine();
        try (Stage stage = new Stage(engine, words -> java.util.Map.of(), SttSettings.defaults())) {
            stage.send(sessionStarted(SESSION));
            stage.send(sessionStarted("session-10"));
            stage.send(started(SESSION, "alice", "a-1", 0));
            stage.send(audio(SESSION, "alice", "a-1", 0, new short[320]));
            stage.send(started("session-10", "alice", "x-1", 0));
            stage.send(audio("session-10", "alice", "x-1", 0, new short[320]));
            assertThat(stage.pool.inUse()).isEqualTo(2);

            stage.send(sessionStopped(SESSION));

            assertThat(stage.contents(SttTopology.SESSIONS)).extracting(kv -> kv.key).containsExactly("session-10");
            assertThat(stage.contents(SttTopology.UTTERANCES)).hasSize(1);
            assertThat(stage.contents(SttTopology.AUDIO)).hasSize(1);
            assertThat(stage.pool.inUse()).isEqualTo(1);
            stage.send(ended(SESSION, "alice", "a-1", "t", 1, timings(1)));
            assertThat(stage.dead.readValuesToList()).hasSize(1);
            assertThat(stage.transcripts.isEmpty()).isTrue();
        }
    }

    @Test
    void anUtteranceWhoseEndNeverComesIsDroppedAfterTheAbandonTime() {
        FakeEngine engine = new FakeEngine();
        SttSettings d = SttSettings.defaults();
        SttSettings settings = new SttSettings(d.acousticModel(), d.languageModel(), d.dictionary(), d.library(),
                d.sphinxbaseLibrary(), d.decoderLog(), d.festival(), d.festivalTimeoutMs(), d.idleDecoders(),
                d.warmDecoders(), 60_000, 10_000);
        try (Stage stage = new Stage(engine, words -> java.util.Map.of(), settings)) {
            stage.send(started(SESSION, "alice", "a-1", 0));
            stage.send(audio(SESSION, "alice", "a-1", 0, new short[320]));
            stage.driver.advanceWallClockTime(Duration.ofSeconds(30));
            assertThat(stage.contents(SttTopology.UTTERANCES)).hasSize(1);
            stage.driver.advanceWallClockTime(Duration.ofSeconds(40));
            assertThat(stage.contents(SttTopology.UTTERANCES)).isEmpty();
            assertThat(stage.contents(SttTopology.AUDIO)).isEmpty();
            assertThat(stage.pool.inUse()).isZero();
        }
    }
}
