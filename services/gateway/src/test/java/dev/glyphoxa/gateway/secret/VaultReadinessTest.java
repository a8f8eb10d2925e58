package dev.glyphoxa.gateway.secret;

import dev.glyphoxa.stage.ReadinessCheck.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VaultReadinessTest {

    private final FakeVault vault = new FakeVault();
    /** Stands in for System.nanoTime: the cache expires when the test says so, not after a sleep. */
    private final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void stop() {
        vault.close();
    }

    private VaultReadiness readiness(VaultSettings settings) {
        return new VaultReadiness(new VaultTransitCipher(settings), nanos::get, Duration.ofSeconds(5));
    }

    @Test
    void plaintextIsReadyAndSaysSo() {
        VaultReadiness readiness = new VaultReadiness(new PlaintextTokenCipher());

        assertThat(readiness.name()).isEqualTo("vault");
        assertThat(readiness.status()).isEqualTo(Status.ready("not configured: bot tokens are stored in plaintext"));
    }

    @Test
    void readyWhenVaultEncryptsAndDecrypts() {
        Status status = readiness(Settings.vault(vault.address(), vault.token())).status();

        assertThat(status.ready()).isTrue();
        assertThat(status.detail()).contains("glyphoxa-bot-tokens").contains(vault.address());
    }

    @Test
    void notReadyWhenVaultIsDown() {
        String address = Settings.deadAddress();

        Status status = readiness(Settings.vault(address, vault.token())).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).contains("Vault unreachable at " + address);
    }

    @Test
    void notReadyWithAWrongTokenAndTheTokenIsNotShown() {
        String wrongToken = "hvs.readiness-wrong-token";

        Status status = readiness(Settings.vault(vault.address(), wrongToken)).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).contains("403").doesNotContain(wrongToken).doesNotContain(vault.token());
    }

    @Test
    void notReadyWhenVaultIsSealed() {
        vault.seal();

        Status status = readiness(Settings.vault(vault.address(), vault.token())).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).contains("is sealed");
    }

    @Test
    void readyAgainOnceVaultIsUnsealed() {
        VaultReadiness readiness = readiness(Settings.vault(vault.address(), vault.token()));
        vault.seal();
        assertThat(readiness.status().ready()).isFalse();

        vault.unseal();
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());

        assertThat(readiness.status().ready()).isTrue();
    }

    @Test
    void answerIsKeptForAFewSecondsThenVaultIsAskedAgain() {
        VaultReadiness readiness = readiness(Settings.vault(vault.address(), vault.token()));
        assertThat(readiness.status().ready()).isTrue();
        int asked = vault.requests();

        vault.close();
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(readiness.status().ready()).as("still the cached answer").isTrue();
        assertThat(vault.requests()).isEqualTo(asked);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        Status afterExpiry = readiness.status();
        assertThat(afterExpiry.ready()).isFalse();
        assertThat(afterExpiry.detail()).contains("Vault unreachable at " + vault.address());
    }
}
