package dev.glyphoxa.stt;

import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stt.provider.deepgram.DeepgramEngine;
import dev.glyphoxa.stt.provider.openai.OpenAiTranscriptionEngine;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Micronaut wiring: the recogniser chosen by configuration, the offline default with none. */
class SttApplicationTest {

    @TempDir
    Path dir;

    private Map<String, Object> base() throws Exception {
        String nowhere;
        try (ServerSocket s = new ServerSocket(0)) {
            nowhere = "127.0.0.1:" + s.getLocalPort(); // nobody listens: Kafka Streams just waits for a broker
        }
        Map<String, Object> props = new HashMap<>();
        props.put("glyphoxa.kafka.bootstrap-servers", nowhere);
        props.put("glyphoxa.kafka.state-dir", dir.resolve("state").toString());
        props.put("glyphoxa.stt.warm-decoders", "0");
        return props;
    }

    @Test
    void withoutConfigurationPocketSphinxRecognisesAndNeedsNoFallback() throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(base())) {
            SttEngines engines = ctx.getBean(SttEngines.class);
            assertThat(engines.primary()).isInstanceOf(PocketSphinxEngine.class);
            assertThat(engines.fallback()).isNull();
            assertThat(ctx.getBean(SttProviderSettings.class).provider()).isEqualTo("pocketsphinx");
            assertThat(ctx.getBean(SttSettings.class).idleDecoders()).isEqualTo(4);
            assertThat(ctx.getBean(Transcriber.class).provider()).isEqualTo("pocketsphinx");
            assertThat(ctx.getBean(StageTopology.class).applicationId()).isEqualTo("glyphoxa-stt");
        }
    }

    @Test
    void deepgramIsChosenBySettingsWithPocketSphinxAsFallbackAndTheKeyFromAFile() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("deepgram.key"), "dg-key-from-file-123\n");
        Map<String, Object> props = base();
        props.put("glyphoxa.stt.provider", "deepgram");
        props.put("glyphoxa.stt.api-key-file", keyFile.toString());
        props.put("glyphoxa.stt.result-timeout", "750ms");
        props.put("glyphoxa.stt.model", "nova-2");
        try (LogCapture logs = new LogCapture(); ApplicationContext ctx = ApplicationContext.run(props)) {
            SttEngines engines = ctx.getBean(SttEngines.class);
            assertThat(engines.primary()).isInstanceOf(DeepgramEngine.class);
            DeepgramEngine.Config config = ((DeepgramEngine) engines.primary()).config();
            assertThat(config.endpoint()).isEqualTo(DeepgramEngine.DEFAULT_BASE_URL);
            assertThat(config.apiKey()).isEqualTo("dg-key-from-file-123");
            assertThat(config.model()).isEqualTo("nova-2");
            assertThat(config.resultTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(engines.fallback()).isInstanceOf(PocketSphinxEngine.class);
            assertThat(ctx.getBean(Transcriber.class).provider()).isEqualTo("deepgram");
            assertThat(ctx.getBean(SttProviderSettings.class).toString()).doesNotContain("dg-key-from-file-123");
            assertThat(logs.text()).contains("PocketSphinx transcribes the utterances it fails on")
                    .doesNotContain("dg-key-from-file-123");
        }
    }

    @Test
    void anOpenAiStyleServerIsChosenBySettings() throws Exception {
        Map<String, Object> props = base();
        props.put("glyphoxa.stt.provider", "openai");
        props.put("glyphoxa.stt.base-url", "http://127.0.0.1:8000/v1");
        props.put("glyphoxa.stt.model", "Systran/faster-whisper-small");
        props.put("glyphoxa.stt.offline-fallback", "false");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            SttEngines engines = ctx.getBean(SttEngines.class);
            assertThat(engines.primary()).isInstanceOf(OpenAiTranscriptionEngine.class);
            assertThat(((OpenAiTranscriptionEngine) engines.primary()).config().endpoint().toString())
                    .isEqualTo("http://127.0.0.1:8000/v1/audio/transcriptions");
            assertThat(((OpenAiTranscriptionEngine) engines.primary()).config().apiKey()).isNull();
            assertThat(engines.offline()).isNull();
        }
    }
}
