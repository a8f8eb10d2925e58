package dev.glyphoxa.llm;

import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.schema.NpcProfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which NPC, if any, answers a player's line. In order:
 * <ol>
 *   <li>the NPC spoken to by name: a name (or alias, or the distinctive word of a long name; misheard forms per
 *       {@link NameMatcher}) set off as an address — at the start of the line or after a greeting, or between
 *       commas, or at the end. A name the line talks <em>about</em> ("I don't trust Grimjaw", "ask Grimjaw",
 *       "Grimjaw's forge", "Grimjaw said...") is a topic, not an address. If the NPC spoken to is muted, nobody
 *       answers: the player chose it, and another NPC must not take its turn;</li>
 *   <li>else the NPC addressed last, if that was within the continuation window and it is not muted;</li>
 *   <li>else nobody.</li>
 * </ol>
 */
public final class Addressing {

    /** Honorifics and titles: "Brother Aldous" is addressed as "Aldous", never as "brother". */
    private static final Set<String> TITLES = Set.of("the", "old", "young", "lord", "lady", "sir", "dame", "master",
            "mistress", "brother", "sister", "father", "mother", "captain", "king", "queen", "prince", "princess",
            "saint", "elder", "uncle", "aunt", "doctor", "madam", "mister", "goodman", "goodwife", "big", "little");
    /** A name right after one of these is what the line is about. */
    private static final Set<String> TOPIC_BEFORE = Set.of("about", "of", "with", "from", "to", "for", "at", "than",
            "like", "by", "without", "against", "after", "before", "behind", "near", "saw", "seen", "see", "know",
            "knew", "trust", "met", "meet", "find", "found", "kill", "killed", "tell", "ask", "asked", "told", "call",
            "called", "is", "was", "isn", "wasn", "follow", "help", "pay", "paid", "trusted", "whom");
    /** A name right before one of these is the subject of a statement, not someone spoken to. */
    private static final Set<String> TOPIC_AFTER = Set.of("is", "was", "has", "had", "said", "says", "told", "tells",
            "went", "will", "would", "could", "did", "does", "who", "thinks", "knows", "wants", "never", "always",
            "gave", "took", "stole", "lied", "isn", "wasn", "doesn", "didn");
    /** Words that may come before a name that is spoken to: "hey", "good evening", "tell me", "thank you". */
    private static final Set<String> LEAD_IN = Set.of("hey", "hi", "hello", "oi", "ho", "ahoy", "yo", "greetings",
            "good", "morning", "evening", "afternoon", "day", "night", "well", "so", "now", "ok", "okay", "oh", "ah",
            "right", "listen", "look", "excuse", "me", "tell", "please", "thanks", "thank", "you", "dear", "my",
            "friend", "say", "and", "but", "then", "alright", "sorry", "pardon");
    private static final int MAX_WINDOW = 3;

    /**
     * Who answers and why (the reason goes on every line of the reply as {@code addressing_reason}); {@code named}
     * when the line spoke to the NPC by name rather than continuing a conversation with it.
     */
    public record Decision(NpcProfile npc, String reason, boolean named) {
    }

    private record Mention(NpcProfile npc, int position, NameMatcher.Match match, String heard, boolean spokenTo) {
    }

    private Addressing() {
    }

