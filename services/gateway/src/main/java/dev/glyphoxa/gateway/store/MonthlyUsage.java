package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** A row of {@code tenant_usage}: ended sessions' time in one calendar month (UTC). */
@MappedEntity("tenant_usage")
public record MonthlyUsage(String tenantId, @Id LocalDate month, long sessionSeconds, int sessions) {
}
