package dev.glyphoxa.llm.provider.openai;

import dev.glyphoxa.llm.Campaigns;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.schema.NpcProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GM's standing direction in the chat messages: in the system message after the persona, and nowhere else. */
class ChatPromptTest {

    private static final String DRUNK = "You are drunk tonight and slur your words.";
    private static final String WARY = "Be wary of the elf, she stole from you.";

    private static ReplyRequest request(NpcProfile npc) {
        return new ReplyRequest("Shadows over Thornbury", npc, List.of(Campaigns.entities().getFirst()),
                List.of(new ReplyRequest.Line("player-1", null, "Hello, smith.")), "player-1",
                "What do you know about the old mine?");
    }

    private static NpcProfile grimjaw(String direction) {
        NpcProfile npc = Campaigns.grimjaw();
        npc.setDirection(direction);
        return npc;
    }

    private static String system(List<ChatPrompt.Message> messages) {
        assertThat(messages.getFirst().role()).isEqualTo("system");
        return messages.getFirst().content();
    }

    @Test
    void theDirectionFollowsThePersonaAsAStandingDirectionNotAsALine() {
        List<ChatPrompt.Message> messages = ChatPrompt.messages(request(grimjaw(DRUNK)));

        String system = system(messages);
        assertThat(system).contains("standing direction for how you play Grimjaw", "never say it aloud", DRUNK);
        int persona = system.indexOf("Persona: " + Campaigns.grimjaw().getPersona());
        int direction = system.indexOf(DRUNK);
        int knowledge = system.indexOf("What you know");
        assertThat(persona).isNotNegative();
        assertThat(direction).isGreaterThan(persona).isLessThan(knowledge);
        assertThat(messages.subList(1, messages.size())).extracting(ChatPrompt.Message::content)
                .noneMatch(c -> c.contains(DRUNK));
    }

    @Test
    void aReplacedDirectionShowsOnlyTheNewOne() {
        String system = system(ChatPrompt.messages(request(grimjaw(WARY))));

        assertThat(system).contains(WARY).doesNotContain(DRUNK);
    }

    @Test
    void noDirectionOrABlankOneAddsNothing() {
        String plain = system(ChatPrompt.messages(request(Campaigns.grimjaw())));

        assertThat(plain).doesNotContain("standing direction");
        assertThat(system(ChatPrompt.messages(request(grimjaw("  "))))).isEqualTo(plain);
    }

    @Test
    void anotherNpcsPromptDoesNotCarryIt() {
        assertThat(system(ChatPrompt.messages(request(Campaigns.mara())))).doesNotContain("standing direction");
    }
}
