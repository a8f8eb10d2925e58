package dev.glyphoxa.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code glyphoxa_turns_total{stage="llm",outcome}}: every ended turn counted once by how it ended, so turns nobody
 * answered, turns whose responder failed and turns cut while they were answered are as visible as the answered ones.
 */
final class TurnOutcomes {

    enum Outcome {
        /** the configured responder answered */
        ANSWERED,
        /** a later responder of the chain answered: the configured one failed or stalled before its first sentence */
        ANSWERED_BY_FALLBACK,
        /** no NPC was spoken to and none within the continuation window, or the one spoken to is muted */
        NOBODY_ADDRESSED,
        /**
         * said while an NPC was still speaking, naming nobody: a listener's "mhm", "yeah" or aside, not a line to
         * answer (answering it would cut off the NPC's own reply)
         */
        BACKCHANNEL,
        /** the voice-bridge cut the turn (a player barged in, a newer turn took over) while the reply was made */
        CANCELLED,
        /** the turn could not be answered at all and was dead-lettered */
        FAILED
    }

    private final MeterRegistry registry;

    TurnOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Outcome outcome) {
        Counter.builder("glyphoxa.turns").tag("stage", "llm").tag("outcome", outcome.name().toLowerCase())
                .description("ended player turns by outcome").register(registry).increment();
    }
}
