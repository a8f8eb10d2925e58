package dev.glyphoxa.llm.provider.offline;

import dev.glyphoxa.llm.SentenceSplitter;
import dev.glyphoxa.llm.Words;
import dev.glyphoxa.schema.NpcProfile;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an NPC talks when no language model is configured: a tone guessed from the words of the persona
 * ("gruff dwarven blacksmith" reads as gruff, "cheerful innkeeper" as cheerful) and a small bank of phrases per tone.
 * The GM's standing direction, when its words name a tone, takes precedence over the persona's.
 */
final class Persona {

    enum Tone { GRUFF, CHEERFUL, MYSTERIOUS, FORMAL, NERVOUS, PLAIN }

    private static final Map<Tone, Set<String>> CUES = new EnumMap<>(Map.of(
            Tone.GRUFF, Set.of("gruff", "grumpy", "surly", "stern", "blunt", "curt", "grizzled", "dwarf", "dwarven",
                    "blacksmith", "smith", "mercenary", "soldier", "orc", "brusque", "taciturn", "cranky", "bitter",
                    "rough", "hardened"),
            Tone.CHEERFUL, Set.of("cheerful", "jolly", "jovial", "friendly", "warm", "merry", "bubbly", "kind",
                    "innkeeper", "barkeep", "bard", "chatty", "talkative", "optimistic", "cheery", "gregarious",
                    "kindly", "generous", "halfling"),
            Tone.MYSTERIOUS, Set.of("mysterious", "cryptic", "enigmatic", "seer", "oracle", "witch", "hermit",
                    "mystic", "sage", "druid", "wizard", "sorcerer", "secretive", "riddle", "riddles", "prophet",
                    "ancient", "fortune", "teller", "soothsayer"),
            Tone.FORMAL, Set.of("noble", "formal", "polite", "priest", "priestess", "cleric", "lord", "lady",
                    "captain", "knight", "courteous", "scholar", "steward", "official", "magistrate", "haughty",
                    "proud", "aristocrat", "dignified"),
            Tone.NERVOUS, Set.of("nervous", "timid", "anxious", "shy", "jumpy", "frightened", "scared", "skittish",
                    "paranoid", "meek", "cowardly", "fearful", "twitchy")));

    /** Phrases of one tone; {topic} / {Topic} stand for the subject, lower- or upper-case first. */
    private record Bank(List<String> greetings, List<String> again, List<String> acks, List<String> unknowns,
                        List<String> farewells, List<String> thanks, List<String> offers, List<String> statements,
                        List<String> nothingMore) {
    }

    private static final Map<Tone, Bank> BANKS = new EnumMap<>(Map.of(
            Tone.GRUFF, new Bank(
                    List.of("Hmph. Well met, I suppose.", "Aye, what is it?", "Make it quick, I've work to do."),
                    List.of("Back again, are you?", "You again."),
                    List.of("{Topic}? Hmph.", "Aye, {topic}.", "{Topic}, you say."),
                    List.of("I know nothing of that, and I don't care to.", "I know nothing of that. Ask someone else."),
                    List.of("Off with you, then.", "Aye. Mind how you go.", "Good. I've work to do."),
                    List.of("Hmph. Don't mention it.", "Aye, aye. Off you go."),
                    List.of("Buying, or just gawking?", "What do you want?"),
                    List.of("Hmph. If you say so.", "Is that so.", "Aye. And?"),
                    List.of("That's all I know of {topic}.", "Nothing more to say about {topic}.")),
            Tone.CHEERFUL, new Bank(
                    List.of("Well hello there, friend!", "Welcome, welcome!", "Oh, a new face! Hello!"),
                    List.of("Back so soon, friend?", "Good to see you again!"),
                    List.of("Oh, {topic}!", "Ah, {topic}, now there's a tale.", "{Topic}? Happy to tell you."),
                    List.of("Oh, I'm afraid I know nothing of that, friend.", "Goodness, I know nothing of that, sorry!"),
                    List.of("Safe travels, friend!", "Come back soon!", "Take care out there!"),
                    List.of("Oh, it's my pleasure!", "Anytime, friend!"),
                    List.of("What can I do for you?", "How can I help?"),
                    List.of("Oh, is that so?", "Well, how about that!", "Ha! Fancy that."),
                    List.of("That's all I know about {topic}, I'm afraid.", "I've told you all I know of {topic}!")),
            Tone.MYSTERIOUS, new Bank(
                    List.of("Ah. I wondered when you would come.", "The winds said you would come.", "Greetings, seeker."),
                    List.of("You return, as I foresaw.", "Again you seek me out."),
                    List.of("{Topic}... yes.", "Ah, {topic}. Listen closely.", "{Topic}. The signs speak of it."),
                    List.of("I know nothing of that... the mists are silent.", "Even I know nothing of that, seeker."),
                    List.of("Go, and watch the shadows.", "Until the stars align again.", "Farewell, seeker."),
                    List.of("Thank me when it is done.", "Gratitude... how quaint."),
                    List.of("What is it you truly seek?", "Ask, and perhaps I will answer."),
                    List.of("Perhaps. Perhaps not.", "Interesting... very interesting.", "So you believe."),
                    List.of("The rest of {topic} is hidden, even from me.", "I have said all I will of {topic}.")),
            Tone.FORMAL, new Bank(
                    List.of("Good day to you.", "Well met, traveller.", "Greetings. You may approach."),
                    List.of("Welcome back.", "Ah, you have returned."),
                    List.of("{Topic}, you ask.", "Regarding {topic}.", "Ah, {topic}."),
                    List.of("I regret that I know nothing of that.", "I know nothing of that matter, I am afraid."),
                    List.of("Fare you well.", "Go with grace.", "Good day."),
                    List.of("You are most welcome.", "It was my duty."),
                    List.of("How may I be of service?", "State your business, if you please."),
                    List.of("Indeed.", "I see.", "Is that so? How curious."),
                    List.of("I have told you all I know of {topic}.", "There is nothing more I can say of {topic}.")),
            Tone.NERVOUS, new Bank(
                    List.of("Oh! H-hello.", "Um, hello?", "Oh, it's you. Hello."),
                    List.of("Oh, you're back.", "Ah, h-hello again."),
                    List.of("{Topic}? W-why do you ask?", "Um, {topic}.", "{Topic}... oh dear."),
                    List.of("I, um, I know nothing of that, honestly!", "I know nothing of that, I swear!"),
                    List.of("Oh, yes, goodbye. Be careful!", "Y-yes, farewell.", "Goodbye, and please be careful."),
                    List.of("Oh! You're, um, welcome.", "It was nothing, really."),
                    List.of("Is there, um, something you need?", "What do you want? I mean, how can I help?"),
                    List.of("Oh. Oh dear.", "Um, if you say so.", "Really? Oh my."),
                    List.of("That's, um, all I know about {topic}.", "I don't know anything else about {topic}, sorry.")),
            Tone.PLAIN, new Bank(
                    List.of("Hello there.", "Well met.", "Good day."),
                    List.of("Hello again.", "Back again, I see."),
                    List.of("Ah, {topic}.", "{Topic}, is it?", "About {topic}, then."),
                    List.of("I know nothing of that, I'm afraid.", "Sorry, I know nothing of that."),
                    List.of("Farewell.", "Safe travels.", "Goodbye, then."),
                    List.of("You're welcome.", "Glad to help."),
                    List.of("What can I do for you?", "What do you need?"),
                    List.of("I see.", "Is that so?", "Hm. Interesting."),
                    List.of("That's all I know of {topic}.", "I can tell you nothing more of {topic}."))));

