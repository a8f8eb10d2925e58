package dev.glyphoxa.gateway.transcript;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.TranscriptLineRepository;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.DeadLetterPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores consumed transcripts and NPC lines, and drops the NPC lines a cut turn never played. Inserts are idempotent (ON CONFLICT DO NOTHING on the natural keys),
 * so at-least-once delivery stores each line once. A record that can never be stored (undecodable, no or
 * mismatched session key, unknown session, refused by a constraint) goes to the dead-letter topic and processing
 * goes on; anything else (the database is down) is thrown so the consumer retries the record.
 */
@Singleton
public class TranscriptWriter {

    public enum Outcome { STORED, DUPLICATE, SKIPPED, DEAD_LETTERED }

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWriter.class);

    private final GameSessionRepository sessions;
    private final TranscriptLineRepository lines;
    private final DeadLetterPublisher deadLetters;

    public TranscriptWriter(GameSessionRepository sessions, TranscriptLineRepository lines, DeadLetterPublisher deadLetters) {
        this.sessions = sessions;
        this.lines = lines;
        this.deadLetters = deadLetters;
    }

    /** A player's recognised utterance from {@code glyphoxa.transcripts}; partial (non-final) and empty ones are skipped. */
    public Outcome writeTranscript(ConsumerRecord<String, byte[]> record) {
        return guarded(record, () -> {
            Transcript t = Topics.TRANSCRIPTS.valueSerde().decode(record.value());
            GameSession session = session(record.key(), t);
            if (!t.getIsFinal() || t.getText().isBlank()) {
                return Outcome.SKIPPED;
            }
            Instant spokenAt = t.getSpeechStartMs() > 0 ? Instant.ofEpochMilli(t.getSpeechStartMs()) : recordTime(record);
            int inserted = lines.insertPlayerLine(session.tenantId(), session.id(), t.getSpeakerId(), t.getText().strip(),
                    t.getTurnId(), t.getUtteranceId(), t.getProvider(), spokenAt,
                    stamp(t.getTimings() == null ? null : t.getTimings().getSpeechEndMs()),
                    stamp(t.getTimings() == null ? null : t.getTimings().getSttFinalMs()));
            return stored(session, inserted);
        });
    }

    /** One sentence of an NPC reply from {@code glyphoxa.npc.lines}; empty sentences are skipped. */
    public Outcome writeNpcLine(ConsumerRecord<String, byte[]> record) {
        return guarded(record, () -> {
            NpcLine l = Topics.NPC_LINES.valueSerde().decode(record.value());
            GameSession session = session(record.key(), l);
            if (l.getText().isBlank()) {
                return Outcome.SKIPPED;
            }
            if (l.getSequence() < 0) {
                throw new InvalidRecordException("negative sequence " + l.getSequence());
            }
            TurnTimings timings = l.getTimings();
            int inserted = lines.insertNpcLine(session.tenantId(), session.id(), l.getNpcName(), l.getNpcId(),
                    l.getText().strip(), l.getTurnId(), l.getSequence(), l.getResponder(), recordTime(record),
                    stamp(timings == null ? null : timings.getSpeechEndMs()),
                    stamp(timings == null ? null : timings.getSttFinalMs()),
                    stamp(timings == null ? null : timings.getLlmFirstLineMs()));
            return stored(session, inserted);
        });
    }

    /**
     * What the voice-bridge played, from {@code glyphoxa.playback}: a cut turn loses the sentences that were not
     * played (and any that arrive later); a played line changes nothing (it is already stored).
     *
     * @return STORED when a cut was recorded, SKIPPED for other playback events
     */
    public Outcome writePlayback(ConsumerRecord<String, byte[]> record) {
        return guarded(record, () -> {
            Playback p = Topics.PLAYBACK.valueSerde().decode(record.value());
            GameSession session = session(record.key(), p);
            if (!(p.getEvent() instanceof TurnCut cut)) {
                return Outcome.SKIPPED;
            }
            if (cut.getLinesPlayed() < 0) {
                throw new InvalidRecordException("negative lines_played " + cut.getLinesPlayed());
            }
            int removed = lines.cutTurn(session.tenantId(), session.id(), p.getTurnId(), p.getNpcId(),
                    cut.getLinesPlayed(), cut.getReason().name(), Instant.ofEpochMilli(p.getOccurredAtMs()));
            LOG.debug("session {} turn {}: cut after {} line(s) ({}); {} unplayed line(s) removed from the transcript",
                    session.id(), p.getTurnId(), cut.getLinesPlayed(), cut.getReason(), removed);
            return Outcome.STORED;
        });
    }

    private Outcome guarded(ConsumerRecord<String, byte[]> record, java.util.function.Supplier<Outcome> write) {
        try {
            return write.get();
        } catch (InvalidRecordException | SerializationException e) {
            deadLetters.publish(record, e);
            return Outcome.DEAD_LETTERED;
        } catch (DataAccessException e) {
            if (!refusedByData(e)) {
                throw e;
            }
            deadLetters.publish(record, new InvalidRecordException("the database refused the record: " + e.getMessage(), e));
            return Outcome.DEAD_LETTERED;
        }
    }

    private GameSession session(String key, org.apache.avro.specific.SpecificRecord value) {
        try {
            dev.glyphoxa.contracts.SessionKeys.requireMatch(key, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("session id '" + key + "' is not a gateway session id (a UUID)");
        }
        return sessions.findById(id).orElseThrow(() -> new InvalidRecordException("unknown session " + key));
    }

    /** A stored line is activity: the idle auto-stop measures quiet from the last one. */
    private Outcome stored(GameSession session, int inserted) {
        if (inserted != 1) {
            return Outcome.DUPLICATE;
        }
        sessions.touch(session.id(), Instant.now());
        return Outcome.STORED;
    }

    private static Instant stamp(Long epochMs) {
        return epochMs == null || epochMs <= 0 ? null : Instant.ofEpochMilli(epochMs);
    }

    private static Instant recordTime(ConsumerRecord<?, ?> record) {
        return record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
    }

    /**
     * SQLSTATE class 22 (data exception, e.g. a NUL character in text) and 23 (integrity constraint) describe the
     * record, not the database's health: retrying cannot help.
     */
    private static boolean refusedByData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
