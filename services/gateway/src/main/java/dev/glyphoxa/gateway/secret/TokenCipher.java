package dev.glyphoxa.gateway.secret;

/**
 * Turns a Discord bot token into the form stored in PostgreSQL and back. Implementations throw
 * {@link TokenCipherException} on failure, with a message that says what to fix and never contains a secret.
 */
public interface TokenCipher {

    /** Vault Transit ciphertext starts with this ({@code vault:v1:...}); a Discord token never does. */
    String VAULT_PREFIX = "vault:";

    /** @return the value to store: Vault ciphertext, or the plaintext itself when Vault is not configured */
    String seal(String plaintext);

    /** @return the bot token; a stored value without the {@code vault:} prefix is a legacy plaintext token */
    String open(String stored);

    /** @return true when the stored value should be sealed again on the next write (plaintext while Vault is on) */
    boolean needsResealing(String stored);

    /** @return where tokens go, for logs and readiness; never contains a secret */
    String describe();

    static boolean isVaultCiphertext(String stored) {
        return stored != null && stored.startsWith(VAULT_PREFIX);
    }
}
