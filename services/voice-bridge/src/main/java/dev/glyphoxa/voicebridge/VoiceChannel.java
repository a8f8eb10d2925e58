package dev.glyphoxa.voicebridge;

/**
 * A place where players speak and NPCs are heard. Implementations push each player's Opus packets to
 * {@link VoicePacketPublisher} and pull the NPCs' packets, 20 ms at a time, from the session's
 * {@link PlaybackQueue} — the same pull model as a Discord audio send handler.
 */
public interface VoiceChannel {

    /** Short name used in configuration and control events ("local", later "discord"). */
    String kind();
}
