package dev.glyphoxa.gateway.session;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.MonthlyUsage;
import dev.glyphoxa.gateway.store.Tenant;
import dev.glyphoxa.gateway.store.TenantUsageRepository;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The monthly session-hours quota of a tenant's licence: ended sessions of this month (tenant_usage) plus the
 * time live sessions have run so far. Checked when a session starts; a running session is never cut off.
 */
@Singleton
public class SessionAllowance {

    private final TenantUsageRepository usage;
    private final GameSessionRepository sessions;

    public SessionAllowance(TenantUsageRepository usage, GameSessionRepository sessions) {
        this.usage = usage;
        this.sessions = sessions;
    }

    public Duration usedThisMonth(String tenantId, Instant now) {
        LocalDate month = SessionLedger.monthOf(now);
        long seconds = usage.find(tenantId, month).map(MonthlyUsage::sessionSeconds).orElse(0L);
        for (GameSession live : sessions.findLiveOfTenant(tenantId)) {
            if (live.startedAt() != null) {
                seconds += Math.max(0, Duration.between(live.startedAt(), now).toSeconds());
            }
        }
        return Duration.ofSeconds(seconds);
    }

    /** @throws ApiException 403 saying how much is used, what the limit is and when it resets */
    public void requireHoursLeft(Tenant tenant, Instant now) {
        Integer hours = tenant.monthlySessionHours();
        if (hours == null) {
            return;
        }
        Duration used = usedThisMonth(tenant.id(), now);
        if (used.compareTo(Duration.ofHours(hours)) >= 0) {
            throw new ApiException(HttpStatus.FORBIDDEN, String.format(
                    "the monthly session time of your %s licence is used up (%.1f of %d hours); it resets on %s",
                    tenant.licenseTier(), used.toSeconds() / 3600.0, hours, SessionLedger.monthOf(now).plusMonths(1)));
        }
    }
}
