package dev.glyphoxa.llm;

import dev.glyphoxa.llm.state.PendingTurn;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a player's turn is over. A turn ends {@code minSilence} after the speech ends; when the line sounds
 * unfinished — it trails off on "and", "but", "because", a preposition or an article, or on a comma or a dash — it
 * waits up to {@code maxSilence} instead, and a further utterance of the same speaker in that time joins the turn
 * (its text appended, the first utterance's turn id kept). Utterances of different speakers never join: two players
 * talking over each other make two turns.
 */
final class TurnTaking {

    private static final Set<String> TRAILING = Set.of("and", "but", "or", "so", "because", "cause", "then", "if",
            "when", "while", "unless", "although", "though", "that", "which", "who", "where", "the", "a", "an", "my",
            "your", "his", "her", "their", "our", "to", "of", "for", "with", "about", "in", "on", "at", "from", "into",
            "um", "uh", "er", "erm", "like", "is", "are", "was");

    private final Duration minSilence;
    private final Duration maxSilence;

    TurnTaking(Duration minSilence, Duration maxSilence) {
        this.minSilence = minSilence;
        this.maxSilence = maxSilence.compareTo(minSilence) < 0 ? minSilence : maxSilence;
    }

    static boolean soundsUnfinished(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (last == ',' || last == '-' || last == '\u2014' || last == '\u2013' || t.endsWith("...") || last == '\u2026') {
            return true;
        }
        List<String> words = Words.tokens(t);
        return !words.isEmpty() && TRAILING.contains(words.getLast()) && !(last == '.' || last == '?' || last == '!');
    }

    /** Starts a turn, or continues the speaker's pending one, with this utterance. */
    PendingTurn add(PendingTurn pending, Transcript utterance, long nowMs) {
        String text = utterance.getText().strip();
        List<String> utterances = new ArrayList<>(pending == null ? List.of() : pending.getUtteranceIds());
        utterances.add(utterance.getUtteranceId());
        String joined = pending == null ? text : pending.getText() + " " + text;
        // Without a speech end (older records), count the silence from now: the turn is at least minSilence old.
        long speechEnd = utterance.getSpeechEndMs() > 0 ? utterance.getSpeechEndMs() : nowMs - minSilence.toMillis();
        Duration silence = soundsUnfinished(joined) ? maxSilence : minSilence;
        TurnTimings t = utterance.getTimings();
        return PendingTurn.newBuilder()
                .setSessionId(utterance.getSessionId())
                .setSpeakerId(utterance.getSpeakerId())
                .setTurnId(pending == null ? utterance.getTurnId() : pending.getTurnId())
                .setUtteranceIds(utterances)
                .setText(joined)
                .setSpeechEndMs(speechEnd)
                .setDueAtMs(speechEnd + silence.toMillis())
                .setTimingSpeechEndMs(t == null ? null : t.getSpeechEndMs())
                .setTimingVadEndMs(t == null ? null : t.getVadEndMs())
                .setTimingSttFinalMs(t == null ? null : t.getSttFinalMs())
                .build();
    }

    static boolean due(PendingTurn turn, long nowMs) {
        return nowMs >= turn.getDueAtMs();
    }

    static TurnTimings timings(PendingTurn turn) {
        return TurnTimings.newBuilder().setSpeechEndMs(turn.getTimingSpeechEndMs()).setVadEndMs(turn.getTimingVadEndMs())
                .setSttFinalMs(turn.getTimingSttFinalMs()).build();
    }

    static String key(String sessionId, String speakerId) {
        return sessionId + "|" + speakerId;
    }
}
