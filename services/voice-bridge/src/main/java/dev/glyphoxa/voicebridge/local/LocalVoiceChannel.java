package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.voicebridge.PlaybackQueue;
import dev.glyphoxa.voicebridge.PlaybackSessions;
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
 * A voice channel made of files: player lines come from WAV files ({@link PlayerLineStreamer}); NPC audio is
 * pulled from each session's queue on a 20 ms clock, one packet per tick as a Discord send handler would, and
 * recorded to WAV files ({@link ReplyRecorder}).
 *
 * <p>It needs no join: it plays every session no other channel carries, as it did before sessions were joined
 * (the local run and the benchmarks stream audio without the bridge ever seeing a control event). join and
 * leave only keep the list {@link #connections()} reports.
 */
@Context
public class LocalVoiceChannel implements VoiceChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LocalVoiceChannel.class);

    private final PlaybackSessions sessions;
    private final ReplyRecorder recorder;
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("local-voice-clock").daemon().unstarted(r));

    public LocalVoiceChannel(PlaybackSessions sessions, ReplyRecorder recorder) {
        this.sessions = sessions;
        this.recorder = recorder;
        clock.scheduleAtFixedRate(this::tick, OpusCodec.FRAME_MS, OpusCodec.FRAME_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public void join(String sessionId, String target) {
        joined.add(sessionId);
    }

    /** Queued audio is left to play out: the replies of a stopped session are still worth recording. */
    @Override
    public void leave(String sessionId) {
        joined.remove(sessionId);
    }

    @Override
    public boolean carries(String sessionId) {
        return true;
    }

    @Override
    public void play(NpcAudio packet) {
        sessions.offer(packet);
    }

    @Override
    public Map<String, String> connections() {
        Map<String, String> out = new TreeMap<>();
        joined.forEach(id -> out.put(id, "local"));
        return out;
    }

    void tick() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, PlaybackQueue> e : sessions.all().entrySet()) {
            try {
                PlaybackQueue.Frame frame = e.getValue().poll(now);
                if (frame != null) {
                    recorder.played(frame, now);
                }
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