    public static Optional<Decision> decide(String text, List<NpcProfile> npcs, Conversation conversation,
                                            long nowMs, Duration continuationWindow) {
        SpokenLine line = SpokenLine.of(text);
        List<Mention> mentions = new ArrayList<>();
        for (NpcProfile npc : npcs) {
            mentions.addAll(mentions(npc, line));
        }
        Optional<Mention> addressee = mentions.stream().filter(Mention::spokenTo)
                .min(Comparator.comparingInt(Mention::position).thenComparing(Mention::match));
        if (addressee.isPresent()) {
            Mention m = addressee.get();
            if (m.npc().getMuted()) {
                return Optional.empty();
            }
            String name = m.npc().getName();
            String heard = m.match() == NameMatcher.Match.EXACT
                    ? (m.heard().equals(Words.fold(name)) ? "" : " (heard \"" + m.heard() + "\")")
                    : " (heard \"" + m.heard() + "\", " + describe(m.match()) + ")";
            return Optional.of(new Decision(m.npc(), "named: " + name + heard, true));
        }
        String lastId = conversation.getLastNpcId();
        Long lastAt = conversation.getLastAddressedAtMs();
        if (lastId == null || lastAt == null) {
            return Optional.empty();
        }
        long ago = nowMs - lastAt;
        if (ago < 0 || ago > continuationWindow.toMillis()) {
            return Optional.empty();
        }
        String topics = String.join(", ", mentions.stream().map(m -> m.npc().getName()).distinct().toList());
        return npcs.stream()
                .filter(npc -> npc.getNpcId().equals(lastId) && !npc.getMuted())
                .findFirst()
                .map(npc -> new Decision(npc, "continuation: " + npc.getName() + " was addressed " + (ago / 1000)
                        + " s ago (window " + continuationWindow.toSeconds() + " s)"
                        + (topics.isEmpty() ? "" : "; " + topics + " only mentioned"), false));
    }

    /** Every place in the line where one of the NPC's names is heard, with whether it is spoken to there. */
    private static List<Mention> mentions(NpcProfile npc, SpokenLine line) {
        List<Mention> found = new ArrayList<>();
        List<String> forms = forms(npc);
        for (int start = 0; start < line.size(); start++) {
            Mention best = null;
            StringBuilder joined = new StringBuilder();
            for (int len = 1; len <= MAX_WINDOW && start + len <= line.size(); len++) {
                if (len > 1 && line.breakBefore(start + len - 1)) {
                    break;   // a name is never split by punctuation
                }
                joined.append(line.words().get(start + len - 1));
                boolean atEdge = start == 0 || start + len == line.size();
                for (String form : forms) {
                    NameMatcher.Match match = NameMatcher.match(joined.toString(), form, atEdge);
                    if (match != null && (best == null || match.compareTo(best.match()) < 0)) {
                        best = new Mention(npc, start, match, String.join(" ", line.words().subList(start, start + len)),
                                spokenTo(line, start, start + len));
                    }
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        return found;
    }

    /** Whether the name heard at words [start, end) is said to someone rather than about them. */
    static boolean spokenTo(SpokenLine line, int start, int end) {
        if (line.possessiveAfter()[end - 1]) {
            return false;
        }
        if (start > 0 && TOPIC_BEFORE.contains(line.words().get(start - 1))) {
            return false;
        }
        boolean closedAfter = line.breakBefore(end);
        if (!closedAfter && TOPIC_AFTER.contains(line.words().get(end))) {
            return false;
        }
        return openBefore(line, start) || closedAfter;
    }

    /** The name starts its clause, or only greetings and lead-ins stand between the clause start and the name. */
    private static boolean openBefore(SpokenLine line, int start) {
        for (int i = start; i > 0; i--) {
            if (line.breakBefore(i)) {
                return true;
            }
            if (!LEAD_IN.contains(line.words().get(i - 1))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(NameMatcher.Match match) {
        return switch (match) {
            case EXACT -> "as spelled";
            case ONE_OFF -> "one letter off";
            case SOUNDS_ALIKE -> "sounds alike";
            case CLIPPED -> "clipped";
        };
    }

    /** Folded, space-free forms the NPC answers to: full name, aliases, and the distinctive words of each. */
    static List<String> forms(NpcProfile npc) {
        List<String> names = new ArrayList<>();
        names.add(npc.getName());
        if (npc.getAliases() != null) {
            names.addAll(npc.getAliases());
        }
        List<String> forms = new ArrayList<>();
        for (String name : names) {
            List<String> words = Words.tokens(name);
            if (words.isEmpty()) {
                continue;
            }
            add(forms, String.join("", words));
            if (words.size() > 1) {
                for (String w : words) {
                    if (w.length() >= 4 && !TITLES.contains(w) && !Words.isStopword(w)) {
                        add(forms, w);
                    }
                }
            }
        }
        return forms;
    }

    private static void add(List<String> forms, String form) {
        if (!forms.contains(form)) {
            forms.add(form);
        }
    }
}
