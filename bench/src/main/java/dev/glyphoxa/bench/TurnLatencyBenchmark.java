package dev.glyphoxa.bench;

import dev.glyphoxa.cli.FestivalPlayerVoice;
import dev.glyphoxa.cli.Progress;
import dev.glyphoxa.vad.VadSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Time from a player's end of speech to the NPC's first Opus packet, split per stage, measured twice with the
 * same spoken questions: the whole pipeline over a real broker ({@link OverKafka}), then the same stage topologies
 * chained in one process without Kafka ({@link InProcess}). Per stage, the difference is what the Kafka hop into
 * that stage (produce, broker, fetch, poll) costs. Prints a markdown report and writes it to {@code <out>/report.md}.
 */
@Command(name = "turn-latency-benchmark", mixinStandardHelpOptions = true,
        description = "End of speech to first NPC audio, per stage, in process and over Kafka.")
public final class TurnLatencyBenchmark implements Callable<Integer> {

    /** Lines PocketSphinx hears well, each naming an NPC of examples/campaign.yaml (a line opening with "Grimjaw" is often misheard). */
    static final List<String> QUESTIONS = List.of(
            "Hello Elara, what news do you have tonight?",
            "Elara, where is your brother Tomas?",
            "Tell me, Grimjaw, what lies in the sunken mine?",
            "Elara, what do you know about the smugglers at the docks?",
            "Good evening Grimjaw, how is the forge?");

    enum Mode { both, in_process, over_kafka }

    @Option(names = "--turns", defaultValue = "12", description = "turns per mode, warm-up included (default ${DEFAULT-VALUE})")
    int turns;

    @Option(names = "--warmup", defaultValue = "2", description = "first turns of each mode not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--out", description = "output folder (default bench/target/bench-<time>)")
    Path out;

    @Option(names = "--campaign", defaultValue = "examples/campaign.yaml", description = "campaign (default ${DEFAULT-VALUE}, from the repository root)")
    Path campaign;

    @Option(names = "--mode", defaultValue = "both", converter = ModeConverter.class,
            description = "both, in-process or over-kafka (default ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--service-property", paramLabel = "KEY=VALUE",
            description = "passed to every service JVM over Kafka, e.g. glyphoxa.kafka.commit-interval-ms=50 (repeatable)")
    Map<String, String> serviceProperties = new LinkedHashMap<>();

    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return Mode.valueOf(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.glyphoxa");
        // Every service jar on this classpath brings its own logback.xml; name ours so logback does not pick one.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "glyphoxa-bench-logback.xml");
        }
        System.exit(new CommandLine(new TurnLatencyBenchmark())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("turn-latency-benchmark: " + e.getMessage());
                    } else {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (serviceProperties.keySet().stream().anyMatch(k -> k.startsWith("glyphoxa.vad.")
                || k.startsWith("glyphoxa.stt.") || k.startsWith("glyphoxa.llm.") || k.startsWith("glyphoxa.tts."))) {
            // The in-process stages are built from the defaults; a different stage setting would compare unlike things.
            throw new IllegalArgumentException("--service-property may set Kafka/Streams settings, not stage settings "
                    + "(the in-process stages run with the defaults)");
        }
        List<String> stageEnv = System.getenv().keySet().stream().filter(k -> k.startsWith("GLYPHOXA_VAD_")
                || k.startsWith("GLYPHOXA_STT_") || k.startsWith("GLYPHOXA_LLM_") || k.startsWith("GLYPHOXA_TTS_")).sorted().toList();
        if (!stageEnv.isEmpty()) {
            // The services would pick these up over Kafka while the in-process stages run with the defaults.
            throw new IllegalArgumentException("unset " + String.join(", ", stageEnv)
                    + ": both modes must run the stages with the same (default) settings");
        }
        if (turns <= warmup) {
            throw new IllegalArgumentException("--turns must be more than --warmup");
        }
        Path repo = repositoryRoot();
        Path campaignFile = campaign.isAbsolute() || Files.exists(campaign) ? campaign : repo.resolve(campaign);
        if (out != null && out.toString().isBlank()) {
            out = null;
        }
        Path dir = (out != null ? out : repo.resolve("bench").resolve("target").resolve("bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        for (String sub : List.of("over-kafka", "in-process")) {
            if (Files.exists(dir.resolve(sub))) {
                // The embedded broker cannot start on storage formatted by an earlier run (another cluster id).
                throw new IllegalArgumentException(dir.resolve(sub) + " is left from an earlier run: choose another --out");
            }
        }
        Files.createDirectories(dir);
        Progress progress = new Progress(System.out);
        String loadBefore = loadAverage();
        ZonedDateTime started = ZonedDateTime.now();

        progress.step("speaking " + QUESTIONS.size() + " questions with Festival into " + dir.resolve("questions"));
        FestivalPlayerVoice voice = new FestivalPlayerVoice();
        List<Question> spoken = new ArrayList<>();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            spoken.add(new Question(QUESTIONS.get(i), voice.speak(QUESTIONS.get(i), dir.resolve("questions").resolve("q" + i + ".wav"))));
        }
        List<Question> sequence = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            sequence.add(spoken.get(i % spoken.size()));
        }

