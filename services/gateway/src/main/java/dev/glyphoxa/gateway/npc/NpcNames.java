package dev.glyphoxa.gateway.npc;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.store.Npc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Players address NPCs by voice, by name or alias, so every one of those must pick out a single NPC of the
 * campaign, as a campaign file requires. The database's unique index covers names only; aliases are checked here.
 */
final class NpcNames {

    private NpcNames() {
    }

    /** @throws ApiException 409 naming the first name or alias of {@code npc} another NPC already goes by */
    static void requireFree(Npc npc, List<Npc> campaignNpcs) {
        for (Npc other : campaignNpcs) {
            if (Objects.equals(other.id(), npc.id())) {
                continue;
            }
            if (normalise(other.name()).equals(normalise(npc.name()))) {
                throw taken(npc.name());
            }
            List<String> taken = callNames(other).stream().map(NpcNames::normalise).toList();
            for (String callName : callNames(npc)) {
                if (taken.contains(normalise(callName))) {
                    throw ApiException.conflict("'" + callName + "' is already the name or an alias of the NPC '"
                            + other.name() + "' in this campaign; names and aliases must be unique");
                }
            }
        }
    }

    static ApiException taken(String name) {
        return ApiException.conflict("an NPC named '" + name + "' already exists in this campaign");
    }

    private static List<String> callNames(Npc npc) {
        List<String> names = new ArrayList<>();
        names.add(npc.name());
        names.addAll(npc.aliases());
        return names;
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
