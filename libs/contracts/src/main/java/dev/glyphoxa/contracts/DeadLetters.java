package dev.glyphoxa.contracts;

import dev.glyphoxa.schema.DeadLetter;

import java.nio.ByteBuffer;

/** Builds the record a stage sends to {@link Topics#DEADLETTER} when it cannot handle an input record. */
public final class DeadLetters {

    private static final int MAX_MESSAGE = 2000;

    private DeadLetters() {
    }

    public static DeadLetter of(String stage, String topic, int partition, long offset,
                                String key, byte[] value, Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setSourceTopic(topic == null ? "unknown" : topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setKey(key)
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(message)
                .setFailedAtMs(System.currentTimeMillis())
                .build();
    }
}
