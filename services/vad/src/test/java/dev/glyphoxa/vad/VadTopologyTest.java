package dev.glyphoxa.vad;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.SpeechAudio;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import dev.glyphoxa.schema.VoicePacket;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The production topology with the real Silero model, fed Opus packets of Festival speech. */
class VadTopologyTest {

    private static final String SESSION = "session-42";
    private static final long T0 = 1_700_000_000_000L;
    private static SileroVad model;

    @BeforeAll
    static void load() {
        model = new SileroVad();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** 48 kHz speech with 300 ms of quiet before it, cut into Opus packets as Discord would send them. */
    static List<byte[]> packets(short[] speech48k, int channels) {
        short[] audio = new short[14_400 + speech48k.length];
        TestSpeech.mix(audio, TestSpeech.noise(audio.length, 30, channels), 0);
        TestSpeech.mix(audio, speech48k, 14_400);
        List<byte[]> out = new ArrayList<>();
        try (OpusCodec.Encoder enc = OpusCodec.encoder(channels, 64_000)) {
            for (int off = 0; off < audio.length; off += OpusCodec.FRAME_SAMPLES) {
                short[] frame = new short[OpusCodec.FRAME_SAMPLES * channels];
                for (int i = 0; i < OpusCodec.FRAME_SAMPLES && off + i < audio.length; i++) {
                    for (int c = 0; c < channels; c++) {
                        frame[i * channels + c] = audio[off + i];
                    }
                }
                out.add(enc.encode(frame));
            }
        }
        return out;
    }

    static byte[] packet(String speaker, long sequence, int channels, byte[] opus) {
        return Topics.VOICE_IN.valueSerde().encode(VoicePacket.newBuilder()
                .setSessionId(SESSION).setSpeakerId(speaker).setSequence(sequence)
                .setCaptureTsMs(T0 + sequence * OpusCodec.FRAME_MS).setChannels(channels)
                .setOpus(ByteBuffer.wrap(opus)).build());
    }

    @Test
    void twoInterleavedSpeakersGetTheirOwnUtterancesEndedOnTheWallClock(@TempDir Path dir) throws Exception {
        List<byte[]> alice = packets(TestSpeech.festival(dir, "Hello there, traveller. Have you seen the old wizard?", 48_000), 2);
        List<byte[]> bob = packets(TestSpeech.festival(dir, "The bridge to the north was burned last night.", 48_000), 1);

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, VadTopology.APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        VadTopology stage = new VadTopology(VadSettings.defaults(), model, new StageFailures("vad", new SimpleMeterRegistry()));
        assertThat(stage.applicationId()).isEqualTo("glyphoxa-vad");

        try (TopologyTestDriver driver = new TopologyTestDriver(stage.topology(), props, Instant.ofEpochMilli(T0))) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.VOICE_IN.name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, SpeechEvent> speech = driver.createOutputTopic(Topics.SPEECH.name(),
                    new StringDeserializer(), Topics.SPEECH.valueSerde());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic(Topics.DEADLETTER.name(),
                    new StringDeserializer(), Topics.DEADLETTER.valueSerde());
            KeyValueStore<String, SpeakerState> store = driver.getKeyValueStore(VadProcessor.STORE);
            String aliceKey = VadProcessor.storeKey(SESSION, "alice");

            int poisonAt = 40;
            SpeakerState beforeRedelivery = null;
            for (int i = 0; i < Math.max(alice.size(), bob.size()); i++) {
                if (i == poisonAt) {
                    in.pipeInput(SESSION, "not an avro record".getBytes());
                    in.pipeInput(SESSION, packet("alice", i, 2, new byte[]{0x03}));   // corrupt copy of the next packet
                }
                if (i < alice.size()) {
                    in.pipeInput(SESSION, packet("alice", i, 2, alice.get(i)));
                    if (i == poisonAt) {
                        assertThat(store.get(aliceKey).getLastSequence()).as("the good packet after the poison").isEqualTo(i);
                        beforeRedelivery = store.get(aliceKey);
                        in.pipeInput(SESSION, packet("alice", i, 2, alice.get(i)));   // at-least-once redelivery
                        assertThat(store.get(aliceKey)).as("a redelivered packet is skipped").isEqualTo(beforeRedelivery);
                    }
                }
                if (i < bob.size()) {
                    in.pipeInput(SESSION, packet("bob", i, 1, bob.get(i)));
                }
            }

            List<DeadLetter> letters = dead.readValuesToList();
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).getErrorMessage()).contains("not a readable VoicePacket");
            assertThat(letters.get(1).getErrorMessage()).contains("corrupt Opus packet");
            assertThat(letters).allSatisfy(d -> {
                assertThat(d.getStage()).isEqualTo("vad");
                assertThat(d.getSourceTopic()).isEqualTo(Topics.VOICE_IN.name());
            });

