package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the campaign entities a player's line is about, by TF-IDF-style term overlap: a query term scores
 * {@code weight × idf}, where a hit in the entity's name weighs 3, in a tag 2 and in the description 1, and
 * {@code idf = ln(1 + N / df)} so words every entity shares count little. An entity is relevant from a score of 1
 * (one name hit always is; one description hit only on a word few entities use).
 * <p>
 * The addressed NPC's own names are removed from the query: "Grimjaw, where is the mine?" is about the mine.
 * A follow-up with nothing of its own ("tell me more about it") is scored together with the most recent earlier
 * player line that has a topic.
 */
public final class KnowledgeRetriever {

    static final double RELEVANT = 1.0;
    private static final double NAME_WEIGHT = 3;
    private static final double TAG_WEIGHT = 2;
    private static final double DESCRIPTION_WEIGHT = 1;
    private static final Set<String> FOLLOW_UP = Set.of("it", "its", "that", "there", "more", "else", "them",
            "this", "they", "those", "he", "she", "him", "her");

    /** How many earlier player lines a follow-up may reach back for its topic ("and what else about it?"). */
    private static final int FOLLOW_UP_DEPTH = 3;

    private final int limit;

    public KnowledgeRetriever(int limit) {
        this.limit = limit;
    }

    public List<KnowledgeEntity> relevant(String line, NpcProfile addressed, List<KnowledgeEntity> entities,
                                          List<ReplyRequest.Line> conversation) {
        List<KnowledgeEntity> found = score(line, addressed, entities);
        int looked = 0;
        for (int i = conversation.size() - 1; found.isEmpty() && isFollowUp(line) && i >= 0
                && looked < FOLLOW_UP_DEPTH; i--) {
            ReplyRequest.Line previous = conversation.get(i);
            if (previous.byPlayer()) {
                looked++;
                found = score(previous.text() + " " + line, addressed, entities);
            }
        }
        return found;
    }

    private List<KnowledgeEntity> score(String line, NpcProfile addressed, List<KnowledgeEntity> entities) {
        Set<String> query = new LinkedHashSet<>(Words.terms(line));
        Set<String> own = new HashSet<>();
        for (String form : Addressing.forms(addressed)) {
            own.add(Words.stem(form));
        }
        for (String name : names(addressed)) {
            for (String t : Words.terms(name)) {
                own.add(t);
            }
        }
        query.removeAll(own);
        if (query.isEmpty() || entities.isEmpty()) {
            return List.of();
        }
        List<Map<String, Double>> weighted = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (KnowledgeEntity e : entities) {
            Map<String, Double> tf = new HashMap<>();
            add(tf, e.getName(), NAME_WEIGHT);
            if (e.getTags() != null) {
                for (String tag : e.getTags()) {
                    add(tf, tag, TAG_WEIGHT);
                }
            }
            add(tf, e.getDescription(), DESCRIPTION_WEIGHT);
            weighted.add(tf);
            for (String term : tf.keySet()) {
                df.merge(term, 1, Integer::sum);
            }
        }
        int n = entities.size();
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            KnowledgeEntity e = entities.get(i);
            if (isSelf(e, addressed)) {
                continue;
            }
            double score = 0;
            for (String q : query) {
                Double w = weighted.get(i).get(q);
                if (w != null) {
                    score += w * Math.log(1 + (double) n / df.get(q));
                }
            }
            if (score >= RELEVANT) {
                scored.add(new Scored(e, score, i));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
        return scored.stream().limit(limit).map(Scored::entity).toList();
    }

    private record Scored(KnowledgeEntity entity, double score, int order) {
    }

    private static void add(Map<String, Double> tf, String text, double weight) {
        if (text == null) {
            return;
        }
        // A term counts once per field: a long description repeating a word is not more about it.
        for (String t : new LinkedHashSet<>(Words.terms(text))) {
            tf.merge(t, weight, Double::sum);
        }
    }

    private static boolean isSelf(KnowledgeEntity e, NpcProfile npc) {
        return Words.fold(e.getName()).equals(Words.fold(npc.getName()));
    }

    private static List<String> names(NpcProfile npc) {
        List<String> names = new ArrayList<>();
        names.add(npc.getName());
        if (npc.getAliases() != null) {
            names.addAll(npc.getAliases());
        }
        return names;
    }

    private static boolean isFollowUp(String line) {
        for (String t : Words.tokens(line)) {
            if (FOLLOW_UP.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
