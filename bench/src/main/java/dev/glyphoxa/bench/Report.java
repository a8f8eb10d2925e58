package dev.glyphoxa.bench;

import java.util.List;

/** The markdown printout: a table per mode, the per-stage difference, and where the over-Kafka total goes. */
final class Report {

    private final StringBuilder md = new StringBuilder();

    Report line(String s) {
        md.append(s).append('\n');
        return this;
    }

    Report blank() {
        return line("");
    }

    /** A span table; spans without samples (the bridge in process) are shown as not applicable. */
    Report table(Spans spans, String missing) {
        line("| span | n | p50 ms | p95 ms | mean ms |");
        line("|---|--:|--:|--:|--:|");
        for (String s : Spans.ALL) {
            Stats st = spans.stats(s);
            if (st.n() == 0) {
                line("| " + s + " | 0 | " + missing + " | | |");
            } else {
                line(st.row(s));
            }
        }
        return this;
    }

    /** Per stage: over Kafka minus in process, for the median and the mean (independent samples, not paired). */
    Report comparison(Spans in, Spans over) {
        line("| span | in process p50 | over Kafka p50 | Δ p50 | in process mean | over Kafka mean | Δ mean |");
        line("|---|--:|--:|--:|--:|--:|--:|");
        for (String s : Spans.ALL) {
            Stats a = in.stats(s);
            Stats b = over.stats(s);
            double ap = a.n() == 0 ? 0 : a.p50();
            double am = a.n() == 0 ? 0 : a.mean();
            line(String.format("| %s | %s | %.1f | %+.1f | %s | %.1f | %+.1f |", s,
                    a.n() == 0 ? "— (0)" : String.format("%.1f", a.p50()), b.p50(), b.p50() - ap,
                    a.n() == 0 ? "— (0)" : String.format("%.1f", a.mean()), b.mean(), b.mean() - am));
        }
        return this;
    }

    /**
     * The over-Kafka mean total cut into: the configured hangover, the rest of the end-of-speech decision (window
     * and punctuation granularity, measured in process), the stages' processing (in process), and the Kafka hops
     * (everything over Kafka adds, per hop).
     */
    Report breakdown(Spans in, Spans over, int hangoverMs) {
        double total = over.stats(Spans.TOTAL).mean();
        double inVad = in.stats(Spans.VAD).mean();
        double processing = in.stats(Spans.STT).mean() + in.stats(Spans.LLM).mean() + in.stats(Spans.TTS).mean();
        double kafka = total - in.stats(Spans.TOTAL).mean();
        line("| part of end of speech → first packet out (over Kafka, means) | ms | share |");
        line("|---|--:|--:|");
        row("VAD hangover (glyphoxa.vad.hangover-ms)", hangoverMs, total);
        row("rest of the end-of-speech decision (in process): 25 ms punctuation steps, less the up to 20 ms by which "
                + "speech_end_ms (end of the last voiced window) follows the packet the hangover is counted from", inVad - hangoverMs, total);
        row("stage processing: stt + llm + tts (in process)", processing, total);
        row("Kafka hops + consume, and the bridge's playback clock (over Kafka − in process)", kafka, total);
        for (var hop : List.of(
                new String[]{Spans.VAD, "glyphoxa.voice.in → vad (last voiced packet)"},
                new String[]{Spans.STT, "glyphoxa.speech → stt (SpeechEnded)"},
                new String[]{Spans.LLM, "glyphoxa.transcripts → llm"},
                new String[]{Spans.TTS, "glyphoxa.npc.lines → tts"},
                new String[]{Spans.BRIDGE, "glyphoxa.voice.out → voice-bridge + wait for its 20 ms clock"})) {
            double d = over.stats(hop[0]).mean() - (in.stats(hop[0]).n() == 0 ? 0 : in.stats(hop[0]).mean());
            row("&nbsp;&nbsp;of which " + hop[1], d, total);
        }
        row("**total**", total, total);
        return this;
    }

    private void row(String what, double ms, double total) {
        line(String.format("| %s | %.1f | %.0f %% |", what, ms, 100 * ms / total));
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
