package dev.glyphoxa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.cli.FestivalPlayerVoice;
import dev.glyphoxa.cli.LocalPipeline;
import dev.glyphoxa.cli.Progress;
import dev.glyphoxa.cli.ScenePlayer;
import dev.glyphoxa.schema.ControlEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages as deployed: a real KRaft broker, PostgreSQL and the six services, each in its own JVM
 * ({@link LocalPipeline}). Each question is streamed in real time into the voice-bridge's local channel; the
 * reply's end of speech and first packet out come from the bridge ({@code GET /local/sessions/{id}/replies}),
 * the instants in between from the emit timestamps of the stages' output records ({@link EmitTimes}).
 * The TurnTimings milestones the stages stamp are collected too, as a second split.
 */
final class OverKafka {

    /** What this mode measured: spans from emit times, spans as stamped in TurnTimings, and a line per turn. */
    record Result(Spans spans, Spans stamped, Map<String, List<Double>> split, List<String> turns, int answered,
                  int measured, ControlEvent sessionStarted, List<String> firstLines, double cpuBusyPercent) {
    }

    static final String STT_HOP = "stt hop: SpeechEnded emitted → STT starts the batch holding it";
    static final String STT_WORK = "stt processing: that batch → Transcript emitted";
    static final String TTS_HOP = "tts hop: first NpcLine emitted → TTS starts the batch holding it";
    static final String TTS_WORK = "tts processing: that batch → first NpcAudio emitted";
    static final String LLM_WAIT = "llm hop + turn-taking: Transcript emitted → end of turn decided";
    static final String LLM_FIRST_TOKEN = "llm request: end of turn decided → first token";
    static final String LLM_FIRST_LINE = "llm first sentence: first token → first NpcLine emitted";

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(45);

    private OverKafka() {
    }

