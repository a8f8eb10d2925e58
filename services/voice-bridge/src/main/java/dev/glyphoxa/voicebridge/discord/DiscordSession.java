package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.TurnPlayer;
import net.dv8tion.jda.api.audio.hooks.ConnectionListener;
import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One session's voice in one Discord channel: the link state, the turn player towards Discord and the
 * numbering of what comes back. The mapper and player outlive re-connections, so speaker sequences keep growing
 * and queued NPC audio is not lost when the connection is re-opened.
 */
final class DiscordSession {

    private final String sessionId;
    private final TenantBot bot;
    private final DiscordTarget target;
    private final VoiceLink link;
    private final TurnPlayer player;
    private final ReceivedAudioMapper mapper;
    private final DiscordSendHandler send;
    private final DiscordReceiveHandler receive;
    private final ConnectionListener listener;
    private final LongSupplier clock;

    DiscordSession(String sessionId, TenantBot bot, DiscordTarget target, DiscordSettings settings, Consumer<VoicePacket> voiceIn,
                   PlaybackListener playback, LongSupplier clock) {
        this.sessionId = sessionId;
        this.bot = bot;
        this.target = target;
        this.clock = clock;
        this.link = new VoiceLink(settings.rejoinDelayMs(), settings.rejoinMaxDelayMs(), settings.stallMs(), clock.getAsLong());
        this.player = new TurnPlayer(settings.jitterPackets(), settings.gapTimeoutMs(), settings.idleTurnMs(), playback);
        this.mapper = new ReceivedAudioMapper(sessionId, 0);
        this.send = new DiscordSendHandler(player, clock);
        this.receive = new DiscordReceiveHandler(mapper, voiceIn, clock);
        this.listener = new ConnectionListener() {
            @Override
            public void onStatusChange(ConnectionStatus status) {
                link.onStatus(status, DiscordSession.this.clock.getAsLong());
            }
        };
    }

    String sessionId() {
        return sessionId;
    }

    /** The bot (the tenant's own, or the deployment's) that carries this session. */
    TenantBot bot() {
        return bot;
    }

    DiscordTarget target() {
        return target;
    }

    VoiceLink link() {
        return link;
    }

    ReceivedAudioMapper mapper() {
        return mapper;
    }

    void play(NpcAudio packet) {
        player.offer(packet, clock.getAsLong());
    }

    boolean cutPlaying(String speakerId) {
        return player.cut(null, CutReason.BARGE_IN, speakerId, clock.getAsLong());
    }

    /** The session is left: what plays or waits to play will not be heard. */
    void left() {
        player.leave(clock.getAsLong());
    }

    /** Asks its bot's gateway to open this session's connection; a refusal is recorded for the next attempt. */
    void open() {
        DiscordGateway gateway = bot.gateway();
        String why = bot.login().problem();
        long now = clock.getAsLong();
        if (gateway == null || !gateway.ready()) {
            link.openFailed(gateway == null ? "bot not logged in: " + why : "Discord gateway " + gateway.status(), now);
            return;
        }
        link.opening(now);
        try {
            mapper.ignoreUser(gateway.selfUserId());
            gateway.open(target, send, receive, listener);
        } catch (RuntimeException e) {
            link.openFailed(e.getMessage(), now);
        }
    }

    String describe() {
        return "discord:" + target + " via " + bot.name() + " " + link.describe() + ", " + player.state();
    }
}
