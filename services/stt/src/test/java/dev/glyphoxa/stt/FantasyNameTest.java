package dev.glyphoxa.stt;

import dev.glyphoxa.testsupport.WordErrorRate;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.SpeechRecognizer;
import dev.glyphoxa.stt.state.NameWord;
import dev.glyphoxa.stt.state.SessionVocabulary;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A fantasy name is recognised once Festival's pronunciation of it is in the decoder's dictionary. */
class FantasyNameTest {

    static final String SENTENCE = "have you seen Grimjaw today";

    @Test
    void grimjawIsNotInCmudict() throws Exception {
        Path dict = Path.of(SttSettings.defaults().dictionary());
        assertThat(Files.lines(dict).map(l -> l.split("\\s+")[0]).filter(w -> w.startsWith("grim")).toList())
                .contains("grim").doesNotContain("grimjaw");
        assertThat(TestSpeech.engine().knowsWord("grimjaw")).isFalse();
        assertThat(TestSpeech.engine().knowsWord("blacksmith")).isTrue();
    }

    @Test
    void grimjawIsRecognisedOnlyAfterItsPronunciationIsAdded() {
        short[] pcm = TestSpeech.voiced(SENTENCE);
        try (SpeechRecognizer r = TestSpeech.engine().create()) {
            String before = r.transcribe(pcm);
            System.out.println("without the name: " + before);
            assertThat(WordErrorRate.words(before)).doesNotContain("grimjaw");

            FestivalPronouncer festival = new FestivalPronouncer("festival", 30_000);
            String phones = festival.pronounce(List.of("grimjaw")).get("grimjaw");
            System.out.println("festival: grimjaw /" + phones + "/");
            assertThat(phones).startsWith("G R IH M");
            r.addWords(List.of(new Pronunciation("grimjaw", phones)));

            String after = r.transcribe(pcm);
            System.out.println("with the name:    " + after);
            assertThat(WordErrorRate.words(after)).contains("grimjaw");
            assertThat(TestSpeech.wer(SENTENCE, after)).isLessThanOrEqualTo(0.2);
        }
    }

    @Test
    void campaignVocabularyBuildsTheEntryFromAnNpcNameWithFestival() {
        var engine = TestSpeech.engine();
        CampaignVocabulary vocabulary = new CampaignVocabulary(new FestivalPronouncer("festival", 30_000),
                engine::knowsWord, engine.phones());
        SessionStarted started = SessionStarted.newBuilder().setCampaignId("c").setCampaignName("Ashfall")
                .setVoiceChannel("local").setEntities(List.of())
                .setNpcs(List.of(NpcProfile.newBuilder().setNpcId("n1").setName("Grimjaw the Smith")
                        .setAliases(List.of("Old Thornwick")).setPersona("gruff").setVoice("slt").build()))
                .build();
        SessionVocabulary v = vocabulary.build("s1", started);
        assertThat(v.getNames()).containsExactly("Grimjaw the Smith", "Old Thornwick");
        assertThat(v.getWords()).extracting(NameWord::getWord).containsExactlyInAnyOrder("grimjaw", "thornwick");
        assertThat(v.getWords()).extracting(NameWord::getDisplay).contains("Grimjaw");
        assertThat(v.getWords()).allSatisfy(w -> assertThat(engine.phones()).containsAll(List.of(w.getPhones().split(" "))));
    }
}