    /** @param serviceProperties extra configuration for every service JVM (e.g. glyphoxa.kafka.commit-interval-ms) */
    static Result measure(Path work, Path campaign, List<Question> turns, int warmup, Map<String, String> serviceProperties,
                          Progress progress) throws Exception {
        Spans spans = new Spans();
        Spans stamped = new Spans();
        List<String> log = new ArrayList<>();
        List<String> firstLines = new ArrayList<>();
        Map<String, List<Double>> split = new LinkedHashMap<>();
        List.of(STT_HOP, STT_WORK, LLM_WAIT, LLM_FIRST_TOKEN, LLM_FIRST_LINE, TTS_HOP, TTS_WORK)
                .forEach(k -> split.put(k, new ArrayList<>()));
        CpuMeter cpu = null;
        int answered = 0;
        int measured = 0;
        ControlEvent started;
        double busy;
        try (LocalPipeline pipeline = LocalPipeline.start(
                LocalPipeline.Options.embedded(work).withProperties(serviceProperties), progress);
             EmitTimes emits = new EmitTimes(pipeline.bootstrapServers())) {
            ScenePlayer player = new ScenePlayer(pipeline, new FestivalPlayerVoice(), System.out, progress, REPLY_TIMEOUT);
            String session = player.startSession(player.importCampaign(campaign));
            started = emits.sessionStarted(session, Duration.ofSeconds(10));
            for (int i = 0; i < turns.size(); i++) {
                boolean warm = i < warmup;
                if (i == warmup) {
                    cpu = CpuMeter.start();
                }
                String label = String.format("turn %2d over Kafka%s", i, warm ? " (warm-up)" : "");
                firstLines.add(null);
                Set<String> old = turnIds(player.bridge().get("local/sessions/" + session + "/replies"));
                player.bridge().postJson("local/sessions/" + session + "/say",
                        Map.of("speaker", "bench", "wav", turns.get(i).wav().toString()));
                JsonNode reply = awaitNewReply(player, session, old);
                if (reply == null) {
                    String line = label + ": no reply within " + REPLY_TIMEOUT.toSeconds() + " s";
                    log.add(line);
                    progress.step(line);
                    continue;
                }
                answered++;
                String turnId = reply.path("turnId").asText();
                EmitTimes.Turn e = emits.await(turnId, Duration.ofSeconds(5));
                long speechEnd = reply.path("speechEndMs").asLong();
                long vadEnd = reply.path("vadEndMs").asLong();
                long out = reply.path("firstPacketOutMs").asLong();
                if (!e.complete()) {
                    String line = label + ": reply " + turnId + " without all emit times (skipped)";
                    log.add(line);
                    progress.step(line);
                    continue;
                }
                firstLines.set(i, e.npc + ": " + e.said);
                if (!warm) {
                    measured++;
                    spans.add(Spans.VAD, vadEnd - speechEnd);
                    spans.add(Spans.STT, e.transcript - e.speechEnded);
                    spans.add(Spans.LLM, e.firstLine - e.transcript);
                    spans.add(Spans.TTS, e.firstAudio - e.firstLine);
                    spans.add(Spans.BRIDGE, out - e.firstAudio);
                    spans.add(Spans.TOTAL, out - speechEnd);
                    long stt = reply.path("sttFinalMs").asLong();
                    long llm = reply.path("llmFirstLineMs").asLong();
                    long tts = reply.path("ttsFirstAudioMs").asLong();
                    stamped.add(Spans.VAD, vadEnd - speechEnd);
                    stamped.add(Spans.STT, stt - vadEnd);
                    stamped.add(Spans.LLM, llm - stt);
                    stamped.add(Spans.TTS, tts - llm);
                    stamped.add(Spans.BRIDGE, out - tts);
                    stamped.add(Spans.TOTAL, out - speechEnd);
                    // stt_final_ms / tts_first_audio_ms are the stream thread's time when it began the batch holding
                    // SpeechEnded / the NpcLine: they split each of these spans into hop and processing.
                    split.get(STT_HOP).add((double) (stt - e.speechEnded));
                    split.get(STT_WORK).add((double) (e.transcript - stt));
                    split.get(TTS_HOP).add((double) (tts - e.firstLine));
                    split.get(TTS_WORK).add((double) (e.firstAudio - tts));
                    // end of turn decided and first token: stamped by the llm stage on its wall clock (not there with
                    // replies recorded before those stamps existed)
                    long turnEnd = reply.path("turnEndMs").asLong();
                    long firstToken = reply.path("llmFirstTokenMs").asLong();
                    if (turnEnd > 0 && firstToken > 0) {
                        split.get(LLM_WAIT).add((double) (turnEnd - e.transcript));
                        split.get(LLM_FIRST_TOKEN).add((double) (firstToken - turnEnd));
                        split.get(LLM_FIRST_LINE).add((double) (e.firstLine - firstToken));
                    }
                }
                String line = String.format("%s: %d ms (vad %d, stt %d, llm %d, tts %d, bridge %d); heard \"%s\" -> %s: \"%s\"",
                        label, out - speechEnd, vadEnd - speechEnd, e.transcript - e.speechEnded, e.firstLine - e.transcript,
                        e.firstAudio - e.firstLine, out - e.firstAudio, e.heard, e.npc, e.said);
                log.add(line);
                progress.step(line);
            }
            busy = cpu == null ? Double.NaN : cpu.busyPercent();
            try {
                player.stopSession(session);
            } catch (Exception e) {
                // the measurements are taken; a failing stop (or the recap it prints) must not lose them
                progress.step("stopping the session failed (" + e.getMessage() + "); see the gateway log");
            }
        }
        return new Result(spans, stamped, split, log, answered, measured, started, firstLines, busy);
    }

    private static Set<String> turnIds(JsonNode replies) {
        Set<String> ids = new HashSet<>();
        replies.forEach(r -> ids.add(r.path("turnId").asText()));
        return ids;
    }

    /** The first reply recorded after the line was said (the bridge lists a reply once its last packet played). */
    private static JsonNode awaitNewReply(ScenePlayer player, String session, Set<String> old) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode r : player.bridge().get("local/sessions/" + session + "/replies")) {
                if (!old.contains(r.path("turnId").asText())) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }
}
