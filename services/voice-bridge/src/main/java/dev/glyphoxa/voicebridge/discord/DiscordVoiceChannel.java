package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.stage.ReadinessCheck;
import dev.glyphoxa.voicebridge.BridgePlayback;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.VoiceChannel;
import dev.glyphoxa.voicebridge.VoicePacketPublisher;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sessions whose voice is a Discord channel ({@code discord:<guildId>/<voiceChannelId>}). One bot, one voice
 * connection per guild (Discord's rule): a session joining a guild another session still holds takes it over.
 * Every second a watchdog logs the bot in if it is not ({@link GatewayLogin}) and re-opens connections that
 * dropped ({@link VoiceLink} decides when). Off — joins are logged and skipped, readiness says "disabled" —
 * unless a bot token is configured ({@link DiscordSettings#active()}).
 */
@Context
public class DiscordVoiceChannel implements VoiceChannel, ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordVoiceChannel.class);
    private static final long WATCHDOG_MS = 1000;

    private final DiscordSettings settings;
    private final GatewayLogin login;
    private final Consumer<VoicePacket> voiceIn;
    private final PlaybackListener playback;
    private final LongSupplier clock;
    private final Map<String, DiscordSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    @Inject
    public DiscordVoiceChannel(DiscordSettings settings, VoicePacketPublisher publisher, BridgePlayback playback) {
        this(settings, settings.active() ? () -> new DiscordVoiceConnector(settings.botToken()) : null,
                publisher::publish, playback, System::currentTimeMillis);
        if (login == null) {
            LOG.info("Discord voice off: no bot token (glyphoxa.discord.bot-token / DISCORD_BOT_TOKEN)");
        } else {
            watchdog.scheduleWithFixedDelay(() -> tick(clock.getAsLong()), 0, WATCHDOG_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** For tests: {@code connect} null means Discord is off; nothing runs on its own, tests call {@link #tick}. */
    DiscordVoiceChannel(DiscordSettings settings, Supplier<DiscordGateway> connect, Consumer<VoicePacket> voiceIn,
                        PlaybackListener playback, LongSupplier clock) {
        this.settings = settings;
        this.login = connect == null ? null : new GatewayLogin(connect, settings.rejoinDelayMs(), settings.rejoinMaxDelayMs());
        this.voiceIn = voiceIn;
        this.playback = playback;
        this.clock = clock;
        this.watchdog = connect == null ? null : Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("discord-voice-watchdog").daemon().unstarted(r));
    }

    @Override
    public String kind() {
        return "discord";
    }

    @Override
    public synchronized void join(String sessionId, String target) {
        DiscordTarget where = DiscordTarget.parse(target);
        if (login == null) {
            LOG.warn("session {} wants Discord voice channel {}, but Discord voice is off (no bot token): not joined",
                    sessionId, where);
            return;
        }
        DiscordSession existing = sessions.get(sessionId);
        if (existing != null && existing.target().equals(where)) {
            return;   // a redelivered SessionStarted
        }
        if (existing != null) {
            leave(sessionId);   // the session moved to another channel
        }
        for (DiscordSession other : List.copyOf(sessions.values())) {
            if (other.target().guildId() == where.guildId()) {
                LOG.warn("session {} takes over guild {} from session {}", sessionId, where.guildId(), other.sessionId());
                leave(other.sessionId());
            }
        }
        DiscordSession session = new DiscordSession(sessionId, where, settings, voiceIn, playback, clock);
        sessions.put(sessionId, session);
        session.open(login.gateway(), login.problem());
        LOG.info("session {}: joining Discord voice channel {}: {}", sessionId, where, session.link().describe());
    }

    @Override
    public synchronized void leave(String sessionId) {
        DiscordSession session = sessions.remove(sessionId);
        if (session == null) {
            return;
        }
        session.link().close();
        session.left();
        DiscordGateway gateway = login.gateway();
        if (gateway != null) {
            try {
                gateway.close(session.target().guildId());
            } catch (RuntimeException e) {
                LOG.warn("session {}: closing the voice connection to {} failed: {}", sessionId, session.target(), e.getMessage());
            }
        }
        LOG.info("session {}: left Discord voice channel {}", sessionId, session.target());
    }

    @Override
    public boolean carries(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    @Override
    public void play(NpcAudio packet) {
        DiscordSession session = sessions.get(packet.getSessionId());
        if (session != null) {
            session.play(packet);
        }
    }

    @Override
    public boolean cutPlaying(String sessionId, String speakerId) {
        DiscordSession session = sessions.get(sessionId);
        return session != null && session.cutPlaying(speakerId);
    }

    @Override
    public Map<String, String> connections() {
        Map<String, String> out = new TreeMap<>();
        sessions.forEach((id, session) -> out.put(id, session.describe()));
        return out;
    }

    /** The watchdog's round: log in if due, then re-open the connections whose link says so. */
    void tick(long nowMs) {
        DiscordGateway gateway = login.attempt(nowMs);
        synchronized (this) {
            for (DiscordSession session : sessions.values()) {
                if (session.link().rejoinDue(nowMs)) {
                    LOG.info("session {}: voice connection to {} is {}; opening it", session.sessionId(),
                            session.target(), session.link().describe());
                    session.open(gateway, login.problem());
                }
            }
        }
    }

    @Override
    public String name() {
        return "discord-voice";
    }

    @Override
    public Status status() {
        if (login == null) {
            return Status.ready("disabled");
        }
        DaveLibrary.Probe dave = DaveLibrary.probe();
        if (!dave.loaded()) {
            return Status.notReady("DAVE encryption unavailable, Discord would refuse voice: " + dave.detail());
        }
        DiscordGateway gateway = login.gateway();
        if (gateway == null) {
            return Status.notReady("bot not logged in: " + login.problem());
        }
        if (!gateway.ready()) {
            return Status.notReady("Discord gateway " + gateway.status());
        }
        Map<String, String> connections = connections();
        return Status.ready("gateway " + gateway.status() + "; " + (connections.isEmpty() ? "no voice connections" : connections));
    }

    @PreDestroy
    void close() {
        if (login != null) {
            watchdog.shutdownNow();
            List.copyOf(sessions.keySet()).forEach(this::leave);
            login.close();
        }
    }
}
