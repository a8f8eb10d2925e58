package dev.glyphoxa.gateway.transcript;

import dev.glyphoxa.stage.DeadLetterPublisher;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes transcripts and NPC lines into the transcript store, and playback reports to drop what a cut turn
 * never said. Offsets are committed after each record, so a
 * restart re-delivers at most the record in flight (stored once thanks to the idempotent inserts). A failure
 * the writer throws (database down) is retried with growing pauses; if it persists the record is dead-lettered
 * rather than silently skipped.
 */
@KafkaListener(groupId = TranscriptListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        properties = {
                // Not on the turn's critical path: the broker holds the fetch until BATCH_WAIT_MS has passed (or a
                // megabyte waits), so the gateway and PostgreSQL store a turn's lines while the language model and
                // the voice work, instead of waking on each transcript and NPC line together with the llm and tts
                // stages that need the cores then.
                @Property(name = ConsumerConfig.FETCH_MIN_BYTES_CONFIG, value = "1048576"),
                @Property(name = ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, value = TranscriptListener.BATCH_WAIT_MS)},
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 6, retryDelay = "500ms"))
public class TranscriptListener implements KafkaListenerExceptionHandler {

    public static final String GROUP = "glyphoxa-gateway";
    /** Longest a transcript or NPC line waits before it is stored. */
    static final String BATCH_WAIT_MS = "250";
    /** Annotation values must be constants; TranscriptListenerTopicsTest checks them against {@code Topics}. */
    public static final String TRANSCRIPTS = "glyphoxa.transcripts";
    public static final String NPC_LINES = "glyphoxa.npc.lines";
    public static final String PLAYBACK = "glyphoxa.playback";

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptListener.class);

    private final TranscriptWriter writer;
    private final DeadLetterPublisher deadLetters;

    public TranscriptListener(TranscriptWriter writer, DeadLetterPublisher deadLetters) {
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    @Topic(TRANSCRIPTS)
    void transcript(ConsumerRecord<String, byte[]> record) {
        writer.writeTranscript(record);
    }

    @Topic(NPC_LINES)
    void npcLine(ConsumerRecord<String, byte[]> record) {
        writer.writeNpcLine(record);
    }

    @Topic(PLAYBACK)
    void playback(ConsumerRecord<String, byte[]> record) {
        writer.writePlayback(record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handle(KafkaListenerException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        var record = e.getConsumerRecord();
        if (record.isEmpty()) {
            LOG.error("transcript consumer failed outside a record: {}", cause.getMessage(), cause);
            return;
        }
        try {
            deadLetters.publish((ConsumerRecord<String, byte[]>) record.get(),
                    new IllegalStateException("not stored after retries: " + cause.getMessage(), cause));
        } catch (RuntimeException publishFailed) {
            LOG.error("record {}/{}@{} could neither be stored nor dead-lettered; it is lost: {}",
                    record.get().topic(), record.get().partition(), record.get().offset(), cause.getMessage(), cause);
        }
    }
}
