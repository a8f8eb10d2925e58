package dev.glyphoxa.gateway.recap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The two chat messages that ask a language model for a recap: the rules, then the campaign, who took part and
 * the transcript as "Speaker: text" lines.
 *
 * @param linesConsidered transcript lines that fitted the character budget
 */
record RecapPrompt(String system, String user, int linesConsidered) {

    static final String SYSTEM = """
            You write recaps of tabletop role-playing game sessions from the transcript of what was said at the \
            table. Players are the people at the table; NPCs are characters voiced by the game.
            Write a concise narrative recap of the session in the past tense and the third person, in two to four \
            short paragraphs of plain prose. Use only facts stated in the transcript: do not invent events, names, \
            places, items or outcomes, and do not guess what happens next. Keep the names, places, items, amounts \
            and decisions that were mentioned; leave out small talk and table chatter.
            No title, no headings, no lists, no markdown, no preamble: begin with the recap itself.""";

    /**
     * @param budget most characters of transcript lines to send; when the session is longer, its most recent
     *               turns are kept, since the end of a session is what the next one picks up from
     */
    static RecapPrompt of(RecapRequest request, int budget) {
        List<Turn> turns = Turn.of(request.lines());
        Deque<String> kept = new ArrayDeque<>();
        int used = 0;
        int considered = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            String line = turns.get(i).render();
            int cost = line.length() + (kept.isEmpty() ? 0 : 1);
            if (used + cost > budget) {
                if (kept.isEmpty()) {
                    // The latest turn alone is over budget: its end is still worth more than nothing.
                    kept.addFirst(Texts.keepEnd(line, budget));
                    considered += turns.get(i).sourceLines();
                }
                break;
            }
            kept.addFirst(line);
            used += cost;
            considered += turns.get(i).sourceLines();
        }
        int omitted = turns.size() - kept.size();
        StringBuilder user = new StringBuilder();
        if (!request.campaignName().isEmpty()) {
            user.append("Campaign: ").append(request.campaignName()).append('\n');
        }
        Participants p = Participants.of(turns);
        if (!p.players().isEmpty()) {
            user.append("Players: ").append(Participants.names(p.players())).append('\n');
        }
        if (!p.npcs().isEmpty()) {
            user.append("NPCs: ").append(Participants.names(p.npcs())).append('\n');
        }
        user.append("\nTranscript, in speaking order:\n");
        if (omitted > 0) {
            user.append("[").append(omitted).append(omitted == 1 ? " earlier turn" : " earlier turns")
                    .append(" left out for length]\n");
        }
        user.append(String.join("\n", kept));
        return new RecapPrompt(SYSTEM, user.toString(), considered);
    }
}
