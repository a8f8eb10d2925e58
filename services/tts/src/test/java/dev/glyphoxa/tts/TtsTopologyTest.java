package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.tts.provider.espeak.EspeakSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The production topology with real Festival and espeak-ng behind TopologyTestDriver. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TtsTopologyTest {

    private static final String SESSION = "session-1";
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-24T12:00:00Z");

    private FestivalSynthesizer festival;
    private EspeakSynthesizer espeak;
    private VoiceRouter voices;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> lines;
    private TestOutputTopic<String, NpcAudio> audio;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeAll
    void engines() {
        TtsSettings settings = TtsSettings.defaults();
        festival = new FestivalSynthesizer(settings.festival());
        espeak = new EspeakSynthesizer(settings.espeak());
        voices = new VoiceRouter(List.of(festival, espeak), settings.defaultVoice());
        voices.warmUp();
    }

    @AfterAll
    void closeEngines() {
        festival.close();
        espeak.close();
    }

    @BeforeEach
    void driver() {
        TtsTopology tts = new TtsTopology(TtsSettings.defaults(), voices, new StageFailures("tts", new SimpleMeterRegistry()));
        assertThat(tts.applicationId()).isEqualTo("glyphoxa-tts");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, tts.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        driver = new TopologyTestDriver(tts.topology(), props, WALL_CLOCK);
        lines = driver.createInputTopic(Topics.NPC_LINES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        audio = driver.createOutputTopic(Topics.VOICE_OUT.name(), Serdes.String().deserializer(), Topics.VOICE_OUT.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), Serdes.String().deserializer(), Topics.DEADLETTER.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    static NpcLine line(String turn, int sequence, boolean last, String voice, String text) {
        return NpcLine.newBuilder()
                .setSessionId(SESSION).setTurnId(turn).setNpcId("grimjaw").setNpcName("Grimjaw")
                .setVoice(voice).setSequence(sequence).setLastInTurn(last).setText(text).setResponder("test")
                .setTimings(TurnTimings.newBuilder().setSpeechEndMs(1000L).setSttFinalMs(1200L).setLlmFirstLineMs(1500L).build())
                .build();
    }

    private void send(NpcLine line) {
        lines.pipeInput(SESSION, Topics.NPC_LINES.valueSerde().encode(line));
    }

    @Test
    void twoLinesOfOneTurnBecomeNumberedOpusPackets() {
        send(line("turn-7", 0, false, "festival:slt", "Well met, stranger."));
        send(line("turn-7", 1, true, "festival:slt-deep", "The \"Rusty Anchor\" serves the best stew (and the worst ale)."));

        List<TestRecord<String, NpcAudio>> out = audio.readRecordsToList();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(out).allSatisfy(r -> assertThat(r.key()).isEqualTo(SESSION));
        List<NpcAudio> first = out.stream().map(TestRecord::value).filter(a -> a.getLineSequence() == 0).toList();
        List<NpcAudio> second = out.stream().map(TestRecord::value).filter(a -> a.getLineSequence() == 1).toList();
        // lines come out in order, each whole before the next
        assertThat(out.stream().map(r -> r.value().getLineSequence()).toList())
                .isSorted().hasSize(first.size() + second.size());
        assertThat(first.size()).isGreaterThan(40);   // ~1.5 s of speech in 20 ms packets
        assertThat(second.size()).isGreaterThan(first.size());

        for (List<NpcAudio> packets : List.of(first, second)) {
            for (int i = 0; i < packets.size(); i++) {
                NpcAudio a = packets.get(i);
                boolean last = i == packets.size() - 1;
                assertThat(a.getPacketSequence()).isEqualTo(i);
                assertThat(a.getLastInLine()).isEqualTo(last);
                assertThat(a.getLastInTurn()).isEqualTo(last && a.getLineSequence() == 1);
                assertThat(a.getTurnId()).isEqualTo("turn-7");
                assertThat(a.getNpcId()).isEqualTo("grimjaw");
                assertThat(a.getSessionId()).isEqualTo(SESSION);
                assertThat(a.getChannels()).isEqualTo(1);
                assertThat(a.getTimings().getLlmFirstLineMs()).isEqualTo(1500L);
                assertThat(a.getTimings().getTtsFirstAudioMs()).isEqualTo(i == 0 ? WALL_CLOCK.toEpochMilli() : null);
            }
            short[] pcm = decodeAll(packets);
            assertThat(pcm).hasSize(packets.size() * OpusCodec.FRAME_SAMPLES);
            assertThat(Pcm.rms(pcm)).isGreaterThan(300);
        }
    }

    @Test
    void measuresFirstAudioLatencyPerSentence() {
        // figures for the report only (no timing assertions): synthesis, then the first packet, then the whole line
        String[] sentences = {
                "Aye.",
                "Well met, stranger, what brings you to Oakhollow?",
                "The road north is closed since the bridge fell, but old Marta knows a ford if you pay her in silver.",
                "Ha!"};
        SpeechPacketizer packetizer = new SpeechPacketizer(TtsSettings.defaults().opusBitrate());
        for (String voice : new String[]{"festival:slt", "festival:slt-deep", "espeak:en+m3"}) {
            for (int i = 0; i < sentences.length; i++) {
                long t0 = System.nanoTime();
                var clip = voices.synthesize(sentences[i], voice);
                long synthesized = System.nanoTime();
                long[] first = new long[1];
                packetizer.packetize(clip, (index, count, packet) -> {
                    if (index == 0) {
                        first[0] = System.nanoTime();
                    }
                });
                long encoded = System.nanoTime();
                long p0 = System.nanoTime();
                send(line("turn-m", i, i == sentences.length - 1, voice, sentences[i]));
                double stage = (System.nanoTime() - p0) / 1e6;
                assertThat(audio.readValuesToList()).isNotEmpty();
                System.out.printf("%-18s %5.2f s speech: synth %4.0f ms (RTF %.3f), first packet at %4.0f ms, all packets at %4.0f ms,"
                                + " whole line through the topology %4.0f ms: %s%n", voice, clip.seconds(),
                        (synthesized - t0) / 1e6, (synthesized - t0) / 1e9 / clip.seconds(), (first[0] - t0) / 1e6,
                        (encoded - t0) / 1e6, stage, sentences[i]);
            }
        }
    }

    @Test
    void garbageGoesToDeadLettersAndTheNextLineIsStillSpoken() {
        lines.pipeInput(SESSION, new byte[]{1, 2, 3, 4, 5});
        send(line("turn-8", 0, true, "espeak:en+m3", "I survived the garbage."));

        List<DeadLetter> dead = deadLetters.readValuesToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().getStage()).isEqualTo("tts");
        assertThat(dead.getFirst().getSourceTopic()).isEqualTo(Topics.NPC_LINES.name());
        assertThat(dead.getFirst().getErrorMessage()).contains("NpcLine");

        List<NpcAudio> out = audio.readValuesToList();
        assertThat(out).hasSizeGreaterThan(20);
        assertThat(out.getLast().getLastInTurn()).isTrue();
        assertThat(Pcm.rms(decodeAll(out))).isGreaterThan(300);
    }

    @Test
    void emptyLastLineStillEndsTheTurnWithOneSilentPacket() {
        send(line("turn-9", 0, false, "festival:slt", "   "));
        send(line("turn-9", 1, true, "festival:slt", " \u2026 "));

        List<NpcAudio> out = audio.readValuesToList();
        assertThat(out).hasSize(1);
        NpcAudio only = out.getFirst();
        assertThat(only.getLineSequence()).isEqualTo(1);
        assertThat(only.getPacketSequence()).isZero();
        assertThat(only.getLastInLine()).isTrue();
        assertThat(only.getLastInTurn()).isTrue();
        assertThat(only.getTimings().getTtsFirstAudioMs()).isEqualTo(WALL_CLOCK.toEpochMilli());
        short[] pcm = decodeAll(out);
        assertThat(pcm).hasSize(OpusCodec.FRAME_SAMPLES);
        assertThat(Pcm.rms(pcm)).isLessThan(1.0);
    }

    @Test
    void invalidLinesAreDeadLettered() {
        NpcLine otherSession = line("turn-10", 0, true, "festival:slt", "Hello.");
        otherSession.setSessionId("session-2");
        send(otherSession);
        send(line("", 0, true, "festival:slt", "Hello."));
        send(line("turn-10", -1, true, "festival:slt", "Hello."));
        send(line("turn-10", 0, true, "festival:slt", "word ".repeat(1000)));

        assertThat(audio.isEmpty()).isTrue();
        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getErrorMessage).satisfiesExactly(
                m -> assertThat(m).contains("session-2"),
                m -> assertThat(m).contains("turn_id"),
                m -> assertThat(m).contains("negative sequence"),
                m -> assertThat(m).contains("max-text-chars"));
    }

    @Test
    void unknownVoiceFallsBackToTheDefault() {
        send(line("turn-11", 0, true, "slt", "Bare voice names still speak."));
        send(line("turn-11", 1, true, "polly:Joanna", "So do voices of engines we lack."));
        List<NpcAudio> out = audio.readValuesToList();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(out.stream().map(NpcAudio::getLineSequence).distinct().toList()).containsExactly(0, 1);
    }

    private static short[] decodeAll(List<NpcAudio> packets) {
        return Sound.decode(packets.stream().map(a -> {
            ByteBuffer b = a.getOpus().duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        }).toList(), null);
    }
}
