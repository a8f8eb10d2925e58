package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.schema.TurnTimings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reporter puts on glyphoxa.playback for each way a turn ends, encoded as it goes on the wire. */
class PlaybackEventsTest {

    static final TurnTimings TIMINGS = TurnTimings.newBuilder().setSpeechEndMs(500L).setFirstPacketOutMs(1_000L).build();

    static TurnEnd end(TurnOutcome outcome, int linesPlayed, String speaker) {
        return new TurnEnd("s-1", "t-1", "npc-1", outcome, linesPlayed, 42, speaker, TIMINGS, 9_000L);
    }

    /** Through the topic's serde, as the llm, tts and gateway will read it. */
    static Playback onTheWire(Playback p) {
        return Topics.PLAYBACK.valueSerde().decode(Topics.PLAYBACK.valueSerde().encode(p));
    }

    @Test
    void anAbandonedTurnIsReportedAsCutWithTheLinesPlayed() {
        Playback p = onTheWire(PlaybackEvents.turnEnded(end(TurnOutcome.ABANDONED, 2, null)).orElseThrow());
        assertThat(p.getSessionId()).isEqualTo("s-1");
        assertThat(p.getTurnId()).isEqualTo("t-1");
        assertThat(p.getNpcId()).isEqualTo("npc-1");
        assertThat(p.getOccurredAtMs()).isEqualTo(9_000L);
        assertThat(p.getEvent()).isInstanceOfSatisfying(TurnCut.class, cut -> {
            assertThat(cut.getReason()).isEqualTo(CutReason.ABANDONED);
            assertThat(cut.getLinesPlayed()).isEqualTo(2);
            assertThat(cut.getSpeakerId()).isNull();
            assertThat(cut.getTimings()).isEqualTo(TIMINGS);
        });
    }

    @Test
    void everyTurnNotPlayedToItsEndIsACutWithItsReason() {
        assertThat(reason(end(TurnOutcome.CUT_BY_PLAYER, 1, "aria"))).isEqualTo(CutReason.BARGE_IN);
        assertThat(reason(end(TurnOutcome.SUPERSEDED, 0, null))).isEqualTo(CutReason.SUPERSEDED);
        assertThat(reason(end(TurnOutcome.SESSION_LEFT, 0, null))).isEqualTo(CutReason.SESSION_LEFT);
        assertThat(reason(end(TurnOutcome.ABANDONED, 0, null))).isEqualTo(CutReason.ABANDONED);
        assertThat(PlaybackEvents.turnEnded(end(TurnOutcome.PLAYED, 3, null)))
                .as("played to its end: its last LinePlayed says so").isEmpty();
        for (CutReason r : CutReason.values()) {
            assertThat(TurnOutcome.of(r).cutReason()).as(r.name()).isEqualTo(r);
        }
    }

    @Test
    void aBargeInCutNamesThePlayer() {
        TurnCut cut = (TurnCut) onTheWire(PlaybackEvents.turnEnded(end(TurnOutcome.CUT_BY_PLAYER, 1, "aria"))
                .orElseThrow()).getEvent();
        assertThat(cut.getSpeakerId()).isEqualTo("aria");
    }

    @Test
    void aPlayedLineCarriesItsSequenceAndPackets() {
        NpcAudio last = TestAudio.npcPacket("s-1", "t-1", 500L, 2, 6, true, true, new byte[]{1, 2, 3});
        Playback p = onTheWire(PlaybackEvents.linePlayed(last, 7, TIMINGS, 8_000L));
        assertThat(p.getTurnId()).isEqualTo("t-1");
        assertThat(p.getOccurredAtMs()).isEqualTo(8_000L);
        assertThat(p.getEvent()).isInstanceOfSatisfying(LinePlayed.class, line -> {
            assertThat(line.getLineSequence()).isEqualTo(2);
            assertThat(line.getPackets()).isEqualTo(7);
            assertThat(line.getLastInTurn()).isTrue();
            assertThat(line.getTimings()).isEqualTo(TIMINGS);
        });
    }

    private static CutReason reason(TurnEnd end) {
        return ((TurnCut) PlaybackEvents.turnEnded(end).orElseThrow().getEvent()).getReason();
    }
}
