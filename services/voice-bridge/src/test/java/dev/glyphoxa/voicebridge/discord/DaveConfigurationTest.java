package dev.glyphoxa.voicebridge.discord;

import club.minnced.discord.jdave.interop.JDaveSessionFactory;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.audio.AudioModuleConfig;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's JDA configuration, read from the builder the connector would log in with (nothing connects). JDA's
 * builder has no getters, so its fields are read directly; if a JDA upgrade renames them this test fails, which
 * is the point: DAVE must stay checked.
 */
class DaveConfigurationTest {

    final JDABuilder builder = DiscordVoiceConnector.builder("not-a-real-token");

    @Test
    void voiceConnectionsUseTheDaveSessionFactory() throws Exception {
        AudioModuleConfig audio = (AudioModuleConfig) field("audioModuleConfig");
        assertThat(audio).as("the JDABuilder has no AudioModuleConfig").isNotNull();
        assertThat(audio.getDaveSessionFactory())
                .as("DAVE is not enabled: Discord closes voice connections without end-to-end encryption (close code 4017); "
                        + "set AudioModuleConfig.withDaveSessionFactory(new JDaveSessionFactory())")
                .isInstanceOf(JDaveSessionFactory.class);
    }

    @Test
    void receivesPerUserVoice() throws Exception {
        int intents = (int) field("intents");
        assertThat(GatewayIntent.getIntents(intents)).contains(GatewayIntent.GUILD_VOICE_STATES);
        assertThat(field("memberCachePolicy")).isSameAs(MemberCachePolicy.VOICE);
        @SuppressWarnings("unchecked")
        EnumSet<CacheFlag> cache = (EnumSet<CacheFlag>) field("cacheFlags");
        assertThat(cache).as("openAudioConnection needs cached voice states").contains(CacheFlag.VOICE_STATE);
    }

    @Test
    void tokenIsNeverPrintedWithTheSettings() {
        DiscordSettings settings = DiscordSettings.withToken("secret-token-value", null);
        assertThat(settings.active()).isTrue();
        assertThat(settings.toString()).doesNotContain("secret-token-value").contains("botToken=(set)");
        assertThat(DiscordSettings.disabled().active()).isFalse();
        assertThat(DiscordSettings.withToken("t", false).active()).isFalse();
        assertThat(DiscordSettings.withToken(" ", null).active()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscordSettings.withToken(null, true))
                .hasMessageContaining("DISCORD_BOT_TOKEN");
    }

    private Object field(String name) throws ReflectiveOperationException {
        Field f = JDABuilder.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(builder);
    }
}
