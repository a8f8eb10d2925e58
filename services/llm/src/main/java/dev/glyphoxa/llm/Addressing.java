package dev.glyphoxa.llm;

import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.schema.NpcProfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which NPC, if any, answers a player's line. In order:
 * <ol>
 *   <li>an NPC whose name or alias is in the line (case-insensitive; one wrong, missing or extra letter tolerated for
 *       names of five letters or more, since the recogniser mishears fantasy names; a name heard as two words,
 *       "grim jaw", still counts). If only muted NPCs are named, nobody answers: the player spoke to them;</li>
 *   <li>else the NPC addressed last, if that was within the continuation window;</li>
 *   <li>else the campaign's only unmuted NPC, if there is exactly one;</li>
 *   <li>else nobody.</li>
 * </ol>
 * Muted NPCs never answer.
 */
public final class Addressing {

    /** Honorifics and titles: "Brother Aldous" is addressed as "Aldous", never as "brother". */
    private static final Set<String> TITLES = Set.of("the", "old", "young", "lord", "lady", "sir", "dame", "master",
            "mistress", "brother", "sister", "father", "mother", "captain", "king", "queen", "prince", "princess",
            "saint", "elder", "uncle", "aunt", "doctor", "madam", "mister", "goodman", "goodwife", "big", "little");
    private static final int FUZZY_MIN_LENGTH = 5;
    private static final int MAX_WINDOW = 3;

    /** Who answers and why (the reason goes on every line of the reply as {@code addressing_reason}). */
    public record Decision(NpcProfile npc, String reason) {
    }

    private record Mention(NpcProfile npc, int position, boolean exact, String heard, String form) {
    }

    private Addressing() {
    }

    public static Optional<Decision> decide(String line, List<NpcProfile> npcs, Conversation conversation,
                                            long nowMs, Duration continuationWindow) {
        List<String> tokens = Words.tokens(line);
        Mention best = null;
        boolean mutedNamed = false;
        for (NpcProfile npc : npcs) {
            Mention m = mention(npc, tokens);
            if (m == null) {
                continue;
            }
            if (npc.getMuted()) {
                mutedNamed = true;
                continue;
            }
            if (best == null || m.position < best.position || (m.position == best.position && m.exact && !best.exact)) {
                best = m;
            }
        }
        if (best != null) {
            String reason = "named: " + best.npc.getName()
                    + (best.heard.equals(Words.fold(best.npc.getName())) ? "" : " (heard \"" + best.heard + "\")");
            return Optional.of(new Decision(best.npc, reason));
        }
        if (mutedNamed) {
            return Optional.empty();
        }
        String lastId = conversation.getLastNpcId();
        Long lastAt = conversation.getLastAddressedAtMs();
        if (lastId != null && lastAt != null) {
            long ago = nowMs - lastAt;
            if (ago >= 0 && ago <= continuationWindow.toMillis()) {
                for (NpcProfile npc : npcs) {
                    if (npc.getNpcId().equals(lastId) && !npc.getMuted()) {
                        return Optional.of(new Decision(npc, "continuation: " + npc.getName() + " was addressed "
                                + (ago / 1000) + " s ago (window " + continuationWindow.toSeconds() + " s)"));
                    }
                }
            }
        }
        List<NpcProfile> unmuted = npcs.stream().filter(n -> !n.getMuted()).toList();
        if (unmuted.size() == 1) {
            return Optional.of(new Decision(unmuted.getFirst(), "only unmuted NPC in the campaign"));
        }
        return Optional.empty();
    }

    /** The earliest place in the line where one of the NPC's names is heard, or null. */
    private static Mention mention(NpcProfile npc, List<String> tokens) {
        Mention best = null;
        for (String form : forms(npc)) {
            for (int start = 0; start < tokens.size(); start++) {
                StringBuilder joined = new StringBuilder();
                for (int len = 1; len <= MAX_WINDOW && start + len <= tokens.size(); len++) {
                    joined.append(tokens.get(start + len - 1));
                    String heard = String.join(" ", tokens.subList(start, start + len));
                    boolean exact = joined.toString().equals(form);
                    boolean close = !exact && form.length() >= FUZZY_MIN_LENGTH
                            && Words.editDistance(joined.toString(), form, 1) <= 1;
                    if ((exact || close) && (best == null || start < best.position
                            || (start == best.position && exact && !best.exact))) {
                        best = new Mention(npc, start, exact, heard, form);
                    }
                    if (joined.length() > form.length() + 1) {
                        break;
                    }
                }
            }
        }
        return best;
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
