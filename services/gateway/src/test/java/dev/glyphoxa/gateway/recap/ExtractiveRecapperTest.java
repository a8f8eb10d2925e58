package dev.glyphoxa.gateway.recap;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveRecapperTest {

    private final ExtractiveRecapper recapper = new ExtractiveRecapper();

    /** The quoted "Speaker: text" lines, without the header. */
    private static List<String> quoted(Recap recap) {
        String[] parts = recap.text().split("\n\n", 2);
        assertThat(parts).as("header and body in %s", recap.text()).hasSize(2);
        return Arrays.asList(parts[1].split("\n"));
    }

    @Test
    void anEmptySessionSaysSoAndNamesTheCampaign() {
        Recap recap = recapper.recap(new RecapRequest("Shadows over Thornbury", List.of(), null, null));

        assertThat(recap.text()).isEqualTo("Nothing was said in this session of \"Shadows over Thornbury\" yet.");
        assertThat(recap.method()).isEqualTo(Recap.EXTRACTIVE);
        assertThat(recap.linesConsidered()).isZero();
        assertThat(recap.fallbackReason()).isNull();
    }

    @Test
    void blankLinesCountAsNothingSaid() {
        Recap recap = recapper.recap(new RecapRequest("", List.of(
                new RecapLine("Elara", false, "   ", TavernScene.START)), null, null));

        assertThat(recap.text()).isEqualTo("Nothing was said in this session yet.");
    }

    @Test
    void aFillerOnlySessionStillSaysWhoSpoke() {
        List<RecapLine> lines = new TavernScene.Builder()
                .player("Elara", "Mhm.").player("Bram", "Yeah.").npc("Grimjaw", "Aye.")
                .player("Elara", "Ok, yeah.").player("Bram", "ok").lines;

        Recap recap = recapper.recap(new RecapRequest("Shadows over Thornbury", lines, null, null));

        assertThat(recap.text()).isNotBlank()
                .contains("Shadows over Thornbury")
                .contains("Who took part: Elara (player, 2 lines), Bram (player, 2 lines), Grimjaw (NPC, 1 line).")
                .contains("Nothing of note was said")
                .doesNotContain("Mhm", "Yeah", "Aye");
        assertThat(recap.linesConsidered()).isEqualTo(5);
    }

    @Test
    void aTavernScenePicksTheFactsInSpeakingOrderAndLeavesTheChatterOut() {
        Recap recap = recapper.recap(TavernScene.request());

        assertThat(recap.method()).isEqualTo(Recap.EXTRACTIVE);
        assertThat(recap.linesConsidered()).isEqualTo(30);
        assertThat(recap.text()).startsWith("Recap of \"Shadows over Thornbury\" (42 min).\nWho took part: ")
                .contains("Bram (player, 7 lines), Elara (player, 6 lines), Tobin (player, 5 lines), "
                        + "Grimjaw (NPC, 6 lines), Mara (NPC, 3 lines).");

        List<String> quoted = quoted(recap);
        assertThat(quoted).hasSizeBetween(1, ExtractiveRecapper.DEFAULT_MAX_LINES)
                .contains("Elara: Grimjaw, someone stole the map from my room last night!",
                        "Elara: We will pay 50 gold to anyone who helps us get the map back.",
                        "Mara: I saw her! She rode north toward Blackfen with a leather tube under her arm.")
                .noneMatch(l -> l.matches("\\w+: (?i)(mhm|yeah|ok|okay|right|aye|sure|[ ,.])+"));

        List<String> spoken = Turn.of(TavernScene.lines()).stream().map(Turn::render).toList();
        assertThat(spoken).containsAll(quoted);
        assertThat(quoted).isSortedAccordingTo((a, b) -> Integer.compare(spoken.indexOf(a), spoken.indexOf(b)));
    }

    @Test
    void consecutiveSentencesOfOneNpcAreQuotedAsOneLine() {
        Recap recap = recapper.recap(TavernScene.request());

        assertThat(quoted(recap)).contains(
                "Grimjaw: Stolen? In my inn? That map shows the way to the Sunken Vault of Korrath.");
    }

    @Test
    void sentencesOfDifferentNpcsOrSeparatedByAPlayerAreNotMerged() {
        List<RecapLine> lines = new TavernScene.Builder()
                .npc("Grimjaw", "The Sunken Vault lies under Korrath.")
                .npc("Mara", "Nobody has returned from Korrath in 40 years.")
                .player("Elara", "We leave for Korrath at dawn.")
                .npc("Mara", "Then take Harlan with you.").lines;

        List<Turn> turns = Turn.of(lines);

        assertThat(turns).extracting(Turn::speaker).containsExactly("Grimjaw", "Mara", "Elara", "Mara");
    }

    @Test
    void nearIdenticalLinesAreQuotedOnce() {
        List<RecapLine> lines = new TavernScene.Builder()
                .player("Elara", "The thief took the map to Blackfen.")
                .player("Bram", "Yeah.")
                .player("Bram", "The thief took the map to Blackfen!")
                .npc("Grimjaw", "Harlan owes me 12 silver and a boat.").lines;

        List<String> quoted = quoted(recapper.recap(new RecapRequest("Thornbury", lines, null, null)));

        assertThat(quoted).filteredOn(l -> l.contains("thief took the map")).hasSize(1);
        assertThat(quoted).contains("Grimjaw: Harlan owes me 12 silver and a boat.");
    }

    @Test
    void theNumberOfQuotedLinesIsConfigurable() {
        List<String> quoted = quoted(new ExtractiveRecapper(3, 1_500).recap(TavernScene.request()));

        assertThat(quoted).hasSize(3);
    }

    @Test
    void aLongSessionStaysWithinTheLengthCapWithoutCuttingALine() {
        TavernScene.Builder b = new TavernScene.Builder();
        for (int i = 0; i < 60; i++) {
            b.player("Elara", "At milestone " + i + " we found rune number " + (i * 7) + " carved by the Order of "
                    + "Vael" + i + " near the ruined watchtower of Harrowgate, where the river Sel" + i
                    + " bends south past the old quarry and the smugglers' caves.");
        }
        List<String> spoken = Turn.of(b.lines).stream().map(Turn::render).toList();

        Recap recap = new ExtractiveRecapper(20, 1_500).recap(new RecapRequest("Thornbury", b.lines, null, null));

        assertThat(recap.text().length()).isLessThanOrEqualTo(1_500);
        assertThat(quoted(recap)).isNotEmpty().allSatisfy(l -> assertThat(spoken).contains(l));
    }

    @Test
    void aSingleOverlongLineIsShortenedAtAWordBoundary() {
        String monologue = ("The vault of Korrath holds the crown of the drowned king, and 40 wardens guard it day "
                + "and night. ").repeat(10).strip();
        List<RecapLine> lines = new TavernScene.Builder().npc("Grimjaw", monologue).lines;

        List<String> quoted = quoted(recapper.recap(new RecapRequest("Thornbury", lines, null, null)));

        String line = quoted.getFirst();
        assertThat(line).endsWith(Texts.ELLIPSIS).hasSizeLessThanOrEqualTo(ExtractiveRecapper.MAX_LINE_CHARS);
        String kept = line.substring("Grimjaw: ".length(), line.length() - Texts.ELLIPSIS.length());
        assertThat(monologue).startsWith(kept);
        assertThat(monologue.charAt(kept.length())).isEqualTo(' ');
    }
}
