package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link PlaybackQueue} per session this bridge plays audio for. */
@Singleton
public class PlaybackSessions {

    private final Map<String, PlaybackQueue> queues = new ConcurrentHashMap<>();
    private final BridgeSettings settings;

    public PlaybackSessions(BridgeSettings settings) {
        this.settings = settings;
    }

    public void offer(NpcAudio packet) {
        queue(packet.getSessionId()).offer(packet, System.currentTimeMillis());
    }

    public PlaybackQueue queue(String sessionId) {
        return queues.computeIfAbsent(sessionId, id -> new PlaybackQueue(settings.gapTimeoutMs()));
    }

    public Map<String, PlaybackQueue> all() {
        return queues;
    }

    public void remove(String sessionId) {
        queues.remove(sessionId);
    }
}
