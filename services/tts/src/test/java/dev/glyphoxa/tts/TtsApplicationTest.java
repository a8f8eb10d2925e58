package dev.glyphoxa.tts;

import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
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
                "glyphoxa.tts.synthesis-timeout", "12s");
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
        }
    }
}
