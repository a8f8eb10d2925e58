package dev.glyphoxa.gateway.secret;

import dev.glyphoxa.testsupport.LogCapture;
import ch.qos.logback.classic.Level;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherFactoryTest {

    /**
     * Only the given properties: without application.yml there is no datasource, so the context starts without
     * PostgreSQL; without environment variables a VAULT_* or GLYPHOXA_* set on the test machine changes nothing.
     */
    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .enableDefaultPropertySources(false)
                .environmentPropertySource(false)
                .properties(properties)
                .start();
    }

    @Test
    void withoutVaultTokensStayPlaintextAndTheWarningIsLoggedOnce() {
        try (LogCapture logs = new LogCapture();
             ApplicationContext context = start(Map.of(
                     // the lines proposed for application.yml, with a variable that is never set
                     "glyphoxa.vault.address", "${GLYPHOXA_TEST_UNSET_VAULT_ADDR:}",
                     "glyphoxa.vault.token", "${GLYPHOXA_TEST_UNSET_VAULT_TOKEN:}"))) {
            TokenCipher cipher = context.getBean(TokenCipher.class);
            context.getBean(TokenCipher.class);
            context.getBean(VaultReadiness.class).status();

            assertThat(cipher).isInstanceOf(PlaintextTokenCipher.class);
            assertThat(cipher.seal("plain-token")).isEqualTo("plain-token");
            assertThatThrownBy(() -> cipher.open("vault:v1:AAAA")).isInstanceOf(TokenCipherException.class)
                    .hasMessageContaining("Vault is not configured");
            assertThat(context.getBean(VaultReadiness.class).status().detail())
                    .isEqualTo("not configured: bot tokens are stored in plaintext");
            assertThat(logs.events()).filteredOn(e -> e.getLevel() == Level.WARN
                            && e.getFormattedMessage().equals(TokenCipherFactory.PLAINTEXT_WARNING))
                    .hasSize(1);
        }
    }

    @Test
    void withVaultTokensAreSealedAndNoPlaintextWarning() {
        try (FakeVault vault = new FakeVault();
             LogCapture logs = new LogCapture();
             ApplicationContext context = start(Map.of(
                     "glyphoxa.vault.address", vault.address(), "glyphoxa.vault.token", vault.token()))) {
            TokenCipher cipher = context.getBean(TokenCipher.class);

            assertThat(cipher).isInstanceOf(VaultTransitCipher.class);
            assertThat(cipher.describe()).contains("glyphoxa-bot-tokens", vault.address());
            assertThat(context.getBean(VaultSettings.class).timeout()).hasSeconds(5);
            assertThat(logs.events()).noneMatch(e -> e.getFormattedMessage().contains("PLAINTEXT"));
        }
    }

    @Test
    void addressWithoutTokenStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("glyphoxa.vault.address", "http://127.0.0.1:8200")))
                .hasStackTraceContaining("no Vault token is: set VAULT_TOKEN / glyphoxa.vault.token");
    }
}
