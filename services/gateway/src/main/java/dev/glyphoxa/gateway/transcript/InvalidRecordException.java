package dev.glyphoxa.gateway.transcript;

/** A record that can never be stored, however often it is retried: it goes to the dead-letter topic. */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
