package dev.glyphoxa.llm.provider;

import java.util.function.Consumer;

/**
 * Produces what an NPC says in reply to a player's line. Implementations stream the reply as text deltas (tokens or
 * words) so the stage can send each sentence on as soon as it is complete; the stage does the sentence splitting.
 */
public interface Responder {

    /** Provider name written on every {@code NpcLine.responder} this responder produced ("openai", "offline"). */
    String name();

    /**
     * Streams the reply: calls {@code deltas} on the calling thread, in order, and returns when the reply is complete.
     *
     * @throws ResponderException when no usable reply could be produced (HTTP error, timeout, unreadable stream);
     *                            deltas already delivered stay delivered
     */
    void reply(ReplyRequest request, Consumer<String> deltas);
}
