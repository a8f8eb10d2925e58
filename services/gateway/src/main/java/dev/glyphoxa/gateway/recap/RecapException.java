package dev.glyphoxa.gateway.recap;

/** The LLM could not produce a recap; the message says why and never contains the API key. */
public class RecapException extends RuntimeException {

    public RecapException(String message) {
        super(message);
    }

    public RecapException(String message, Throwable cause) {
        super(message, cause);
    }
}
