package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A voice channel that only records what it was asked to do. */
public final class FakeVoiceChannel implements VoiceChannel {

    private final String kind;
    public final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<NpcAudio> played = new ArrayList<>();
    /** Sessions whose NPC is audibly speaking, as a test sets them. */
    public final java.util.Set<String> speaking = new java.util.HashSet<>();
    private final Map<String, String> joined = new LinkedHashMap<>();
    private final boolean fallback;

    public FakeVoiceChannel(String kind) {
        this.kind = kind;
        this.fallback = VoiceChannels.LOCAL.equals(kind);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void join(String sessionId, String tenantId, String target) {
        if (target.equals("refuse")) {
            throw new IllegalArgumentException("cannot join " + target);
        }
        calls.add("join " + sessionId + " of " + tenantId + " " + target);
        joined.put(sessionId, target);
    }

    @Override
    public void leave(String sessionId) {
        if (joined.remove(sessionId) != null) {
            calls.add("leave " + sessionId);
        }
    }

    @Override
    public boolean carries(String sessionId) {
        return fallback || joined.containsKey(sessionId);
    }

    @Override
    public void play(NpcAudio packet) {
        played.add(packet);
    }

    @Override
    public boolean cutPlaying(String sessionId, String speakerId) {
        calls.add("cut " + sessionId + " by " + speakerId);
        return speaking.remove(sessionId);
    }

    @Override
    public Map<String, String> connections() {
        return Map.copyOf(joined);
    }
}
