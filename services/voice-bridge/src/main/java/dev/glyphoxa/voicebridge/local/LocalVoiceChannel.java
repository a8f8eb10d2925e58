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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A voice channel made of files: player lines come from WAV files ({@link PlayerLineStreamer}); NPC audio goes
 * through the same {@link TurnPlayer} as Discord's (a newer turn supersedes the playing one, a barge-in cuts it),
 * pulled on a 20 ms clock one packet per tick as Discord's send thread would, and recorded to WAV files
 * ({@link ReplyRecorder}). Its jitter buffer holds {@code glyphoxa.voice-bridge.jitter-packets} (1: play at once,
 * so local latency stays what it was).
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
    private final Map<String, TurnPlayer> players = new ConcurrentHashMap<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("local-voice-clock").daemon().unstarted(r));

    public LocalVoiceChannel(BridgeSettings settings, BridgePlayback playback, ReplyRecorder recorder) {
        this.settings = settings;
        this.listener = PlaybackListener.of(playback, recorder);
        clock.scheduleAtFixedRate(this::tick, OpusCodec.FRAME_MS, OpusCodec.FRAME_MS, TimeUnit.MILLISECONDS);
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
        TurnPlayer player = players.remove(sessionId);
        if (player != null) {
            player.leave(System.currentTimeMillis());
        }
    }

    @Override
    public boolean carries(String sessionId) {
        return true;
    }

    @Override
    public void play(NpcAudio packet) {
        players.computeIfAbsent(packet.getSessionId(), id -> new TurnPlayer(settings.jitterPackets(),
                settings.gapTimeoutMs(), IDLE_TURN_MS, listener)).offer(packet, System.currentTimeMillis());
    }

    @Override
    public boolean cutPlaying(String sessionId, String speakerId) {
        TurnPlayer player = players.get(sessionId);
        return player != null && player.cut(null, CutReason.BARGE_IN, speakerId, System.currentTimeMillis());
    }

    @Override
    public Map<String, String> connections() {
        Map<String, String> out = new TreeMap<>();
        joined.forEach(id -> out.put(id, "local, " + state(id)));
        return out;
    }

    /** "idle", "buffering <turn>" or "playing <turn>". */
    public String state(String sessionId) {
        TurnPlayer player = players.get(sessionId);
        return player == null ? "idle" : player.state();
    }

    /** The frames themselves are not needed: the recorder hears each packet from the player. */
    void tick() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, TurnPlayer> e : players.entrySet()) {
            try {
                e.getValue().pull(now);
            } catch (RuntimeException ex) {
                // A bad packet must not stop the clock for every session.
                LOG.warn("session {}: cannot play packet: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    @PreDestroy
    void close() {
        clock.shutdownNow();
    }
}
