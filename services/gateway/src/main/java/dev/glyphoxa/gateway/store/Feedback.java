package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One member's feedback (table {@code feedback}): four ratings from 1 to 5 and a comment. */
@MappedEntity("feedback")
public record Feedback(
        @Id @AutoPopulated @Nullable UUID id,
        String tenantId,
        @Nullable UUID sessionId,
        String submittedBy,
        short voiceQuality,
        short npcPersonality,
        short responseSpeed,
        short overall,
        String comment,
        @DateCreated @Nullable Instant createdAt) {
}
