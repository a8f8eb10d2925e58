package dev.glyphoxa.gateway.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An organisation using Glyphoxa; every other row belongs to exactly one. */
@MappedEntity("tenants")
public record Tenant(@Id String id, String name, String licenseTier, Instant createdAt) {
}
