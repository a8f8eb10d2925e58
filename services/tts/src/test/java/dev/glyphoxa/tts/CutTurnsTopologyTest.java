package dev.glyphoxa.tts;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsConfig;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsSynthesizer;
import dev.glyphoxa.fakes.FakeElevenLabs;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines of a turn the voice-bridge cut are not spoken, and a line being streamed when its turn is cut stops. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutTurnsTopologyTest {

    private static final String SESSION = "session-1";
    private static final String CLOUD_VOICE = "elevenlabs:JBFqnCBsd6RMkjVDRZzb";
    private static final String LINE = "Aye, the ferry runs at dawn, and not a moment later.";

    private FestivalSynthesizer festival;
    private FakeElevenLabs fake;
    private ElevenLabsSynthesizer elevenLabs;
    private CutTurns cutTurns;
    private StageFailures failures;
    private ProviderFailures providerFailures;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> lines;
    private TestOutputTopic<String, NpcAudio> audio;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    /** The streamed piece after which the test marks turn-cut as cut (-1: never), as a TurnCut arriving mid-line. */
    private int cutAfterPiece = -1;

    /** The real ElevenLabs client, with a hook between its pieces of audio and the stage. */
    private final class CutMidStream implements Synthesizer {
        @Override
        public String name() {
            return elevenLabs.name();
        }

        @Override
        public boolean local() {
            return false;
        }

        @Override
        public Wav.Clip synthesize(String text, String voice) {
            return elevenLabs.synthesize(text, voice);
        }

        @Override
        public void synthesizeStreaming(String text, String voice, Consumer<Wav.Clip> out) {
            int[] pieces = {0};
            elevenLabs.synthesizeStreaming(text, voice, piece -> {
                out.accept(piece);
                if (++pieces[0] == cutAfterPiece) {
                    cutTurns.cut(SESSION, "turn-cut");
                }
            });
        }

        @Override
        public void close() {
        }
    }

    @BeforeAll
    void engines() throws IOException {
        festival = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults());
        fake = new FakeElevenLabs();
        elevenLabs = new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), FakeElevenLabs.KEY));
    }

    @AfterAll
    void closeEngines() {
        elevenLabs.close();
        fake.close();
        festival.close();
    }

    @BeforeEach
    void driver() {
        cutTurns = new CutTurns();
        failures = new StageFailures("tts", new SimpleMeterRegistry());
        providerFailures = ProviderFailures.unregistered();
        VoiceRouter voices = new VoiceRouter(List.of(festival, new CutMidStream()), "festival:slt", null, providerFailures);
        TtsTopology tts = new TtsTopology(TtsSettings.defaults(), voices, failures, cutTurns);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, tts.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        driver = new TopologyTestDriver(tts.topology(), props, Instant.parse("2026-11-24T12:00:00Z"));
        lines = driver.createInputTopic(Topics.NPC_LINES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        audio = driver.createOutputTopic(Topics.VOICE_OUT.name(), Serdes.String().deserializer(), Topics.VOICE_OUT.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), Serdes.String().deserializer(), Topics.DEADLETTER.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        cutAfterPiece = -1;
    }

    private void send(String turn, int sequence, boolean last, String voice) {
        lines.pipeInput(SESSION, Topics.NPC_LINES.valueSerde().encode(TtsTopologyTest.line(turn, sequence, last, voice, LINE)));
    }

    private double cut(String at) {
        var c = failures.registry().find(TtsProcessor.CUT_LINES).tag("at", at).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void linesOfACutTurnAreNotSpokenAndOtherTurnsAre() {
        cutTurns.cut(SESSION, "turn-cut");
        send("turn-cut", 1, false, "festival:slt");
        send("turn-cut", 2, true, "festival:slt");
        assertThat(audio.isEmpty()).isTrue();
        assertThat(cut("before")).isEqualTo(2);

        send("turn-next", 0, true, "festival:slt");
        List<NpcAudio> next = audio.readValuesToList();
        assertThat(next).isNotEmpty().extracting(NpcAudio::getTurnId).containsOnly("turn-next");
        assertThat(next.getLast().getLastInTurn()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aTurnCutWhileItsLineStreamsStopsThePacketsThere() {
        fake.mode(FakeElevenLabs.Mode.STREAM).durationMs(1000).chunkBytes(4800);
        send("turn-whole", 0, true, CLOUD_VOICE);
        List<NpcAudio> whole = audio.readValuesToList();
        assertThat(whole).hasSizeBetween(49, 51);   // one second in 20 ms packets

        cutAfterPiece = 3;
        send("turn-cut", 0, true, CLOUD_VOICE);
        List<NpcAudio> stopped = audio.readValuesToList();

        assertThat(stopped).isNotEmpty().hasSizeLessThan(whole.size() / 2);
        assertThat(stopped).extracting(NpcAudio::getLastInLine).containsOnly(false);
        assertThat(cut("during")).isEqualTo(1);
        assertThat(providerFailures.count(ElevenLabsSynthesizer.NAME, "stream_cut")).isZero();
        assertThat(deadLetters.isEmpty()).isTrue();
    }
}
