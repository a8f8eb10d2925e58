package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.PendingTurn;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Collects final transcripts into turns ({@link TurnTaking}: a turn that sounds unfinished waits for more of the
 * same speaker, in store {@value LlmTopology#PENDING_TURN_STORE}, and a wall-clock punctuator ends it when due).
 * For each ended turn: decides which NPC answers ({@link Addressing}; nobody when the line names nobody and is
 * said while an NPC is still speaking — a listener's "mhm" or "yeah", which answering would cut short), retrieves the campaign knowledge the
 * line is about ({@link KnowledgeRetriever}), streams the NPC's reply as {@code NpcLine}s ({@link ReplyStreamer}),
 * records the player's line in the session's conversation and holds the NPC's lines until the voice-bridge reports
 * them played ({@link PlaybackProcessor}: deliver, then commit).
 */
final class TranscriptProcessor extends GuardedProcessor<Transcript> {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptProcessor.class);
    private static final Duration PUNCTUATE_EVERY = Duration.ofMillis(10);
    /**
     * A turn handed to the voice this long ago no longer counts as the NPC speaking, even without playback reports
     * (a session no voice channel carries never reports): one reply rarely plays for longer.
     */
    static final Duration SPEAKING_AT_MOST = Duration.ofSeconds(60);

    private final StageFailures failures;
    private final LlmSettings settings;
    private final ReplyStreamer streamer;
    private final KnowledgeRetriever retriever;
    private final LongSupplier clock;
    private final TurnTaking turnTaking;
    private final TurnOutcomes outcomes;
    private SessionMemory memory;
    private KeyValueStore<String, PendingTurn> pending;

    TranscriptProcessor(StageFailures failures, LlmSettings settings, Responders responders, CutTurns cutTurns,
                        LongSupplier clock) {
        super(Topics.TRANSCRIPTS, failures);
        this.failures = failures;
        this.settings = settings;
        this.streamer = new ReplyStreamer(responders, cutTurns);
        this.retriever = new KnowledgeRetriever(settings.knowledgeLimit());
        this.clock = clock;
        this.turnTaking = new TurnTaking(settings.turnMinSilence(), settings.turnMaxSilence());
        this.outcomes = new TurnOutcomes(failures.registry());
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        memory = LlmTopology.memory(context, settings);
        pending = context.getStateStore(LlmTopology.PENDING_TURN_STORE);
        context.schedule(PUNCTUATE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::endDueTurns);
    }

    @Override
    protected void handle(String sessionId, Transcript transcript, long timestamp) {
        SessionStarted campaign = memory.requireCampaign(sessionId, "transcript " + transcript.getUtteranceId());
        if (transcript.getTurnId().isBlank()) {
            throw new IllegalArgumentException("transcript " + transcript.getUtteranceId() + " of session "
                    + sessionId + " has no turn_id");
        }
        String text = transcript.getText().strip();
        if (!transcript.getIsFinal() || text.isEmpty()) {
            LOG.debug("session {}: skipping {} transcript {}", sessionId,
                    text.isEmpty() ? "empty" : "interim", transcript.getUtteranceId());
            return;
        }
        long now = context.currentSystemTimeMs();
        String key = TurnTaking.key(sessionId, transcript.getSpeakerId());
        PendingTurn turn = turnTaking.add(pending.get(key), transcript, now);
        if (TurnTaking.due(turn, now)) {
            pending.delete(key);
            answerCounted(campaign, turn);
        } else {
            pending.put(key, turn);
            LOG.debug("session {} turn {}: \"{}\" sounds unfinished; waiting until {} for more", sessionId,
                    turn.getTurnId(), turn.getText(), turn.getDueAtMs());
        }
    }

    /** Ends every turn whose silence has run out; one that fails is dead-lettered, the others still end. */
    private void endDueTurns(long nowMs) {
        List<PendingTurn> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingTurn> all = pending.all()) {
            all.forEachRemaining(kv -> {
                if (TurnTaking.due(kv.value, nowMs)) {
                    due.add(kv.value);
                }
            });
        }
        for (PendingTurn turn : due) {
            pending.delete(TurnTaking.key(turn.getSessionId(), turn.getSpeakerId()));
            try {
                answerCounted(memory.requireCampaign(turn.getSessionId(), "turn " + turn.getTurnId()), turn);
            } catch (RuntimeException e) {
                failures.deadLetter(context, new Record<>(turn.getSessionId(), Topics.TRANSCRIPTS.valueSerde().encode(
                        asTranscript(turn)), nowMs), e);
            }
        }
    }

    /** A turn that throws is dead-lettered by the caller; it is counted as failed here, once. */
    private void answerCounted(SessionStarted campaign, PendingTurn turn) {
        try {
            outcomes.count(answer(campaign, turn));
        } catch (RuntimeException e) {
            outcomes.count(TurnOutcomes.Outcome.FAILED);
            throw e;
        }
    }

    private TurnOutcomes.Outcome answer(SessionStarted campaign, PendingTurn turnSoFar) {
        String sessionId = turnSoFar.getSessionId();
        String speaker = turnSoFar.getSpeakerId();
        String turnId = turnSoFar.getTurnId();
        String text = turnSoFar.getText();
        long turnEndMs = clock.getAsLong(); // turn-taking decided the player's turn is over
        long now = context.currentSystemTimeMs();
        Conversation conversation = memory.conversation(sessionId);
        List<ReplyRequest.Line> history = SessionMemory.lines(conversation);
        memory.remember(conversation, speaker, text, now);

        Optional<Addressing.Decision> who = Addressing.decide(text, campaign.getNpcs(), conversation, now,
                settings.continuationWindow());
        if (who.isEmpty()) {
            LOG.debug("session {} turn {}: nobody answers \"{}\" (no unmuted NPC spoken to, none addressed within {} s)",
                    sessionId, turnId, text, settings.continuationWindow().toSeconds());
            memory.saveConversation(sessionId, conversation);
            return TurnOutcomes.Outcome.NOBODY_ADDRESSED;
        }
        Addressing.Decision decision = who.get();
        if (!decision.named() && memory.npcSpeaking(sessionId, now, SPEAKING_AT_MOST.toMillis())) {
            LOG.debug("session {} turn {}: \"{}\" was said while an NPC speaks and names nobody; not answered",
                    sessionId, turnId, text);
            memory.saveConversation(sessionId, conversation);
            return TurnOutcomes.Outcome.BACKCHANNEL;
        }
        List<KnowledgeEntity> knowledge = retriever.relevant(text, decision.npc(), campaign.getEntities(), history);
        ReplyRequest request = new ReplyRequest(campaign.getCampaignName(), decision.npc(), knowledge, history,
                speaker, text);
        TurnTimings timings = TurnTimings.newBuilder(TurnTaking.timings(turnSoFar)).setTurnEndMs(turnEndMs).build();
        TurnWriter turn = new TurnWriter(sessionId, turnId, decision.npc(), decision.reason(), timings, clock,
                line -> emit(sessionId, line, TopologyParts.sinkName(Topics.NPC_LINES)));
        LOG.debug("session {} turn {}: {} answers ({}), {} relevant entities", sessionId, turnId,
                decision.npc().getName(), decision.reason(), knowledge.size());
        TurnOutcomes.Outcome outcome = streamer.stream(request, turn, sessionId, turnId);

        // Held even when the turn was cut: the lines played before the cut still enter the conversation.
        memory.holdUnsaid(sessionId, turnId, decision.npc(), turn.said(), now);
        conversation.setLastNpcId(decision.npc().getNpcId());
        conversation.setLastAddressedAtMs(now);
        memory.saveConversation(sessionId, conversation);
        return outcome;
    }

    private static Transcript asTranscript(PendingTurn turn) {
        return Transcript.newBuilder()
                .setSessionId(turn.getSessionId())
                .setSpeakerId(turn.getSpeakerId())
                .setUtteranceId(String.join("+", turn.getUtteranceIds()))
                .setTurnId(turn.getTurnId())
                .setText(turn.getText())
                .setIsFinal(true)
                .setProvider("turn")
                .setSpeechStartMs(0)
                .setSpeechEndMs(turn.getSpeechEndMs())
                .setTimings(TurnTaking.timings(turn))
                .build();
    }
}
