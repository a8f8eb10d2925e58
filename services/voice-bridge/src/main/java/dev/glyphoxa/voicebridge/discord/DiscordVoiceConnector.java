package dev.glyphoxa.voicebridge.discord;

import club.minnced.discord.jdave.interop.JDaveSessionFactory;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.audio.AudioModuleConfig;
import net.dv8tion.jda.api.audio.AudioReceiveHandler;
import net.dv8tion.jda.api.audio.AudioSendHandler;
import net.dv8tion.jda.api.audio.hooks.ConnectionListener;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.managers.AudioManager;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

import java.time.Duration;
import java.util.EnumSet;

/**
 * The JDA part of Discord voice, kept thin: how the bot logs in and how a guild's voice connection is opened
 * and closed. Everything that touches audio is in plain classes ({@link ReceivedAudioMapper},
 * {@link dev.glyphoxa.voicebridge.TurnPlayer}) behind JDA's handler interfaces.
 */
public final class DiscordVoiceConnector implements DiscordGateway {

    /** Voice states tell JDA who is in which channel; that is all the bridge listens to. */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_VOICE_STATES);

    private final JDA jda;

    /** Logs in in the background; {@link #ready()} says when it is done. */
    public DiscordVoiceConnector(String botToken) {
        this.jda = builder(botToken).build();
    }

    /**
     * Since March 2026 Discord closes voice connections that do not speak DAVE end-to-end encryption (close code
     * 4017); JDA's default is a pass-through that does not, so the jdave session factory is not optional.
     */
    public static AudioModuleConfig audioModuleConfig() {
        return new AudioModuleConfig().withDaveSessionFactory(new JDaveSessionFactory());
    }

    /** Everything about the bot's JDA except connecting, so tests can check it. */
    public static JDABuilder builder(String botToken) {
        return JDABuilder.createLight(botToken, INTENTS)
                // openAudioConnection needs cached voice states; members are cached only while in voice
                .enableCache(CacheFlag.VOICE_STATE)
                .setMemberCachePolicy(MemberCachePolicy.VOICE)
                .setAudioModuleConfig(audioModuleConfig())
                .setAutoReconnect(true)
                // Micronaut closes the connector at shutdown; JDA's own hook would race it
                .setEnableShutdownHook(false);
    }

    @Override
    public boolean ready() {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }

    @Override
    public String status() {
        return jda.getStatus().name();
    }

    @Override
    public long selfUserId() {
        return jda.getSelfUser().getIdLong();
    }

    @Override
    public void open(DiscordTarget target, AudioSendHandler send, AudioReceiveHandler receive, ConnectionListener listener) {
        Guild guild = jda.getGuildById(target.guildId());
        if (guild == null) {
            throw new IllegalStateException("the bot is not a member of guild " + target.guildId());
        }
        AudioChannel channel = guild.getChannelById(AudioChannel.class, target.channelId());
        if (channel == null) {
            throw new IllegalStateException("guild " + target.guildId() + " has no voice channel " + target.channelId());
        }
        AudioManager audio = guild.getAudioManager();
        audio.setSendingHandler(send);
        audio.setReceivingHandler(receive);
        audio.setConnectionListener(listener);
        audio.setSelfDeafened(false);   // a deafened bot receives no audio
        audio.openAudioConnection(channel);
    }

    @Override
    public void close(long guildId) {
        Guild guild = jda.getGuildById(guildId);
        if (guild != null) {
            AudioManager audio = guild.getAudioManager();
            audio.closeAudioConnection();
            audio.setSendingHandler(null);
            audio.setReceivingHandler(null);
            audio.setConnectionListener(null);
        }
    }

    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
