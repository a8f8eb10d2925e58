package dev.glyphoxa.bench;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.cli.Progress;
import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.LlmSettings;
import dev.glyphoxa.llm.LlmTopology;
import dev.glyphoxa.llm.Responders;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stt.CampaignVocabulary;
import dev.glyphoxa.stt.FestivalPronouncer;
import dev.glyphoxa.stt.RecognizerPool;
import dev.glyphoxa.stt.SttSettings;
import dev.glyphoxa.stt.SttTopology;
import dev.glyphoxa.stt.Transcriber;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import dev.glyphoxa.tts.TtsSettings;
import dev.glyphoxa.tts.TtsTopology;
import dev.glyphoxa.tts.VoiceRouter;
import dev.glyphoxa.tts.provider.espeak.EspeakSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import dev.glyphoxa.vad.VadSettings;
import dev.glyphoxa.vad.VadTopology;
import dev.glyphoxa.vad.provider.silero.SileroVad;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The four stage topologies chained in one process without Kafka: each production topology object (built from
 * the same settings and providers its service wires) runs on its own {@link TopologyTestDriver}, and the records
 * one stage outputs, as the bytes its sink serialised, are piped into the next. Nothing crosses a broker, so what
 * is measured here is the stages' own processing after the end-of-speech decision.
 *
 * <p>The player's line goes in as the voice-bridge would send it: Opus packets of 20 ms (PlayerLineStreamer's
 * encoding), the VAD driver's wall clock advanced 20 ms per packet, its audio chunks handed to STT as they come
 * out. After the last packet only the VAD's wall clock moves (Discord sends nothing in silence) until its
 * punctuator ends the utterance. Then, with {@link System#nanoTime()}:
 * <ul>
 *   <li>stt: piping what the VAD emitted with SpeechEnded (the last audio chunk, then SpeechEnded) until the driver
 *       has the Transcript (the tail decode and the emit);</li>
 *   <li>llm: piping the Transcript until the stage's clock is read for the first NpcLine (TurnWriter reads it
 *       once, right before it emits the first line; the production constructor's clock is the same
 *       {@code System::currentTimeMillis}, here also noting the instant);</li>
 *   <li>tts: piping the first NpcLine until the first NpcAudio was emitted. The driver hands out records only
 *       after the whole line was processed, so the first packet's time is its record timestamp (the processor's
 *       {@code System.currentTimeMillis()} at emit), at millisecond resolution.</li>
 * </ul>
 * The vad span is the end-of-speech decision on the driver's simulated clock ({@code vad_end_ms - speech_end_ms}
 * from SpeechEnded's timings): the hangover plus the model-window and punctuation granularity, no processing.
 */
final class InProcess implements AutoCloseable {

    /** What the voice-bridge's local channel encodes player audio at (BridgeSettings opus-bitrate default). */
    static final int PLAYER_OPUS_BITRATE = 48_000;
    /** Simulated silence between two player lines (the NPC's reply playing), on the VAD driver's clock. */
    static final long GAP_BETWEEN_LINES_MS = 8_000;
    static final String SPEAKER = "bench";

    /** What one mode measured. */
    record Result(Spans spans, List<String> turns, int answered, int measured, List<Double> punctuationMs,
                  List<String> firstLines, double cpuBusyPercent) {
    }

    /** A topology on its own driver, with its topics as raw bytes (what a broker would carry) and a simulated clock. */
    private static final class Stage implements AutoCloseable {
        final String name;
        final TopologyTestDriver driver;
        final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
        final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();
        long clockMs;

