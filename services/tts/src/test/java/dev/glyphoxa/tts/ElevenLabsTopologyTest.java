package dev.glyphoxa.tts;

import dev.glyphoxa.fakes.FakeElevenLabs;
import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.tts.provider.MissingProvider;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsConfig;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsSynthesizer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The production topology speaking ElevenLabs voices from the fake ElevenLabs, with real Festival as fallback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElevenLabsTopologyTest {

    private static final String SESSION = "session-1";
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-24T12:00:00Z");
    private static final String VOICE = "elevenlabs:JBFqnCBsd6RMkjVDRZzb";

    private FestivalSynthesizer festival;
    private FakeElevenLabs fake;
    private ElevenLabsSynthesizer elevenLabs;
    private ProviderFailures failures;
    private TopologyTestDriver driver;

    @BeforeAll
    void engines() throws IOException {
        festival = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults());
        fake = new FakeElevenLabs();
        elevenLabs = new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), FakeElevenLabs.KEY));
    }

    @AfterAll
    void close() {
        elevenLabs.close();
        fake.close();
        festival.close();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private TestOutputTopic<String, NpcAudio> start(VoiceRouter voices) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, TtsTopology.APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        TtsTopology tts = new TtsTopology(TtsSettings.defaults(), voices, new StageFailures("tts", new SimpleMeterRegistry()));
        driver = new TopologyTestDriver(tts.topology(), props, WALL_CLOCK);
        return driver.createOutputTopic(Topics.VOICE_OUT.name(), Serdes.String().deserializer(),
                Topics.VOICE_OUT.valueSerde().deserializer());
    }

    private void send(int sequence, boolean last, String voice, String text) {
        TestInputTopic<String, byte[]> lines = driver.createInputTopic(Topics.NPC_LINES.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        lines.pipeInput(SESSION, Topics.NPC_LINES.valueSerde().encode(TtsTopologyTest.line("turn-1", sequence, last, voice, text)));
    }

    private List<DeadLetter> deadLetters() {
        return driver.createOutputTopic(Topics.DEADLETTER.name(), Serdes.String().deserializer(),
                Topics.DEADLETTER.valueSerde().deserializer()).readValuesToList();
    }

    @Test
    void cloudLinesAreNumberedFlaggedAndTimedLikeOfflineOnes() {
        failures = ProviderFailures.unregistered();
        TestOutputTopic<String, NpcAudio> audio = start(new VoiceRouter(List.of(festival, elevenLabs), "festival:slt", null, failures));
        fake.mode(FakeElevenLabs.Mode.STREAM).durationMs(600);
        send(0, false, VOICE, "Aye, the ferry runs at dawn.");
        fake.mode(FakeElevenLabs.Mode.CUT).holdAfterMs(200);
        send(1, true, VOICE, "Bring silver, the ferryman hates copper.");

        List<NpcAudio> out = audio.readValuesToList();
        assertThat(deadLetters()).isEmpty();
        for (int line : new int[]{0, 1}) {
            List<NpcAudio> packets = out.stream().filter(a -> a.getLineSequence() == line).toList();
            assertThat(packets).extracting(NpcAudio::getPacketSequence)
                    .isEqualTo(IntStream.range(0, packets.size()).boxed().toList());
            assertThat(packets).extracting(NpcAudio::getLastInLine).containsOnlyOnce(true).last().isEqualTo(true);
            assertThat(packets.getFirst().getTimings().getTtsFirstAudioMs()).isEqualTo(WALL_CLOCK.toEpochMilli());
            assertThat(packets.getLast().getLastInTurn()).isEqualTo(line == 1);
        }
        assertThat(out.stream().filter(a -> a.getLineSequence() == 0).count()).isBetween(29L, 31L); // 600 ms
        // the cut line ends with the 200 ms already sent (its last packet flagged above), nothing spoken again
        assertThat(out.stream().filter(a -> a.getLineSequence() == 1).count()).isBetween(9L, 11L);
        assertThat(failures.count(ElevenLabsSynthesizer.NAME, "stream_cut")).isEqualTo(1.0);
    }

    @Test
    void withoutAKeyElevenLabsVoicesSpeakWithTheDefaultVoice() {
        VoiceRouter voices = new VoiceRouter(List.of(festival, new MissingProvider("elevenlabs", ElevenLabsSettings.HOW_TO_CONFIGURE)),
                "festival:slt");
        TestOutputTopic<String, NpcAudio> audio = start(voices);
        try (LogCapture logs = new LogCapture()) {
            send(0, true, VOICE, "No key, still a voice.");
            assertThat(deadLetters()).isEmpty();
            assertThat(audio.readValuesToList()).hasSizeGreaterThan(20);
            assertThat(logs.warnings()).singleElement().asString()
                    .contains(VOICE, "elevenlabs is not configured", "GLYPHOXA_ELEVENLABS_API_KEY", "festival:slt");
        }
    }
}
