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
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Sessions whose voice is a Discord channel ({@code discord:<guildId>/<voiceChannelId>}), each joined by the bot of
 * its tenant ({@link BotTokens}: the tenant's own token from the gateway, or the deployment's one token). One
 * logged-in gateway per bot ({@link TenantBot}), one voice connection per bot and guild (Discord's rule): a session
 * joining a guild another session of the same bot still holds takes it over. Every second a watchdog logs bots in
 * that are not ({@link GatewayLogin}), logs out tenant bots whose last session left, and re-opens connections that
 * dropped ({@link VoiceLink} decides when). Off — joins are logged and skipped, readiness says "disabled" — unless
 * a bot token or the gateway URL is configured ({@link DiscordSettings#active()}).
 */
@Context
public class DiscordVoiceChannel implements VoiceChannel, ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordVoiceChannel.class);
    private static final long WATCHDOG_MS = 1000;

    private final DiscordSettings settings;
    private final BotTokens tokens;
    private final Consumer<VoicePacket> voiceIn;
    private final PlaybackListener playback;
    private final LongSupplier clock;
    private final BotRoster bots;
    private final DiscordVoiceStatus readiness;
    private final Map<String, DiscordSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    @Inject
    public DiscordVoiceChannel(DiscordSettings settings, VoicePacketPublisher publisher, BridgePlayback playback) {
        this(settings, settings.active() ? BotTokens.of(settings) : null, DiscordVoiceConnector::new,
                publisher::publish, playback, System::currentTimeMillis);
        if (tokens == null) {
            LOG.info("Discord voice off: no bot token (DISCORD_BOT_TOKEN) and no gateway (GLYPHOXA_GATEWAY_URL)");
        } else {
            LOG.info("Discord voice on: {}", tokens.describe());
            watchdog.scheduleWithFixedDelay(() -> tick(clock.getAsLong()), 0, WATCHDOG_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * For tests: {@code tokens} null means Discord is off; {@code connect} logs in with a token. Nothing runs on its
     * own, tests call {@link #tick}. With a fixed token the deployment's bot exists from the start, as it always has.
     */
    DiscordVoiceChannel(DiscordSettings settings, BotTokens tokens, Function<String, DiscordGateway> connect,
                        Consumer<VoicePacket> voiceIn, PlaybackListener playback, LongSupplier clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.voiceIn = voiceIn;
        this.playback = playback;
        this.clock = clock;
        this.bots = new BotRoster(settings, tokens, connect);
        this.readiness = new DiscordVoiceStatus(settings, tokens, bots, this::connections);
        this.watchdog = tokens == null ? null : Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("discord-voice-watchdog").daemon().unstarted(r));
    }

    @Override
    public String kind() {
        return "discord";
    }

    @Override
    public synchronized void join(String sessionId, String tenantId, String target) {
        DiscordTarget where = DiscordTarget.parse(target);
        if (tokens == null) {
            LOG.warn("session {} wants Discord voice channel {}, but Discord voice is off (no bot token): not joined",
                    sessionId, where);
            return;
        }
        String botName = bots.botName(tenantId);
        DiscordSession existing = sessions.get(sessionId);
        if (existing != null && existing.target().equals(where) && existing.bot().name().equals(botName)) {
            return;   // a redelivered SessionStarted
        }
        if (existing != null) {
            leave(sessionId);   // the session moved to another channel
        }
        for (DiscordSession other : List.copyOf(sessions.values())) {
            if (other.bot().name().equals(botName) && other.target().guildId() == where.guildId()) {
                LOG.warn("session {} takes over guild {} from session {}", sessionId, where.guildId(), other.sessionId());
                leave(other.sessionId());
            }
        }
        TenantBot bot = bots.forTenant(tenantId);
        DiscordSession session = new DiscordSession(sessionId, bot, where, settings, voiceIn, playback, clock);
        bot.add(sessionId);
        sessions.put(sessionId, session);
        session.open();
        LOG.info("session {}: joining Discord voice channel {} with {}: {}", sessionId, where, botName, session.link().describe());
    }

    @Override
    public synchronized void leave(String sessionId) {
        DiscordSession session = sessions.remove(sessionId);
        if (session == null) {
            return;
        }
        session.link().close();
        session.left();
        session.bot().remove(sessionId);
        DiscordGateway gateway = session.bot().gateway();
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

    /** The watchdog's round: log out idle bots, log in the others if due, re-open connections whose link says so. */
    void tick(long nowMs) {
        List<TenantBot> idle;
        synchronized (this) {
            idle = bots.removeIdle();
        }
        for (TenantBot bot : idle) {
            LOG.info("Discord {}: no session left; logging out", bot.name());
            bot.login().close();
        }
        // Logging in may take a network round trip or two (token, Discord): not while holding the channel.
        bots.attemptLogins(nowMs);
        synchronized (this) {
            for (DiscordSession session : sessions.values()) {
                if (session.link().rejoinDue(nowMs)) {
                    LOG.info("session {}: voice connection to {} is {}; opening it", session.sessionId(),
                            session.target(), session.link().describe());
                    session.open();
                }
            }
        }
    }

    @Override
    public String name() {
        return "discord-voice";
    }

    /** See {@link DiscordVoiceStatus}. */
    @Override
    public Status status() {
        return readiness.status();
    }

    @PreDestroy
    void close() {
        if (tokens != null) {
            watchdog.shutdownNow();
            List.copyOf(sessions.keySet()).forEach(this::leave);
            bots.logOutAll();
        }
    }
}