            List<KeyValue<String, SpeechEvent>> beforeEnd = speech.readKeyValuesToList();
            assertThat(beforeEnd).extracting(kv -> kv.value.getEvent()).noneMatch(SpeechEnded.class::isInstance);
            assertThat(beforeEnd).extracting(kv -> kv.value.getEvent()).filteredOn(SpeechStarted.class::isInstance).hasSize(2);

            driver.advanceWallClockTime(Duration.ofMillis(400));
            assertThat(speech.readValuesToList()).as("still inside the hangover").isEmpty();
            driver.advanceWallClockTime(Duration.ofMillis(400));
            List<KeyValue<String, SpeechEvent>> all = new ArrayList<>(beforeEnd);
            all.addAll(speech.readKeyValuesToList());
            assertThat(all).extracting(kv -> kv.key).containsOnly(SESSION);

            Map<String, List<SpeechEvent>> bySpeaker = new LinkedHashMap<>();
            all.forEach(kv -> bySpeaker.computeIfAbsent(kv.value.getSpeakerId(), k -> new ArrayList<>()).add(kv.value));
            assertThat(bySpeaker).containsOnlyKeys("alice", "bob");
            Map<String, Integer> packetCount = Map.of("alice", alice.size(), "bob", bob.size());
            for (var entry : bySpeaker.entrySet()) {
                List<SpeechEvent> events = entry.getValue();
                String who = entry.getKey();
                assertThat(events.getFirst().getEvent()).as(who).isInstanceOf(SpeechStarted.class);
                assertThat(events.getLast().getEvent()).as(who).isInstanceOf(SpeechEnded.class);
                assertThat(events).as(who + ": one utterance").extracting(SpeechEvent::getUtteranceId)
                        .containsOnly(events.getFirst().getUtteranceId());
                List<SpeechAudio> chunks = events.subList(1, events.size() - 1).stream()
                        .map(e -> (SpeechAudio) e.getEvent()).toList();
                for (int i = 0; i < chunks.size(); i++) {
                    assertThat(chunks.get(i).getChunkIndex()).as(who).isEqualTo(i);
                }
                SpeechEnded ended = (SpeechEnded) events.getLast().getEvent();
                assertThat(ended.getTurnId()).isEqualTo(events.getFirst().getUtteranceId());
                assertThat(ended.getChunkCount()).isEqualTo(chunks.size());
                long lastCapture = T0 + (packetCount.get(who) - 1L) * OpusCodec.FRAME_MS;
                assertThat(ended.getTimings().getSpeechEndMs()).as(who).isBetween(T0 + 300, lastCapture + OpusCodec.FRAME_MS);
                assertThat(ended.getTimings().getVadEndMs()).as(who).isGreaterThanOrEqualTo(T0 + 600);

                double seconds = chunks.stream().mapToInt(c -> c.getPcm16k().remaining()).sum() / 2.0 / 16_000;
                double sent = packetCount.get(who) * 0.020;
                assertThat(seconds).as(who + ": audio of the utterance vs %.2f s sent", sent)
                        .isBetween(sent - 0.3 - 0.6, sent);
                long start = ((SpeechStarted) events.getFirst().getEvent()).getStartMs();
                assertThat(start).as(who + ": pre-roll reaches into the lead-in").isBetween(T0, T0 + 400);
            }
            assertThat(bySpeaker.get("alice").getFirst().getUtteranceId())
                    .isNotEqualTo(bySpeaker.get("bob").getFirst().getUtteranceId());
            assertThat(store.get(aliceKey).getSpeaking()).isFalse();

            driver.advanceWallClockTime(Duration.ofMillis(VadSettings.defaults().idleForgetMs()));
            try (var it = store.all()) {
                assertThat(it.hasNext()).as("idle speakers are forgotten").isFalse();
            }
        }
    }
}
