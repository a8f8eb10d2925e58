package dev.glyphoxa.stt;

import dev.glyphoxa.fakes.FakeDeepgramServer;
import dev.glyphoxa.fakes.FakeTranscriptionServer;
import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stt.SttTopologyTest.Stage;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.deepgram.DeepgramEngine;
import dev.glyphoxa.stt.provider.openai.OpenAiTranscriptionEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.glyphoxa.stt.SttTopologyTest.ALICE_SAYS;
import static dev.glyphoxa.stt.SttTopologyTest.SESSION;
import static dev.glyphoxa.stt.SttTopologyTest.audio;
import static dev.glyphoxa.stt.SttTopologyTest.chunks;
import static dev.glyphoxa.stt.SttTopologyTest.ended;
import static dev.glyphoxa.stt.SttTopologyTest.sessionStarted;
import static dev.glyphoxa.stt.SttTopologyTest.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production topology with a cloud provider (local fakes speaking Deepgram's and OpenAI's wire formats) and
 * real PocketSphinx standing in for the utterances the provider fails on.
 */
class CloudProviderTopologyTest {

    static final String KEY = "cloud-secret-key-7f3a9c";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FakeDeepgramServer deepgram;
    private FakeTranscriptionServer openai;

    @BeforeEach
    void start() throws Exception {
        deepgram = new FakeDeepgramServer(KEY);
        openai = new FakeTranscriptionServer(KEY);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        deepgram.close();
        openai.close();
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        open.add(c);
        return c;
    }

    private RecognizerFactory deepgram(String key, Duration resultTimeout) {
        return closeLater(new DeepgramEngine(new DeepgramEngine.Config(deepgram.baseUrl(), "nova-3", key, "en", true,
                Duration.ofSeconds(5), resultTimeout)));
    }

    private RecognizerFactory openai(Duration resultTimeout) {
        return closeLater(new OpenAiTranscriptionEngine(new OpenAiTranscriptionEngine.Config(openai.baseUrl(),
                "whisper-1", KEY, "en", Duration.ofSeconds(5), resultTimeout)));
    }

    /** A stage with the cloud engine and, if asked, PocketSphinx (with Festival for the names) as its fallback. */
    private Stage stage(RecognizerFactory cloud, boolean offlineFallback) {
        RecognizerPool offline = offlineFallback ? new RecognizerPool(TestSpeech.engine(), 1) : null;
        CampaignVocabulary vocabulary = new CampaignVocabulary(new FestivalPronouncer("festival", 30_000),
                TestSpeech.engine()::knowsWord, TestSpeech.engine().phones());
        Stage stage = new Stage(new RecognizerPool(cloud, 2), new ProviderFallback(cloud.provider(), offline, registry),
                vocabulary, SttSettings.defaults(), registry);
        if (offline != null) {
            closeLater(offline);
        }
        return closeLater(stage);
    }

    /** Alice says her line in 20 ms chunks; everything the stage published for it, in order. */
    private static List<Transcript> aliceSpeaks(Stage stage) {
        List<short[]> chunks = chunks(TestSpeech.voiced(ALICE_SAYS));
        stage.send(sessionStarted(SESSION));
        stage.send(started(SESSION, "alice", "a-1", 1_000));
        for (int i = 0; i < chunks.size(); i++) {
            stage.send(audio(SESSION, "alice", "a-1", i, chunks.get(i)));
        }
        stage.send(ended(SESSION, "alice", "a-1", "turn-a", chunks.size(), TurnTimings.newBuilder().setSpeechEndMs(4_000L).build()));
        assertThat(stage.dead.readValuesToList()).isEmpty();
        return stage.transcripts.readValuesToList();
    }

