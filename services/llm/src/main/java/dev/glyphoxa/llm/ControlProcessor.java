package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.NpcDirection;
import dev.glyphoxa.schema.NpcMuteChanged;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.schema.SpeakAsNpc;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keeps the session's campaign snapshot in the store (SessionStarted, NpcMuteChanged, NpcDirection), forgets the session on
 * SessionStopped, and speaks a GM's SpeakAsNpc text verbatim as the NPC's lines (muted or not: the GM decides),
 * held like a reply until played.
 */
final class ControlProcessor extends GuardedProcessor<ControlEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ControlProcessor.class);
    static final String GM_RESPONDER = "gm";
    static final String GM_REASON = "speak-as-npc: the GM spoke as this NPC";

    private final LlmSettings settings;
    private final LongSupplier clock;
    private SessionMemory memory;

    ControlProcessor(StageFailures failures, LlmSettings settings, LongSupplier clock) {
        super(Topics.CONTROL, failures);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        memory = LlmTopology.memory(context, settings);
    }

    @Override
    protected void handle(String sessionId, ControlEvent event, long timestamp) {
        switch (event.getEvent()) {
            case SessionStarted started -> start(sessionId, started);
            case SessionStopped stopped -> {
                memory.forget(sessionId);
                LOG.info("session {} stopped ({}): its campaign, conversation and unplayed lines are forgotten", sessionId,
                        stopped.getReason());
            }
            case NpcMuteChanged mute -> mute(sessionId, mute);
            case NpcDirection direction -> direct(sessionId, direction);
            case SpeakAsNpc speak -> speak(sessionId, event, speak);
            case null, default -> throw new IllegalArgumentException("control event of session " + sessionId
                    + " carries no event this stage knows: " + event.getEvent());
        }
    }

    private void start(String sessionId, SessionStarted started) {
        Set<String> ids = new HashSet<>();
        for (NpcProfile npc : started.getNpcs()) {
            if (npc.getNpcId().isBlank() || npc.getName().isBlank()) {
                throw new IllegalArgumentException("SessionStarted of session " + sessionId
                        + " has an NPC without id or name: " + npc);
            }
            if (!ids.add(npc.getNpcId())) {
                throw new IllegalArgumentException("SessionStarted of session " + sessionId
                        + " lists npc_id " + npc.getNpcId() + " twice");
            }
        }
        Optional<SessionStarted> before = memory.campaign(sessionId)
                .filter(c -> c.getCampaignId().equals(started.getCampaignId()));
        // A repeated SessionStarted of the same campaign (gateway restart) keeps the conversation going, and the GM's
        // standing directions given since: the gateway starts every snapshot without any.
        memory.saveCampaign(sessionId, before.map(b -> withDirectionsOf(b, started)).orElse(started));
        if (before.isEmpty()) {
            memory.saveConversation(sessionId, SessionMemory.emptyConversation());
        }
        LOG.info("session {} started: campaign '{}' with {} NPC(s) and {} entities", sessionId,
                started.getCampaignName(), started.getNpcs().size(), started.getEntities().size());
    }

    /** {@code started}, with each NPC that has no direction of its own keeping the one it had in {@code before}. */
    private static SessionStarted withDirectionsOf(SessionStarted before, SessionStarted started) {
        Map<String, String> directions = new HashMap<>();
        before.getNpcs().stream().filter(n -> n.getDirection() != null)
                .forEach(n -> directions.put(n.getNpcId(), n.getDirection()));
        List<NpcProfile> npcs = started.getNpcs().stream()
                .map(n -> n.getDirection() != null || !directions.containsKey(n.getNpcId()) ? n
                        : NpcProfile.newBuilder(n).setDirection(directions.get(n.getNpcId())).build())
                .toList();
        return SessionStarted.newBuilder(started).setNpcs(npcs).build();
    }

    private void mute(String sessionId, NpcMuteChanged mute) {
        SessionStarted campaign = memory.requireCampaign(sessionId, "NpcMuteChanged");
        String npcId = mute.getNpcId();
        boolean found = npcId == null;
        for (NpcProfile npc : campaign.getNpcs()) {
            if (npcId == null || npc.getNpcId().equals(npcId)) {
                npc.setMuted(mute.getMuted());
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("NpcMuteChanged for npc_id " + npcId + " which session " + sessionId
                    + " does not have (known: " + ids(campaign.getNpcs()) + ")");
        }
        memory.saveCampaign(sessionId, campaign);
        LOG.info("session {}: {} {}", sessionId, npcId == null ? "every NPC" : npcId,
                mute.getMuted() ? "muted" : "unmuted");
    }

    /**
     * The GM's standing direction lives on the NPC's profile in the snapshot, like the mute flag: it is then in
     * the changelog (an instance taking over the partition has it) and in every later ReplyRequest of that NPC.
     */
    private void direct(String sessionId, NpcDirection direction) {
        SessionStarted campaign = memory.requireCampaign(sessionId, "NpcDirection");
        NpcProfile npc = campaign.getNpcs().stream().filter(n -> n.getNpcId().equals(direction.getNpcId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("NpcDirection for npc_id " + direction.getNpcId()
                        + " which session " + sessionId + " does not have (known: " + ids(campaign.getNpcs()) + ")"));
        String text = direction.getDirection() == null ? null : direction.getDirection().strip();
        npc.setDirection(text == null || text.isEmpty() ? null : text);
        memory.saveCampaign(sessionId, campaign);
        LOG.info("session {}: {} {}", sessionId, npc.getName(), npc.getDirection() == null ? "has no standing direction now"
                : "has a standing direction (" + npc.getDirection().length() + " characters)");
    }

    private void speak(String sessionId, ControlEvent event, SpeakAsNpc speak) {
        SessionStarted campaign = memory.requireCampaign(sessionId, "SpeakAsNpc");
        NpcProfile npc = campaign.getNpcs().stream().filter(n -> n.getNpcId().equals(speak.getNpcId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("SpeakAsNpc for npc_id " + speak.getNpcId()
                        + " which session " + sessionId + " does not have (known: " + ids(campaign.getNpcs()) + ")"));
        if (speak.getText().isBlank()) {
            throw new IllegalArgumentException("SpeakAsNpc for " + npc.getName() + " in session " + sessionId
                    + " has no text");
        }
        String turnId = "gm-" + event.getOccurredAtMs();
        TurnWriter turn = new TurnWriter(sessionId, turnId, npc, GM_REASON, null, clock,
                line -> emit(sessionId, line, TopologyParts.sinkName(Topics.NPC_LINES)));
        SentenceSplitter splitter = SentenceSplitter.verbatim(s -> turn.say(s, GM_RESPONDER));
        splitter.accept(speak.getText());
        turn.end(splitter.finish(), GM_RESPONDER);

        long now = context.currentSystemTimeMs();
        // Like a reply, the GM's words count as said only as far as they are played.
        memory.holdUnsaid(sessionId, turnId, npc, turn.said(), now);
        Conversation conversation = memory.conversation(sessionId);
        conversation.setLastNpcId(npc.getNpcId());
        conversation.setLastAddressedAtMs(now);
        memory.saveConversation(sessionId, conversation);
    }

    private static List<String> ids(List<NpcProfile> npcs) {
        return npcs.stream().map(NpcProfile::getNpcId).toList();
    }
}
