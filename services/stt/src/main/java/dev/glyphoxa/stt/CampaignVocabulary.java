package dev.glyphoxa.stt;

import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.stt.state.NameWord;
import dev.glyphoxa.stt.state.SessionVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a session's campaign (NPC names, aliases, entity names) into the words the recogniser must learn:
 * names are split into words, words the dictionary already has are skipped, the rest are pronounced by the
 * {@link NamePronouncer} and kept if every phone is one the acoustic model knows.
 */
public final class CampaignVocabulary {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignVocabulary.class);
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern SPEAKABLE = Pattern.compile("[a-z]+('[a-z]+)*");

    private final NamePronouncer pronouncer;
    private final Predicate<String> inDictionary;
    private final Set<String> modelPhones;

    public CampaignVocabulary(NamePronouncer pronouncer, Predicate<String> inDictionary, Set<String> modelPhones) {
        this.pronouncer = pronouncer;
        this.inDictionary = inDictionary;
        this.modelPhones = Set.copyOf(modelPhones);
    }

    /** Every name of the campaign, as given, without duplicates. */
    static List<String> names(SessionStarted started) {
        Set<String> names = new LinkedHashSet<>();
        for (NpcProfile npc : started.getNpcs()) {
            names.add(npc.getName());
            names.addAll(npc.getAliases());
        }
        for (KnowledgeEntity entity : started.getEntities()) {
            names.add(entity.getName());
        }
        names.removeIf(n -> n == null || n.isBlank());
        return new ArrayList<>(names);
    }

    /** Splits a name into words; "Old Tom-Bombadil" → [Old, Tom, Bombadil]. */
    static List<String> words(String name) {
        return Arrays.stream(SPLIT.split(name)).map(w -> w.replaceAll("^'+|'+$", "")).filter(w -> !w.isEmpty()).toList();
    }

    /** How the recogniser spells a written word: lower case, accents stripped ("Éowyn" → "eowyn"). */
    static String spelling(String word) {
        String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    public SessionVocabulary build(String sessionId, SessionStarted started) {
        List<String> names = names(started);
        Map<String, String> display = new LinkedHashMap<>();
        for (String name : names) {
            for (String w : words(name)) {
                String spelled = spelling(w);
                if (!SPEAKABLE.matcher(spelled).matches()) {
                    LOG.info("session {}: cannot add '{}' from name '{}' to the dictionary (not plain letters)", sessionId, w, name);
                    continue;
                }
                if (!inDictionary.test(spelled)) {
                    display.putIfAbsent(spelled, w);
                }
            }
        }
        Map<String, String> phones = display.isEmpty() ? Map.of() : pronouncer.pronounce(display.keySet());
        List<NameWord> words = new ArrayList<>();
        for (Map.Entry<String, String> e : display.entrySet()) {
            String p = phones.get(e.getKey());
            if (p == null || p.isBlank()) {
                continue;
            }
            List<String> unknown = Arrays.stream(p.split(" ")).filter(ph -> !modelPhones.contains(ph)).toList();
            if (!unknown.isEmpty()) {
                LOG.warn("session {}: dropping '{}' /{}/: phones {} are not in the acoustic model", sessionId, e.getKey(), p, unknown);
                continue;
            }
            words.add(NameWord.newBuilder().setWord(e.getKey()).setPhones(p).setDisplay(e.getValue()).build());
        }
        LOG.info("session {}: {} names, {} new dictionary words", sessionId, names.size(), words.size());
        return SessionVocabulary.newBuilder().setSessionId(sessionId).setNames(names).setWords(words).build();
    }
}
