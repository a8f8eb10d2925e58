package dev.glyphoxa.gateway.secret;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Where bot tokens are encrypted. For application.yml (the environment names are the ones the Vault CLI uses):
 * <pre>
 * glyphoxa:
 *   vault:
 *     address: ${VAULT_ADDR:}      # unset or empty: tokens are stored in plaintext
 *     token: ${VAULT_TOKEN:}
 *     transit-mount: transit
 *     key-name: glyphoxa-bot-tokens
 *     timeout: 5s
 * </pre>
 *
 * @param address      Vault's base URL, e.g. {@code https://vault.example:8200}; unset means no Vault
 * @param token        a token whose policy allows {@code update} on {@code <mount>/encrypt/<key>} and
 *                     {@code <mount>/decrypt/<key>}
 * @param transitMount the path the Transit engine is mounted at
 * @param keyName      the Transit key that seals bot tokens
 * @param timeout      connect and read timeout of one request to Vault
 */
@ConfigurationProperties("glyphoxa.vault")
public record VaultSettings(
        @Nullable String address,
        @Nullable String token,
        @Bindable(defaultValue = "transit") String transitMount,
        @Bindable(defaultValue = "glyphoxa-bot-tokens") String keyName,
        @Bindable(defaultValue = "5s") Duration timeout) {

    /** An empty VAULT_ADDR counts as unset: {@code ${VAULT_ADDR:}} yields "" when the variable is missing. */
    public boolean hasAddress() {
        return address != null && !address.isBlank();
    }

    /** The record's own toString would print the Vault token into any log line that prints the settings. */
    @Override
    public String toString() {
        return "VaultSettings[address=" + address + ", token=" + (token == null || token.isBlank() ? "unset" : "****")
                + ", transitMount=" + transitMount + ", keyName=" + keyName + ", timeout=" + timeout + "]";
    }
}
