package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a session's transcript: a player utterance ({@code kind = player}, keyed by utterance id) or one
 * sentence of an NPC reply ({@code kind = npc}, keyed by turn, NPC and sequence).
 */
@MappedEntity("transcript_lines")
public record TranscriptLine(
        @Id @GeneratedValue Long id,
        String tenantId,
        UUID sessionId,
        String kind,
        String speaker,
        @Nullable String npcId,
        String text,
        String turnId,
        @Nullable String utteranceId,
        @Nullable Integer sequence,
        String source,
        Instant spokenAt,
        Instant recordedAt,
        @Nullable Instant speechEndedAt,
        @Nullable Instant sttFinalAt,
        @Nullable Instant llmFirstLineAt) {

    public static final String PLAYER = "player";
    public static final String NPC = "npc";
}
