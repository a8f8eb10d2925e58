package dev.glyphoxa.llm.provider.openai;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The chat messages sent for one reply: a system message with persona, the GM's standing direction if any, and
 * knowledge, then the conversation.
 */
final class ChatPrompt {

    /** One chat-completions message. */
    record Message(String role, String content) {
    }

    static final String RULES = "Stay in character. Answer in 1 to 3 short spoken sentences, as you would say them "
            + "aloud. No stage directions, no actions in asterisks or brackets, no name label before your words, "
            + "no lists or markdown. If you do not know something, say so in character; do not invent campaign facts "
            + "that contradict what you know.";

    private ChatPrompt() {
    }

    static List<Message> messages(ReplyRequest request) {
        List<Message> messages = new ArrayList<>();
        messages.add(new Message("system", system(request)));
        for (ReplyRequest.Line line : request.conversation()) {
            if (line.saidBy(request.npc())) {
                messages.add(new Message("assistant", line.text()));
            } else if (line.byPlayer()) {
                messages.add(new Message("user", line.text()));
            } else {
                // Another NPC spoke: the model sees it as something said in the room, not as its own words.
                messages.add(new Message("user", "(" + line.speakerName() + " says) " + line.text()));
            }
        }
        messages.add(new Message("user", request.playerLine()));
        return messages;
    }

    static String system(ReplyRequest request) {
        NpcProfile npc = request.npc();
        StringBuilder s = new StringBuilder();
        s.append("You are ").append(npc.getName());
        if (!request.campaignName().isBlank()) {
            s.append(", a character in the tabletop role-playing campaign \"").append(request.campaignName()).append('"');
        }
        s.append(". The players speak to you aloud at the table.\n");
        s.append("Persona: ").append(npc.getPersona()).append('\n');
        String direction = npc.getDirection();
        if (direction != null && !direction.isBlank()) {
            // Worded as a note on how to play the part, so the model acts on it instead of reciting it.
            s.append("The game master's standing direction for how you play ").append(npc.getName())
                    .append(" from now on (let it shape what you say and how; never say it aloud or mention it): ")
                    .append(direction.strip()).append('\n');
        }
        if (!request.knowledge().isEmpty()) {
            s.append("What you know that may matter now:\n");
            for (KnowledgeEntity e : request.knowledge()) {
                s.append("- ").append(e.getName()).append(" (").append(e.getType()).append("): ")
                        .append(e.getDescription()).append('\n');
            }
        }
        s.append(RULES);
        return s.toString();
    }
}
