package dev.glyphoxa.stt.provider.openai;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.fakes.FakeTranscriptionServer;
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

/** The OpenAI-style recogniser against a local server that speaks the transcriptions API. */
class OpenAiRecognizerTest {

    static final String KEY = "sk-secret-0123456789abcdef";
    static final String SAID = "have you seen Grimjaw today";

    private FakeTranscriptionServer server;
    private OpenAiTranscriptionEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTranscriptionServer(KEY);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    private SpeechRecognizer recognizer(String baseUrl, String key, Duration timeout) {
        engine = new OpenAiTranscriptionEngine(new OpenAiTranscriptionEngine.Config(baseUrl, "gpt-4o-mini-transcribe",
                key, "en", Duration.ofSeconds(5), timeout));
        SpeechRecognizer r = engine.create();
        r.expectNames(List.of("Grimjaw", "the smith", "Thornwick Forge"));
        return r;
    }

    private SpeechRecognizer recognizer() {
        return recognizer(server.baseUrl(), KEY, Duration.ofSeconds(20));
    }

    static String streamed(SpeechRecognizer r, short[] pcm) {
        r.startUtterance();
        for (int i = 0; i < pcm.length; i += 320) {
            r.feed(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 320)));
        }
        return r.finishUtterance();
    }

    @Test
    void postsTheUtteranceAsAWavInAMultipartFormAndReturnsTheText() {
        short[] pcm = TestSpeech.voiced(SAID);
        try (SpeechRecognizer r = recognizer()) {
            assertThat(streamed(r, pcm)).isEqualTo("Have you seen Grimjaw today?");
        }
        FakeTranscriptionServer.Received req = server.received().getFirst();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(req.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(req.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(req.fields()).containsEntry("model", "gpt-4o-mini-transcribe").containsEntry("response_format", "json")
                .containsEntry("language", "en").containsEntry("prompt", "Grimjaw, the smith, Thornwick Forge.");
        assertThat(req.filename()).isEqualTo("utterance.wav");
        assertThat(req.fileContentType()).isEqualTo("audio/wav");
        FakeTranscriptionServer.WavHeader wav = FakeTranscriptionServer.wav(req.file());
        assertThat(wav).isNotNull();
        assertThat(wav.format()).isEqualTo(1);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(16_000);
        assertThat(wav.bitsPerSample()).isEqualTo(16);
        assertThat(wav.pcm()).isEqualTo(Pcm.toBytes(pcm));
    }

    @Test
    void aLocalServerNeedsNoKeyAndAnEmptyUtteranceNoRequest() throws Exception {
        try (FakeTranscriptionServer local = new FakeTranscriptionServer(null);
             SpeechRecognizer r = recognizer(local.baseUrl() + "/", null, Duration.ofSeconds(20))) {
            assertThat(r.transcribe(TestSpeech.voiced(SAID))).isEqualTo(local.transcript());
            assertThat(local.received().getFirst().authorization()).isNull();
            r.startUtterance();
            assertThat(r.finishUtterance()).isEmpty();
            assertThat(local.received()).hasSize(1);
        }
    }

    private RecognitionException failure(SpeechRecognizer r) {
        return catchThrowableOfType(RecognitionException.class, () -> r.transcribe(TestSpeech.voiced(SAID)));
    }

    @Test
    void aRefusedKeyIsAnErrorThatQuotesTheServerButNotTheKey() {
        try (LogCapture logs = new LogCapture(); SpeechRecognizer r = recognizer(server.baseUrl(), "sk-wrong-key", Duration.ofSeconds(20))) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.ERROR);
            assertThat(e.getMessage()).contains("HTTP 401", "Incorrect API key provided.").doesNotContain("sk-wrong-key");
            assertThat(logs.text()).doesNotContain("sk-wrong-key");
        }
    }

    @Test
    void aServerErrorIsAnError() {
        server.mode(FakeTranscriptionServer.Mode.ERROR_500);
        try (SpeechRecognizer r = recognizer()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.ERROR);
            assertThat(e.getMessage()).contains("HTTP 500", "The server had an error");
        }
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        server.mode(FakeTranscriptionServer.Mode.HANG);
        try (SpeechRecognizer r = recognizer(server.baseUrl(), KEY, Duration.ofMillis(300))) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("300 ms");
        }
    }

    @Test
    void aServerThatIsNotThereIsADisconnect() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (SpeechRecognizer r = recognizer("http://127.0.0.1:" + port + "/v1", KEY, Duration.ofSeconds(20))) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.DISCONNECTED);
            assertThat(e.getMessage()).startsWith("cannot connect to http://127.0.0.1:" + port + "/v1/audio/transcriptions");
        }
    }

    @Test
    void anInterruptedThreadIsADisconnectAndStaysInterrupted() {
        try (SpeechRecognizer r = recognizer()) {
            Thread.currentThread().interrupt();
            RecognitionException e = failure(r);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.DISCONNECTED);
            assertThat(e.getMessage()).contains("interrupted");
        }
    }

    @Test
    void anAnswerThatIsNotTheApisJsonIsGarbage() {
        server.mode(FakeTranscriptionServer.Mode.GARBAGE);
        try (SpeechRecognizer r = recognizer()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.GARBAGE);
            assertThat(e.getMessage()).contains("not JSON", "502 Bad Gateway");
        }
        server.mode(FakeTranscriptionServer.Mode.NO_TEXT);
        try (SpeechRecognizer r = recognizer()) {
            RecognitionException e = failure(r);
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.GARBAGE);
            assertThat(e.getMessage()).contains("without a \"text\" field");
        }
    }

    @Test
    void theBaseUrlMayAlreadyNameTheEndpoint() {
        var config = new OpenAiTranscriptionEngine.Config("https://api.groq.com/openai/v1/audio/transcriptions/",
                "whisper-large-v3", KEY, "", Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(config.endpoint().toString()).isEqualTo("https://api.groq.com/openai/v1/audio/transcriptions");
        assertThat(config.toString()).doesNotContain(KEY);
        assertThat(OpenAiTranscriptionEngine.prompt(List.of())).isEmpty();
        assertThat(OpenAiTranscriptionEngine.prompt(List.of("x".repeat(2000), "Grimjaw"))).isEqualTo("Grimjaw.");
    }
}
