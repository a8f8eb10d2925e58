package dev.glyphoxa.tts;

import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.ReadinessCheck;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.tts.provider.MissingProvider;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Micronaut wiring: settings bind, the default voice is warmed up, the stage runs the TTS topology. */
class TtsApplicationTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void wiresSettingsEnginesAndTopology(@TempDir Path stateDir) throws IOException {
        // nothing listens there: Kafka Streams just keeps trying while we look at the beans
        Map<String, Object> props = Map.of(
                "glyphoxa.kafka.bootstrap-servers", "127.0.0.1:" + freePort(),
                "glyphoxa.kafka.state-dir", stateDir.toString(),
                "glyphoxa.tts.default-voice", "festival:slt-low",
                "glyphoxa.tts.synthesis-timeout", "12s",
                // whatever the developer's environment holds
                "glyphoxa.tts.elevenlabs.api-key", "",
                "glyphoxa.tts.elevenlabs.api-key-file", "");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            TtsSettings settings = ctx.getBean(TtsSettings.class);
            assertThat(settings.defaultVoice()).isEqualTo("festival:slt-low");
            assertThat(settings.synthesisTimeout()).isEqualTo(Duration.ofSeconds(12));
            assertThat(settings.opusBitrate()).isEqualTo(TtsSettings.defaults().opusBitrate());
            assertThat(settings.festivalVoice()).isEqualTo(TtsSettings.defaults().festivalVoice());
            assertThat(settings.maxTextChars()).isEqualTo(TtsSettings.defaults().maxTextChars());

            assertThat(ctx.getBean(StageTopology.class)).isInstanceOf(TtsTopology.class)
                    .extracting(StageTopology::applicationId).isEqualTo("glyphoxa-tts");
            assertThat(ctx.getBean(VoiceRouter.class).defaultVoice()).hasToString("festival:slt-low");
            // warmed up at startup: the long-lived Festival process already runs
            assertThat(ctx.getBean(FestivalSynthesizer.class).processIds().getFirst()).isPositive();
            assertThat(ctx.getProperty("micronaut.application.name", String.class)).contains("tts");
            assertThat(ctx.getBean(Synthesizer.class, Qualifiers.byName("elevenlabs"))).isInstanceOf(MissingProvider.class);
            assertThat(ctx.getBean(VoiceRouter.class).fallbackVoice()).hasToString("festival:slt-low");
            // the cut-turn listener runs from the start and reports in /readyz (not ready: no broker there)
            assertThat(ctx.getBeansOfType(ReadinessCheck.class)).extracting(ReadinessCheck::name)
                    .contains(CutTurns.LISTENER);
            assertThat(ctx.getBeansOfType(ReadinessCheck.class)).filteredOn(c -> c.name().equals(CutTurns.LISTENER))
                    .singleElement().satisfies(c -> assertThat(c.status().ready()).isFalse());
        }
    }

    @Test
    void elevenLabsFromAMountedSecretFile(@TempDir Path stateDir) throws IOException {
        Path secret = Files.writeString(stateDir.resolve("elevenlabs-key"), "sk_from_file_123456\n");
        Map<String, Object> props = Map.of(
                "glyphoxa.kafka.bootstrap-servers", "127.0.0.1:" + freePort(),
                "glyphoxa.kafka.state-dir", stateDir.resolve("state").toString(),
                "glyphoxa.tts.default-voice", "elevenlabs:JBFqnCBsd6RMkjVDRZzb",
                "glyphoxa.tts.fallback-voice", "espeak:en+m3",
                "glyphoxa.tts.elevenlabs.api-key", "",
                "glyphoxa.tts.elevenlabs.api-key-file", secret.toString(),
                "glyphoxa.tts.elevenlabs.output-format", "pcm_16000",
                "glyphoxa.tts.elevenlabs.timeout", "3s");
        try (LogCapture logs = new LogCapture(); ApplicationContext ctx = ApplicationContext.run(props)) {
            ElevenLabsSynthesizer elevenLabs = (ElevenLabsSynthesizer) ctx.getBean(Synthesizer.class, Qualifiers.byName("elevenlabs"));
            assertThat(elevenLabs.config().apiKey()).isEqualTo("sk_from_file_123456");
            assertThat(elevenLabs.config().sampleRate()).isEqualTo(16_000);
            assertThat(elevenLabs.config().timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(elevenLabs.config().lineTimeout()).isEqualTo(TtsSettings.defaults().synthesisTimeout());
            VoiceRouter router = ctx.getBean(VoiceRouter.class);
            assertThat(router.defaultVoice()).hasToString("elevenlabs:JBFqnCBsd6RMkjVDRZzb");
            assertThat(router.fallbackVoice()).hasToString("espeak:en+m3");
            assertThat(ctx.getBean(ElevenLabsSettings.class).toString()).doesNotContain("sk_from_file_123456");
            assertThat(logs.texts()).noneMatch(t -> t.contains("sk_from_file_123456"));
            // the failure counter lives in the registry /prometheus scrapes
            ctx.getBean(ProviderFailures.class).increment("elevenlabs", "timeout");
            assertThat(ctx.getBean(MeterRegistry.class).get(ProviderFailures.METER)
                    .tags("provider", "elevenlabs", "reason", "timeout").counter().count()).isEqualTo(1.0);
        }
    }
}
