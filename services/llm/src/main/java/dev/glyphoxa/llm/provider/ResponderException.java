package dev.glyphoxa.llm.provider;

/** A responder could not produce (the rest of) a reply; the message says why in one line. */
public class ResponderException extends RuntimeException {

    public ResponderException(String message) {
        super(message);
    }

    public ResponderException(String message, Throwable cause) {
        super(message, cause);
    }
}
