package dev.glyphoxa.stage;

import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.schema.TurnTimings;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CutTurnsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final CutTurns cuts = new CutTurns(now::get);

    @Test
    void aCutTurnIsCutOnlyInItsOwnSession() {
        assertThat(cuts.isCut("s-1", "turn-1")).isFalse();

        cuts.cut("s-1", "turn-1");

        assertThat(cuts.isCut("s-1", "turn-1")).isTrue();
        assertThat(cuts.isCut("s-1", "turn-2")).isFalse();
        assertThat(cuts.isCut("s-2", "turn-1")).isFalse();
        // the separator keeps ids that run into each other apart
        assertThat(cuts.isCut("s-1turn", "-1")).isFalse();
    }

    @Test
    void onlyATurnCutEventCutsATurn() {
        TurnTimings timings = TurnTimings.newBuilder().build();
        cuts.heard(playback("turn-1", LinePlayed.newBuilder().setLineSequence(0).setLastInTurn(false).setPackets(5)
                .setTimings(timings).build()));
        assertThat(cuts.isCut("s-1", "turn-1")).isFalse();

        cuts.heard(playback("turn-1", TurnCut.newBuilder().setLinesPlayed(1).setReason(CutReason.BARGE_IN)
                .setSpeakerId("player-1").setTimings(timings).build()));
        assertThat(cuts.isCut("s-1", "turn-1")).isTrue();
    }

    @Test
    void cutsOlderThanTheMemoryAreForgottenWhenTheNextCutComes() {
        cuts.cut("s-1", "old");
        now.addAndGet(CutTurns.REMEMBER_FOR.toMillis() - 1);
        cuts.cut("s-1", "recent");
        assertThat(cuts.isCut("s-1", "old")).as("not yet too old").isTrue();

        now.addAndGet(2);
        cuts.cut("s-1", "new");

        assertThat(cuts.isCut("s-1", "old")).isFalse();
        assertThat(cuts.isCut("s-1", "recent")).isTrue();
        assertThat(cuts.isCut("s-1", "new")).isTrue();
    }

    @Test
    void atMostTheBoundIsRememberedTheOldestGoingFirst() {
        for (int i = 0; i <= CutTurns.MAX_REMEMBERED; i++) {
            cuts.cut("s-1", "turn-" + i);
        }

        assertThat(cuts.isCut("s-1", "turn-0")).isFalse();
        assertThat(cuts.isCut("s-1", "turn-1")).isTrue();
        assertThat(cuts.isCut("s-1", "turn-" + CutTurns.MAX_REMEMBERED)).isTrue();
    }

    private static Playback playback(String turnId, Object event) {
        return Playback.newBuilder().setSessionId("s-1").setTurnId(turnId).setNpcId("npc-1").setOccurredAtMs(1L)
                .setEvent(event).build();
    }
}
