package dev.glyphoxa.gateway.recap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LlmOutputTest {

    @Test
    void plainProseIsLeftAlone() {
        String recap = "The party reached Thornbury.\n\nGrimjaw said \"never\" twice, and Mara laughed.";

        assertThat(LlmOutput.clean(recap)).isEqualTo(recap);
    }

    @Test
    void headingsRulesEmphasisAndALabelGo() {
        assertThat(LlmOutput.clean("### Recap of the session\n**Recap:** The party left.\n---\n__Mara__ stayed."))
                .isEqualTo("The party left.\n\nMara stayed.");
    }

    @Test
    void quotesAroundTheWholeTextGoButQuotesInsideStay() {
        assertThat(LlmOutput.clean("“The party left Thornbury.”")).isEqualTo("The party left Thornbury.");
        assertThat(LlmOutput.clean("\"Run,\" said Grimjaw. \"Now.\"")).isEqualTo("\"Run,\" said Grimjaw. \"Now.\"");
    }

    @Test
    void quotesInsideTheHeadingsGoToo() {
        assertThat(LlmOutput.clean("## Recap\n\n\"The party left Thornbury.\"")).isEqualTo("The party left Thornbury.");
    }

    @Test
    void reasoningBlocksGo() {
        assertThat(LlmOutput.clean("<think>The user wants a recap.\nLet me see.</think>\n\nThe party left."))
                .isEqualTo("The party left.");
    }

    @Test
    void onlyFormattingLeavesNothing() {
        assertThat(LlmOutput.clean("## Recap\n\n***\n")).isEmpty();
    }
}
