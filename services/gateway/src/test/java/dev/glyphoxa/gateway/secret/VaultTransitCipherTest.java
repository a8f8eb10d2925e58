package dev.glyphoxa.gateway.secret;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VaultTransitCipherTest {

    static final String BOT_TOKEN = "MTEzNzQ1NjczODk0NTY3.GhXyZq.botTokenThatMustNeverLeak_0123456789";

    private final FakeVault vault = new FakeVault();
    private final VaultTransitCipher cipher = new VaultTransitCipher(Settings.vault(vault.address(), vault.token()));

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void sealedTokenIsVaultCiphertextAndOpensToTheOriginal() {
        String stored = cipher.seal(BOT_TOKEN);

        assertThat(stored).startsWith("vault:v1:")
                .doesNotContain(BOT_TOKEN)
                .doesNotContain(base64(BOT_TOKEN));
        assertThat(cipher.open(stored)).isEqualTo(BOT_TOKEN);
        assertThat(cipher.needsResealing(stored)).isFalse();
    }

    @Test
    void legacyPlaintextIsReadWithoutVaultAndMarkedForResealing() {
        assertThat(cipher.open("plain-token")).isEqualTo("plain-token");
        assertThat(cipher.needsResealing("plain-token")).isTrue();
        assertThat(vault.requests()).as("a plaintext token is not sent to Vault").isZero();

        String resealed = cipher.seal("plain-token");

        assertThat(cipher.needsResealing(resealed)).isFalse();
        assertThat(cipher.open(resealed)).isEqualTo("plain-token");
    }

    @Test
    void vaultThatStoppedIsReportedAsUnreachableAtItsAddress() {
        String stored = cipher.seal(BOT_TOKEN);
        vault.close();

        assertThatThrownBy(() -> cipher.seal(BOT_TOKEN)).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("Vault unreachable at " + vault.address())
                .hasMessageContaining("VAULT_ADDR");
        assertThatThrownBy(() -> cipher.open(stored)).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("Vault unreachable at " + vault.address());
    }

    @Test
    void addressWhereNothingListensIsReportedAsUnreachable() {
        String address = Settings.deadAddress();
        VaultTransitCipher nowhere = new VaultTransitCipher(Settings.vault(address, vault.token()));

        assertThatThrownBy(() -> nowhere.seal(BOT_TOKEN)).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("Vault unreachable at " + address);
        assertThatThrownBy(() -> nowhere.open("vault:v1:AAAA")).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("Vault unreachable at " + address);
    }

    @Test
    void wrongVaultTokenFailsWith403AndNamesTheSettingButNoSecret() {
        String wrongToken = "hvs.wrong-token-that-must-never-leak";
        String stored = cipher.seal(BOT_TOKEN);
        VaultTransitCipher refused = new VaultTransitCipher(Settings.vault(vault.address(), wrongToken));

        TokenCipherException onSeal = catchThrowableOfType(TokenCipherException.class, () -> refused.seal(BOT_TOKEN));
        TokenCipherException onOpen = catchThrowableOfType(TokenCipherException.class, () -> refused.open(stored));

        for (TokenCipherException e : new TokenCipherException[] {onSeal, onOpen}) {
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("403").contains("VAULT_TOKEN")
                    .contains("transit/encrypt/glyphoxa-bot-tokens").contains("transit/decrypt/glyphoxa-bot-tokens");
            assertThat(fullText(e)).doesNotContain(BOT_TOKEN, base64(BOT_TOKEN), wrongToken, vault.token());
        }
    }

    @Test
    void ciphertextFromAnotherVaultCannotBeOpened() {
        String foreign;
        try (FakeVault other = new FakeVault()) {
            foreign = new VaultTransitCipher(Settings.vault(other.address(), other.token())).seal(BOT_TOKEN);
        }
        cipher.seal("creates the key here too");

        assertThatThrownBy(() -> cipher.open(foreign)).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("could not decrypt")
                .hasMessageContaining("400: cipher: message authentication failed")
                .hasMessageContaining("set the bot token again");
    }

    @Test
    void missingTransitMountSaysHowToEnableIt() {
        VaultTransitCipher wrongMount = new VaultTransitCipher(new VaultSettings(vault.address(), vault.token(),
                "kv", "glyphoxa-bot-tokens", Duration.ofSeconds(2)));

        assertThatThrownBy(() -> wrongMount.seal(BOT_TOKEN)).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("vault secrets enable -path=kv transit");
    }

    @Test
    void doesNotSealCiphertextTwice() {
        String stored = cipher.seal(BOT_TOKEN);

        assertThatThrownBy(() -> cipher.seal(stored)).isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("already is Vault ciphertext");
    }

    @Test
    void addressWithoutTokenOrNotAUrlIsRefusedUpFront() {
        assertThatThrownBy(() -> new VaultTransitCipher(Settings.vault(vault.address(), " ")))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("VAULT_TOKEN / glyphoxa.vault.token");
        assertThatThrownBy(() -> new VaultTransitCipher(Settings.vault("vault:8200", vault.token())))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("must be an http:// or https:// URL");
    }

    @Test
    void describesKeyAndAddressAndSettingsHideTheToken() {
        VaultSettings settings = Settings.vault(vault.address(), vault.token());

        assertThat(cipher.describe()).isEqualTo("vault transit key glyphoxa-bot-tokens at " + vault.address()
                + " (mount transit)");
        assertThat(settings.toString()).contains(vault.address()).contains("****").doesNotContain(vault.token());
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Message and stack trace of the whole cause chain, as a log line with the exception would show them. */
    static String fullText(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
