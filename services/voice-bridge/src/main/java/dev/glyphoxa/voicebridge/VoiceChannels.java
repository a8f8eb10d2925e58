package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.stage.CutTurns;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link VoiceChannel} of this bridge, by kind, and the routing of NPC audio to the one that carries a
 * session. The local channel is the fallback: it has always played every session's audio without a join
 * (the local run and the benchmarks rely on that), so a session no other channel carries goes there.
 * Packets of a turn this bridge cut are dropped here, whichever channel cut it, so a channel taking a session
 * over (Discord left it, the local channel falls back) does not play the rest of it.
 */
@Singleton
public class VoiceChannels {

    public static final String LOCAL = "local";

    private final Map<String, VoiceChannel> byKind = new LinkedHashMap<>();
    private final CutTurns cutTurns;

    public VoiceChannels(List<VoiceChannel> channels) {
        this(channels, new CutTurns());
    }

    @Inject
    public VoiceChannels(List<VoiceChannel> channels, CutTurns cutTurns) {
        this.cutTurns = cutTurns;
        for (VoiceChannel channel : channels) {
            if (byKind.put(channel.kind(), channel) != null) {
                throw new IllegalStateException("two voice channels of kind " + channel.kind());
            }
        }
    }

    public Optional<VoiceChannel> byKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /**
     * Hands a packet to the channel carrying its session; false when there is none (no local fallback) or the
     * packet's turn was cut.
     */
    public boolean play(NpcAudio packet) {
        if (cutTurns.isCut(packet.getSessionId(), packet.getTurnId())) {
            return false;
        }
        return carrier(packet.getSessionId()).map(channel -> {
            channel.play(packet);
            return true;
        }).orElse(false);
    }

    /** A player barged in: cuts the session's playing turn in the channel carrying it. */
    public boolean cutPlaying(String sessionId, String speakerId) {
        return carrier(sessionId).map(channel -> channel.cutPlaying(sessionId, speakerId)).orElse(false);
    }

    /** Leaves the session wherever it is carried (SessionStopped does not say where that was). */
    public void leaveEverywhere(String sessionId) {
        byKind.values().forEach(channel -> channel.leave(sessionId));
    }

    private Optional<VoiceChannel> carrier(String session) {
        VoiceChannel fallback = null;
        for (VoiceChannel channel : byKind.values()) {
            if (LOCAL.equals(channel.kind())) {
                fallback = channel;
            } else if (channel.carries(session)) {
                return Optional.of(channel);
            }
        }
        return Optional.ofNullable(fallback);
    }
}
