package dev.glyphoxa.gateway.recap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who spoke in a session and how many turns each took; players and NPCs apart, most active first. */
record Participants(List<Speaker> players, List<Speaker> npcs) {

    record Speaker(String name, int turns) {
    }

    static Participants of(List<Turn> turns) {
        // LinkedHashMap keeps first appearance as the tie-break, so equal counts read in speaking order.
        Map<String, Integer> players = new LinkedHashMap<>();
        Map<String, Integer> npcs = new LinkedHashMap<>();
        for (Turn t : turns) {
            (t.npc() ? npcs : players).merge(t.speaker(), 1, Integer::sum);
        }
        return new Participants(ranked(players), ranked(npcs));
    }

    private static List<Speaker> ranked(Map<String, Integer> counts) {
        List<Speaker> speakers = new ArrayList<>();
        counts.forEach((name, n) -> speakers.add(new Speaker(name, n)));
        speakers.sort(Comparator.comparingInt(Speaker::turns).reversed());
        return List.copyOf(speakers);
    }

    static String names(List<Speaker> speakers) {
        return speakers.stream().map(Speaker::name).collect(Collectors.joining(", "));
    }
}
