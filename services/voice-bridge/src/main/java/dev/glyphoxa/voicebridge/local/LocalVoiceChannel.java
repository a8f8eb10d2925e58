package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.voicebridge.BridgePlayback;
import dev.glyphoxa.voicebridge.BridgeSettings;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.TurnPlayer;
import dev.glyphoxa.voicebridge.VoiceChannel;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A voice channel made of files: player lines come from WAV files ({@link PlayerLineStreamer}); NPC audio goes
 * through the same {@link TurnPlayer} as Discord's (a newer turn supersedes the playing one, a barge-in cuts it),
 * pulled one packet per 20 ms frame, and recorded to WAV files ({@link ReplyRecorder}). Its jitter buffer holds
 * {@code glyphoxa.voice-bridge.jitter-packets} (1: play at once, so local latency stays what it was).
 *
 * <p>Each session has its own 20 ms clock, running only while the session has sound to send: the first packet of
 * a reply to a silent channel goes out the moment it arrives, as a speaker's sound starts when it starts, and the
 * rest follow it every 20 ms. (A shared free-running clock made every reply wait for its next tick, 10 ms on
 * average. Discord's send thread has such a clock of its own, which this channel cannot imitate usefully.)
 *
 * <p>It needs no join: it plays every session no other channel carries, as it did before sessions were joined
 * (the local run and the benchmarks stream audio without the bridge ever seeing a control event). join only
 * keeps the list {@link #connections()} reports; leave also ends the session's turn playing or queued.
 */
@Context
public class LocalVoiceChannel implements VoiceChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LocalVoiceChannel.class);
    private static final long IDLE_TURN_MS = 5_000;

    private final BridgeSettings settings;
    private final PlaybackListener listener;
    private final Map<String, SessionOut> sessions = new ConcurrentHashMap<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock;

    @Inject
    public LocalVoiceChannel(BridgeSettings settings, BridgePlayback playback, ReplyRecorder recorder) {
        this(settings, PlaybackListener.of(playback, recorder), Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("local-voice-clock").daemon().unstarted(r)));
    }

    LocalVoiceChannel(BridgeSettings settings, PlaybackListener listener, ScheduledExecutorService clock) {
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public void join(String sessionId, String tenantId, String target) {
        joined.add(sessionId);
    }

    /** What was played of a turn cut here is still recorded as a reply (marked cut). */
    @Override
    public void leave(String sessionId) {
        joined.remove(sessionId);
        SessionOut out = sessions.remove(sessionId);
        if (out != null) {
            out.leave();
        }
    }

    @Override
    public boolean carries(String sessionId) {
        return true;
    }

    @Override
    public void play(NpcAudio packet) {
        sessions.computeIfAbsent(packet.getSessionId(), SessionOut::new).offer(packet);
    }

    @Override
    public boolean cutPlaying(String sessionId, String speakerId) {
        SessionOut out = sessions.get(sessionId);
        return out != null && out.player.cut(null, CutReason.BARGE_IN, speakerId, System.currentTimeMillis());
    }

    @Override
    public Map<String, String> connections() {
        Map<String, String> out = new TreeMap<>();
        joined.forEach(id -> out.put(id, "local, " + state(id)));
        return out;
    }

    /** "idle", "buffering <turn>" or "playing <turn>". */
    public String state(String sessionId) {
        SessionOut out = sessions.get(sessionId);
        return out == null ? "idle" : out.player.state();
    }

    @PreDestroy
    void close() {
        clock.shutdownNow();
    }

    /** One session's way out: its player, and its clock while it has sound to send. */
    private final class SessionOut {

        final String sessionId;
        final TurnPlayer player;
        private ScheduledFuture<?> ticking;

        SessionOut(String sessionId) {
            this.sessionId = sessionId;
            this.player = new TurnPlayer(settings.jitterPackets(), settings.gapTimeoutMs(), IDLE_TURN_MS, listener);
        }

        synchronized void offer(NpcAudio packet) {
            player.offer(packet, System.currentTimeMillis());
            if (ticking == null) {
                ticking = clock.scheduleAtFixedRate(this::tick, 0, OpusCodec.FRAME_MS, TimeUnit.MILLISECONDS);
            }
        }

        /** The frames themselves are not needed: the recorder hears each packet from the player. */
        synchronized void tick() {
            try {
                player.pull(System.currentTimeMillis());
            } catch (RuntimeException e) {
                // A bad packet must not stop the clock: the rest of the turn still plays.
                LOG.warn("session {}: cannot play packet: {}", sessionId, e.getMessage());
            }
            if (player.idle()) {
                stop();
            }
        }

        synchronized void leave() {
            player.leave(System.currentTimeMillis());
            stop();
        }

        private void stop() {
            if (ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
    }
}