        // Over Kafka first: the in-process run then reuses the gateway's SessionStarted, so both modes have the same
        // NPC ids and the offline responder (which picks its phrasing by a hash over the NPC id) says the same lines.
        OverKafka.Result over = null;
        InProcess.Result in = null;
        if (mode != Mode.in_process) {
            progress.step("=== over Kafka: " + turns + " turns, " + warmup + " warm-up");
            over = OverKafka.measure(dir.resolve("over-kafka"), campaignFile, sequence, warmup, serviceProperties, progress);
        }
        if (mode != Mode.over_kafka) {
            progress.step("=== in process: " + turns + " turns, " + warmup + " warm-up");
            in = InProcess.measure(dir.resolve("in-process"), campaignFile, over == null ? null : over.sessionStarted(),
                    sequence, warmup, progress);
        }

        String md = report(in, over, started, loadBefore, loadAverage());
        Files.writeString(dir.resolve("report.md"), md);
        System.out.println();
        System.out.println(md);
        progress.step("report written to " + dir.resolve("report.md"));
        return 0;
    }

    private String report(InProcess.Result in, OverKafka.Result over, ZonedDateTime started, String loadBefore, String loadAfter) {
        int hangover = VadSettings.defaults().hangoverMs();
        Report r = new Report();
        r.line("## Run of " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).blank();
        r.line("- machine: " + machine());
        r.line("- load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter);
        r.line(String.format("- %d turns per mode, the first %d not counted (warm-up); questions, in turn: %s", turns, warmup,
                String.join(" / ", QUESTIONS.stream().map(q -> "\"" + q + "\"").toList())));
        if (!serviceProperties.isEmpty()) {
            r.line("- over Kafka, every service also ran with: " + serviceProperties);
        }
        r.line("- VAD hangover (glyphoxa.vad.hangover-ms): " + hangover + " ms; LLM provider: offline (rule-based); "
                + "TTS: Festival (Elara), espeak-ng (Grimjaw)");
        r.blank();
        r.line("Stage spans end when the stage's output record is emitted and start when the previous stage emitted its "
                + "record. **Over Kafka, each stage span includes that stage's consume hop** (produce, broker, fetch, "
                + "stream-thread poll) before its processing; **in process the spans don't** — records are piped from "
                + "one TopologyTestDriver into the next. In process, the vad span is on the VAD driver's simulated clock "
                + "(the decision itself: hangover + window/punctuation granularity) and there is no voice-bridge, so its "
                + "total ends at the first NpcAudio out of TTS.");
        r.blank();
        if (in != null) {
            r.line(String.format("### In process (no Kafka): %d of %d turns answered, %d measured", in.answered(), turns, in.measured()));
            r.blank().table(in.spans(), "— (no bridge)").blank();
            r.line(String.format("Both cores were %.0f %% busy (all processes) during the measured turns.", in.cpuBusyPercent())).blank();
            Stats p = Stats.of(in.punctuationMs());
            if (p.n() > 0) {
                r.line(String.format("(The VAD punctuation that emitted SpeechEnded took p50 %.2f ms of real time.)", p.p50())).blank();
            }
        }
        if (over != null) {
            r.line(String.format("### Over Kafka (six service JVMs, KRaft broker): %d of %d turns answered, %d measured",
                    over.answered(), turns, over.measured()));
            r.blank().table(over.spans(), "—").blank();
            r.line(String.format("Both cores were %.0f %% busy (all processes) during the measured turns, replies playing included.",
                    over.cpuBusyPercent())).blank();
            r.line("The same turns split by the TurnTimings milestones the stages stamp (stt_final_ms and "
                    + "tts_first_audio_ms are the stream thread's cached time from before the stage's processing, so "
                    + "STT's decode shows up under llm and the TTS synthesis under voice-bridge):");
            r.blank().table(over.stamped(), "—").blank();
            r.line("Those two stamps mark when the consuming stream thread began the batch holding the record, so they split "
                    + "the stt and tts spans into the hop into the stage and its processing there:").blank();
            r.line("| span | n | p50 ms | p95 ms | mean ms |");
            r.line("|---|--:|--:|--:|--:|");
            over.split().forEach((name, values) -> {
            if (!values.isEmpty()) {
                r.line(Stats.of(values).row(name));
            }
        });
            r.blank();
        }
        if (in != null && over != null) {
            int same = 0;
            int both = 0;
            for (int i = warmup; i < turns; i++) {
                String a = over.firstLines().get(i);
                String b = in.firstLines().get(i);
                if (a != null && b != null) {
                    both++;
                    same += a.equals(b) ? 1 : 0;
                }
            }
            r.line(String.format("Of the %d measured turns answered in both modes, %d got the same first NPC line in both "
                    + "(the TTS span depends on that sentence's length).", both, same)).blank();
            r.line("### Over Kafka minus in process: the Kafka hop into each stage (and any slowdown of the stage in its own JVM)").blank();
            r.comparison(in.spans(), over.spans()).blank();
            r.line("The differences hold more than the hops: the same processing also runs slower in the service JVMs, on "
                    + "two cores shared with the broker and five other JVMs, than in this one process:").blank();
            r.line("| stage | hop into it (over Kafka) | processing over Kafka | processing in process | slower in the service |");
            r.line("|---|--:|--:|--:|--:|");
            for (String[] st : new String[][]{{"stt", OverKafka.STT_HOP, OverKafka.STT_WORK, Spans.STT},
                    {"tts", OverKafka.TTS_HOP, OverKafka.TTS_WORK, Spans.TTS}}) {
                double hop = Stats.of(over.split().get(st[1])).mean();
                double work = Stats.of(over.split().get(st[2])).mean();
                double local = in.spans().stats(st[3]).mean();
                r.line(String.format("| %s (means) | %.1f | %.1f | %.1f | %+.1f |", st[0], hop, work, local, work - local));
            }
            r.blank();
            r.line("### Where the time goes").blank();
            r.breakdown(in.spans(), over.spans(), hangover).blank();
        }
        r.line("### Turns").blank();
        r.line("```");
        if (over != null) {
            over.turns().forEach(r::line);
        }
        if (in != null) {
            in.turns().forEach(r::line);
        }
        r.line("```");
        return r.toString();
    }

    /** The folder holding examples/campaign.yaml: the working directory or one above it (e.g. bench/). */
    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path d = p; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("examples").resolve("campaign.yaml")) && Files.exists(d.resolve("bench"))) {
                return d;
            }
        }
        return p;
    }

    static String machine() {
        String cpu = "unknown CPU";
        String mem = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(", %.0f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the JVM's view below is enough
        }
        return String.format("%s, %d cores%s; %s %s; Java %s (%s)", cpu, Runtime.getRuntime().availableProcessors(), mem,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
