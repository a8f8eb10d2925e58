package dev.glyphoxa.gateway.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaintextTokenCipherTest {

    private final PlaintextTokenCipher cipher = new PlaintextTokenCipher();

    @Test
    void sealAndOpenAreIdentityAndNothingNeedsResealing() {
        assertThat(cipher.seal("plain-token")).isEqualTo("plain-token");
        assertThat(cipher.open("plain-token")).isEqualTo("plain-token");
        assertThat(cipher.needsResealing("plain-token")).isFalse();
        assertThat(cipher.describe()).isEqualTo("plaintext (Vault not configured)");
    }

    @Test
    void vaultCiphertextWithoutVaultIsAClearError() {
        assertThatThrownBy(() -> cipher.open("vault:v1:c2VhbGVkIGVsc2V3aGVyZQ=="))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageStartingWith("this token was encrypted with Vault, but Vault is not configured")
                .hasMessageContaining("set glyphoxa.vault.address")
                .hasMessageNotContaining("c2VhbGVkIGVsc2V3aGVyZQ");
    }
}
