package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;

import java.util.Map;

/**
 * A place where players speak and NPCs are heard. Implementations push each player's Opus packets to
 * {@link VoicePacketPublisher} and pull the NPCs' packets 20 ms at a time — the pull model of a Discord audio
 * send handler, which the local channel imitates with its own clock.
 *
 * <p>Sessions are joined and left on control events ({@code SessionStarted.voice_channel} names the kind and
 * the target, e.g. {@code discord:<guildId>/<voiceChannelId>}). join and leave must be idempotent: control
 * events are delivered at least once.
 */
public interface VoiceChannel {

    /** Short name used in control events and configuration ("local", "discord"). */
    String kind();

    /**
     * Starts carrying the session's voice in the place named by {@code target} (the part after "kind:").
     *
     * @param tenantId the session's tenant ({@code ControlEvent.tenant_id}): Discord joins with that tenant's bot
     * @throws IllegalArgumentException when the target can never be joined (malformed reference, no tenant where
     *                                  one is needed)
     */
    void join(String sessionId, String tenantId, String target);

    /**
     * Stops carrying the session; does nothing for a session this channel does not carry. A turn playing or
     * queued ends there ({@code TurnCut} SESSION_LEFT).
     */
    void leave(String sessionId);

    /** Whether NPC audio of this session should be played here. */
    boolean carries(String sessionId);

    /** Queues one packet of NPC audio of a session this channel carries. */
    void play(NpcAudio packet);

    /**
     * A player barged in: the session's turn playing (started, not finished) stops within one packet.
     *
     * @return whether a turn was cut; false when the NPC is not audibly speaking
     */
    boolean cutPlaying(String sessionId, String speakerId);

    /** Each carried session and the state of its connection, for readiness and logs. */
    Map<String, String> connections();
}
