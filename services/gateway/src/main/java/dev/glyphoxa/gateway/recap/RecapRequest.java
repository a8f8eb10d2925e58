package dev.glyphoxa.gateway.recap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * What a recap is made from.
 *
 * @param campaignName shown in the recap
 * @param lines        player utterances and NPC sentences in speaking order
 * @param startedAt    session start, if known
 * @param endedAt      session end; null while the session is still running
 */
@Serdeable
public record RecapRequest(String campaignName, List<RecapLine> lines, @Nullable Instant startedAt,
                           @Nullable Instant endedAt) {

    public RecapRequest {
        campaignName = campaignName == null ? "" : campaignName.strip();
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
