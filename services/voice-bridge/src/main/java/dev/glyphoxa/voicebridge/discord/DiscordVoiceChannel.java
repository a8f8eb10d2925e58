package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.stage.ReadinessCheck;
import dev.glyphoxa.voicebridge.VoiceChannel;
import dev.glyphoxa.voicebridge.VoicePacketPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Sessions whose voice is a Discord channel ({@code discord:<guildId>/<voiceChannelId>}). One bot, one voice
 * connection per guild (Discord's rule): a session joining a guild another session still holds takes it over.
 * A watchdog re-opens connections that dropped ({@link VoiceLink} decides when). Off — joins are logged and
 * skipped, readiness says "disabled" — unless a bot token is configured ({@link DiscordSettings#active()}).
 */
@Context
public class DiscordVoiceChannel implements VoiceChannel, ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordVoiceChannel.class);
    private static final long WATCHDOG_MS = 1000;

    private final DiscordSettings settings;
    private final DiscordGateway gateway;
    private final String startFailure;
    private final Consumer<VoicePacket> voiceIn;
    private final Consumer<NpcAudio> firstOfTurnSent;
    private final LongSupplier clock;
    private final Map<String, DiscordSession> sessions = new ConcurrentHashMap<>();
    private ScheduledExecutorService watchdog;

    @Inject
    public DiscordVoiceChannel(DiscordSettings settings, VoicePacketPublisher publisher, MeterRegistry registry) {
        this.settings = settings;
        this.voiceIn = publisher::publish;
        this.clock = System::currentTimeMillis;
        this.firstOfTurnSent = firstAudioOutTimer(registry);
        DiscordGateway started = null;
        String failure = null;
        if (settings.active()) {
            try {
                started = new DiscordVoiceConnector(settings.botToken());
                LOG.info("Discord voice on: logging in the bot; {}", DaveLibrary.probe().detail());
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.error("Discord voice cannot start: {}", failure);
            }
        } else {
            LOG.info("Discord voice off: no bot token (glyphoxa.discord.bot-token / DISCORD_BOT_TOKEN)");
        }
        this.gateway = started;
        this.startFailure = failure;
        if (gateway != null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("discord-voice-watchdog").daemon().unstarted(r));
            watchdog.scheduleWithFixedDelay(() -> checkLinks(clock.getAsLong()), WATCHDOG_MS, WATCHDOG_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** For tests: a given gateway (null = Discord off), no watchdog thread; call {@link #checkLinks} instead. */
    DiscordVoiceChannel(DiscordSettings settings, DiscordGateway gateway, Consumer<VoicePacket> voiceIn, LongSupplier clock) {
        this.settings = settings;
        this.gateway = gateway;
        this.startFailure = null;
        this.voiceIn = voiceIn;
        this.firstOfTurnSent = packet -> { };
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "discord";
    }

    @Override
    public synchronized void join(String sessionId, String target) {
        DiscordTarget where = DiscordTarget.parse(target);
        if (gateway == null) {
            LOG.warn("session {} wants Discord voice channel {}, but Discord voice is {}: not joined", sessionId, where,
                    startFailure == null ? "off (no bot token)" : "broken (" + startFailure + ")");
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
        DiscordSession session = new DiscordSession(sessionId, where, settings, voiceIn, firstOfTurnSent, clock);
        sessions.put(sessionId, session);
        session.open(gateway);
        LOG.info("session {}: joining Discord voice channel {}: {}", sessionId, where, session.link().describe());
    }

    @Override
    public synchronized void leave(String sessionId) {
        DiscordSession session = sessions.remove(sessionId);
        if (session == null) {
            return;
        }
        session.link().close();
        try {
            gateway.close(session.target().guildId());
        } catch (RuntimeException e) {
            LOG.warn("session {}: closing the voice connection to {} failed: {}", sessionId, session.target(), e.getMessage());
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
    public Map<String, String> connections() {
        Map<String, String> out = new TreeMap<>();
        sessions.forEach((id, session) -> out.put(id, session.describe()));
        return out;
    }

    /** Re-opens the connections whose link says so; runs on the watchdog every second. */
    synchronized void checkLinks(long nowMs) {
        for (DiscordSession session : sessions.values()) {
            if (session.link().rejoinDue(nowMs)) {
                LOG.info("session {}: voice connection to {} is {}; opening it again", session.sessionId(),
                        session.target(), session.link().describe());
                session.open(gateway);
            }
        }
    }

    @Override
    public String name() {
        return "discord-voice";
    }

    @Override
    public Status status() {
        if (gateway == null) {
            return startFailure == null ? Status.ready("disabled") : Status.notReady("cannot start: " + startFailure);
        }
        DaveLibrary.Probe dave = DaveLibrary.probe();
        if (!dave.loaded()) {
            return Status.notReady("DAVE encryption unavailable, Discord would refuse voice: " + dave.detail());
        }
        if (!gateway.ready()) {
            return Status.notReady("Discord gateway " + gateway.status());
        }
        Map<String, String> connections = connections();
        return Status.ready("gateway " + gateway.status() + "; " + (connections.isEmpty() ? "no voice connections" : connections));
    }

    @PreDestroy
    void close() {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (gateway != null) {
            List.copyOf(sessions.keySet()).forEach(this::leave);
            gateway.close();
        }
    }

    /** Same meter as the local channel's ReplyRecorder: end of the player's speech to the NPC's first packet out. */
    private static Consumer<NpcAudio> firstAudioOutTimer(MeterRegistry registry) {
        Timer timer = Timer.builder("glyphoxa.turn.first.audio.out")
                .description("player's end of speech to the NPC's first Opus packet leaving the voice-bridge")
                .publishPercentiles(0.5, 0.95).register(registry);
        return packet -> {
            Long speechEnd = packet.getTimings() == null ? null : packet.getTimings().getSpeechEndMs();
            if (speechEnd != null) {
                timer.record(Duration.ofMillis(System.currentTimeMillis() - speechEnd));
            }
        };
    }
}