    private final NpcProfile npc;
    private final Tone tone;
    private final Bank bank;
    private final int pick;

    /** {@code pick} chooses among variants; the same inputs give the same pick, so replies are deterministic. */
    Persona(NpcProfile npc, int pick) {
        this.npc = npc;
        // A GM direction naming a mood ("you are nervous tonight") sets the tone for this session; one that names
        // none ("be wary of the elf") leaves the persona's tone: the rule-based responder cannot act on its meaning.
        Tone directed = toneOf(npc.getDirection());
        this.tone = directed != Tone.PLAIN ? directed : toneOf(npc.getPersona());
        this.bank = BANKS.get(tone);
        this.pick = pick;
    }

    static Tone toneOf(String persona) {
        List<String> words = Words.tokens(persona == null ? "" : persona);
        Tone best = Tone.PLAIN;
        int bestHits = 0;
        for (Tone t : Tone.values()) {
            Set<String> cues = CUES.get(t);
            if (cues == null) {
                continue;
            }
            int hits = (int) words.stream().filter(cues::contains).count();
            if (hits > bestHits) {
                best = t;
                bestHits = hits;
            }
        }
        return best;
    }

    Tone tone() {
        return tone;
    }

    String greeting(boolean metBefore) {
        return choose(metBefore ? bank.again() : bank.greetings(), 0);
    }

    String acknowledge(String topic) {
        return topic(choose(bank.acks(), 1), topic);
    }

    String unknown() {
        return choose(bank.unknowns(), 2);
    }

    String farewell() {
        return choose(bank.farewells(), 3);
    }

    String thanks() {
        return choose(bank.thanks(), 4);
    }

    String offer() {
        return choose(bank.offers(), 5);
    }

    String statement() {
        return choose(bank.statements(), 6);
    }

    String nothingMore(String topic) {
        return topic(choose(bank.nothingMore(), 7), topic);
    }

    /** "I'm Grimjaw, a gruff dwarven blacksmith." from the first sentence of the persona. */
    String introduction() {
        String name = npc.getName();
        List<String> sentences = SentenceSplitter.split(npc.getPersona() == null ? "" : npc.getPersona());
        if (sentences.isEmpty()) {
            return "I'm " + name + ".";
        }
        String p = sentences.getFirst().replaceAll("[.!?…]+$", "").trim();
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.startsWith("you are ")) {
            // Personas written as instructions to a model ("You are Grimjaw, ...") turned to the first person.
            return "I am " + p.substring(8).replaceAll("(?i)\\byour\\b", "my").replaceAll("(?i)\\byou\\b", "I") + ".";
        }
        if (lower.startsWith(name.toLowerCase(Locale.ROOT) + " is ")) {
            return "I'm " + name + ", " + p.substring(name.length() + 4) + ".";
        }
        boolean article = lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("the ");
        return "I'm " + name + ", " + (article ? lowerFirst(p) : p) + ".";
    }

    /** Subject phrase for mid-sentence use: "the Old Mine" for an entity named "The Old Mine". */
    static String topicPhrase(String entityName) {
        String n = entityName.trim();
        for (String article : List.of("The ", "A ", "An ")) {
            if (n.startsWith(article)) {
                return article.toLowerCase(Locale.ROOT) + n.substring(article.length());
            }
        }
        return n;
    }

    private String choose(List<String> options, int salt) {
        return options.get(Math.floorMod(pick + salt * 7919, options.size()));
    }

    private static String topic(String template, String topic) {
        return template.replace("{Topic}", upperFirst(topic)).replace("{topic}", topic);
    }

    static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an acronym or a name such as "NPC", leave it
        }
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
