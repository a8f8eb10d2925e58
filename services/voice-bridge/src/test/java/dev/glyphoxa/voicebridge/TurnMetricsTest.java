package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.TurnTimings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TurnMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TurnMetrics metrics = new TurnMetrics(registry);

    @Test
    void splitsTheLatencyPerStageSkippingSpansWithoutStamps() {
        TurnTimings t = TurnTimings.newBuilder().setSpeechEndMs(1_000L).setVadEndMs(1_300L).setSttFinalMs(1_500L)
                .setTurnEndMs(null).setLlmFirstTokenMs(1_900L).setLlmFirstLineMs(2_100L).setTtsFirstAudioMs(2_400L)
                .setFirstPacketOutMs(2_450L).build();
        assertThat(TurnMetrics.spans(t)).containsExactly(java.util.Map.entry("vad", 300L), java.util.Map.entry("stt", 200L),
                java.util.Map.entry("first_sentence", 200L), java.util.Map.entry("tts", 300L), java.util.Map.entry("playout", 50L));

        metrics.turnStarted(TestAudio.npcTurn("s", "t", 1_000L, 1).getFirst(), t);
        assertThat(registry.get("glyphoxa.turn.first.audio.out").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1450.0);
        assertThat(registry.get("glyphoxa.turn.span").tag("span", "playout").timer().count()).isEqualTo(1);
        assertThat(registry.find("glyphoxa.turn.span").tag("span", "turn_taking").timer()).isNull();
    }

    @Test
    void countsTurnsByOutcome() {
        TurnTimings none = TurnTimings.newBuilder().build();
        metrics.turnEnded(new TurnEnd("s", "a", "n", TurnOutcome.PLAYED, 2, 100, null, none, 0));
        metrics.turnEnded(new TurnEnd("s", "b", "n", TurnOutcome.CUT_BY_PLAYER, 0, 10, "aria", none, 0));
        metrics.turnEnded(new TurnEnd("s", "c", "n", TurnOutcome.CUT_BY_PLAYER, 1, 60, "aria", none, 0));
        assertThat(registry.get("glyphoxa.turns").tags("stage", "voice-bridge", "outcome", "played").counter().count()).isEqualTo(1);
        assertThat(registry.get("glyphoxa.turns").tags("stage", "voice-bridge", "outcome", "cut_by_player").counter().count()).isEqualTo(2);
    }
}
