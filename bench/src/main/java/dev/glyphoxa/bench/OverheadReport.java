package dev.glyphoxa.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud-latency printout: each stage span of {@link OverKafka} minus the part of it that is not the pipeline's
 * (the VAD hangover in the vad span, the fake provider's fixed delay in the stt, llm and tts spans), so what is
 * left is the pipeline's own overhead, per stage and in total, per turn and as p50/p95.
 */
final class OverheadReport {

    private final OverKafka.Result result;
    private final int hangoverMs;
    private final Map<String, Long> fixed = new LinkedHashMap<>();
    private final long providersMs;
    private final double targetMs;

    OverheadReport(OverKafka.Result result, int hangoverMs, long sttMs, long llmMs, long ttsMs, double targetMs) {
        this.result = result;
        this.hangoverMs = hangoverMs;
        this.targetMs = targetMs;
        this.providersMs = sttMs + llmMs + ttsMs;
        fixed.put(Spans.VAD, (long) hangoverMs);
        fixed.put(Spans.STT, sttMs);
        fixed.put(Spans.LLM, llmMs);
        fixed.put(Spans.TTS, ttsMs);
        fixed.put(Spans.BRIDGE, 0L);
        fixed.put(Spans.TOTAL, hangoverMs + providersMs);
    }

    /** The span's samples less its fixed part, turn by turn. */
    List<Double> overhead(String span) {
        long f = fixed.get(span);
        return result.spans().get(span).stream().map(v -> v - f).toList();
    }

    Stats overheadStats() {
        return Stats.of(overhead(Spans.TOTAL));
    }

    String markdown(ZonedDateTime started, String loadBefore, String loadAfter, int turns, int warmup, String commit,
                    String requests, Map<String, String> props) {
        Report r = new Report();
        r.line("## Cloud-latency run of " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).blank();
        r.line("- commit measured: " + commit);
        r.line("- machine: " + TurnLatencyBenchmark.machine());
        r.line("- load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter);
        r.line(String.format("- %d turns, the first %d not counted; %d answered, %d measured", turns, warmup,
                result.answered(), result.measured()));
        r.line(String.format("- both cores %.0f %% busy (all processes) during the measured turns, replies playing included",
                result.cpuBusyPercent()));
        r.line(String.format("- fixed delays: STT %d ms (transcript after the upload), LLM %d ms (first token), TTS %d ms "
                + "(first audio); end-of-turn silence: the VAD hangover, %d ms", fixed.get(Spans.STT), fixed.get(Spans.LLM),
                fixed.get(Spans.TTS), hangoverMs));
        r.line("- requests the fakes answered: " + requests);
        r.line("- service properties: " + redacted(props));
        r.blank();
        Stats total = Stats.of(result.spans().get(Spans.TOTAL));
        Stats over = overheadStats();
        r.line("| | p50 ms | p95 ms | mean ms |");
        r.line("|---|--:|--:|--:|");
        r.line(String.format("| **total: end of speech → first packet out** | %.1f | %.1f | %.1f |", total.p50(), total.p95(), total.mean()));
        r.line(String.format("| end-of-turn silence (VAD hangover, fixed) | %d | %d | %d |", hangoverMs, hangoverMs, hangoverMs));
        r.line(String.format("| provider delays (STT + LLM + TTS, fixed) | %d | %d | %d |", providersMs, providersMs, providersMs));
        r.line(String.format("| **pipeline overhead = total − silence − providers** | **%.1f** | **%.1f** | **%.1f** |",
                over.p50(), over.p95(), over.mean()));
        r.blank();
        r.line(String.format("Target: overhead p95 ≤ %.0f ms: **%s** (p95 %.1f ms, n = %d).", targetMs,
                over.p95() <= targetMs ? "met" : "not met", over.p95(), over.n())).blank();
        r.line("Per stage (spans from the emit times of the stages' output records; each includes the Kafka hop into the stage):").blank();
        r.line("| span | n | p50 ms | p95 ms | mean ms | fixed part ms | overhead p50 | overhead p95 | overhead mean |");
        r.line("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (String s : Spans.ALL) {
            Stats raw = Stats.of(result.spans().get(s));
            Stats o = Stats.of(overhead(s));
            r.line(String.format("| %s | %d | %.1f | %.1f | %.1f | %d | %.1f | %.1f | %.1f |", s, raw.n(), raw.p50(),
                    raw.p95(), raw.mean(), fixed.get(s), o.p50(), o.p95(), o.mean()));
        }
        r.blank();
        r.line("The stt and tts spans split at the stage's own milestone (the stream thread's time when it began the "
                + "batch holding the input record) into the hop into the stage and the work there; the llm span at the "
                + "end of turn decided and the first token (the llm stage's wall clock):").blank();
        r.line("| span | n | p50 ms | p95 ms | mean ms |");
        r.line("|---|--:|--:|--:|--:|");
        result.split().forEach((name, values) -> {
            if (!values.isEmpty()) {
                r.line(Stats.of(values).row(name));
            }
        });
        r.blank();
        r.line("### Measured turns (ms; overhead = total − " + (hangoverMs + providersMs) + ")").blank();
        r.line("| # | total | vad | stt | llm | tts | bridge | overhead |");
        r.line("|--:|--:|--:|--:|--:|--:|--:|--:|");
        List<Double> o = overhead(Spans.TOTAL);
        for (int i = 0; i < o.size(); i++) {
            List<String> cells = new ArrayList<>();
            for (String s : Spans.ALL) {
                cells.add(String.format("%.0f", result.spans().get(s).get(i)));
            }
            r.line(String.format("| %d | %s | %s | %s | %s | %s | %s | %.0f |", i + 1, cells.get(5), cells.get(0),
                    cells.get(1), cells.get(2), cells.get(3), cells.get(4), o.get(i)));
        }
        r.blank().line("### Turn log").blank().line("```");
        result.turns().forEach(r::line);
        r.line("```");
        return r.toString();
    }

    private static Map<String, String> redacted(Map<String, String> props) {
        Map<String, String> out = new LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, k.endsWith("api-key") ? "(fake key)" : v));
        return out;
    }
}
