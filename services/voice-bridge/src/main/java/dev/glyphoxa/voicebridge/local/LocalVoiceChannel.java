package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.voicebridge.PlaybackQueue;
import dev.glyphoxa.voicebridge.PlaybackSessions;
import dev.glyphoxa.voicebridge.VoiceChannel;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A voice channel made of files: player lines come from WAV files ({@link PlayerLineStreamer}); NPC audio is
 * pulled from each session's queue on a 20 ms clock, one packet per tick as a Discord send handler would, and
 * recorded to WAV files ({@link ReplyRecorder}).
 */
@Context
public class LocalVoiceChannel implements VoiceChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LocalVoiceChannel.class);

    private final PlaybackSessions sessions;
    private final ReplyRecorder recorder;
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
