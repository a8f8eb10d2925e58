package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.PendingTurn;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stage.TopologyParts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

import java.util.function.LongSupplier;

/**
 * glyphoxa.control + glyphoxa.transcripts → glyphoxa.npc.lines. Both inputs are keyed (and so partitioned) by
 * session id and share the stores, so the processor that sees a session's transcripts also sees its control events.
 */
@Singleton
public class LlmTopology implements StageTopology {

    public static final String APPLICATION_ID = "glyphoxa-llm";
    public static final String CAMPAIGN_STORE = "llm-campaign";
    public static final String CONVERSATION_STORE = "llm-conversation";
    public static final String PENDING_TURN_STORE = "llm-pending-turns";
    static final String CONTROL_PROCESSOR = "llm-control";
    static final String TRANSCRIPT_PROCESSOR = "llm-transcripts";

    private final LlmSettings settings;
    private final StageFailures failures;
    private final Responders responders;
    private final LongSupplier clock;

    @Inject
    public LlmTopology(LlmSettings settings, StageFailures failures, Responders responders) {
        // Wall clock, not context.currentSystemTimeMs(): the stream thread's cached time does not move while a
        // reply streams in, and llm_first_line_ms must say when the first sentence actually went out.
        this(settings, failures, responders, System::currentTimeMillis);
    }

    public LlmTopology(LlmSettings settings, StageFailures failures, Responders responders, LongSupplier clock) {
        this.settings = settings;
        this.failures = failures;
        this.responders = responders;
        this.clock = clock;
    }

    @Override
    public String applicationId() {
        return APPLICATION_ID;
    }

    @Override
    public Topology topology() {
        Topology t = new Topology();
        TopologyParts.source(t, Topics.CONTROL);
        TopologyParts.source(t, Topics.TRANSCRIPTS);
        t.addProcessor(CONTROL_PROCESSOR, () -> new ControlProcessor(failures, settings, clock),
                TopologyParts.sourceName(Topics.CONTROL));
        t.addProcessor(TRANSCRIPT_PROCESSOR, () -> new TranscriptProcessor(failures, settings, responders, clock),
                TopologyParts.sourceName(Topics.TRANSCRIPTS));
        t.addStateStore(TopologyParts.store(CAMPAIGN_STORE, SessionStarted.class), CONTROL_PROCESSOR, TRANSCRIPT_PROCESSOR);
        t.addStateStore(TopologyParts.store(CONVERSATION_STORE, Conversation.class), CONTROL_PROCESSOR, TRANSCRIPT_PROCESSOR);
        t.addStateStore(TopologyParts.store(PENDING_TURN_STORE, PendingTurn.class), TRANSCRIPT_PROCESSOR);
        TopologyParts.sink(t, Topics.NPC_LINES, CONTROL_PROCESSOR, TRANSCRIPT_PROCESSOR);
        TopologyParts.deadLetterSink(t, CONTROL_PROCESSOR, TRANSCRIPT_PROCESSOR);
        return t;
    }
}
