package dev.glyphoxa.stt;

import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.stt.state.NameWord;
import dev.glyphoxa.stt.state.SessionVocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignVocabularyTest {

    /** Pronounces from a fixed table and records what it was asked. */
    static final class TablePronouncer implements NamePronouncer {
        final List<Collection<String>> asked = new ArrayList<>();
        final Map<String, String> table = new HashMap<>(Map.of(
                "grimjaw", "G R IH M JH AO", "bombadil", "B AA M B AH D IH L", "eowyn", "EY OW W IH N"));

        @Override
        public Map<String, String> pronounce(Collection<String> words) {
            asked.add(List.copyOf(words));
            Map<String, String> out = new HashMap<>();
            words.forEach(w -> {
                if (table.containsKey(w)) {
                    out.put(w, table.get(w));
                }
            });
            return out;
        }
    }

    static SessionStarted campaign(List<NpcProfile> npcs, List<KnowledgeEntity> entities) {
        return SessionStarted.newBuilder().setCampaignId("c").setCampaignName("Ashfall").setVoiceChannel("local")
                .setNpcs(npcs).setEntities(entities).build();
    }

    static NpcProfile npc(String name, String... aliases) {
        return NpcProfile.newBuilder().setNpcId(name).setName(name).setAliases(List.of(aliases))
                .setPersona("p").setVoice("slt").build();
    }

    static KnowledgeEntity entity(String name) {
        return KnowledgeEntity.newBuilder().setEntityId(name).setType("location").setName(name).setDescription("d").build();
    }

    @Test
    void splitsNamesSkipsDictionaryWordsAndAsksOnceForTheRest() {
        TablePronouncer pronouncer = new TablePronouncer();
        FakeEngine engine = new FakeEngine();
        CampaignVocabulary vocabulary = new CampaignVocabulary(pronouncer, engine::knowsWord, engine.phones());

        SessionVocabulary v = vocabulary.build("s", campaign(
                List.of(npc("Grimjaw", "Grimjaw the Smith"), npc("Old Tom-Bombadil")),
                List.of(entity("Grimjaw's Forge"), entity("Grimjaw"))));

        assertThat(v.getSessionId()).isEqualTo("s");
        assertThat(v.getNames()).containsExactly("Grimjaw", "Grimjaw the Smith", "Old Tom-Bombadil", "Grimjaw's Forge");
        assertThat(pronouncer.asked).hasSize(1);
        assertThat(pronouncer.asked.getFirst()).containsExactlyInAnyOrder("grimjaw", "bombadil", "grimjaw's", "forge");
        // bombadil uses AH, which this fake model lacks: dropped rather than refused by the decoder later
        assertThat(v.getWords()).extracting(NameWord::getWord).containsExactly("grimjaw");
        assertThat(v.getWords().getFirst().getDisplay()).isEqualTo("Grimjaw");
        assertThat(v.getWords().getFirst().getPhones()).isEqualTo("G R IH M JH AO");
    }

    @Test
    void accentsAreStrippedAndUnspeakableTokensIgnored() {
        assertThat(CampaignVocabulary.spelling("Éowyn")).isEqualTo("eowyn");
        assertThat(CampaignVocabulary.words("Old Tom-Bombadil")).containsExactly("Old", "Tom", "Bombadil");
        assertThat(CampaignVocabulary.words("'Grimjaw' (the 2nd)")).containsExactly("Grimjaw", "the", "2nd");

        TablePronouncer pronouncer = new TablePronouncer();
        CampaignVocabulary vocabulary = new CampaignVocabulary(pronouncer, w -> false, java.util.Set.of("EY", "OW", "W", "IH", "N"));
        SessionVocabulary v = vocabulary.build("s", campaign(List.of(npc("Éowyn"), npc("R2D2"), npc("龍")), List.of()));
        assertThat(pronouncer.asked.getFirst()).containsExactly("eowyn");
        assertThat(v.getWords()).extracting(NameWord::getWord, NameWord::getDisplay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eowyn", "Éowyn"));
    }

    @Test
    void aCampaignOfDictionaryWordsNeedsNoPronouncer() {
        TablePronouncer pronouncer = new TablePronouncer();
        FakeEngine engine = new FakeEngine();
        SessionVocabulary v = new CampaignVocabulary(pronouncer, engine::knowsWord, engine.phones())
                .build("s", campaign(List.of(npc("Old Tom")), List.of(entity("The Smith"))));
        assertThat(pronouncer.asked).isEmpty();
        assertThat(v.getWords()).isEmpty();
        assertThat(v.getNames()).containsExactly("Old Tom", "The Smith");
    }
}
