package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link VoiceChannel} of this bridge, by kind, and the routing of NPC audio to the one that carries a
 * session. The local channel is the fallback: it has always played every session's audio without a join
 * (the local run and the benchmarks rely on that), so a session no other channel carries goes there.
 */
@Singleton
public class VoiceChannels {

    public static final String LOCAL = "local";

    private final Map<String, VoiceChannel> byKind = new LinkedHashMap<>();

    public VoiceChannels(List<VoiceChannel> channels) {
        for (VoiceChannel channel : channels) {
            if (byKind.put(channel.kind(), channel) != null) {
                throw new IllegalStateException("two voice channels of kind " + channel.kind());
            }
        }
    }

    public Optional<VoiceChannel> byKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** Hands a packet to the channel carrying its session; false when there is none (no local fallback). */
    public boolean play(NpcAudio packet) {
        String session = packet.getSessionId();
        VoiceChannel fallback = null;
        for (VoiceChannel channel : byKind.values()) {
            if (LOCAL.equals(channel.kind())) {
                fallback = channel;
            } else if (channel.carries(session)) {
                channel.play(packet);
                return true;
            }
        }
        if (fallback == null) {
            return false;
        }
        fallback.play(packet);
        return true;
    }

    /** Leaves the session wherever it is carried (SessionStopped does not say where that was). */
    public void leaveEverywhere(String sessionId) {
        byKind.values().forEach(channel -> channel.leave(sessionId));
    }
}
