package dev.glyphoxa.tts.provider.elevenlabs;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.fakes.FakeElevenLabs;
import dev.glyphoxa.tts.provider.RemoteSynthesisException;
import dev.glyphoxa.tts.provider.RemoteSynthesisException.Reason;
import dev.glyphoxa.tts.provider.UnknownVoiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP client side against {@link FakeElevenLabs}: request shape, PCM assembly, and how each failure reads. */
class ElevenLabsSynthesizerTest {

    private static final String VOICE = "JBFqnCBsd6RMkjVDRZzb";

    private FakeElevenLabs fake;
    private ElevenLabsSynthesizer elevenLabs;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeElevenLabs();
        elevenLabs = new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), FakeElevenLabs.KEY));
    }

    @AfterEach
    void stop() {
        elevenLabs.close();
        fake.close();
    }

    @Test
    void postsTheDocumentedRequest() {
        elevenLabs.synthesize("Well met, *stranger*.", VOICE);

        assertThat(fake.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/text-to-speech/" + VOICE + "/stream");
            assertThat(r.query()).isEqualTo("output_format=pcm_24000");
            assertThat(r.apiKey()).isEqualTo(FakeElevenLabs.KEY);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.body().path("text").asText()).isEqualTo("Well met, stranger .");
            assertThat(r.body().path("model_id").asText()).isEqualTo("eleven_flash_v2_5");
            assertThat(r.body().path("voice_settings").path("stability").asDouble()).isEqualTo(0.5);
            assertThat(r.body().path("voice_settings").path("similarity_boost").asDouble()).isEqualTo(0.75);
            assertThat(r.body().path("voice_settings").path("speed").asDouble()).isEqualTo(1.0);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100"})
    void assemblesSamplesAcrossOddChunkBoundaries(String format) {
        fake.chunkBytes(777).durationMs(700);
        try (var s = new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), FakeElevenLabs.KEY).withOutputFormat(format))) {
            List<Wav.Clip> pieces = new ArrayList<>();
            s.synthesizeStreaming("The bridge is out.", VOICE, pieces::add);

            int rate = s.config().sampleRate();
            assertThat(fake.received().getLast().query()).isEqualTo("output_format=" + format);
            assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.sampleRate()).isEqualTo(rate));
            short[] all = s.synthesize("The bridge is out.", VOICE).samples();
            assertThat(all).isEqualTo(FakeElevenLabs.tone(rate, 700));
        }
    }

    @Test
    void wrongKeyIsUnauthorizedWithElevenLabsMessageAndNoKey() {
        try (var s = new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), "sk_wrong_key_0000"))) {
            assertThatThrownBy(() -> s.synthesize("Hello.", VOICE))
                    .isInstanceOfSatisfying(RemoteSynthesisException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
                    .hasMessageContaining("HTTP 401").hasMessageContaining("invalid_api_key: Invalid API key")
                    .hasMessageNotContaining("sk_wrong_key_0000").hasMessageNotContaining("\n");
        }
    }

    @Test
    void failuresCarryTheirReason() {
        fake.mode(FakeElevenLabs.Mode.ERROR).errorStatus(500);
        assertReason(elevenLabs, Reason.SERVER_ERROR, "HTTP 500: internal_server_error: An internal server error");
        fake.errorStatus(429);
        assertReason(elevenLabs, Reason.RATE_LIMITED, "HTTP 429");
        fake.errorStatus(400);
        assertReason(elevenLabs, Reason.CLIENT_ERROR, "HTTP 400");
        fake.mode(FakeElevenLabs.Mode.HTML);
        assertReason(elevenLabs, Reason.BAD_CONTENT_TYPE, "text/html");
        fake.mode(FakeElevenLabs.Mode.CUT);
        assertReason(elevenLabs, Reason.STREAM_CUT, "connection broke after 200 ms of audio");
    }

    @Test
    void silenceIsATimeoutWhetherBeforeOrAfterTheHeaders() {
        try (var s = new ElevenLabsSynthesizer(ElevenLabsConfig.of(fake.baseUrl(), FakeElevenLabs.KEY).withTimeout(Duration.ofMillis(300)))) {
            fake.mode(FakeElevenLabs.Mode.HANG);
            assertReason(s, Reason.TIMEOUT, "300 ms");
            fake.mode(FakeElevenLabs.Mode.SILENT_HEADERS);
            assertReason(s, Reason.TIMEOUT, "no audio within 300 ms");
        }
    }

    @Test
    @Timeout(10) // closing must drop the held stream, not wait for the rest of it
    void anExceptionFromTheConsumerStopsTheStreamAndComesOutUnchanged() {
        fake.mode(FakeElevenLabs.Mode.HOLD).holdAfterMs(200).durationMs(1000);
        RuntimeException cut = new IllegalStateException("turn cut");
        assertThatThrownBy(() -> elevenLabs.synthesizeStreaming("Hello there.", VOICE, piece -> {
            throw cut;
        })).isSameAs(cut);

        fake.release();
        fake.mode(FakeElevenLabs.Mode.STREAM);
        assertThat(elevenLabs.synthesize("Hello there.", VOICE).samples()).isEqualTo(FakeElevenLabs.tone(24_000, 1000));
    }

    @Test
    void nobodyListeningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (var s = new ElevenLabsSynthesizer(ElevenLabsConfig.of("http://127.0.0.1:" + port, FakeElevenLabs.KEY))) {
            assertReason(s, Reason.UNREACHABLE, "127.0.0.1:" + port);
        }
    }

    @Test
    void voiceIdsThatCannotBeIdsAreUnknownWithoutARequest() {
        for (String voice : new String[]{"../admin", "a b", "x?y=1", "", null}) {
            assertThatThrownBy(() -> elevenLabs.synthesize("Hello.", voice)).isInstanceOf(UnknownVoiceException.class);
        }
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void nothingSpeakableIsNoRequest() {
        assertThat(elevenLabs.synthesize(" ... ", VOICE).samples()).isEmpty();
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void configNeverShowsTheKey() {
        assertThat(elevenLabs.config().toString()).doesNotContain(FakeElevenLabs.KEY).contains("(set)");
        assertThat(elevenLabs.toString()).doesNotContain(FakeElevenLabs.KEY);
        assertThatThrownBy(() -> ElevenLabsConfig.of(fake.baseUrl(), FakeElevenLabs.KEY).withOutputFormat("mp3_44100_128"))
                .hasMessageContaining("pcm_24000");
        assertThatThrownBy(() -> new ElevenLabsConfig(fake.baseUrl(), FakeElevenLabs.KEY, "eleven_flash_v2_5", "pcm_24000",
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5, 0.75, 1.0)).hasMessageContaining("stability");
    }

    private static void assertReason(ElevenLabsSynthesizer s, Reason reason, String messagePart) {
        assertThatThrownBy(() -> s.synthesize("Hello there.", VOICE))
                .isInstanceOfSatisfying(RemoteSynthesisException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart).hasMessageNotContaining(FakeElevenLabs.KEY);
    }
}
