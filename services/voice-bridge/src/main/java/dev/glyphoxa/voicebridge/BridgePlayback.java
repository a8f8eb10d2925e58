package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.CutTurns;
import jakarta.inject.Singleton;

/**
 * What every channel's {@link TurnPlayer}s report to: the per-turn metrics, the reports on
 * {@code glyphoxa.playback}, and the bridge's own memory of cut turns ({@link CutTurns}), which
 * {@link VoiceChannels} consults so a cut turn is not played by another channel either (a session Discord left
 * falls back to the local channel, and the cut turn's stragglers with it).
 */
@Singleton
public class BridgePlayback implements PlaybackListener {

    private final PlaybackListener all;

    public BridgePlayback(TurnMetrics metrics, PlaybackReporter reporter, CutTurns cutTurns) {
        PlaybackListener remember = new PlaybackListener() {
            @Override
            public void turnEnded(TurnEnd end) {
                if (end.outcome().cutReason() != null) {
                    cutTurns.cut(end.sessionId(), end.turnId());
                }
            }
        };
        this.all = PlaybackListener.of(remember, metrics, reporter);
    }

    @Override
    public void turnStarted(NpcAudio first, TurnTimings timings) {
        all.turnStarted(first, timings);
    }

    @Override
    public void packetOut(NpcAudio packet, boolean firstOfTurn, long nowMs) {
        all.packetOut(packet, firstOfTurn, nowMs);
    }

    @Override
    public void linePlayed(NpcAudio lastPacket, int packets, TurnTimings timings, long nowMs) {
        all.linePlayed(lastPacket, packets, timings, nowMs);
    }

    @Override
    public void turnEnded(TurnEnd end) {
        all.turnEnded(end);
    }
}
