package dev.glyphoxa.gateway.recap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How informative a turn is within its session: words weighted by how rare they are across the session's turns
 * (TF-IDF with the turns as documents), plus a bonus for names and numbers, which carry the facts of a scene.
 * <p>
 * Hand-written rather than Lucene/OpenNLP: the gateway has neither, a session is a few hundred turns at most, and
 * table talk needs its own filler list ("mhm", "aye") that a stock English stop list lacks.
 */
final class LineScorer {

    static final double NAME_BONUS = 1.0;
    static final double NUMBER_BONUS = 1.5;
    /** Turns this short rarely say anything a recap needs, even when their one word is rare. */
    static final int SHORT_TURN_WORDS = 4;
    static final double SHORT_TURN_FACTOR = 0.3;
    /** Content-word overlap (Jaccard) from which two turns count as saying the same thing. */
    static final double NEAR_DUPLICATE = 0.6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]");

    static final Set<String> FILLER = Set.of("mhm", "mm", "mmm", "hm", "hmm", "hmmm", "uh", "uhh", "um", "umm",
            "er", "erm", "ah", "oh", "eh", "yeah", "yea", "yep", "yup", "yes", "no", "nope", "nah", "ok", "okay",
            "k", "right", "sure", "alright", "cool", "nice", "huh", "lol", "haha", "hah", "wow", "aye", "gotcha",
            "indeed", "totally", "whatever", "hey", "hi", "hello", "thanks", "thank", "please", "sorry", "well");

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "if", "then", "so", "as",
            "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about", "up", "down", "out", "over",
            "off", "again", "here", "there", "when", "where", "why", "how", "what", "which", "who", "whom", "this",
            "that", "these", "those", "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had",
            "do", "does", "did", "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
            "i", "me", "my", "mine", "we", "us", "our", "you", "your", "yours", "he", "him", "his", "she", "her",
            "hers", "it", "its", "they", "them", "their", "i'm", "i'll", "i've", "i'd", "you're", "you'll", "we're",
            "we'll", "it's", "that's", "there's", "what's", "he's", "she's", "they're", "don't", "doesn't", "didn't",
            "can't", "won't", "isn't", "aren't", "wasn't", "let's", "not", "just", "like", "really", "very", "too",
            "also", "some", "any", "all", "more", "most", "much", "many", "such", "only", "own", "same", "than",
            "now", "still", "even", "got", "get", "go", "going", "gonna", "wanna", "want", "know", "think", "see",
            "look", "come", "tell", "say", "said", "let", "one", "thing", "things", "guess", "mean", "kind", "sort");

    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
            "thousand", "dozen", "half");

    record Token(String raw, String lower, boolean sentenceStart) {
    }

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int turns;

    LineScorer(List<Turn> session) {
        this.turns = session.size();
        for (Turn t : session) {
            for (String w : contentWords(t.text())) {
                documentFrequency.merge(w, 1, Integer::sum);
            }
        }
    }

    double score(Turn turn) {
        List<Token> tokens = tokens(turn.text());
        Set<String> content = contentWords(tokens);
        Set<String> numbers = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Token t : tokens) {
            if (isNumber(t.lower())) {
                numbers.add(t.lower());
            } else if (isName(t)) {
                names.add(t.lower());
            }
        }
        if (content.isEmpty() && numbers.isEmpty()) {
            return 0; // filler only
        }
        double rarity = 0;
        for (String w : content) {
            rarity += idf(w);
        }
        // Length-normalised so one long ramble does not outrank several crisp facts.
        double score = rarity / Math.sqrt(tokens.size()) + NAME_BONUS * names.size() + NUMBER_BONUS * numbers.size();
        return tokens.size() < SHORT_TURN_WORDS ? score * SHORT_TURN_FACTOR : score;
    }

    private double idf(String word) {
        return Math.log((turns + 1.0) / documentFrequency.getOrDefault(word, 1)) + 1.0;
    }

    static boolean nearDuplicates(Turn a, Turn b) {
        Set<String> x = contentWords(a.text());
        Set<String> y = contentWords(b.text());
        if (x.isEmpty() || y.isEmpty()) {
            return normalised(a.text()).equals(normalised(b.text()));
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        return (double) common.size() / union.size() >= NEAR_DUPLICATE;
    }

    static Set<String> contentWords(String text) {
        return contentWords(tokens(text));
    }

    private static Set<String> contentWords(List<Token> tokens) {
        Set<String> words = new HashSet<>();
        for (Token t : tokens) {
            if (!STOP.contains(t.lower()) && !FILLER.contains(t.lower()) && (t.lower().length() > 1 || isNumber(t.lower()))) {
                words.add(t.lower());
            }
        }
        return words;
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int previousEnd = -1;
        while (m.find()) {
            boolean start = previousEnd < 0 || SENTENCE_END.matcher(text.substring(previousEnd, m.start())).find();
            tokens.add(new Token(m.group(), m.group().toLowerCase(Locale.ROOT), start));
            previousEnd = m.end();
        }
        return tokens;
    }

    private static boolean isNumber(String lower) {
        return Character.isDigit(lower.charAt(0)) || NUMBER_WORDS.contains(lower);
    }

    /** A capitalised word inside a sentence is most likely a name: a person, place, ship or tavern. */
    private static boolean isName(Token t) {
        return !t.sentenceStart() && t.raw().length() > 1 && Character.isUpperCase(t.raw().charAt(0))
                && !STOP.contains(t.lower()) && !FILLER.contains(t.lower());
    }

    private static String normalised(String text) {
        return String.join(" ", tokens(text).stream().map(Token::lower).toList());
    }
}
