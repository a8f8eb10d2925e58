package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.ResponderException;
import dev.glyphoxa.schema.NpcProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the responder for one turn and sends each sentence on as it completes. When the configured responder fails
 * before the first sentence went out, the built-in offline responder answers the turn instead (and the log says
 * why); when it fails after some sentences went out, the turn ends with what was received so far.
 */
final class ReplyStreamer {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyStreamer.class);
    static final String CUT_OFF = "…";

    private final Responders responders;

    ReplyStreamer(Responders responders) {
        this.responders = responders;
    }

    /**
     * Each responder of the chain in turn, until one has said its first sentence.
     *
     * @return the position in the chain of the responder that answered (0: the configured one)
     */
    int stream(ReplyRequest request, TurnWriter turn, String sessionId, String turnId) {
        List<Responder> chain = responders.chain();
        for (int i = 0; ; i++) {
            Responder responder = chain.get(i);
            try {
                run(responder, request, turn, sessionId, turnId);
                return i;
            } catch (ResponderException e) {
                if (i == chain.size() - 1) {
                    throw e;
                }
                LOG.warn("session {} turn {}: {} failed before the first sentence ({}); {} answers this turn",
                        sessionId, turnId, Responders.describe(responder), e.getMessage(), Responders.describe(chain.get(i + 1)));
            }
        }
    }

    private void run(Responder responder, ReplyRequest request, TurnWriter turn, String sessionId, String turnId) {
        SentenceSplitter splitter = SentenceSplitter.forReply(names(request.npc()),
                sentence -> turn.say(sentence, responder.name()));
        try {
            responder.reply(request, splitter::accept);
        } catch (ResponderException e) {
            if (turn.lines() == 0) {
                throw e;
            }
            String fragment = splitter.fragment();
            LOG.warn("session {} turn {}: {} broke off after {} sentence(s) ({}); ending the turn with what arrived",
                    sessionId, turnId, responder.name(), turn.lines(), e.getMessage());
            turn.end(fragment.isEmpty() ? CUT_OFF
                    : fragment.matches("(?s).*[.!?…]$") ? fragment : fragment + CUT_OFF, responder.name());
            return;
        }
        String last = splitter.finish();
        if (last.isEmpty()) {
            if (turn.lines() == 0) {
                throw new ResponderException(responder.name() + " replied with nothing that can be spoken");
            }
            last = CUT_OFF; // the stream ended in unspeakable text; the turn still needs its last line
        }
        turn.end(last, responder.name());
    }

    static List<String> names(NpcProfile npc) {
        List<String> names = new ArrayList<>();
        names.add(npc.getName());
        if (npc.getAliases() != null) {
            names.addAll(npc.getAliases());
        }
        return names;
    }
}
