package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * For each final transcript: decides which NPC answers ({@link Addressing}), retrieves the campaign knowledge the
 * line is about ({@link KnowledgeRetriever}), streams the NPC's reply as {@code NpcLine}s ({@link ReplyStreamer})
 * and records both lines in the session's conversation.
 */
final class TranscriptProcessor extends GuardedProcessor<Transcript> {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptProcessor.class);

    private final LlmSettings settings;
    private final ReplyStreamer streamer;
    private final KnowledgeRetriever retriever;
    private final LongSupplier clock;
    private SessionMemory memory;

    TranscriptProcessor(StageFailures failures, LlmSettings settings, Responders responders, LongSupplier clock) {
        super(Topics.TRANSCRIPTS, failures);
        this.settings = settings;
        this.streamer = new ReplyStreamer(responders);
        this.retriever = new KnowledgeRetriever(settings.knowledgeLimit());
        this.clock = clock;
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        memory = new SessionMemory(context.getStateStore(LlmTopology.CAMPAIGN_STORE),
                context.getStateStore(LlmTopology.CONVERSATION_STORE), settings.historySize());
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
        Conversation conversation = memory.conversation(sessionId);
        List<ReplyRequest.Line> history = SessionMemory.lines(conversation);
        memory.remember(conversation, transcript.getSpeakerId(), null, transcript.getSpeakerId(), text, now);

        Optional<Addressing.Decision> who = Addressing.decide(text, campaign.getNpcs(), conversation, now,
                settings.continuationWindow());
        if (who.isEmpty()) {
            LOG.debug("session {} turn {}: nobody answers \"{}\" (no unmuted NPC named, none addressed within {} s, "
                    + "not exactly one unmuted NPC)", sessionId, transcript.getTurnId(), text,
                    settings.continuationWindow().toSeconds());
            memory.saveConversation(sessionId, conversation);
            return;
        }
        Addressing.Decision decision = who.get();
        List<KnowledgeEntity> knowledge = retriever.relevant(text, decision.npc(), campaign.getEntities(), history);
        ReplyRequest request = new ReplyRequest(campaign.getCampaignName(), decision.npc(), knowledge, history,
                transcript.getSpeakerId(), text);
        TurnWriter turn = new TurnWriter(sessionId, transcript.getTurnId(), decision.npc(), decision.reason(),
                transcript.getTimings(), clock, line -> emit(sessionId, line, TopologyParts.sinkName(Topics.NPC_LINES)));
        LOG.debug("session {} turn {}: {} answers ({}), {} relevant entities", sessionId, transcript.getTurnId(),
                decision.npc().getName(), decision.reason(), knowledge.size());
        streamer.stream(request, turn, sessionId, transcript.getTurnId());

        memory.remember(conversation, decision.npc().getNpcId(), decision.npc().getNpcId(), decision.npc().getName(),
                turn.spoken(), now);
        conversation.setLastNpcId(decision.npc().getNpcId());
        conversation.setLastAddressedAtMs(now);
        memory.saveConversation(sessionId, conversation);
    }
}
