package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.llm.state.ConversationLine;
import dev.glyphoxa.schema.SessionStarted;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session's state as this stage keeps it, read from and written back to the changelog-backed stores on every
 * record (nothing is kept in heap between records, so any instance can continue any session):
 * the campaign snapshot with current mute flags ({@link LlmTopology#CAMPAIGN_STORE}) and the recent conversation
 * with the NPC addressed last ({@link LlmTopology#CONVERSATION_STORE}).
 */
final class SessionMemory {

    private final KeyValueStore<String, SessionStarted> campaigns;
    private final KeyValueStore<String, Conversation> conversations;
    private final int historySize;

    SessionMemory(KeyValueStore<String, SessionStarted> campaigns, KeyValueStore<String, Conversation> conversations,
                  int historySize) {
        this.campaigns = campaigns;
        this.conversations = conversations;
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
        Conversation stored = conversations.get(sessionId);
        if (stored == null) {
            return emptyConversation();
        }
        stored.setLines(new ArrayList<>(stored.getLines()));
        return stored;
    }

    static Conversation emptyConversation() {
        return Conversation.newBuilder().setLines(new ArrayList<>()).build();
    }

    /** Appends a line, dropping the oldest beyond the history size. */
    void remember(Conversation conversation, String speakerId, String npcId, String speakerName, String text, long atMs) {
        List<ConversationLine> lines = conversation.getLines();
        lines.add(ConversationLine.newBuilder().setSpeakerId(speakerId).setNpcId(npcId).setSpeakerName(speakerName)
                .setText(text).setAtMs(atMs).build());
        while (lines.size() > historySize) {
            lines.removeFirst();
        }
    }

    void saveConversation(String sessionId, Conversation conversation) {
        conversations.put(sessionId, conversation);
    }

    void forget(String sessionId) {
        campaigns.delete(sessionId);
        conversations.delete(sessionId);
    }

    static List<ReplyRequest.Line> lines(Conversation conversation) {
        return conversation.getLines().stream()
                .map(l -> new ReplyRequest.Line(l.getSpeakerName(), l.getNpcId(), l.getText())).toList();
    }
}
