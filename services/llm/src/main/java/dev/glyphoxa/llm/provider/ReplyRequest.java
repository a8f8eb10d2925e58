package dev.glyphoxa.llm.provider;

import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;

import java.util.List;
import java.util.Objects;

/**
 * Everything a responder may use for one reply.
 *
 * @param campaignName  name of the campaign being played
 * @param npc           the NPC who answers
 * @param knowledge     campaign entities relevant to the player's line, most relevant first (may be empty)
 * @param conversation  recent lines of the session, oldest first, without the player's current line
 * @param speakerId     who said the current line
 * @param playerLine    the line the NPC answers
 */
public record ReplyRequest(String campaignName, NpcProfile npc, List<KnowledgeEntity> knowledge,
                           List<Line> conversation, String speakerId, String playerLine) {

    public ReplyRequest {
        Objects.requireNonNull(npc, "npc");
        Objects.requireNonNull(playerLine, "playerLine");
        campaignName = campaignName == null ? "" : campaignName;
        knowledge = List.copyOf(knowledge == null ? List.of() : knowledge);
        conversation = List.copyOf(conversation == null ? List.of() : conversation);
    }

    /**
     * One earlier line of the conversation.
     *
     * @param speakerName NPC name, or the player's speaker id
     * @param npcId       set when an NPC said it
     * @param text        what was said
     */
    public record Line(String speakerName, String npcId, String text) {

        public boolean saidBy(NpcProfile npc) {
            return npcId != null && npcId.equals(npc.getNpcId());
        }

        public boolean byPlayer() {
            return npcId == null;
        }
    }
}
