package dev.glyphoxa.llm.provider.offline;

import dev.glyphoxa.llm.Words;

import java.util.List;
import java.util.Set;

/** What a player's line asks for, recognised by cue words: enough for the rule-based responder to pick a reply shape. */
enum Intent {
    GREETING, FAREWELL, IDENTITY, THANKS, WHERE, WHAT, STATEMENT;

    private static final Set<String> GREETINGS = Set.of("hello", "hi", "hey", "hail", "greetings", "howdy", "ho",
            "morning", "evening", "afternoon", "salutations", "welcome");
    private static final Set<String> FAREWELLS = Set.of("bye", "goodbye", "farewell", "later", "leaving");
    private static final Set<String> THANKS_WORDS = Set.of("thanks", "thank", "grateful", "cheers");
    private static final Set<String> WHAT_WORDS = Set.of("what", "whats", "which", "who", "whos", "tell", "know",
            "heard", "explain", "describe", "anything", "news", "rumor", "rumour", "rumors", "rumours", "why", "how");

    /** The intent of the line; a greeting that also asks something counts as the question. */
    static Intent of(String line) {
        List<String> t = Words.tokens(line);
        String folded = " " + String.join(" ", t) + " ";
        if (folded.contains(" who are you ") || folded.contains(" your name ") || folded.contains(" who be you ")
                || folded.contains(" about yourself ") || folded.contains(" what are you ")
                || folded.contains(" who might you be ")) {
            return IDENTITY;
        }
        if (folded.contains(" where ") || folded.contains(" wheres ") || folded.contains(" how do i get ")
                || folded.contains(" how do we get ") || folded.contains(" find the ") || folded.contains(" way to ")) {
            return WHERE;
        }
        if (folded.contains(" how are you ") || folded.contains(" how goes it ") || folded.contains(" hows it going ")
                || folded.contains(" how do you do ")) {
            return GREETING; // small talk, not a question about the campaign
        }
        boolean question = line.contains("?") || t.stream().anyMatch(WHAT_WORDS::contains);
        if (question) {
            return WHAT;
        }
        if (t.stream().anyMatch(FAREWELLS::contains) || folded.contains(" see you ") || folded.contains(" take care ")
                || folded.contains(" good night ")) {
            return FAREWELL;
        }
        if (t.stream().anyMatch(THANKS_WORDS::contains)) {
            return THANKS;
        }
        if (t.stream().anyMatch(GREETINGS::contains) || folded.contains(" well met ")
                || folded.contains(" good day ")) {
            return GREETING;
        }
        return STATEMENT;
    }

    /** True when the line opens with a greeting, whatever else it asks. */
    static boolean greets(String line) {
        List<String> t = Words.tokens(line);
        return !t.isEmpty() && (GREETINGS.contains(t.getFirst()) || (t.size() > 1 && t.get(0).equals("good")
                && Set.of("day", "morning", "evening", "afternoon").contains(t.get(1)))
                || (t.size() > 1 && t.get(0).equals("well") && t.get(1).equals("met")));
    }
}
