package dev.glyphoxa.tts;

import dev.glyphoxa.fakes.FakeElevenLabs;
import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.tts.provider.RemoteSynthesisException.Reason;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsConfig;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ElevenLabs voices end to end below Kafka: the fake ElevenLabs streams PCM, the router packetizes it as it arrives,
 * and every way the cloud can fail ends with the line spoken by the real offline Festival voice, one warning and one
 * count, and the key in no log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudVoiceFallbackTest {

    private static final String VOICE = "elevenlabs:JBFqnCBsd6RMkjVDRZzb";
    private static final String TEXT = "Well met, stranger. The road north is closed since the bridge fell.";
    private static final String WRONG_KEY = "sk_wrong_0000000000000000000000";

    private final SpeechPacketizer packetizer = new SpeechPacketizer(40_000);
    private FestivalSynthesizer festival;
    private int festivalPackets;
    private FakeElevenLabs fake;
    private ProviderFailures failures;
    private LogCapture logs;

    /** One packet as the sink saw it. */
    record Packet(int index, boolean last, byte[] opus) {
    }

    @BeforeAll
    void offlineVoice() {
        festival = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults());
        festivalPackets = packetizer.packetize(festival.synthesize(TEXT, "slt")).size();
    }

    @AfterAll
    void closeFestival() {
        festival.close();
    }

    @BeforeEach
    void start() throws IOException {
        fake = new FakeElevenLabs();
        failures = ProviderFailures.unregistered();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        logs.close();
        fake.close();
        assertThat(logs.texts()).noneMatch(t -> t.contains(FakeElevenLabs.KEY) || t.contains(WRONG_KEY));
    }

    private ElevenLabsSynthesizer elevenLabs(String key, Duration timeout) {
        return new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), key).withTimeout(timeout));
    }

    private VoiceRouter router(ElevenLabsSynthesizer elevenLabs) {
        return new VoiceRouter(List.of(festival, elevenLabs), "festival:slt", null, failures);
    }

    private List<Packet> speak(VoiceRouter router, SpeechPacketizer.PacketSink also) {
        List<Packet> packets = new ArrayList<>();
        try (SpeechPacketizer.PacketStream out = packetizer.open((index, last, opus) -> {
            packets.add(new Packet(index, last, opus));
            also.accept(index, last, opus);
        })) {
            router.speak(TEXT, VOICE, out);
            out.finish();
        }
        return packets;
    }

    private static void assertWellFormed(List<Packet> packets) {
        assertThat(packets).extracting(Packet::index).isEqualTo(IntStream.range(0, packets.size()).boxed().toList());
        assertThat(packets).extracting(Packet::last).containsOnlyOnce(true).last().isEqualTo(true);
        short[] pcm = Sound.decode(packets.stream().map(Packet::opus).toList(), null);
        assertThat(pcm).hasSize(packets.size() * OpusCodec.FRAME_SAMPLES);
        assertThat(Pcm.rms(pcm)).isGreaterThan(300);
    }

    @Test
    void streamedAudioBecomesTwentyMillisecondPacketsOfTheRightDuration() {
        fake.durationMs(1500);
        try (ElevenLabsSynthesizer elevenLabs = elevenLabs(FakeElevenLabs.KEY, Duration.ofSeconds(10))) {
            List<Packet> packets = speak(router(elevenLabs), (i, l, p) -> { });

            assertWellFormed(packets);
            assertThat(packets.size()).isBetween(75 - 1, 75 + 1); // 1.5 s in 20 ms packets, ± one frame
            assertThat(fake.received()).hasSize(1);
            assertThat(logs.warnings()).isEmpty();
        }
    }

    @Test
    void firstPacketsLeaveBeforeTheStreamEnds() {
        // the fake sends 200 ms and then holds the rest until the first packet is out: only a streaming path finishes
        fake.mode(FakeElevenLabs.Mode.HOLD).holdAfterMs(200).durationMs(1000);
        try (ElevenLabsSynthesizer elevenLabs = elevenLabs(FakeElevenLabs.KEY, Duration.ofSeconds(10))) {
            List<Packet> packets = speak(router(elevenLabs), (index, last, opus) -> {
                if (index == 0) {
                    fake.events().add("first packet out");
                    fake.release();
                }
            });

            assertThat(fake.heldTooLong()).isFalse();
            assertThat(fake.events()).containsSubsequence("first packet out", "sent rest");
            assertWellFormed(packets);
            assertThat(packets.size()).isBetween(50 - 1, 50 + 1);
            assertThat(failures.count(ElevenLabsSynthesizer.NAME, Reason.TIMEOUT.label())).isZero();
        }
    }

    /** How to make the fake fail in one way. */
    enum Failure {
        WRONG_KEY(Reason.UNAUTHORIZED, FakeElevenLabs.Mode.STREAM),
        SERVER_ERROR(Reason.SERVER_ERROR, FakeElevenLabs.Mode.ERROR),
        NO_RESPONSE(Reason.TIMEOUT, FakeElevenLabs.Mode.HANG),
        NO_FIRST_BYTE(Reason.TIMEOUT, FakeElevenLabs.Mode.SILENT_HEADERS),
        CUT_MID_WAY(Reason.STREAM_CUT, FakeElevenLabs.Mode.CUT),
        HTML_PAGE(Reason.BAD_CONTENT_TYPE, FakeElevenLabs.Mode.HTML);

        final Reason reason;
        final FakeElevenLabs.Mode mode;

        Failure(Reason reason, FakeElevenLabs.Mode mode) {
            this.reason = reason;
            this.mode = mode;
        }
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void everyFailureFallsBackToTheOfflineVoiceOnceWarnedAndCounted(Failure failure) {
        fake.mode(failure.mode).errorStatus(500).holdAfterMs(200);
        String key = failure == Failure.WRONG_KEY ? WRONG_KEY : FakeElevenLabs.KEY;
        // short only where the test waits for it to run out; no assertion is about time
        Duration timeout = failure.reason == Reason.TIMEOUT ? Duration.ofMillis(300) : Duration.ofSeconds(10);
        try (ElevenLabsSynthesizer elevenLabs = elevenLabs(key, timeout)) {
            List<Packet> packets = speak(router(elevenLabs), (i, l, p) -> { });

            assertWellFormed(packets);
            assertThat(failures.count(ElevenLabsSynthesizer.NAME, failure.reason.label())).isEqualTo(1.0);
            if (failure == Failure.CUT_MID_WAY) {
                // players heard the first 200 ms in the ElevenLabs voice: the line ends there, nothing is repeated
                assertThat(packets.size()).isBetween(9, 11);
                assertThat(logs.warnings()).singleElement().asString()
                        .contains(VOICE, "(" + failure.reason.label() + ")", "the line ends after");
            } else {
                // the whole line in Festival's voice
                assertThat(packets.size()).isBetween(festivalPackets - 1, festivalPackets + 1);
                assertThat(logs.warnings()).singleElement().asString()
                        .contains(VOICE, "(" + failure.reason.label() + ")", "festival:slt speaks the line");
            }
        }
    }
}
