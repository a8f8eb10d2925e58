package dev.glyphoxa.contracts;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every pipeline record is keyed by its session id, and every value carries the same id in {@code session_id}.
 * A record whose key and value disagree would be processed on the wrong partition's state, so consumers
 * refuse it (it goes to the dead-letter topic) instead of guessing which one is right.
 */
public final class SessionKeys {

    private SessionKeys() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code key} is the value's {@code session_id}. */
    public static void requireMatch(String key, SpecificRecord value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("record has no session id key");
        }
        Schema.Field field = value.getSchema().getField("session_id");
        if (field == null) {
            return;
        }
        Object sessionId = value.get(field.pos());
        if (!key.equals(String.valueOf(sessionId))) {
            throw new IllegalArgumentException(value.getSchema().getName() + " of session " + sessionId
                    + " arrived keyed by session " + key);
        }
    }
}
