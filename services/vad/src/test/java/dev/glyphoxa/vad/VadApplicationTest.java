package dev.glyphoxa.vad;

import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.vad.provider.VoiceActivityModel;
import dev.glyphoxa.vad.provider.silero.SileroVad;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service wires up as deployed: settings from application.yml, Silero as the model, the VAD topology as the stage. */
class VadApplicationTest {

    @Test
    void wiresTheStageWithItsSettings(@TempDir Path stateDir) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();        // nothing listens there once closed: no broker is needed
        }
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "glyphoxa.kafka.bootstrap-servers", "127.0.0.1:" + closedPort,
                "glyphoxa.kafka.state-dir", stateDir.toString(),
                "glyphoxa.vad.hangover-ms", "700",
                "glyphoxa.vad.barge-in-ms", "300"))) {
            assertThat(ctx.getBean(StageTopology.class)).isInstanceOf(VadTopology.class);
            assertThat(ctx.getBean(StageTopology.class).applicationId()).isEqualTo("glyphoxa-vad");
            assertThat(ctx.getBean(VoiceActivityModel.class)).isInstanceOf(SileroVad.class);
            VadSettings settings = ctx.getBean(VadSettings.class);
            assertThat(settings.hangoverMs()).isEqualTo(700);
            VadSettings d = VadSettings.defaults();
            assertThat(settings).isEqualTo(new VadSettings(d.threshold(), d.releaseThreshold(), d.minSpeechMs(), 700,
                    d.preRollMs(), d.chunkMs(), d.maxUtteranceMs(), d.punctuateMs(), d.idleForgetMs(), 300, d.bargeInGapMs()));
            assertThat(ctx.getProperty("micronaut.application.name", String.class)).contains("vad");
            assertThat(ctx.getBean(KafkaSettings.class).pollMs()).as("the end-of-speech timer needs short polls").isEqualTo(5);
        }
    }
}
