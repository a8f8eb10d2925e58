package dev.glyphoxa.voicebridge;

import dev.glyphoxa.localstack.FreePorts;
import dev.glyphoxa.stage.HealthController;
import dev.glyphoxa.voicebridge.discord.DiscordSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's beans wired as in production, with no broker behind the Kafka address (nothing is produced or
 * awaited; the consumers only try to connect) and no Discord token, so nothing leaves the machine.
 */
class BridgeWiringTest {

    static Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "glyphoxa.kafka.bootstrap-servers", "127.0.0.1:" + FreePorts.next(),
                "glyphoxa.voice-bridge.playback", "off",
                "glyphoxa.voice-bridge.reply-dir", Path.of("target", "wiring-replies").toString()));
        props.putAll(extra);
        return props;
    }

    @Test
    void withoutATokenDiscordIsOffAndReadinessSaysDisabled() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            assertThat(context.getBean(DiscordSettings.class).active()).isFalse();
            VoiceChannels channels = context.getBean(VoiceChannels.class);
            assertThat(channels.byKind("local")).isPresent();
            assertThat(channels.byKind("discord")).isPresent();

            Map<String, String> checks = context.getBean(HealthController.class).ready().body().checks();
            assertThat(checks).containsEntry("discord-voice", "UP: disabled").containsKeys("control", "voice-out");
        }
    }

    @Test
    void aTokenWithEnabledFalseKeepsDiscordOff() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of(
                "glyphoxa.discord.bot-token", "never-used-token", "glyphoxa.discord.enabled", false)))) {
            DiscordSettings settings = context.getBean(DiscordSettings.class);
            assertThat(settings.active()).isFalse();
            assertThat(settings.jitterPackets()).isEqualTo(3);
            assertThat(context.getBean(HealthController.class).ready().body().checks())
                    .containsEntry("discord-voice", "UP: disabled");
        }
    }
}
