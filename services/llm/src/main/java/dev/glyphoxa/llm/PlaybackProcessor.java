package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Deliver, then commit: reads what the voice-bridge played ({@code glyphoxa.playback}) and moves each played NPC
 * line from {@value LlmTopology#UNSAID_STORE} into the session's conversation; a {@code TurnCut} drops the rest of
 * the turn, so the NPC remembers having said only what the players heard. Playback of a turn this stage did not
 * answer (the gateway's narrator lines) is ignored.
 */
final class PlaybackProcessor extends GuardedProcessor<Playback> {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackProcessor.class);
    /**
     * A held turn whose playback reports never come (no voice-bridge in the session, a lost record) would stay
     * until the session stops; after this long it cannot matter any more and is dropped.
     */
    static final Duration HOLD_UNSAID_FOR = Duration.ofMinutes(10);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final LlmSettings settings;
    private SessionMemory memory;

    PlaybackProcessor(StageFailures failures, LlmSettings settings) {
        super(Topics.PLAYBACK, failures);
        this.settings = settings;
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        memory = LlmTopology.memory(context, settings);
        context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
            int dropped = memory.dropUnsaidOlderThan(now, HOLD_UNSAID_FOR.toMillis());
            if (dropped > 0) {
                LOG.info("dropped {} NPC turn(s) held over {} min without playback reports", dropped,
                        HOLD_UNSAID_FOR.toMinutes());
            }
        });
    }

    @Override
    protected void handle(String sessionId, Playback playback, long timestamp) {
        String turnId = playback.getTurnId();
        switch (playback.getEvent()) {
            case LinePlayed played -> {
                if (!memory.played(sessionId, turnId, played.getLineSequence(), played.getLastInTurn())) {
                    LOG.debug("session {} turn {}: line {} played, but not held here (not this stage's turn, or "
                            + "already remembered)", sessionId, turnId, played.getLineSequence());
                }
            }
            case TurnCut cut -> {
                int dropped = memory.cut(sessionId, turnId);
                LOG.debug("session {} turn {}: cut ({}) after {} line(s) played; {} unplayed line(s) forgotten",
                        sessionId, turnId, cut.getReason(), cut.getLinesPlayed(), dropped);
            }
            case null, default -> throw new IllegalArgumentException("playback event of session " + sessionId
                    + " carries no event this stage knows: " + playback.getEvent());
        }
    }
}
