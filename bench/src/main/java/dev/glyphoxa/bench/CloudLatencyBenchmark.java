package dev.glyphoxa.bench;

import dev.glyphoxa.cli.FestivalPlayerVoice;
import dev.glyphoxa.cli.Progress;
import dev.glyphoxa.vad.VadSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * End of speech to the first Opus packet out, over Kafka (six service JVMs, KRaft broker), with the stt, llm and
 * tts stages on cloud providers faked in this JVM at fixed delays ({@link CloudFakes}). Everything of the turn
 * that is neither the end-of-turn silence (the VAD hangover) nor a provider's own delay is the pipeline's
 * overhead; this reports it per turn, per stage and as p50/p95. Prints a markdown report and writes it to
 * {@code <out>/report.md}.
 */
@Command(name = "cloud-latency-benchmark", mixinStandardHelpOptions = true,
        description = "End of speech to first NPC audio with fake cloud providers at fixed delays: the pipeline's overhead.")
public final class CloudLatencyBenchmark implements Callable<Integer> {

    @Option(names = "--turns", defaultValue = "60", description = "turns, warm-up included (default ${DEFAULT-VALUE})")
    int turns;

    /** Each turn runs the stages' code a handful of times only, so the JIT takes a few turns to reach steady state. */
    @Option(names = "--warmup", defaultValue = "8", description = "first turns not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--stt-delay-ms", defaultValue = "150", description = "transcript after the upload (default ${DEFAULT-VALUE})")
    long sttDelayMs;

    @Option(names = "--llm-delay-ms", defaultValue = "300", description = "first token after the request (default ${DEFAULT-VALUE})")
    long llmDelayMs;

    @Option(names = "--tts-delay-ms", defaultValue = "100", description = "first audio after the request (default ${DEFAULT-VALUE})")
    long ttsDelayMs;

    @Option(names = "--target-ms", defaultValue = "60", description = "overhead p95 target (default ${DEFAULT-VALUE})")
    double targetMs;

    @Option(names = "--out", description = "output folder (default bench/target/cloud-<time>)")
    Path out;

    @Option(names = "--campaign", defaultValue = "examples/campaign.yaml", description = "campaign (default ${DEFAULT-VALUE})")
    Path campaign;

    @Option(names = "--service-property", paramLabel = "KEY=VALUE", description = "passed to every service JVM (repeatable)")
    Map<String, String> serviceProperties = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.glyphoxa");
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "glyphoxa-bench-logback.xml");
        }
        System.exit(new CommandLine(new CloudLatencyBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> stageEnv = System.getenv().keySet().stream().filter(k -> k.startsWith("GLYPHOXA_")).sorted().toList();
        if (!stageEnv.isEmpty()) {
            // A service would read these too, and could end up on another provider than the fakes.
            throw new IllegalArgumentException("unset " + String.join(", ", stageEnv));
        }
        if (turns <= warmup) {
            throw new IllegalArgumentException("--turns must be more than --warmup");
        }
        Path repo = TurnLatencyBenchmark.repositoryRoot();
        Path campaignFile = campaign.isAbsolute() || Files.exists(campaign) ? campaign : repo.resolve(campaign);
        Path dir = (out != null ? out : repo.resolve("bench").resolve("target").resolve("cloud-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        if (Files.exists(dir.resolve("over-kafka"))) {
            throw new IllegalArgumentException(dir.resolve("over-kafka") + " is left from an earlier run: choose another --out");
        }
        Files.createDirectories(dir);
        Progress progress = new Progress(System.out);
        String loadBefore = TurnLatencyBenchmark.loadAverage();
        ZonedDateTime started = ZonedDateTime.now();

        progress.step("speaking " + TurnLatencyBenchmark.QUESTIONS.size() + " questions with Festival");
        FestivalPlayerVoice voice = new FestivalPlayerVoice();
        List<Question> spoken = new ArrayList<>();
        for (int i = 0; i < TurnLatencyBenchmark.QUESTIONS.size(); i++) {
            String q = TurnLatencyBenchmark.QUESTIONS.get(i);
            spoken.add(new Question(q, voice.speak(q, dir.resolve("questions").resolve("q" + i + ".wav"))));
        }
        List<Question> sequence = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            sequence.add(spoken.get(i % spoken.size()));
        }

        OverKafka.Result result;
        String requests;
        Map<String, String> props;
        try (CloudFakes fakes = new CloudFakes(sttDelayMs, llmDelayMs, ttsDelayMs)) {
            props = new LinkedHashMap<>(fakes.serviceProperties());
            props.putAll(serviceProperties);
            Path voiced = CloudFakes.cloudVoicedCampaign(campaignFile, dir.resolve("campaign-cloud.yaml"));
            progress.step("=== over Kafka with fake cloud providers (STT " + sttDelayMs + " ms, LLM first token "
                    + llmDelayMs + " ms, TTS first audio " + ttsDelayMs + " ms): " + turns + " turns, " + warmup + " warm-up");
            result = OverKafka.measure(dir.resolve("over-kafka"), voiced, sequence, warmup, props, progress);
            requests = fakes.requestCounts();
        }
        OverheadReport report = new OverheadReport(result, VadSettings.defaults().hangoverMs(), sttDelayMs, llmDelayMs,
                ttsDelayMs, targetMs);
        String md = report.markdown(started, loadBefore, TurnLatencyBenchmark.loadAverage(), turns, warmup,
                commit(repo), requests, props);
        Files.writeString(dir.resolve("report.md"), md);
        System.out.println();
        System.out.println(md);
        progress.step("report written to " + dir.resolve("report.md"));
        return 0;
    }

    /** The measured code's commit (plus "+changes" when the work tree differs), for the report. */
    private static String commit(Path repo) {
        try {
            Process p = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String head = new String(p.getInputStream().readAllBytes()).strip();
            Process d = new ProcessBuilder("git", "-C", repo.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(d.getInputStream().readAllBytes()).isBlank();
            return p.waitFor() == 0 ? head + (dirty ? " (+ uncommitted changes)" : "") : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
