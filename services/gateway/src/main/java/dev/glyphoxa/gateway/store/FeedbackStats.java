package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** How many feedback entries a tenant has and the average of each rating; the averages are null without any. */
@Introspected
public record FeedbackStats(long count, @Nullable Double voiceQuality, @Nullable Double npcPersonality,
                            @Nullable Double responseSpeed, @Nullable Double overall) {
}