        Stage(String name, StageTopology stage, Path stateDir, List<Topic<?>> in, List<Topic<?>> out) throws IOException {
            this.name = name;
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, stage.applicationId());
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-process:1");
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve(name)).toString());
            this.clockMs = System.currentTimeMillis();
            this.driver = new TopologyTestDriver(stage.topology(), props, Instant.ofEpochMilli(clockMs));
            for (Topic<?> t : in) {
                inputs.put(t.name(), driver.createInputTopic(t.name(), new StringSerializer(), new ByteArraySerializer()));
            }
            List<Topic<?>> outs = new ArrayList<>(out);
            outs.add(Topics.DEADLETTER);
            for (Topic<?> t : outs) {
                outputs.put(t.name(), driver.createOutputTopic(t.name(), new StringDeserializer(), new ByteArrayDeserializer()));
            }
        }

        void pipe(Topic<?> topic, String key, byte[] value, long timestampMs) {
            inputs.get(topic.name()).pipeInput(key, value, timestampMs);
        }

        List<TestRecord<String, byte[]>> drain(Topic<?> topic) {
            return outputs.get(topic.name()).readRecordsToList();
        }

        void advance(long ms) {
            driver.advanceWallClockTime(Duration.ofMillis(ms));
            clockMs += ms;
        }

        /** Moves the simulated wall clock up to the real one (for stages whose "now" should be real time). */
        void catchUp() {
            long now = System.currentTimeMillis();
            if (now > clockMs) {
                advance(now - clockMs);
            }
        }

        List<DeadLetter> deadLetters() {
            return drain(Topics.DEADLETTER).stream().map(r -> Topics.DEADLETTER.valueSerde().decode(r.value())).toList();
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    /** The LLM stage's clock: wall-clock milliseconds, as in production, plus the instant of its first reading. */
    private static final class FirstReadingClock implements LongSupplier {
        private volatile long firstNanos = -1;

        void reset() {
            firstNanos = -1;
        }

        long firstNanos() {
            return firstNanos;
        }

        @Override
        public long getAsLong() {
            if (firstNanos < 0) {
                firstNanos = System.nanoTime();
            }
            return System.currentTimeMillis();
        }
    }

    /** One utterance the VAD cut, with what STT made of it. */
    private record Heard(TestRecord<String, byte[]> transcript, double vadMs, double sttMs) {
    }

    private final Progress progress;
    private final String session = UUID.randomUUID().toString();
    private final VadSettings vadSettings = VadSettings.defaults();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final FirstReadingClock llmClock = new FirstReadingClock();
    private final Map<Path, List<byte[]>> packetsByWav = new HashMap<>();
    private final Stage vad;
    private final Stage stt;
    private final Stage llm;
    private final Stage tts;
    private long sequence;

    private InProcess(Path work, Progress progress) throws IOException {
        this.progress = progress;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path state = work.resolve("state");
        try {
            progress.step("in process: loading Silero VAD");
            SileroVad silero = new SileroVad();
            resources.add(silero);
            vad = new Stage("vad", new VadTopology(vadSettings, silero, new StageFailures("vad", registry)), state,
                    List.of(Topics.VOICE_IN), List.of(Topics.SPEECH));
            resources.add(vad);

            progress.step("in process: loading PocketSphinx (as SttBeans wires it)");
            SttSettings sttSettings = SttSettings.defaults();
            PocketSphinxEngine engine = new PocketSphinxEngine(sttSettings.pocketSphinx());
            FestivalPronouncer pronouncer = new FestivalPronouncer(sttSettings.festival(), sttSettings.festivalTimeoutMs());
            pronouncer.verify();
            RecognizerPool pool = new RecognizerPool(engine, sttSettings.idleDecoders());
            resources.add(pool);
            pool.warmUp(sttSettings.warmDecoders());
            SttTopology sttTopology = new SttTopology(new StageFailures("stt", registry), new Transcriber(pool),
                    new CampaignVocabulary(pronouncer, engine::knowsWord, engine.phones()), sttSettings);
            stt = new Stage("stt", sttTopology, state, List.of(Topics.SPEECH, Topics.CONTROL), List.of(Topics.TRANSCRIPTS));
            resources.add(stt);

            progress.step("in process: LLM stage with the configured responder (defaults: offline)");
            LlmSettings llmSettings = LlmSettings.defaults();
            Responders responders = Responders.from(llmSettings);
            resources.add(responders);
            llm = new Stage("llm", new LlmTopology(llmSettings, new StageFailures("llm", registry), responders, llmClock),
                    state, List.of(Topics.CONTROL, Topics.TRANSCRIPTS), List.of(Topics.NPC_LINES));
            resources.add(llm);

            progress.step("in process: starting Festival and espeak-ng (as TtsFactory wires them)");
            TtsSettings ttsSettings = TtsSettings.defaults();
            FestivalSynthesizer festival = new FestivalSynthesizer(ttsSettings.festival());
            resources.add(festival);
            EspeakSynthesizer espeak = new EspeakSynthesizer(ttsSettings.espeak());
            resources.add(espeak);
            VoiceRouter router = new VoiceRouter(List.of(festival, espeak), ttsSettings.defaultVoice());
            router.warmUp();
            tts = new Stage("tts", new TtsTopology(ttsSettings, router, new StageFailures("tts", registry)), state,
                    List.of(Topics.NPC_LINES), List.of(Topics.VOICE_OUT));
            resources.add(tts);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param gatewaySnapshot the SessionStarted the gateway published over Kafka, reused (under this mode's session id)
     *                        so the NPCs have the same ids and the offline responder, which picks its phrasing by a
     *                        hash over the NPC id, says the same lines; null to build one from the campaign file
     */
    static Result measure(Path work, Path campaign, ControlEvent gatewaySnapshot, List<Question> turns, int warmup,
                          Progress progress) throws Exception {
        try (InProcess p = new InProcess(work, progress)) {
            return p.run(campaign, gatewaySnapshot, turns, warmup);
        }
    }

    private Result run(Path campaign, ControlEvent gatewaySnapshot, List<Question> turns, int warmup) throws IOException {
        ControlEvent started = gatewaySnapshot == null ? CampaignSnapshot.sessionStarted(campaign, session)
                : ControlEvent.newBuilder(gatewaySnapshot).setSessionId(session).build();
        byte[] control = Topics.CONTROL.valueSerde().encode(started);
        long now = System.currentTimeMillis();
        stt.pipe(Topics.CONTROL, session, control, now);
        llm.pipe(Topics.CONTROL, session, control, now);
        progress.step("in process: session " + session + " started (SessionStarted "
                + (gatewaySnapshot == null ? "built from " + campaign : "as the gateway published it") + ", piped to stt and llm)");

        Spans spans = new Spans();
        List<String> log = new ArrayList<>();
        List<Double> punctuation = new ArrayList<>();
        List<String> firstLines = new ArrayList<>();
        int answered = 0;
        int measured = 0;
        CpuMeter cpu = null;
        for (int i = 0; i < turns.size(); i++) {
            boolean warm = i < warmup;
            if (i == warmup) {
                cpu = CpuMeter.start();
            }
            firstLines.add(null);
            String line = turn(i, turns.get(i), warm, spans, punctuation, firstLines);
            if (firstLines.get(i) != null) {
                answered++;
                if (!warm) {
                    measured++;
                }
            }
            log.add(line);
            progress.step(line);
            for (Stage s : List.of(vad, stt, llm, tts)) {
                for (DeadLetter d : s.deadLetters()) {
                    String msg = "  dead letter from " + s.name + ": " + d.getErrorMessage();
                    log.add(msg);
                    progress.step(msg);
                }
            }
        }
        return new Result(spans, log, answered, measured, punctuation, firstLines,
                cpu == null ? Double.NaN : cpu.busyPercent());
    }

    private String turn(int index, Question q, boolean warm, Spans spans, List<Double> punctuation, List<String> firstLines)
            throws IOException {
        List<byte[]> packets = packets(q.wav());
        if (index > 0) {
            vad.advance(GAP_BETWEEN_LINES_MS);
            drainBetweenLines();
        }
        stt.catchUp();
        llm.catchUp();
        tts.catchUp();

        List<Heard> heard = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            vad.advance(OpusCodec.FRAME_MS); // a packet leaves when its 20 ms are recorded, stamped with that end
            VoicePacket p = VoicePacket.newBuilder().setSessionId(session).setSpeakerId(SPEAKER).setSequence(sequence++)
                    .setCaptureTsMs(vad.clockMs).setChannels(1).setOpus(ByteBuffer.wrap(packets.get(i))).build();
            vad.pipe(Topics.VOICE_IN, session, Topics.VOICE_IN.valueSerde().encode(p), vad.clockMs);
            forwardSpeech(heard);
        }
        // Nothing more is sent; the VAD's wall clock runs on until its punctuator ends the utterance.
        long waited = 0;
        while (speaking() && waited < 10L * vadSettings.hangoverMs()) {
            int before = heard.size();
            long t0 = System.nanoTime();
            vad.advance(vadSettings.punctuateMs());
            double ms = (System.nanoTime() - t0) / 1e6;
            waited += vadSettings.punctuateMs();
            forwardSpeech(heard);
            if (heard.size() > before && !warm) {
                punctuation.add(ms);
            }
        }

        String label = String.format("turn %2d in process%s", index, warm ? " (warm-up)" : "");
        List<String> texts = new ArrayList<>();
        for (Heard h : heard) {
            Transcript t = Topics.TRANSCRIPTS.valueSerde().decode(h.transcript().value());
            texts.add(t.getText());
            llmClock.reset();
            long t0 = System.nanoTime();
            llm.pipe(Topics.TRANSCRIPTS, h.transcript().key(), h.transcript().value(), h.transcript().timestamp());
            List<TestRecord<String, byte[]>> lines = llm.drain(Topics.NPC_LINES);
            if (lines.isEmpty()) {
                continue;
            }
            double llmMs = (llmClock.firstNanos() - t0) / 1e6;
            TestRecord<String, byte[]> first = lines.getFirst();
            NpcLine firstLine = Topics.NPC_LINES.valueSerde().decode(first.value());
            long pipedAtMs = System.currentTimeMillis();
            tts.pipe(Topics.NPC_LINES, first.key(), first.value(), first.timestamp());
            List<TestRecord<String, byte[]>> audio = tts.drain(Topics.VOICE_OUT);
            if (audio.isEmpty()) {
                return label + ": no reply (TTS produced no audio for \"" + firstLine.getText() + "\")";
            }
            double ttsMs = audio.getFirst().timestamp() - pipedAtMs;
            double total = h.vadMs() + h.sttMs() + llmMs + ttsMs;
            firstLines.set(index, firstLine.getNpcName() + ": " + firstLine.getText());
            if (!warm) {
                spans.add(Spans.VAD, h.vadMs());
                spans.add(Spans.STT, h.sttMs());
                spans.add(Spans.LLM, llmMs);
                spans.add(Spans.TTS, ttsMs);
                spans.add(Spans.TOTAL, total);
            }
            // Later utterances of the same line still go through the LLM (its conversation), unmeasured.
            for (Heard rest : heard.subList(heard.indexOf(h) + 1, heard.size())) {
                llm.pipe(Topics.TRANSCRIPTS, rest.transcript().key(), rest.transcript().value(), rest.transcript().timestamp());
                llm.drain(Topics.NPC_LINES);
            }
            return String.format("%s: %.0f ms (vad %.0f, stt %.1f, llm %.1f, tts %.0f); heard \"%s\" -> %s: \"%s\"",
                    label, total, h.vadMs(), h.sttMs(), llmMs, ttsMs, String.join(" | ", texts), firstLine.getNpcName(),
                    firstLine.getText());
        }
        return label + ": no reply (heard \"" + String.join(" | ", texts) + "\"; nobody answered)";
    }

    /** Whether the VAD still holds an utterance of the speaker open. */
    private boolean speaking() {
        var store = vad.driver.<String, dev.glyphoxa.vad.state.SpeakerState>getKeyValueStore("vad-speakers");
        var s = store.get(session + '\u0000' + SPEAKER);
        return s != null && s.getSpeaking();
    }

    /**
     * Hands every speech event the VAD emitted to STT, in order. The records of one VAD call left it at the same
     * instant, so when they include a SpeechEnded (with the last audio chunk before it) STT's span is timed from the
     * first of them until its Transcript is out, as over Kafka, where that chunk reaches STT with the SpeechEnded.
     */
    private void forwardSpeech(List<Heard> heard) {
        List<TestRecord<String, byte[]>> batch = vad.drain(Topics.SPEECH);
        long t0 = System.nanoTime();
        for (TestRecord<String, byte[]> r : batch) {
            SpeechEvent e = Topics.SPEECH.valueSerde().decode(r.value());
            stt.pipe(Topics.SPEECH, r.key(), r.value(), r.timestamp());
            if (e.getEvent() instanceof SpeechEnded ended) {
                List<TestRecord<String, byte[]>> transcripts = stt.drain(Topics.TRANSCRIPTS);
                double sttMs = (System.nanoTime() - t0) / 1e6;
                double vadMs = ended.getTimings().getVadEndMs() - ended.getTimings().getSpeechEndMs();
                for (TestRecord<String, byte[]> t : transcripts) {
                    heard.add(new Heard(t, vadMs, sttMs));
                }
            }
        }
    }

    /** Between lines nothing should come out of the VAD; anything that does still goes on to STT and the LLM, unmeasured. */
    private void drainBetweenLines() {
        List<Heard> late = new ArrayList<>();
        forwardSpeech(late);
        late.forEach(h -> llm.pipe(Topics.TRANSCRIPTS, h.transcript().key(), h.transcript().value(), h.transcript().timestamp()));
        llm.drain(Topics.NPC_LINES);
    }

    /** The line as the voice-bridge's PlayerLineStreamer sends it: 48 kHz mono, 20 ms frames (last one zero-padded), Opus. */
    private List<byte[]> packets(Path wav) throws IOException {
        List<byte[]> cached = packetsByWav.get(wav);
        if (cached != null) {
            return cached;
        }
        short[] samples = Wav.readAs(wav, OpusCodec.SAMPLE_RATE).samples();
        int frames = (samples.length + OpusCodec.FRAME_SAMPLES - 1) / OpusCodec.FRAME_SAMPLES;
        List<byte[]> out = new ArrayList<>(frames);
        try (OpusCodec.Encoder encoder = OpusCodec.encoder(1, PLAYER_OPUS_BITRATE)) {
            for (int i = 0; i < frames; i++) {
                int from = i * OpusCodec.FRAME_SAMPLES;
                out.add(encoder.encode(Arrays.copyOfRange(samples, from, from + OpusCodec.FRAME_SAMPLES)));
            }
        }
        packetsByWav.put(wav, out);
        return out;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                progress.step("in process: closing " + r + " failed: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
