package dev.glyphoxa.voicebridge;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a consumer sends a record it can never handle. In the service this is
 * {@link dev.glyphoxa.stage.DeadLetterPublisher#publish} (dead-letter topic, one log line, counter); the seam
 * exists so consumers can be unit-tested without a broker (the publisher's send blocks until Kafka answers).
 */
@FunctionalInterface
public interface DeadLetterSink {

    void publish(ConsumerRecord<String, byte[]> record, Exception error);
}
