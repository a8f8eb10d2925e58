package dev.glyphoxa.gateway.recap;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One thing said in a session: a player utterance or one NPC sentence.
 *
 * @param speaker  display name of the player or the NPC's name
 * @param npc      true for NPC sentences; consecutive sentences of one NPC are one turn
 * @param text     what was said
 * @param spokenAt when it was said (informational; the list order is the speaking order)
 */
@Serdeable
public record RecapLine(String speaker, boolean npc, String text, Instant spokenAt) {

    public RecapLine {
        // Lines come from stored transcripts; a missing name must not cost the whole recap.
        speaker = speaker == null || speaker.isBlank() ? "Someone" : speaker.strip();
        text = text == null ? "" : text.strip();
    }
}
