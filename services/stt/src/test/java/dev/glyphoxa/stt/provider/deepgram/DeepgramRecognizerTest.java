package dev.glyphoxa.stt.provider.deepgram;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.fakes.FakeDeepgramServer;
import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.stt.TestSpeech;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.RecognitionException.Reason;
import dev.glyphoxa.stt.provider.SpeechRecognizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Deepgram recogniser against a local server that speaks Deepgram's live websocket protocol. */
class DeepgramRecognizerTest {

    static final String KEY = "dg-secret-0123456789abcdef";
    static final String SAID = "have you seen Grimjaw today";
    static final List<String> NAMES = List.of("Grimjaw", "the smith", "Thornwick Forge");

    private FakeDeepgramServer server;
    private DeepgramEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = new FakeDeepgramServer(KEY);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    private SpeechRecognizer recognizer(String key, String model, Duration resultTimeout) {
        engine = new DeepgramEngine(new DeepgramEngine.Config(server.baseUrl(), model, key, "en", true,
                Duration.ofSeconds(5), resultTimeout));
        SpeechRecognizer r = engine.create();
        r.expectNames(NAMES);
        return r;
    }

    private SpeechRecognizer recognizer() {
        return recognizer(KEY, "nova-3", Duration.ofSeconds(20));
    }

    /** 20 ms chunks, as the VAD stage sends them. */
    static String streamed(SpeechRecognizer r, short[] pcm) {
        r.startUtterance();
        for (int i = 0; i < pcm.length; i += 320) {
            r.feed(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 320)));
        }
        return r.finishUtterance();
    }

    @Test
    void streamsTheUtteranceAndJoinsTheFinalSegments() {
        short[] pcm = TestSpeech.voiced(SAID);
        try (SpeechRecognizer r = recognizer()) {
            assertThat(streamed(r, pcm)).isEqualTo("Have you seen Grimjaw today?");
            assertThat(((DeepgramRecognizer) r).lastInterimResults()).isPositive();
            assertThat(r.partialText()).isEmpty();
        }
        FakeDeepgramServer.Connection c = server.connections().getFirst();
        assertThat(c.path).isEqualTo("/v1/listen");
        assertThat(c.authorization).isEqualTo("Token " + KEY);
        assertThat(c.query).containsEntry("encoding", List.of("linear16")).containsEntry("sample_rate", List.of("16000"))
                .containsEntry("channels", List.of("1")).containsEntry("interim_results", List.of("true"))
                .containsEntry("punctuate", List.of("true")).containsEntry("model", List.of("nova-3"))
                .containsEntry("language", List.of("en")).containsEntry("keyterm", NAMES);
        assertThat(c.closeStreamReceived()).isTrue();
        assertThat(c.audio()).isEqualTo(Pcm.toBytes(pcm)); // every sample arrived, in order
        assertThat(c.interimsSent()).isPositive();
    }

    @Test
    void oneRecogniserServesUtteranceAfterUtteranceEachOnItsOwnConnection() {
        try (SpeechRecognizer r = recognizer()) {
            assertThat(streamed(r, TestSpeech.voiced(SAID))).isEqualTo(server.transcript());
            server.transcript("Where can I find the blacksmith?");
            assertThat(r.transcribe(TestSpeech.voiced("where can I find the blacksmith"))).isEqualTo("Where can I find the blacksmith?");
        }
        assertThat(server.connections()).hasSize(2);
    }

    @Test
    void olderModelsGetSingleNameWordsAsKeywords() {
        DeepgramEngine.Config config = new DeepgramEngine.Config("wss://api.deepgram.com/v1/listen", "nova-2", KEY, "",
                false, Duration.ofSeconds(1), Duration.ofSeconds(1));
        String uri = config.uri(NAMES).toString();
        assertThat(uri).startsWith("wss://api.deepgram.com/v1/listen?encoding=linear16&sample_rate=16000&channels=1")
                .contains("&interim_results=false", "&model=nova-2", "&keywords=Grimjaw&keywords=Thornwick&keywords=Forge")
                .doesNotContain("keyterm", "language", "smith", KEY);
        assertThat(new DeepgramEngine.Config("ws://x/v1/listen", "nova-3", null, "en", true, Duration.ofSeconds(1),
                Duration.ofSeconds(1)).uri(List.of("Thornwick Forge")).toString()).contains("&keyterm=Thornwick%20Forge");
        assertThat(config.toString()).doesNotContain(KEY);
    }

    private RecognitionException failure(SpeechRecognizer r) {
        return catchThrowableOfType(RecognitionException.class, () -> streamed(r, TestSpeech.voiced(SAID)));
    }

    @Test
    void aRefusedKeyIsAnError() {
        try (LogCapture logs = new LogCapture(); SpeechRecognizer r = recognizer("wrong-key", "nova-3", Duration.ofSeconds(20))) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.ERROR);
            assertThat(e.getMessage()).contains("refused the connection: HTTP 404").doesNotContain("wrong-key");
            assertThat(logs.text()).doesNotContain("wrong-key");
        }
    }

    @Test
    void aCloseWithAnErrorCodeIsAnErrorAndTheNextUtteranceWorksAgain() {
        server.mode(FakeDeepgramServer.Mode.ERROR_CLOSE);
        try (SpeechRecognizer r = recognizer()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.ERROR);
            assertThat(e.getMessage()).contains("1011", "NET-0000");
            server.mode(FakeDeepgramServer.Mode.TRANSCRIBE);
            assertThat(streamed(r, TestSpeech.voiced(SAID))).isEqualTo(server.transcript());
        }
    }

    @Test
    void aConnectionDroppedMidStreamIsADisconnect() {
        server.mode(FakeDeepgramServer.Mode.DROP);
        try (SpeechRecognizer r = recognizer()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.DISCONNECTED);
        }
    }

    @Test
    void noFinalResultInTimeIsATimeout() {
        server.mode(FakeDeepgramServer.Mode.HANG);
        try (SpeechRecognizer r = recognizer(KEY, "nova-3", Duration.ofMillis(300))) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("no final result within 300 ms");
        }
    }

    @Test
    void somethingThatIsNotDeepgramJsonIsGarbage() {
        server.mode(FakeDeepgramServer.Mode.GARBAGE);
        try (SpeechRecognizer r = recognizer()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.GARBAGE);
            assertThat(e.getMessage()).contains("not JSON", "502 Bad Gateway");
        }
    }

    @Test
    void nobodyListeningIsADisconnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        engine = new DeepgramEngine(new DeepgramEngine.Config("ws://127.0.0.1:" + port + "/v1/listen", "nova-3", KEY,
                "en", true, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        try (SpeechRecognizer r = engine.create()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.DISCONNECTED);
            assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain(KEY);
        }
    }

    @Test
    void cancellingAnUtteranceDoesNotWaitForItsText() {
        server.mode(FakeDeepgramServer.Mode.HANG);
        try (SpeechRecognizer r = recognizer(KEY, "nova-3", Duration.ofDays(1))) {
            r.startUtterance();
            r.feed(TestSpeech.voiced(SAID));
            r.cancelUtterance(); // would block for a day if it waited
            server.mode(FakeDeepgramServer.Mode.TRANSCRIBE);
            assertThat(r.transcribe(TestSpeech.voiced(SAID))).isEqualTo(server.transcript());
        }
    }
}
