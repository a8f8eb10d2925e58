package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.ResponderException;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.stage.CutTurns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the responder for one turn and sends each sentence on as it completes. When the configured responder fails
 * before the first sentence went out, the built-in offline responder answers the turn instead (and the log says
 * why); when it fails after some sentences went out, the turn ends with what was received so far.
 *
 * <p>On every token and before every line it asks {@link CutTurns} whether the voice-bridge has cut the turn; if so
 * the responder's stream is abandoned there and no further line is written (the bridge drops the turn anyway, so a
 * further line, even a last one, would only cost synthesis).
 */
final class ReplyStreamer {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyStreamer.class);
    static final String CUT_OFF = "…";

    private final Responders responders;
    private final CutTurns cutTurns;

    ReplyStreamer(Responders responders, CutTurns cutTurns) {
        this.responders = responders;
        this.cutTurns = cutTurns;
    }

    /** Thrown through the responder to abandon its stream; stack-less, it is control flow. */
    private static final class TurnWasCut extends RuntimeException {
        TurnWasCut() {
            super("turn cut", null, false, false);
        }
    }

    /**
     * Each responder of the chain in turn, until one has said its first sentence, or until the turn is cut.
     *
     * @return {@code ANSWERED} (the configured responder), {@code ANSWERED_BY_FALLBACK} or {@code CANCELLED}
     */
    TurnOutcomes.Outcome stream(ReplyRequest request, TurnWriter turn, String sessionId, String turnId) {
        List<Responder> chain = responders.chain();
        for (int i = 0; ; i++) {
            Responder responder = chain.get(i);
            try {
                run(responder, request, turn, sessionId, turnId);
                return i == 0 ? TurnOutcomes.Outcome.ANSWERED : TurnOutcomes.Outcome.ANSWERED_BY_FALLBACK;
            } catch (TurnWasCut cut) {
                LOG.info("session {} turn {}: cut by the voice-bridge after {} line(s); {} stopped there",
                        sessionId, turnId, turn.lines(), responder.name());
                return TurnOutcomes.Outcome.CANCELLED;
            } catch (ResponderException e) {
                if (i == chain.size() - 1) {
                    throw e;
                }
                turn.forgetFirstToken();
                LOG.warn("session {} turn {}: {} failed before the first sentence ({}); {} answers this turn",
                        sessionId, turnId, Responders.describe(responder), e.getMessage(), Responders.describe(chain.get(i + 1)));
            }
        }
    }

    private void run(Responder responder, ReplyRequest request, TurnWriter turn, String sessionId, String turnId) {
        SentenceSplitter splitter = SentenceSplitter.forReply(names(request.npc()), sentence -> {
            stopIfCut(sessionId, turnId);
            turn.say(sentence, responder.name());
        });
        try {
            responder.reply(request, delta -> {
                turn.tokenArrived();
                stopIfCut(sessionId, turnId);
                splitter.accept(delta);
            });
        } catch (ResponderException e) {
            if (turn.lines() == 0) {
                throw e;
            }
            String fragment = splitter.fragment();
            LOG.warn("session {} turn {}: {} broke off after {} sentence(s) ({}); ending the turn with what arrived",
                    sessionId, turnId, responder.name(), turn.lines(), e.getMessage());
            stopIfCut(sessionId, turnId);
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
        stopIfCut(sessionId, turnId);
        turn.end(last, responder.name());
    }

    private void stopIfCut(String sessionId, String turnId) {
        if (cutTurns.isCut(sessionId, turnId)) {
            throw new TurnWasCut();
        }
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
