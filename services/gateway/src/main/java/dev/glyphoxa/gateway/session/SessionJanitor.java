package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.GatewaySettings;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Ends sessions nobody will end: active ones quiet for longer than the idle timeout (the GM forgot, or the
 * gateway that started them crashed), and starts left {@code pending} by a gateway that died between writing the
 * row and confirming SessionStarted. Runs on every instance; the conditional update in {@link SessionLedger}
 * makes a race between instances harmless (the stages may see SessionStopped twice, which they ignore).
 */
@Singleton
@Requires(property = "glyphoxa.gateway.janitor.enabled", notEquals = "false")
public class SessionJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJanitor.class);

    private final GameSessionRepository sessions;
    private final SessionService service;
    private final GatewaySettings settings;

    public SessionJanitor(GameSessionRepository sessions, SessionService service, GatewaySettings settings) {
        this.sessions = sessions;
        this.service = service;
        this.settings = settings;
    }

    @Scheduled(initialDelay = "1s", fixedDelay = "${glyphoxa.gateway.idle-check-every:30s}")
    void sweep() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("session sweep failed, next try in {}: {}", settings.idleCheckEvery(), e.getMessage());
        }
    }

    /** @return how many sessions were ended */
    public int sweep(Instant now) {
        Duration idle = settings.idleTimeout();
        // A zero idle timeout switches the idle stop off; a far-past instant matches no active session.
        Instant quietSince = idle.isZero() ? Instant.EPOCH : now.minus(idle);
        int ended = 0;
        for (GameSession s : sessions.findAbandoned(quietSince, now.minus(settings.pendingTimeout()))) {
            String reason = GameSession.PENDING.equals(s.status())
                    ? "start interrupted: SessionStarted was never confirmed (gateway restarted?)"
                    : "idle: nothing said for " + pretty(idle);
            try {
                service.end(s, reason);
                ended++;
            } catch (ApiException e) {
                LOG.warn("cannot end abandoned session {} yet: {}", s.id(), e.getMessage());
            }
        }
        return ended;
    }

    private static String pretty(Duration d) {
        return d.toString().substring(2).toLowerCase();
    }
}
