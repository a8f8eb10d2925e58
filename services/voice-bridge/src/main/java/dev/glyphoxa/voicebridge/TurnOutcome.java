package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.CutReason;

/**
 * How an NPC turn ended at the bridge: the {@code outcome} tag of {@code glyphoxa_turns_total{stage="voice-bridge"}}
 * (lower case, as the llm stage's outcomes) and, for the cut ones, the {@link CutReason} reported on
 * {@code glyphoxa.playback}.
 */
public enum TurnOutcome {
    /** its last packet went out */
    PLAYED(null),
    /** a player spoke over it (barge-in) */
    CUT_BY_PLAYER(CutReason.BARGE_IN),
    /** a newer turn took over, or it arrived after a newer turn already had */
    SUPERSEDED(CutReason.SUPERSEDED),
    /** the session was left with it playing or queued */
    SESSION_LEFT(CutReason.SESSION_LEFT),
    /**
     * the rest never arrived (its producer died) and it was given up; reported as a cut all the same, so the llm
     * forgets the lines not played (it would otherwise take the NPC for still speaking) and the gateway drops them
     * from the transcript
     */
    ABANDONED(CutReason.ABANDONED);

    private final CutReason cutReason;

    TurnOutcome(CutReason cutReason) {
        this.cutReason = cutReason;
    }

    /** The reason reported in a TurnCut, or null when the turn is not reported as cut. */
    public CutReason cutReason() {
        return cutReason;
    }

    public String tag() {
        return name().toLowerCase();
    }

    public static TurnOutcome of(CutReason reason) {
        return switch (reason) {
            case BARGE_IN -> CUT_BY_PLAYER;
            case SUPERSEDED -> SUPERSEDED;
            case SESSION_LEFT -> SESSION_LEFT;
            case ABANDONED -> ABANDONED;
        };
    }
}
