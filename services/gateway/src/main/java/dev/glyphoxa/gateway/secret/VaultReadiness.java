package dev.glyphoxa.gateway.secret;

import dev.glyphoxa.stage.ReadinessCheck;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@code vault} on /readyz: without Vault the gateway cannot start a bot whose token is sealed, so it is not ready.
 * Each check costs Vault three requests (health, encrypt, decrypt), so the answer is kept for a few seconds:
 * probes and load balancers may ask many times a second.
 */
@Singleton
public class VaultReadiness implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(VaultReadiness.class);
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final TokenCipher cipher;
    private final LongSupplier nanoTime;
    private final long cacheNanos;
    private Status last;
    private long lastAt;

    @Inject
    public VaultReadiness(TokenCipher cipher) {
        this(cipher, System::nanoTime, CACHE_FOR);
    }

    /** @param nanoTime a monotonic clock; tests pass their own so they need not wait */
    VaultReadiness(TokenCipher cipher, LongSupplier nanoTime, Duration cacheFor) {
        this.cipher = cipher;
        this.nanoTime = nanoTime;
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public synchronized Status status() {
        if (cipher instanceof PlaintextTokenCipher) {
            return Status.ready("not configured: bot tokens are stored in plaintext");
        }
        if (!(cipher instanceof VaultTransitCipher vault)) {
            return Status.ready(cipher.describe());
        }
        long now = nanoTime.getAsLong();
        if (last != null && now - lastAt < cacheNanos) {
            return last;
        }
        Status fresh = probe(vault);
        if (!fresh.ready() && (last == null || last.ready())) {
            LOG.warn("Vault is not ready: {}", fresh.detail());
        } else if (fresh.ready() && last != null && !last.ready()) {
            LOG.info("Vault is ready again: {}", fresh.detail());
        }
        last = fresh;
        lastAt = now;
        return fresh;
    }

    private static Status probe(VaultTransitCipher vault) {
        try {
            return Status.ready(vault.check());
        } catch (TokenCipherException e) {
            return Status.notReady(e.getMessage());
        }
    }
}
