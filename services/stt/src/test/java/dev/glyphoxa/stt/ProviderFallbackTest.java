package dev.glyphoxa.stt;

import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.RecognitionException.Reason;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.glyphoxa.stt.TranscriberTest.FULL;
import static dev.glyphoxa.stt.TranscriberTest.chunk;
import static dev.glyphoxa.stt.TranscriberTest.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An utterance a cloud provider fails on is transcribed offline from the stored audio, or published empty. */
class ProviderFallbackTest {

    /** A cloud engine stand-in whose every utterance fails the given way at its end. */
    static final class FailingCloud implements RecognizerFactory {
        final RuntimeException failure;
        final List<Boolean> closed = new ArrayList<>();

        FailingCloud(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public String provider() {
            return "cloud";
        }

        @Override
        public SpeechRecognizer create() {
            int index = closed.size();
            closed.add(false);
            return new SpeechRecognizer() {
                @Override
                public void addWords(List<Pronunciation> words) {
                }

                @Override
                public void startUtterance() {
                }

                @Override
                public void feed(short[] pcm16k) {
                }

                @Override
                public String finishUtterance() {
                    throw failure;
                }

                @Override
                public void close() {
                    closed.set(index, true);
                }
            };
        }

        @Override
        public boolean knowsWord(String word) {
            return true;
        }

        @Override
        public Set<String> phones() {
            return Set.of();
        }
    }

    static final Vocabulary GRIMJAW = new Vocabulary(List.of("Grimjaw", "Thornwick Forge"),
            List.of(RecognizerPoolTest.word("grimjaw", "G R IH M JH AO")));

    private static double failures(SimpleMeterRegistry registry, String reason) {
        var counter = registry.find("glyphoxa.stt.provider.failures").tags("provider", "cloud", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theOfflineRecogniserTranscribesTheStoredAudioWhenTheLiveProviderFails() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FailingCloud cloud = new FailingCloud(new RecognitionException(Reason.TIMEOUT, "no final result"));
        FakeEngine offlineEngine = new FakeEngine();
        ProviderFallback fallback = new ProviderFallback("cloud", new RecognizerPool(offlineEngine, 1), registry);
        Transcriber t = new Transcriber(new RecognizerPool(cloud, 2), fallback);
        try (LogCapture logs = new LogCapture()) {
            t.start("s\u001fp", "u1", GRIMJAW);
            for (int i = 0; i < 5; i++) {
                t.audio("s\u001fp", "u1", i, chunk(i + 1));
            }
            Recognition r = t.finish("s\u001fp", "u1", 5, GRIMJAW, () -> stored(5));
            assertThat(r.text()).isEqualTo(FULL);
            assertThat(r.source()).isEqualTo(Recognition.Source.FALLBACK);
            assertThat(r.provider()).isEqualTo("fake");
            assertThat(logs.warnings(ProviderFallback.class)).singleElement().asString()
                    .contains("s/p", "cloud failed on utterance u1", "timeout: no final result", "fake transcribes it");
        }
        assertThat(failures(registry, "timeout")).isEqualTo(1);
        assertThat(fallback.recovered()).isEqualTo(1);
        assertThat(cloud.closed).containsExactly(true); // a recogniser that failed is not pooled again
        assertThat(offlineEngine.made.getFirst().words).containsExactly("grimjaw");
        assertThat(t.liveCount()).isZero();
    }

    @Test
    void aFailureOnTheStoredAudioPathFallsBackToo() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FailingCloud cloud = new FailingCloud(new RecognitionException(Reason.GARBAGE, "not JSON"));
        Transcriber t = new Transcriber(new RecognizerPool(cloud, 2),
                new ProviderFallback("cloud", new RecognizerPool(new FakeEngine(), 1), registry));
        Recognition r = t.finish("s\u001fp", "u1", 5, Vocabulary.NONE, () -> stored(5)); // this instance saw no chunk
        assertThat(r.text()).isEqualTo(FULL);
        assertThat(r.provider()).isEqualTo("fake");
        assertThat(failures(registry, "garbage")).isEqualTo(1);
    }

    @Test
    void withoutAnOfflineRecogniserTheUtteranceGetsAnEmptyTranscript() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Transcriber t = new Transcriber(new RecognizerPool(new FailingCloud(
                new RecognitionException(Reason.ERROR, "HTTP 500")), 2), new ProviderFallback("cloud", null, registry));
        try (LogCapture logs = new LogCapture()) {
            t.start("s\u001fp", "u1", Vocabulary.NONE);
            t.audio("s\u001fp", "u1", 0, chunk(1));
            Recognition r = t.finish("s\u001fp", "u1", 1, Vocabulary.NONE, () -> stored(1));
            assertThat(r.text()).isEmpty();
            assertThat(r.provider()).isEqualTo("cloud");
            assertThat(logs.warnings(ProviderFallback.class)).singleElement().asString().contains("empty transcript");
        }
        assertThat(failures(registry, "error")).isEqualTo(1);
    }

    @Test
    void aFailureThatIsNotTheProvidersStillGoesToDeadLetters() {
        Transcriber t = new Transcriber(new RecognizerPool(new FailingCloud(new IllegalStateException("a bug")), 2),
                new ProviderFallback("cloud", new RecognizerPool(new FakeEngine(), 1), new SimpleMeterRegistry()));
        assertThatThrownBy(() -> t.finish("s\u001fp", "u1", 1, Vocabulary.NONE, () -> stored(1))).hasMessage("a bug");
    }

    @Test
    void theRecogniserIsToldTheSessionsNamesAndTheCloudEngineIsNotAskedToDecodeTwice() {
        FakeEngine engine = new FakeEngine();
        RecognizerFactory cloudLike = new RecognizerFactory() { // the fake, but paid per utterance like a cloud engine
            public String provider() {
                return "cloud";
            }

            public SpeechRecognizer create() {
                return engine.create();
            }

            public boolean knowsWord(String word) {
                return true;
            }

            public Set<String> phones() {
                return Set.of();
            }
        };
        Transcriber t = new Transcriber(new RecognizerPool(cloudLike, 2));
        t.start("s\u001fp", "u1", GRIMJAW);
        t.audio("s\u001fp", "u1", 0, chunk(1));
        Recognition r = t.finish("s\u001fp", "u1", 1, GRIMJAW, () -> { throw new AssertionError("must not read the store"); });
        assertThat(r.source()).isEqualTo(Recognition.Source.LIVE);
        assertThat(engine.made.getFirst().names).containsExactly("Grimjaw", "Thornwick Forge");
        assertThat(engine.made.getFirst().utterances).isEqualTo(1);
    }
}
