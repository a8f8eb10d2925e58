package dev.glyphoxa.voicebridge.discord;

import net.dv8tion.jda.api.audio.AudioReceiveHandler;
import net.dv8tion.jda.api.audio.AudioSendHandler;
import net.dv8tion.jda.api.audio.hooks.ConnectionListener;

/**
 * The bot's connection to Discord as the voice channel needs it: log in once, open and close one voice
 * connection per guild. {@link DiscordVoiceConnector} is the JDA implementation; tests use a fake, since Discord
 * voice cannot be imitated locally (JDA insists on wss:// and UDP for voice).
 */
public interface DiscordGateway extends AutoCloseable {

    /** Whether the gateway session is up, so guilds and channels can be looked up. */
    boolean ready();

    /** JDA's gateway status, for readiness. */
    String status();

    /** The bot's own user id; only valid when {@link #ready()}. */
    long selfUserId();

    /**
     * Opens (or re-opens) the guild's voice connection to the channel with these handlers.
     *
     * @throws IllegalStateException when the guild or channel is not known to the bot
     */
    void open(DiscordTarget target, AudioSendHandler send, AudioReceiveHandler receive, ConnectionListener listener);

    /** Closes the guild's voice connection, if any. */
    void close(long guildId);

    @Override
    void close();
}
