package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The bridge's per-turn numbers, the same whichever channel plays:
 * <ul>
 *   <li>{@code glyphoxa.turn.first.audio.out}: the player's end of speech to the NPC's first Opus packet out;</li>
 *   <li>{@code glyphoxa.turn.span{span}}: that latency split per stage from the turn's {@link TurnTimings}
 *       (a span whose stamps are missing, or run backwards across machines' clocks, is skipped);</li>
 *   <li>one INFO line per turn when its first packet goes out, with every milestone;</li>
 *   <li>{@code glyphoxa_turns_total{stage="voice-bridge",outcome}}: every turn counted once by how it ended, as
 *       the llm stage counts its own.</li>
 * </ul>
 */
@Singleton
public class TurnMetrics implements PlaybackListener {

    private static final Logger LOG = LoggerFactory.getLogger(TurnMetrics.class);

    private final MeterRegistry registry;
    private final Timer firstAudioOut;

    public TurnMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.firstAudioOut = Timer.builder("glyphoxa.turn.first.audio.out")
                .description("player's end of speech to the NPC's first Opus packet leaving the voice-bridge")
                .publishPercentiles(0.5, 0.95).register(registry);
    }

    @Override
    public void turnStarted(NpcAudio first, TurnTimings t) {
        Map<String, Long> spans = spans(t);
        spans.forEach((span, ms) -> Timer.builder("glyphoxa.turn.span").tag("span", span)
                .description("one stage's share of a turn's latency, from the turn's timings")
                .publishPercentiles(0.5, 0.95).register(registry).record(Duration.ofMillis(ms)));
        Long total = between(t.getSpeechEndMs(), t.getFirstPacketOutMs());
        if (total != null) {
            firstAudioOut.record(Duration.ofMillis(total));
        }
        StringJoiner line = new StringJoiner(", ");
        spans.forEach((span, ms) -> line.add(span + " " + ms + " ms"));
        LOG.info("turn {} of session {} ({}): first packet out; end of speech to first audio out {} ms [{}]; "
                        + "milestones: speech end {}, vad end {}, stt final {}, turn end {}, llm first token {}, "
                        + "first sentence {}, tts first audio {}, first packet out {}",
                first.getTurnId(), first.getSessionId(), first.getNpcId(), total == null ? "?" : total, line,
                t.getSpeechEndMs(), t.getVadEndMs(), t.getSttFinalMs(), t.getTurnEndMs(), t.getLlmFirstTokenMs(),
                t.getLlmFirstLineMs(), t.getTtsFirstAudioMs(), t.getFirstPacketOutMs());
    }

    @Override
    public void turnEnded(TurnEnd end) {
        Counter.builder("glyphoxa.turns").tag("stage", "voice-bridge").tag("outcome", end.outcome().tag())
                .description("ended NPC turns by outcome").register(registry).increment();
    }

    /** Stage spans in pipeline order; a span is present only when both its stamps are. */
    static Map<String, Long> spans(TurnTimings t) {
        Map<String, Long> out = new LinkedHashMap<>();
        put(out, "vad", t.getSpeechEndMs(), t.getVadEndMs());
        put(out, "stt", t.getVadEndMs(), t.getSttFinalMs());
        put(out, "turn_taking", t.getSttFinalMs(), t.getTurnEndMs());
        put(out, "llm_first_token", t.getTurnEndMs(), t.getLlmFirstTokenMs());
        put(out, "first_sentence", t.getLlmFirstTokenMs(), t.getLlmFirstLineMs());
        put(out, "tts", t.getLlmFirstLineMs(), t.getTtsFirstAudioMs());
        put(out, "playout", t.getTtsFirstAudioMs(), t.getFirstPacketOutMs());
        return out;
    }

    private static void put(Map<String, Long> out, String span, Long from, Long to) {
        Long ms = between(from, to);
        if (ms != null) {
            out.put(span, ms);
        }
    }

    private static Long between(Long from, Long to) {
        return from == null || to == null || to < from ? null : to - from;
    }
}
