package dev.glyphoxa.llm.provider.offline;

import dev.glyphoxa.llm.SentenceSplitter;
import dev.glyphoxa.llm.Words;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The built-in responder used when no language-model endpoint is configured, and for any turn the configured one
 * fails. It is NOT a language model: it recognises a few intents by cue words (greeting, farewell, thanks, "who are
 * you", "where is X", "what is X"), takes the facts from the campaign entities the stage retrieved for the line,
 * and says them in the NPC's tone ({@link Persona}). Same inputs, same reply.
 * <p>
 * A reply is one to three sentences: a greeting or an acknowledgement flavoured by the persona, then the facts
 * (sentences of the most relevant entity's description that this NPC has not said yet in the conversation), or a
 * "know nothing of that" fallback when nothing relevant was retrieved.
 */
public final class OfflineResponder implements Responder {

    public static final String NAME = "offline";
    private static final int MAX_SENTENCES = 3;
    private static final Set<String> VERBS = Set.of("is", "are", "was", "were", "has", "have", "had", "lies", "stands",
            "sits", "runs", "holds", "keeps", "sells", "lives", "guards", "leads", "rules", "hides", "lurks", "can",
            "will", "owns", "serves", "knows", "hunts", "watches", "brews", "forges", "stood", "lay");
    private static final Pattern WORD_SPLIT = Pattern.compile("(?<=\\s)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reply(ReplyRequest request, Consumer<String> deltas) {
        String text = String.join(" ", compose(request));
        // Delivered word by word, like a streaming model, so the stage treats both providers alike.
        for (String word : WORD_SPLIT.split(text)) {
            deltas.accept(word);
        }
    }

    /** The reply's sentences. */
    List<String> compose(ReplyRequest request) {
        NpcProfile npc = request.npc();
        String line = request.playerLine();
        int pick = (npc.getNpcId() + "|" + Words.fold(line) + "|" + request.conversation().size()).hashCode();
        Persona persona = new Persona(npc, pick);
        boolean metBefore = request.conversation().stream().anyMatch(l -> l.saidBy(npc));
        Intent intent = Intent.of(line);
        boolean greets = Intent.greets(line) || intent == Intent.GREETING;

        String prefix = greets ? persona.greeting(metBefore) : null;
        List<String> core = new ArrayList<>();
        switch (intent) {
            case IDENTITY -> {
                core.add(persona.introduction());
                core.add(persona.offer());
            }
            case FAREWELL -> core.add(persona.farewell());
            case THANKS -> core.add(persona.thanks());
            case GREETING -> {
                if (request.knowledge().isEmpty()) {
                    core.add(persona.offer());
                } else {
                    core.addAll(facts(request, persona));
                }
            }
            case WHERE, WHAT, STATEMENT -> {
                if (!request.knowledge().isEmpty()) {
                    List<String> facts = facts(request, persona);
                    if (prefix == null && !facts.getFirst().equals(nothingMore(request, persona))) {
                        prefix = persona.acknowledge(Persona.topicPhrase(request.knowledge().getFirst().getName()));
                    }
                    core.addAll(facts);
                } else if (intent == Intent.STATEMENT) {
                    core.add(persona.statement());
                } else {
                    core.add(persona.unknown());
                }
            }
        }
        List<String> sentences = new ArrayList<>();
        if (prefix != null) {
            sentences.addAll(SentenceSplitter.split(prefix));
        }
        List<String> coreSentences = new ArrayList<>();
        for (String c : core) {
            coreSentences.addAll(SentenceSplitter.split(c));
        }
        if (sentences.size() + coreSentences.size() > MAX_SENTENCES) {
            sentences.clear(); // the answer matters more than the flourish
        }
        sentences.addAll(coreSentences);
        return sentences.size() > MAX_SENTENCES ? sentences.subList(0, MAX_SENTENCES) : sentences;
    }

    /** Up to two not-yet-said sentences about the most relevant entity (then the next one), rephrased for speech. */
    private List<String> facts(ReplyRequest request, Persona persona) {
        String said = request.conversation().stream().filter(l -> l.saidBy(request.npc()))
                .map(ReplyRequest.Line::text).reduce("", (a, b) -> a + " " + b);
        List<String> out = new ArrayList<>();
        for (KnowledgeEntity e : request.knowledge()) {
            List<String> description = SentenceSplitter.split(e.getDescription() == null ? "" : e.getDescription());
            boolean first = true;
            int fresh = 0;
            for (String sentence : description) {
                String spoken = first ? rephrase(sentence) : sentence;
                first = false;
                if (said.contains(spoken) || said.contains(sentence)) {
                    continue;
                }
                out.add(spoken);
                fresh++;
                if (out.size() == 2) {
                    return out;
                }
            }
            if (fresh == 0 && out.isEmpty() && e == request.knowledge().getFirst()) {
                out.add(nothingMore(request, persona));
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    private static String nothingMore(ReplyRequest request, Persona persona) {
        return persona.nothingMore(Persona.topicPhrase(request.knowledge().getFirst().getName()));
    }

    /** A description opening as a bare noun phrase ("An abandoned silver mine.") is said as "It's an abandoned...". */
    static String rephrase(String sentence) {
        List<String> words = Words.tokens(sentence);
        if (words.isEmpty() || words.stream().anyMatch(VERBS::contains)) {
            return sentence;
        }
        String first = words.getFirst();
        if (first.equals("a") || first.equals("an") || first.equals("the")) {
            return "It's " + Persona.lowerFirst(sentence);
        }
        return sentence;
    }

    @Override
    public String toString() {
        return NAME.toLowerCase(Locale.ROOT) + " (rule-based, not a language model)";
    }
}
