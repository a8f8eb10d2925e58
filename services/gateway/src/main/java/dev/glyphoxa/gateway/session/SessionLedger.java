package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.TenantUsageRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Ends a session and books its time against the tenant's month in one transaction, so usage counts each session
 * exactly once however many stops (API, idle sweep, two gateway instances) race for it.
 */
@Singleton
public class SessionLedger {

    private final GameSessionRepository sessions;
    private final TenantUsageRepository usage;

    public SessionLedger(GameSessionRepository sessions, TenantUsageRepository usage) {
        this.sessions = sessions;
        this.usage = usage;
    }

    /** @return false when the session had already ended (nothing changed) */
    @Transactional
    public boolean end(GameSession session, Instant at, String reason) {
        if (sessions.markEnded(session.id(), at, reason) != 1) {
            return false;
        }
        if (session.startedAt() != null) {
            long seconds = Math.max(0, Duration.between(session.startedAt(), at).toSeconds());
            usage.addSession(session.tenantId(), monthOf(at), seconds);
        }
        return true;
    }

    /** Usage is booked to the month (UTC) in which the session ended. */
    static LocalDate monthOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    }
}
