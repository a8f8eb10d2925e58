package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.schema.TurnTimings;

import java.util.Optional;

/**
 * What {@link PlaybackReporter} sends on {@code glyphoxa.playback} for each thing a {@link TurnPlayer} tells:
 * kept apart from the producer so the mapping can be checked without a broker.
 */
final class PlaybackEvents {

    private PlaybackEvents() {
    }

    /** A line's last packet went out. */
    static Playback linePlayed(NpcAudio last, int packets, TurnTimings timings, long nowMs) {
        return Playback.newBuilder().setSessionId(last.getSessionId()).setTurnId(last.getTurnId())
                .setNpcId(last.getNpcId()).setOccurredAtMs(nowMs)
                .setEvent(LinePlayed.newBuilder().setLineSequence(last.getLineSequence())
                        .setLastInTurn(last.getLastInTurn()).setPackets(packets).setTimings(timings).build())
                .build();
    }

    /**
     * A {@code TurnCut} for every turn that ended before its last line played (cut, superseded, left, given up);
     * none for a turn played to its end, whose last {@code LinePlayed} already says so.
     */
    static Optional<Playback> turnEnded(TurnEnd end) {
        CutReason reason = end.outcome().cutReason();
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(Playback.newBuilder().setSessionId(end.sessionId()).setTurnId(end.turnId())
                .setNpcId(end.npcId()).setOccurredAtMs(end.atMs())
                .setEvent(TurnCut.newBuilder().setLinesPlayed(end.linesPlayed()).setReason(reason)
                        .setSpeakerId(end.speakerId()).setTimings(end.timings()).build())
                .build());
    }
}
