package dev.glyphoxa.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    private enum Mode { REPLY, VERBATIM }

    /** Feeds the deltas one by one and returns the sentences in order, the last one being what finish() gave. */
    private static List<String> stream(Mode mode, String... deltas) {
        List<String> out = new ArrayList<>();
        SentenceSplitter s = mode == Mode.REPLY
                ? SentenceSplitter.forReply(List.of("Grimjaw", "the smith"), out::add)
                : SentenceSplitter.verbatim(out::add);
        for (String d : deltas) {
            s.accept(d);
        }
        out.add("LAST:" + s.finish());
        return out;
    }

    @Test
    void sentencesCompleteAsTokensArriveEvenWhenWordsAreSplitAcrossTokens() {
        List<String> seen = new ArrayList<>();
        SentenceSplitter s = SentenceSplitter.forReply(List.of(), seen::add);
        for (String token : List.of("Aye", ", the mi", "ne is cur", "sed", ".", " Stay", " away", "! Do", " you hear", "?")) {
            s.accept(token);
            if (token.equals(" Stay")) {
                // the first sentence is out as soon as the next one has started, before the stream ends
                assertThat(seen).containsExactly("Aye, the mine is cursed.");
            }
        }
        assertThat(seen).containsExactly("Aye, the mine is cursed.", "Stay away!");
        assertThat(s.finish()).isEqualTo("Do you hear?");
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndASentence() {
        assertThat(stream(Mode.REPLY,
                "Ask Mr. Bram", "ble at the St. Olaf chapel. J. R. Ward paid 3.5 gold. So do I. Fine."))
                .containsExactly("Ask Mr. Bramble at the St. Olaf chapel.", "J. R. Ward paid 3.5 gold.", "So do I.",
                        "LAST:Fine.");
    }

    @Test
    void ellipsesAndQuotesStayInsideTheirSentence() {
        assertThat(stream(Mode.REPLY,
                "Well... perhaps. \"Begone!\" he shouted", ", and ran. \"Why?\" she asked… Nobody knew."))
                .containsExactly("Well... perhaps.", "\"Begone!\" he shouted, and ran.", "\"Why?\" she asked…",
                        "LAST:Nobody knew.");
    }

    @Test
    void theLastSentenceIsOnlyReleasedAtTheEndOfTheStreamEvenWithTrailingWhitespace() {
        List<String> seen = new ArrayList<>();
        SentenceSplitter s = SentenceSplitter.forReply(List.of(), seen::add);
        s.accept("One. Two.");
        s.accept("  \n ");
        assertThat(seen).containsExactly("One.");
        assertThat(s.finish()).isEqualTo("Two.");
    }

    @Test
    void nameLabelsAndStageDirectionsAreNotSpoken() {
        assertThat(stream(Mode.REPLY,
                "Grim", "jaw: *leans in* Aye (", "laughs), the mine. [sighs] **Nobody** goes there", ". The smith: Go."))
                .containsExactly("Aye, the mine.", "Nobody goes there.", "LAST:Go.");
    }

    @Test
    void reasoningBlocksAndToolSyntaxAreNotSpokenEvenSplitAcrossTokens() {
        assertThat(stream(Mode.REPLY,
                "<thi", "nk>The player asks about the mine. I should be gruff.</th", "ink>Aye, the mine. ",
                "<tool_call>{\"name\": \"roll_dice\", \"arguments\": {\"sides\": 20}}</tool_call>",
                "It is cursed. {\"name\": \"lookup\"} Stay ", "<b>away</b>. ```json\n{\"a\": 1}\n``` Go."))
                .containsExactly("Aye, the mine.", "It is cursed.", "Stay away.", "LAST:Go.");
    }

    @Test
    void aLoneAngleBracketIsTextAfterAll() {
        assertThat(stream(Mode.REPLY, "I have < 3 coins left, and the miller wants more than that. Sorry."))
                .containsExactly("I have < 3 coins left, and the miller wants more than that.", "LAST:Sorry.");
        assertThat(stream(Mode.REPLY, "I have < 3 coins. Sorry.")).containsExactly("LAST:I have < 3 coins. Sorry.");
        assertThat(stream(Mode.REPLY, "Fewer than <3")).containsExactly("LAST:Fewer than <3");
    }

    @Test
    void aReplyThatIsOnlyAStageDirectionLeavesNothingToSay() {
        assertThat(stream(Mode.REPLY, "*nods slowly*")).containsExactly("LAST:");
    }

    @Test
    void verbatimModeKeepsTheTextAsWritten() {
        assertThat(stream(Mode.VERBATIM, "Grimjaw: (quietly) Listen well. The mine is mine!"))
                .containsExactly("Grimjaw: (quietly) Listen well.", "LAST:The mine is mine!");
    }

    @Test
    void newlinesSeparateSentencesWithoutPunctuation() {
        assertThat(stream(Mode.REPLY, "Hello there\nWhat do you want")).containsExactly(
                "Hello there", "LAST:What do you want");
    }

    @Test
    void splitOfACompleteText() {
        assertThat(SentenceSplitter.split("An abandoned mine. It collapsed ten years ago."))
                .containsExactly("An abandoned mine.", "It collapsed ten years ago.");
    }
}
