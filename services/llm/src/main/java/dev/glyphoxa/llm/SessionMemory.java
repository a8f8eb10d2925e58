package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.ConversationLine;
import dev.glyphoxa.llm.state.UnsaidTurn;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session's state as this stage keeps it, read from and written back to the changelog-backed stores on every
 * record (nothing is kept in heap between records, so any instance can continue any session):
 * the campaign snapshot with current mute flags ({@link LlmTopology#CAMPAIGN_STORE}), the recent conversation
 * with the NPC addressed last ({@link LlmTopology#CONVERSATION_STORE}) and the NPC lines given to the voice but not
 * yet played ({@link UnsaidLines}, {@link LlmTopology#UNSAID_STORE}).
 *
 * <p>Deliver, then commit: what an NPC says enters the conversation only line by line as the voice-bridge reports
 * it played, so a reply cut off by a player never counts as said in full.
 */
final class SessionMemory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMemory.class);

    private final KeyValueStore<String, SessionStarted> campaigns;
    private final KeyValueStore<String, Conversation> conversations;
    private final UnsaidLines unsaid;
    private final int historySize;

    SessionMemory(KeyValueStore<String, SessionStarted> campaigns, KeyValueStore<String, Conversation> conversations,
                  KeyValueStore<String, UnsaidTurn> unsaid, int historySize) {
        this.campaigns = campaigns;
        this.conversations = conversations;
        this.unsaid = new UnsaidLines(unsaid);
        this.historySize = Math.max(1, historySize);
    }

    Optional<SessionStarted> campaign(String sessionId) {
        return Optional.ofNullable(campaigns.get(sessionId));
    }

    /** The campaign of a running session, or an exception that sends the record to the dead letters. */
    SessionStarted requireCampaign(String sessionId, String what) {
        return campaign(sessionId).orElseThrow(() -> new IllegalStateException(what + " for unknown session "
                + sessionId + ": no SessionStarted seen on glyphoxa.control (never started, or already stopped)"));
    }

    void saveCampaign(String sessionId, SessionStarted campaign) {
        campaigns.put(sessionId, campaign);
    }

    /** The stored conversation (a mutable copy), or an empty one. */
    Conversation conversation(String sessionId) {
        Conversation stored;
        try {
            stored = conversations.get(sessionId);
        } catch (SerializationException e) {
            // Written by a version whose schema this one cannot read: the session's memory starts over rather
            // than every later record of the session failing on it.
            LOG.warn("session {}: stored conversation unreadable ({}); starting a new one", sessionId, e.getMessage());
            stored = null;
        }
        if (stored == null) {
            return emptyConversation();
        }
        stored.setLines(new ArrayList<>(stored.getLines()));
        return stored;
    }

    static Conversation emptyConversation() {
        return Conversation.newBuilder().setLines(new ArrayList<>()).build();
    }

    /** Appends a player's line, dropping the oldest beyond the history size. */
    void remember(Conversation conversation, String speakerId, String text, long atMs) {
        append(conversation, ConversationLine.newBuilder().setSpeakerId(speakerId).setNpcId(null)
                .setSpeakerName(speakerId).setText(text).setAtMs(atMs).build());
    }

    void saveConversation(String sessionId, Conversation conversation) {
        conversations.put(sessionId, conversation);
    }

    /** Keeps the lines an NPC was given in a turn until the voice-bridge says which of them were played. */
    void holdUnsaid(String sessionId, String turnId, NpcProfile npc, List<String> lines, long atMs) {
        unsaid.hold(sessionId, turnId, npc, lines, atMs);
    }

    /**
     * A line of an NPC turn was played: it joins the conversation, in the same entry as the turn's earlier played
     * lines.
     *
     * @return false when the line is not held (a turn this stage did not answer, or a line already committed)
     */
    boolean played(String sessionId, String turnId, int sequence, boolean lastInTurn) {
        Optional<UnsaidLines.Line> line = unsaid.take(sessionId, turnId, sequence, lastInTurn);
        if (line.isEmpty()) {
            return false;
        }
        UnsaidLines.Line l = line.get();
        Conversation conversation = conversation(sessionId);
        List<ConversationLine> lines = conversation.getLines();
        ConversationLine previous = lines.isEmpty() ? null : lines.getLast();
        if (previous != null && turnId.equals(previous.getTurnId()) && l.npcId().equals(previous.getNpcId())) {
            lines.set(lines.size() - 1, ConversationLine.newBuilder(previous)
                    .setText(previous.getText() + " " + l.text()).build());
        } else {
            append(conversation, ConversationLine.newBuilder().setSpeakerId(l.npcId()).setNpcId(l.npcId())
                    .setSpeakerName(l.npcName()).setText(l.text()).setAtMs(l.atMs()).setTurnId(turnId).build());
        }
        saveConversation(sessionId, conversation);
        return true;
    }

    /**
     * Whether an NPC of the session is still speaking (or about to): a turn answered within {@code recentMs} has
     * lines the voice-bridge has not reported played or cut. Bounded in time so a turn whose reports never come
     * (no voice channel carries the session) does not count as speaking for long.
     */
    boolean npcSpeaking(String sessionId, long nowMs, long recentMs) {
        return unsaid.anyHeldSince(sessionId, nowMs - recentMs);
    }

    /** The turn was cut: its lines not played yet are never said. @return how many lines were dropped */
    int cut(String sessionId, String turnId) {
        return unsaid.drop(sessionId, turnId);
    }

    /** Drops turns held longer than {@code maxAgeMs} (their playback reports never came). @return turns dropped */
    int dropUnsaidOlderThan(long nowMs, long maxAgeMs) {
        return unsaid.dropOlderThan(nowMs - maxAgeMs);
    }

    void forget(String sessionId) {
        campaigns.delete(sessionId);
        conversations.delete(sessionId);
        unsaid.forget(sessionId);
    }

    static List<ReplyRequest.Line> lines(Conversation conversation) {
        return conversation.getLines().stream()
                .map(l -> new ReplyRequest.Line(l.getSpeakerName(), l.getNpcId(), l.getText())).toList();
    }

    private void append(Conversation conversation, ConversationLine line) {
        List<ConversationLine> lines = conversation.getLines();
        lines.add(line);
        while (lines.size() > historySize) {
            lines.removeFirst();
        }
    }
}
