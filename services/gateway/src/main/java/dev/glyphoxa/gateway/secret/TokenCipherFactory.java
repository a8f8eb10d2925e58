package dev.glyphoxa.gateway.secret;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses how bot tokens are stored, once per application context. */
@Factory
public class TokenCipherFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCipherFactory.class);

    static final String PLAINTEXT_WARNING = "Vault is not configured (glyphoxa.vault.address / VAULT_ADDR unset): "
            + "Discord bot tokens are stored in PLAINTEXT in PostgreSQL. Configure Vault Transit for production.";

    /**
     * {@code @Context} so that a Vault address without a token stops the start-up rather than the first bot start,
     * and so that the plaintext warning is in the start-up log even before any token is touched.
     */
    @Context
    public TokenCipher tokenCipher(VaultSettings settings) {
        if (!settings.hasAddress()) {
            LOG.warn(PLAINTEXT_WARNING);
            return new PlaintextTokenCipher();
        }
        VaultTransitCipher cipher = new VaultTransitCipher(settings);
        LOG.info("Discord bot tokens are sealed with {}", cipher.describe());
        return cipher;
    }
}
