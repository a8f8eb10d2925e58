package dev.glyphoxa.vad;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.BargeIn;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.vad.provider.silero.SileroVad;
import dev.glyphoxa.vad.state.SpeakerState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Barge-in through the production topology with the real Silero model, on Festival speech sent as Opus packets:
 * a back-channel-length burst claims nothing, a sentence claims the floor once.
 */
class VadBargeInTest {

    private static final String SESSION = "session-42";
    private static final long T0 = 1_700_000_000_000L;
    private static final int RATE = 48_000;
    private static SileroVad model;

    @BeforeAll
    static void load() {
        model = new SileroVad();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** What the stage published for one speaker's packets, after the wall clock has ended the utterance. */
    private record Run(List<KeyValue<String, SpeechEvent>> speech, List<KeyValue<String, BargeIn>> bargeIns,
                       SpeakerState stateBeforeEnd) {

        List<SpeechEvent> of(Class<?> type) {
            return speech.stream().map(kv -> kv.value).filter(e -> type.isInstance(e.getEvent())).toList();
        }
    }

    private static Run run(Path dir, short[] speech48k) {
        List<byte[]> packets = VadTopologyTest.packets(speech48k, 1);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, VadTopology.APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        VadTopology stage = new VadTopology(VadSettings.defaults(), model, new StageFailures("vad", new SimpleMeterRegistry()));
        try (TopologyTestDriver driver = new TopologyTestDriver(stage.topology(), props, Instant.ofEpochMilli(T0))) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.VOICE_IN.name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, SpeechEvent> speech = driver.createOutputTopic(Topics.SPEECH.name(),
                    new StringDeserializer(), Topics.SPEECH.valueSerde());
            TestOutputTopic<String, BargeIn> bargeIn = driver.createOutputTopic(Topics.BARGE_IN.name(),
                    new StringDeserializer(), Topics.BARGE_IN.valueSerde());
            for (int i = 0; i < packets.size(); i++) {
                in.pipeInput(SESSION, VadTopologyTest.packet("alice", i, 1, packets.get(i)));
            }
            SpeakerState state = driver.<String, SpeakerState>getKeyValueStore(VadProcessor.STORE)
                    .get(VadProcessor.storeKey(SESSION, "alice"));
            driver.advanceWallClockTime(Duration.ofMillis(1_000));     // past the hangover: the utterance ends
            return new Run(speech.readKeyValuesToList(), bargeIn.readKeyValuesToList(), state);
        }
    }

    /** The loudest {@code ms} of the speech, with 5 ms fades so the cut itself is no click. */
    private static short[] loudest(short[] speech, int ms) {
        int len = RATE * ms / 1000;
        int hop = RATE / 100;
        int best = 0;
        double bestEnergy = -1;
        for (int off = 0; off + len <= speech.length; off += hop) {
            double energy = 0;
            for (int i = off; i < off + len; i++) {
                energy += (double) speech[i] * speech[i];
            }
            if (energy > bestEnergy) {
                bestEnergy = energy;
                best = off;
            }
        }
        short[] cut = Arrays.copyOfRange(speech, best, best + len);
        int fade = RATE / 200;
        for (int i = 0; i < fade; i++) {
            cut[i] = (short) (cut[i] * i / fade);
            cut[len - 1 - i] = (short) (cut[len - 1 - i] * i / fade);
        }
        return cut;
    }

    /** A "mhm": 150 ms of real speech, about four voiced model windows; too short even to be an utterance. */
    @Test
    void aBurstOfOneHundredFiftyMillisecondsClaimsNothing(@TempDir Path dir) throws Exception {
        short[] mhm = loudest(TestSpeech.festival(dir, "Have you seen the old wizard?", RATE), 150);
        Run run = run(dir, mhm);

        assertThat(run.bargeIns()).isEmpty();
        assertThat(run.stateBeforeEnd().getFloorVoicedMs()).as("the burst was heard as voice, just not long enough")
                .isBetween(1L, 249L);
    }

    /** A "yeah": 220 ms, about six voiced windows: an utterance (past min-speech-ms) but under barge-in-ms. */
    @Test
    void aBurstLongEnoughToBeAnUtteranceStillClaimsNothing(@TempDir Path dir) throws Exception {
        short[] yeah = loudest(TestSpeech.festival(dir, "Have you seen the old wizard?", RATE), 220);
        Run run = run(dir, yeah);

        assertThat(run.of(SpeechStarted.class)).as("past min-speech-ms: the STT gets it").hasSize(1);
        assertThat(run.bargeIns()).isEmpty();
        assertThat(run.stateBeforeEnd().getFloorVoicedMs()).isBetween(1L, 249L);
    }

    @Test
    void aSentenceClaimsTheFloorOnceWithItsUtteranceId(@TempDir Path dir) throws Exception {
        short[] sentence = TestSpeech.festival(dir, "The bridge to the north was burned last night.", RATE);
        assertThat(sentence.length).as("well over 600 ms of speech").isGreaterThan(RATE);
        Run run = run(dir, sentence);

        List<SpeechEvent> started = run.of(SpeechStarted.class);
        assertThat(started).hasSize(1);
        assertThat(run.bargeIns()).hasSize(1);
        KeyValue<String, BargeIn> kv = run.bargeIns().getFirst();
        assertThat(kv.key).isEqualTo(SESSION);
        BargeIn b = kv.value;
        assertThat(b.getSessionId()).isEqualTo(SESSION);
        assertThat(b.getSpeakerId()).isEqualTo("alice");
        assertThat(b.getUtteranceId()).isEqualTo(started.getFirst().getUtteranceId());
        assertThat(b.getVoicedMs()).isGreaterThanOrEqualTo(250);
        long utteranceStart = ((SpeechStarted) started.getFirst().getEvent()).getStartMs();
        assertThat(b.getSpeechStartMs()).as("the run began after the 300 ms lead-in, not before the pre-roll")
                .isBetween(Math.max(utteranceStart, T0 + 250), T0 + 300 + sentence.length * 1000L / RATE);
        assertThat(b.getDetectedAtMs()).as("wall clock of the driver").isGreaterThanOrEqualTo(T0);
    }

    @Test
    void aLongUtteranceWithPausesStillClaimsOnce(@TempDir Path dir) throws Exception {
        short[] talk = TestSpeech.festival(dir,
                "Hello there, traveller. Have you seen the old wizard? The bridge to the north was burned last night.", RATE);
        Run run = run(dir, talk);

        assertThat(run.of(SpeechStarted.class)).as("one utterance: the pauses are inside the hangover").hasSize(1);
        assertThat(run.of(SpeechEnded.class)).hasSize(1);
        assertThat(run.bargeIns()).hasSize(1);
        BargeIn b = run.bargeIns().getFirst().value;
        assertThat(b.getUtteranceId()).isEqualTo(run.of(SpeechStarted.class).getFirst().getUtteranceId());
        SpeakerState last = run.stateBeforeEnd();
        assertThat(last.getFloorStartMs()).as("a pause between sentences restarted the run, and it ran past the "
                + "threshold again in the same utterance").isGreaterThan(b.getSpeechStartMs());
        assertThat(last.getFloorVoicedMs()).isGreaterThanOrEqualTo(250);
    }
}
