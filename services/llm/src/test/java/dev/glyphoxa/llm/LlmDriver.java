package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.ConversationLine;
import dev.glyphoxa.llm.state.UnsaidTurn;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.StageFailures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;

/** The production llm topology under TopologyTestDriver, with the three inputs and the helpers the playback tests share. */
final class LlmDriver implements AutoCloseable {

    static final String S = "session-1";

    final TopologyTestDriver driver;
    final StageFailures failures = new StageFailures("llm", new SimpleMeterRegistry());
    final CutTurns cutTurns = new CutTurns();
    final TestInputTopic<String, byte[]> control;
    final TestInputTopic<String, byte[]> transcripts;
    final TestInputTopic<String, byte[]> playback;
    final TestOutputTopic<String, NpcLine> lines;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    private final Responders responders;

    LlmDriver(Path stateDir, Responders responders, LongSupplier clock) {
        this(stateDir, LlmSettings.defaults(), responders, clock);
    }

    LlmDriver(Path stateDir, LlmSettings settings, Responders responders, LongSupplier clock) {
        this.responders = responders;
        LlmTopology topology = new LlmTopology(settings, failures, responders, cutTurns, clock);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, topology.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.topology(), p, Instant.ofEpochMilli(1_000_000));
        control = driver.createInputTopic(Topics.CONTROL.name(), new StringSerializer(), new ByteArraySerializer());
        transcripts = driver.createInputTopic(Topics.TRANSCRIPTS.name(), new StringSerializer(), new ByteArraySerializer());
        playback = driver.createInputTopic(Topics.PLAYBACK.name(), new StringSerializer(), new ByteArraySerializer());
        lines = driver.createOutputTopic(Topics.NPC_LINES.name(), new StringDeserializer(), AvroSerde.of(NpcLine.class));
        deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), new StringDeserializer(), AvroSerde.of(DeadLetter.class));
    }

    void start(String session) {
        control(session, Campaigns.started(Campaigns.grimjaw(), Campaigns.mara()));
    }

    void control(String session, Object event) {
        control.pipeInput(session, AvroSerde.of(ControlEvent.class).encode(Campaigns.control(session, 1_000L, event)));
    }

    /** A player's line; returns the NPC lines it produced (maybe none). */
    List<NpcLine> say(String session, String turnId, String text) {
        transcripts.pipeInput(session, AvroSerde.of(Transcript.class).encode(Campaigns.transcript(session, turnId, text)));
        return lines.readValuesToList();
    }

    void send(Playback event) {
        playback.pipeInput(event.getSessionId(), AvroSerde.of(Playback.class).encode(event));
    }

    void play(NpcLine line) {
        send(Campaigns.played(line));
    }

    List<ConversationLine> history(String session) {
        Conversation c = driver.<String, Conversation>getKeyValueStore(LlmTopology.CONVERSATION_STORE).get(session);
        return c == null ? List.of() : c.getLines();
    }

    /** Every held (not yet played) turn in the store. */
    List<UnsaidTurn> unsaid() {
        KeyValueStore<String, UnsaidTurn> store = driver.getKeyValueStore(LlmTopology.UNSAID_STORE);
        List<UnsaidTurn> all = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }

    double turns(String outcome) {
        var c = failures.registry().find("glyphoxa.turns").tag("stage", "llm").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    static String text(List<NpcLine> turn) {
        return String.join(" ", turn.stream().map(NpcLine::getText).toList());
    }

    @Override
    public void close() {
        driver.close();
        responders.close();
    }
}
