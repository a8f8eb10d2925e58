package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.VoicePacket;
import net.dv8tion.jda.api.audio.hooks.ConnectionListener;
import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One session's voice in one Discord channel: the link state, the jitter buffer towards Discord and the
 * numbering of what comes back. The mapper and pacer outlive re-connections, so speaker sequences keep growing
 * and queued NPC audio is not lost when the connection is re-opened.
 */
final class DiscordSession {

    private final String sessionId;
    private final DiscordTarget target;
    private final VoiceLink link;
    private final OutgoingAudioPacer pacer;
    private final ReceivedAudioMapper mapper;
    private final DiscordSendHandler send;
    private final DiscordReceiveHandler receive;
    private final ConnectionListener listener;
    private final LongSupplier clock;

    DiscordSession(String sessionId, DiscordTarget target, DiscordSettings settings, Consumer<VoicePacket> voiceIn,
                   Consumer<NpcAudio> firstOfTurnSent, LongSupplier clock) {
        this.sessionId = sessionId;
        this.target = target;
        this.clock = clock;
        this.link = new VoiceLink(settings.rejoinDelayMs(), settings.rejoinMaxDelayMs(), settings.stallMs(), clock.getAsLong());
        this.pacer = new OutgoingAudioPacer(settings.jitterPackets(), settings.gapTimeoutMs(), settings.idleTurnMs());
        this.mapper = new ReceivedAudioMapper(sessionId, 0);
        this.send = new DiscordSendHandler(pacer, clock, firstOfTurnSent);
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
        pacer.offer(packet, clock.getAsLong());
    }

    /**
     * Asks the gateway to open this session's connection; a refusal is recorded for the next attempt.
     *
     * @param gateway null while the bot is not logged in ({@code why} says why)
     */
    void open(DiscordGateway gateway, String why) {
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
        return "discord:" + target + " " + link.describe() + ", " + pacer.state();
    }
}
