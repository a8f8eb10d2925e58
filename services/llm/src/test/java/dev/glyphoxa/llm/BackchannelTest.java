package dev.glyphoxa.llm;

import dev.glyphoxa.schema.NpcLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.glyphoxa.llm.LlmDriver.S;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line that names nobody, said while the NPC is still speaking, is a listener's "mhm", not a turn: answering it
 * by continuation would cut the NPC's own reply short. Naming an NPC still gets an answer, and once the reply has
 * been played the same line continues the conversation as usual.
 */
class BackchannelTest extends OfflineSessionTest {

    @Test
    void anUnaddressedLineWhileTheNpcSpeaksIsNotAnsweredButOneAfterwardsIs() {
        List<NpcLine> reply = llm.say(S, "turn-1", "Grimjaw, what do you know about the old mine?");
        assertThat(reply).isNotEmpty();

        assertThat(llm.say(S, "turn-2", "yeah")).isEmpty();
        assertThat(llm.turns("backchannel")).isEqualTo(1.0);

        reply.forEach(llm::play);   // the reply has been heard to its end
        List<NpcLine> continued = llm.say(S, "turn-3", "and is it dangerous");
        assertThat(continued).isNotEmpty().allSatisfy(l -> {
            assertThat(l.getNpcName()).isEqualTo("Grimjaw");
            assertThat(l.getAddressingReason()).startsWith("continuation");
        });
        assertThat(llm.turns("backchannel")).isEqualTo(1.0);
    }

    @Test
    void namingAnNpcWhileAnotherSpeaksIsAnswered() {
        assertThat(llm.say(S, "turn-1", "Grimjaw, what do you know about the old mine?")).isNotEmpty();

        List<NpcLine> mara = llm.say(S, "turn-2", "Mara, what news do you have?");

        assertThat(mara).isNotEmpty().allSatisfy(l -> assertThat(l.getNpcName()).isEqualTo("Mara Quickfoot"));
        assertThat(llm.turns("backchannel")).isZero();
    }
}
