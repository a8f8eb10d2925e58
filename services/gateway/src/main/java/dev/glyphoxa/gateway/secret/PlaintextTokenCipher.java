package dev.glyphoxa.gateway.secret;

import java.util.Objects;

/** No Vault configured: tokens are stored as they are (local runs, tests). */
public final class PlaintextTokenCipher implements TokenCipher {

    @Override
    public String seal(String plaintext) {
        return Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String open(String stored) {
        Objects.requireNonNull(stored, "stored");
        if (TokenCipher.isVaultCiphertext(stored)) {
            // Returning the ciphertext would hand Discord a wrong token and fail far from the cause.
            throw new TokenCipherException("this token was encrypted with Vault, but Vault is not configured: "
                    + "set glyphoxa.vault.address (VAULT_ADDR) and glyphoxa.vault.token (VAULT_TOKEN) to the Vault "
                    + "whose transit key sealed it");
        }
        return stored;
    }

    @Override
    public boolean needsResealing(String stored) {
        return false;
    }

    @Override
    public String describe() {
        return "plaintext (Vault not configured)";
    }
}
