package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One play session of a campaign, table {@code sessions}. Its id is the Kafka key of every record the pipeline
 * produces for it. Status goes pending → active → ended; see {@link #PENDING}.
 */
@MappedEntity("sessions")
public record GameSession(
        @Id @AutoPopulated @Nullable UUID id,
        String tenantId,
        UUID campaignId,
        String status,
        String voiceChannel,
        String startedBy,
        @Nullable String guildId,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable Instant lastActivityAt) {

    /** Row written, SessionStarted not yet acknowledged by Kafka. Counts as live: blocks a second start. */
    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";

    public boolean ended() {
        return ENDED.equals(status);
    }

    /** A session that has not begun yet is "live" too: it holds its campaign's and guild's slot. */
    public boolean live() {
        return !ended();
    }
}
