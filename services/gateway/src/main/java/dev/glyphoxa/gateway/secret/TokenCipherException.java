package dev.glyphoxa.gateway.secret;

/**
 * A bot token could not be sealed or opened. The message says what to do; it never holds the bot token, its
 * plaintext or the Vault token, so callers may log it and answer with it.
 */
public class TokenCipherException extends RuntimeException {

    public TokenCipherException(String message) {
        super(message);
    }

    /** Only for causes whose text is known to hold no secret (transport failures). */
    public TokenCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
