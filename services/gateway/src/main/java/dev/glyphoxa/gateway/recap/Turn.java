package dev.glyphoxa.gateway.recap;

import java.util.ArrayList;
import java.util.List;

/**
 * One speaker's turn: a player utterance, or all consecutive sentences of one NPC joined again (the llm stage
 * splits NPC replies into sentences for speech; a recap wants the reply whole).
 *
 * @param index       position in the session, for putting picked turns back in speaking order
 * @param sourceLines how many {@link RecapLine}s were joined into this turn
 */
record Turn(int index, String speaker, boolean npc, String text, int sourceLines) {

    String render() {
        return speaker + ": " + text;
    }

    /** The turns of a transcript in speaking order; blank lines are dropped. */
    static List<Turn> of(List<RecapLine> lines) {
        List<Turn> turns = new ArrayList<>();
        Turn open = null;
        for (RecapLine line : lines) {
            if (line.text().isEmpty()) {
                continue;
            }
            if (open != null && open.npc() && line.npc() && open.speaker().equals(line.speaker())) {
                open = new Turn(open.index(), open.speaker(), true, open.text() + " " + line.text(),
                        open.sourceLines() + 1);
                turns.set(turns.size() - 1, open);
            } else {
                open = new Turn(turns.size(), line.speaker(), line.npc(), line.text(), 1);
                turns.add(open);
            }
        }
        return turns;
    }
}
