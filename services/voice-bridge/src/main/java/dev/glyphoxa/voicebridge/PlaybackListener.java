package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What a {@link TurnPlayer} tells about the audio it hands out: reports on {@code glyphoxa.playback}, metrics,
 * the local channel's WAV files. Called with the player's lock held, on whichever thread pulled, offered or
 * cut, so implementations must be quick and must not call back into the player.
 */
public interface PlaybackListener {

    PlaybackListener NONE = new PlaybackListener() {
    };

    /** The turn's first packet goes out now; {@code timings} carries {@code first_packet_out_ms}. */
    default void turnStarted(NpcAudio first, TurnTimings timings) {
    }

    /** A packet goes out (the first of a turn too, after {@link #turnStarted}). */
    default void packetOut(NpcAudio packet, boolean firstOfTurn, long nowMs) {
    }

    /** A line's last packet went out (or the next line began after its last packet was skipped). */
    default void linePlayed(NpcAudio lastPacket, int packets, TurnTimings timings, long nowMs) {
    }

    /** The turn is over: played to its end, cut, superseded, left, or given up. */
    default void turnEnded(TurnEnd end) {
    }

    /**
     * All of them, in order. One that throws is logged and the others still hear the event: a failing report
     * must not stop the voice.
     */
    static PlaybackListener of(PlaybackListener... listeners) {
        List<PlaybackListener> all = List.of(listeners);
        Logger log = LoggerFactory.getLogger(PlaybackListener.class);
        return new PlaybackListener() {
            @Override
            public void turnStarted(NpcAudio first, TurnTimings timings) {
                all.forEach(l -> guard(log, () -> l.turnStarted(first, timings)));
            }

            @Override
            public void packetOut(NpcAudio packet, boolean firstOfTurn, long nowMs) {
                all.forEach(l -> guard(log, () -> l.packetOut(packet, firstOfTurn, nowMs)));
            }

            @Override
            public void linePlayed(NpcAudio lastPacket, int packets, TurnTimings timings, long nowMs) {
                all.forEach(l -> guard(log, () -> l.linePlayed(lastPacket, packets, timings, nowMs)));
            }

            @Override
            public void turnEnded(TurnEnd end) {
                all.forEach(l -> guard(log, () -> l.turnEnded(end)));
            }
        };
    }

    private static void guard(Logger log, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("playback listener failed: {}", e.toString());
        }
    }
}
