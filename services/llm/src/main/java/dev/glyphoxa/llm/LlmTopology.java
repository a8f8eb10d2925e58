package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.PendingTurn;
import dev.glyphoxa.llm.state.UnsaidTurn;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stage.TopologyParts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.util.function.LongSupplier;

/**
 * glyphoxa.control + glyphoxa.transcripts + glyphoxa.playback → glyphoxa.npc.lines. All inputs are keyed (and so
 * partitioned) by session id and share the stores, so the processor that sees a session's transcripts also sees its
 * control events and what the voice-bridge played of its NPC turns.
 */
@Singleton
public class LlmTopology implements StageTopology {

    public static final String APPLICATION_ID = "glyphoxa-llm";
    public static final String CAMPAIGN_STORE = "llm-campaign";
    public static final String CONVERSATION_STORE = "llm-conversation";
    public static final String PENDING_TURN_STORE = "llm-pending-turns";
    public static final String UNSAID_STORE = "llm-unsaid-lines";
    static final String CONTROL_PROCESSOR = "llm-control";
    static final String TRANSCRIPT_PROCESSOR = "llm-transcripts";
    static final String PLAYBACK_PROCESSOR = "llm-playback";

    private final LlmSettings settings;
    private final StageFailures failures;
    private final Responders responders;
    private final CutTurns cutTurns;
    private final LongSupplier clock;

    @Inject
    public LlmTopology(LlmSettings settings, StageFailures failures, Responders responders, CutTurns cutTurns) {
        // Wall clock, not context.currentSystemTimeMs(): the stream thread's cached time does not move while a
        // reply streams in, and llm_first_token_ms / llm_first_line_ms must say when they actually happened.
        this(settings, failures, responders, cutTurns, System::currentTimeMillis);
    }

    /** Without a playback listener (in-process use such as the bench): no turn is ever cut mid-reply. */
    public LlmTopology(LlmSettings settings, StageFailures failures, Responders responders, LongSupplier clock) {
        this(settings, failures, responders, new CutTurns(), clock);
    }

    public LlmTopology(LlmSettings settings, StageFailures failures, Responders responders, CutTurns cutTurns,
                       LongSupplier clock) {
        this.settings = settings;
        this.failures = failures;
        this.responders = responders;
        this.cutTurns = cutTurns;
        this.clock = clock;
    }

    /** The session state every processor reads and writes through (they all share the stores). */
    static SessionMemory memory(ProcessorContext<?, ?> context, LlmSettings settings) {
        return new SessionMemory(context.getStateStore(CAMPAIGN_STORE), context.getStateStore(CONVERSATION_STORE),
                context.getStateStore(UNSAID_STORE), settings.historySize());
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
        TopologyParts.source(t, Topics.PLAYBACK);
        t.addProcessor(CONTROL_PROCESSOR, () -> new ControlProcessor(failures, settings, clock),
                TopologyParts.sourceName(Topics.CONTROL));
        t.addProcessor(TRANSCRIPT_PROCESSOR, () -> new TranscriptProcessor(failures, settings, responders, cutTurns, clock),
                TopologyParts.sourceName(Topics.TRANSCRIPTS));
        t.addProcessor(PLAYBACK_PROCESSOR, () -> new PlaybackProcessor(failures, settings),
                TopologyParts.sourceName(Topics.PLAYBACK));
        String[] all = {CONTROL_PROCESSOR, TRANSCRIPT_PROCESSOR, PLAYBACK_PROCESSOR};
        t.addStateStore(TopologyParts.store(CAMPAIGN_STORE, SessionStarted.class), all);
        t.addStateStore(TopologyParts.store(CONVERSATION_STORE, Conversation.class), all);
        t.addStateStore(TopologyParts.store(UNSAID_STORE, UnsaidTurn.class), all);
        t.addStateStore(TopologyParts.store(PENDING_TURN_STORE, PendingTurn.class), TRANSCRIPT_PROCESSOR);
        TopologyParts.sink(t, Topics.NPC_LINES, CONTROL_PROCESSOR, TRANSCRIPT_PROCESSOR);
        TopologyParts.deadLetterSink(t, all);
        return t;
    }
}
