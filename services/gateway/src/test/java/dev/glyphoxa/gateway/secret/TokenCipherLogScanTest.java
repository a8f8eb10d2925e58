package dev.glyphoxa.gateway.secret;

import dev.glyphoxa.testsupport.LogCapture;
import ch.qos.logback.classic.Level;
import dev.glyphoxa.stage.ReadinessCheck.Status;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.glyphoxa.gateway.secret.VaultTransitCipherTest.BOT_TOKEN;
import static dev.glyphoxa.gateway.secret.VaultTransitCipherTest.base64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every operation, failures included, logs each failure the way a caller would (message and exception), and
 * checks that no log text carries the bot token, its base64 form, or a Vault token.
 */
class TokenCipherLogScanTest {

    private static final Logger CALLER = LoggerFactory.getLogger("dev.glyphoxa.gateway.TenantStoreStandIn");
    private static final String WRONG_VAULT_TOKEN = "hvs.log-scan-wrong-token";

    private final List<TokenCipherException> failures = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void noSecretReachesTheLog() {
        String vaultToken;
        try (LogCapture logs = new LogCapture(); FakeVault vault = new FakeVault()) {
            vaultToken = vault.token();
            TokenCipherFactory factory = new TokenCipherFactory();
            TokenCipher plaintext = factory.tokenCipher(Settings.none());
            TokenCipher cipher = factory.tokenCipher(Settings.vault(vault.address(), vaultToken));
            TokenCipher wrongToken = new VaultTransitCipher(Settings.vault(vault.address(), WRONG_VAULT_TOKEN));
            TokenCipher wrongMount = new VaultTransitCipher(new VaultSettings(vault.address(), vaultToken, "kv",
                    "glyphoxa-bot-tokens", Duration.ofSeconds(2)));
            TokenCipher nowhere = new VaultTransitCipher(Settings.vault(Settings.deadAddress(), vaultToken));
            attempt(() -> factory.tokenCipher(Settings.vault(vault.address(), null)));

            String stored = cipher.seal(BOT_TOKEN);
            assertThat(cipher.open(stored)).isEqualTo(BOT_TOKEN);
            assertThat(plaintext.open(plaintext.seal(BOT_TOKEN))).isEqualTo(BOT_TOKEN);
            attempt(() -> plaintext.open(stored));
            attempt(() -> cipher.seal(stored));
            attempt(() -> cipher.open("vault:v1:" + base64(BOT_TOKEN)));
            for (TokenCipher failing : List.of(wrongToken, wrongMount, nowhere)) {
                attempt(() -> failing.seal(BOT_TOKEN));
                attempt(() -> failing.open(stored));
            }

            VaultReadiness readiness = new VaultReadiness(cipher, nanos::get, Duration.ofSeconds(5));
            List<Status> statuses = new ArrayList<>();
            statuses.add(readiness.status());
            statuses.add(new VaultReadiness(wrongToken, nanos::get, Duration.ofSeconds(5)).status());
            statuses.add(new VaultReadiness(nowhere, nanos::get, Duration.ofSeconds(5)).status());
            statuses.add(new VaultReadiness(plaintext).status());
            vault.seal();
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            statuses.add(readiness.status());
            attempt(() -> cipher.open(stored));
            vault.close();
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            statuses.add(readiness.status());
            attempt(() -> cipher.seal(BOT_TOKEN));
            statuses.forEach(s -> CALLER.info("readiness {}: {}", s.ready() ? "UP" : "DOWN", s.detail()));

            assertThat(failures).as("every failure path was taken").hasSize(12);
            assertThat(logs.events()).as("the scan saw the start-up warning, readiness changes and the failures")
                    .anyMatch(e -> e.getFormattedMessage().equals(TokenCipherFactory.PLAINTEXT_WARNING))
                    .anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().startsWith("Vault is not ready"))
                    .filteredOn(e -> e.getThrowableProxy() != null).hasSize(failures.size());
            assertThat(logs.texts()).allSatisfy(text -> assertThat(text)
                    .doesNotContain(BOT_TOKEN, base64(BOT_TOKEN), vaultToken, WRONG_VAULT_TOKEN));
        }
        assertThat(failures).allSatisfy(e -> assertThat(VaultTransitCipherTest.fullText(e))
                .doesNotContain(BOT_TOKEN, base64(BOT_TOKEN), vaultToken, WRONG_VAULT_TOKEN));
    }

    /** What a careless caller does with a failure: log its message and the whole exception. */
    private void attempt(Runnable operation) {
        try {
            operation.run();
        } catch (TokenCipherException e) {
            failures.add(e);
            CALLER.error("bot token operation failed: {}", e.getMessage(), e);
        }
    }
}
