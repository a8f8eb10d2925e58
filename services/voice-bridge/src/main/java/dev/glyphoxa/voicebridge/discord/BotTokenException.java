package dev.glyphoxa.voicebridge.discord;

/**
 * A tenant's bot token could not be had. The message says why and what to fix; it never holds a token or the
 * internal key (nor a response body that might), so it may be logged and shown in readiness.
 */
public class BotTokenException extends RuntimeException {

    public BotTokenException(String message) {
        super(message);
    }
}