    private double failures(String provider, String reason) {
        var counter = registry.find("glyphoxa.stt.provider.failures").tags("provider", provider, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void deepgramTranscribesWithTheCampaignsNamesAsKeyterms() {
        List<Transcript> out = aliceSpeaks(stage(deepgram(KEY, Duration.ofSeconds(20)), true));

        System.out.println("interim transcripts before the final one: " + (out.size() - 1));
        Transcript last = out.getLast();
        assertThat(last.getIsFinal()).isTrue();
        assertThat(last.getText()).isEqualTo("Have you seen Grimjaw today?");
        assertThat(last.getProvider()).isEqualTo("deepgram");
        assertThat(last.getTurnId()).isEqualTo("turn-a");
        assertThat(last.getSpeechStartMs()).isEqualTo(1_000);
        assertThat(last.getSpeechEndMs()).isEqualTo(4_000);
        // Whether an interim result arrives before the last chunk is a race with the network; what arrives is non-final.
        assertThat(out.subList(0, out.size() - 1)).allSatisfy(t -> {
            assertThat(t.getIsFinal()).isFalse();
            assertThat(t.getTurnId()).isEmpty();
            assertThat(t.getProvider()).isEqualTo("deepgram");
            assertThat(t.getUtteranceId()).isEqualTo("a-1");
        });
        assertThat(deepgram.connections().getFirst().query.get("keyterm"))
                .containsExactlyInAnyOrder("Grimjaw", "the smith", "Thornwick Forge");
        assertThat(registry.find("glyphoxa.stt.provider.failures").counters()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ERROR_CLOSE, error", "DROP, disconnected", "HANG, timeout", "GARBAGE, garbage", "REJECTED_KEY, error"})
    void aDeepgramFailureIsCountedAndPocketSphinxTranscribesTheUtterance(String mode, String reason) {
        boolean rejected = mode.equals("REJECTED_KEY");
        if (!rejected) {
            deepgram.mode(FakeDeepgramServer.Mode.valueOf(mode));
        }
        String key = rejected ? "wrong-" + KEY : KEY;
        try (LogCapture logs = new LogCapture()) {
            List<Transcript> out = aliceSpeaks(stage(deepgram(key, Duration.ofMillis(500)), true));

            Transcript last = out.getLast();
            assertThat(last.getIsFinal()).isTrue();
            assertThat(last.getProvider()).isEqualTo("pocketsphinx");
            assertThat(last.getText()).contains("Grimjaw"); // the fallback decoder got the campaign's names
            assertThat(TestSpeech.wer(ALICE_SAYS, last.getText())).isLessThanOrEqualTo(0.2);
            assertThat(failures("deepgram", reason)).isEqualTo(1);
            assertThat(logs.warnings(ProviderFallback.class)).singleElement().asString()
                    .contains("deepgram failed on utterance a-1 (" + reason + ":", "pocketsphinx transcribes it");
            assertThat(logs.text()).doesNotContain(KEY);
        }
    }

    @Test
    void withoutAnOfflineRecogniserAFailedUtteranceStillEndsItsTurnWithAnEmptyTranscript() {
        deepgram.mode(FakeDeepgramServer.Mode.ERROR_CLOSE);
        List<Transcript> out = aliceSpeaks(stage(deepgram(KEY, Duration.ofSeconds(20)), false));
        assertThat(out.subList(0, out.size() - 1)).noneMatch(Transcript::getIsFinal);
        assertThat(out.getLast()).satisfies(t -> {
            assertThat(t.getIsFinal()).isTrue();
            assertThat(t.getText()).isEmpty();
            assertThat(t.getTurnId()).isEqualTo("turn-a");
            assertThat(t.getProvider()).isEqualTo("deepgram");
        });
        assertThat(failures("deepgram", "error")).isEqualTo(1);
    }

    @Test
    void anOpenAiStyleEndpointTranscribesWithTheNamesAsPrompt() {
        List<Transcript> out = aliceSpeaks(stage(openai(Duration.ofSeconds(20)), true));
        assertThat(out).singleElement().satisfies(t -> {
            assertThat(t.getText()).isEqualTo("Have you seen Grimjaw today?");
            assertThat(t.getProvider()).isEqualTo("openai");
            assertThat(t.getIsFinal()).isTrue();
        });
        assertThat(openai.received().getFirst().fields().get("prompt")).contains("Grimjaw", "Thornwick Forge");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ERROR_500, error", "HANG, timeout", "GARBAGE, garbage", "NO_TEXT, garbage"})
    void anOpenAiFailureIsCountedAndPocketSphinxTranscribesTheUtterance(String mode, String reason) {
        openai.mode(FakeTranscriptionServer.Mode.valueOf(mode));
        try (LogCapture logs = new LogCapture()) {
            List<Transcript> out = aliceSpeaks(stage(openai(Duration.ofMillis(500)), true));
            assertThat(out).singleElement().satisfies(t -> {
                assertThat(t.getProvider()).isEqualTo("pocketsphinx");
                assertThat(TestSpeech.wer(ALICE_SAYS, t.getText())).isLessThanOrEqualTo(0.2);
            });
            assertThat(failures("openai", reason)).isEqualTo(1);
            assertThat(logs.warnings(ProviderFallback.class)).hasSize(1);
            assertThat(logs.text()).doesNotContain(KEY);
        }
    }

    @Test
    void theLiveRecognisersTextSoFarIsPublishedAsInterimTranscripts() {
        FakeEngine engine = new FakeEngine(true);
        try (Stage stage = new Stage(engine, words -> java.util.Map.of(), SttSettings.defaults())) {
            stage.send(started(SESSION, "bob", "b-1", 500));
            for (int i = 0; i < 3; i++) {
                stage.send(audio(SESSION, "bob", "b-1", i, new short[320]));
            }
            stage.send(ended(SESSION, "bob", "b-1", "turn-b", 3, TurnTimings.newBuilder().build()));

            List<Transcript> out = stage.transcripts.readValuesToList();
            assertThat(out).extracting(Transcript::getText)
                    .containsExactly("heard 320 so far", "heard 640 so far", "heard 960 so far", "heard 960 sum 0");
            assertThat(out).extracting(Transcript::getIsFinal).containsExactly(false, false, false, true);
            Transcript interim = out.get(1);
            assertThat(interim.getTurnId()).isEmpty();
            assertThat(interim.getSpeechStartMs()).isEqualTo(500);
            assertThat(interim.getSpeechEndMs()).isEqualTo(540); // 640 samples at 16 kHz
            assertThat(interim.getTimings().getSttFinalMs()).isNull();
            assertThat(out.getLast().getTurnId()).isEqualTo("turn-b");
        }
    }
}
