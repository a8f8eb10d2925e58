package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.TurnTimings;

/**
 * One NPC turn's end at the bridge, handed to every {@link PlaybackListener}.
 *
 * @param linesPlayed lines whose last packet went out (a line whose last packet was lost and skipped counts too)
 * @param packetsSent packets of the turn that went out; zero for a turn that never started
 * @param speakerId   the player who barged in, for {@link TurnOutcome#CUT_BY_PLAYER}; null otherwise
 * @param timings     the turn's milestones, {@code first_packet_out_ms} set when it started
 */
public record TurnEnd(String sessionId, String turnId, String npcId, TurnOutcome outcome, int linesPlayed,
                      int packetsSent, String speakerId, TurnTimings timings, long atMs) {

    public boolean started() {
        return packetsSent > 0;
    }
}
