package dev.glyphoxa.gateway.recap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A recap without a language model: who took part, then the session's most informative turns quoted in speaking
 * order (see {@link LineScorer}). Works offline and never fails, so it is also the fallback for the LLM recap.
 * Counts and quotes are per turn: an NPC's consecutive sentences count, and are quoted, as one line.
 */
public final class ExtractiveRecapper {

    public static final int DEFAULT_MAX_LINES = 8;
    public static final int DEFAULT_MAX_CHARS = 1_500;
    /** Long enough for a few sentences; a whole NPC monologue would crowd out everything else. */
    static final int MAX_LINE_CHARS = 300;
    static final int MAX_LISTED_SPEAKERS = 10;
    static final int MAX_CAMPAIGN_NAME_CHARS = 100;

    private final int maxLines;
    private final int maxChars;

    public ExtractiveRecapper() {
        this(DEFAULT_MAX_LINES, DEFAULT_MAX_CHARS);
    }

    public ExtractiveRecapper(int maxLines, int maxChars) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
        }
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be at least 200, was " + maxChars);
        }
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    public Recap recap(RecapRequest request) {
        List<Turn> turns = Turn.of(request.lines());
        int considered = turns.stream().mapToInt(Turn::sourceLines).sum();
        String campaign = Texts.shorten(request.campaignName(), MAX_CAMPAIGN_NAME_CHARS);
        if (turns.isEmpty()) {
            String text = campaign.isEmpty() ? "Nothing was said in this session yet."
                    : "Nothing was said in this session of \"" + campaign + "\" yet.";
            return new Recap(text, Recap.EXTRACTIVE, 0, null);
        }
        String header = title(campaign, request) + "\n" + whoTookPart(Participants.of(turns)) + "\n\n";
        List<String> picked = pick(turns, maxChars - header.length());
        String body = picked.isEmpty() ? "Nothing of note was said yet, only short remarks." : String.join("\n", picked);
        return new Recap(Texts.shorten(header + body, maxChars), Recap.EXTRACTIVE, considered, null);
    }

    /** The best-scoring turns that fit in {@code budget} characters, rendered, in speaking order. */
    private List<String> pick(List<Turn> turns, int budget) {
        LineScorer scorer = new LineScorer(turns);
        record Scored(Turn turn, double score) {
        }
        List<Scored> ranked = new ArrayList<>();
        for (Turn t : turns) {
            double s = scorer.score(t);
            if (s > 0) {
                ranked.add(new Scored(t, s));
            }
        }
        // Stable sort: equal scores keep speaking order, so the earlier of two equal turns wins.
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Turn> chosen = new ArrayList<>();
        int left = budget;
        for (Scored s : ranked) {
            if (chosen.size() == maxLines) {
                break;
            }
            if (chosen.stream().anyMatch(c -> LineScorer.nearDuplicates(c, s.turn()))) {
                continue;
            }
            int cost = rendered(s.turn()).length() + 1;
            if (cost <= left) {
                chosen.add(s.turn());
                left -= cost;
            }
        }
        chosen.sort(Comparator.comparingInt(Turn::index));
        return chosen.stream().map(ExtractiveRecapper::rendered).toList();
    }

    private static String rendered(Turn t) {
        return Texts.shorten(t.render(), MAX_LINE_CHARS);
    }

    private static String title(String campaign, RecapRequest request) {
        StringBuilder s = new StringBuilder(campaign.isEmpty() ? "Session recap" : "Recap of \"" + campaign + "\"");
        if (request.startedAt() != null && request.endedAt() != null && request.endedAt().isAfter(request.startedAt())) {
            s.append(" (").append(length(Duration.between(request.startedAt(), request.endedAt()))).append(')');
        }
        return s.append('.').toString();
    }

    private static String length(Duration d) {
        long minutes = Math.max(1, Math.round(d.toSeconds() / 60.0));
        return minutes < 60 ? minutes + " min" : "%d h %02d min".formatted(minutes / 60, minutes % 60);
    }

    private static String whoTookPart(Participants p) {
        List<String> entries = new ArrayList<>();
        p.players().forEach(s -> entries.add(entry(s, "player")));
        p.npcs().forEach(s -> entries.add(entry(s, "NPC")));
        if (entries.size() > MAX_LISTED_SPEAKERS) {
            int more = entries.size() - MAX_LISTED_SPEAKERS;
            entries.subList(MAX_LISTED_SPEAKERS, entries.size()).clear();
            entries.add("and " + more + " more");
        }
        return "Who took part: " + String.join(", ", entries) + ".";
    }

    private static String entry(Participants.Speaker s, String role) {
        return s.name() + " (" + role + ", " + s.turns() + (s.turns() == 1 ? " line)" : " lines)");
    }
}
