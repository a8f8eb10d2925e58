package dev.glyphoxa.gateway.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Inserts are idempotent on the natural keys: a redelivered Kafka record is stored once. Both return rows inserted.
 * An NPC sentence of a cut turn that was not played (its sequence at or past the cut's lines_played) is not stored.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TranscriptLineRepository extends GenericRepository<TranscriptLine, Long> {

    @Query("""
            INSERT INTO transcript_lines (tenant_id, session_id, kind, speaker, text, turn_id, utterance_id, source, spoken_at,
                                          speech_ended_at, stt_final_at)
            VALUES (:tenantId, :sessionId, 'player', :speaker, :text, :turnId, :utteranceId, :source, :spokenAt,
                    :speechEndedAt, :sttFinalAt)
            ON CONFLICT (session_id, utterance_id) DO NOTHING""")
    int insertPlayerLine(String tenantId, UUID sessionId, String speaker, String text, String turnId,
                         String utteranceId, String source, Instant spokenAt,
                         @Nullable Instant speechEndedAt, @Nullable Instant sttFinalAt);

    @Query("""
            INSERT INTO transcript_lines (tenant_id, session_id, kind, speaker, npc_id, text, turn_id, sequence, source, spoken_at,
                                          speech_ended_at, stt_final_at, llm_first_line_at)
            SELECT :tenantId, :sessionId, 'npc', :speaker, :npcId, :text, :turnId, :sequence, :source, :spokenAt,
                   :speechEndedAt, :sttFinalAt, :llmFirstLineAt
            WHERE NOT EXISTS (SELECT 1 FROM cut_turns c WHERE c.session_id = :sessionId AND c.turn_id = :turnId
                              AND c.npc_id = :npcId AND c.lines_played <= :sequence)
            ON CONFLICT (session_id, turn_id, npc_id, sequence) DO NOTHING""")
    int insertNpcLine(String tenantId, UUID sessionId, String speaker, String npcId, String text, String turnId,
                      int sequence, String source, Instant spokenAt, @Nullable Instant speechEndedAt,
                      @Nullable Instant sttFinalAt, @Nullable Instant llmFirstLineAt);

    /** Records a cut turn once (redeliveries keep the first) and removes its sentences that were never played. */
    @Query("""
            WITH cut AS (
                INSERT INTO cut_turns (tenant_id, session_id, turn_id, npc_id, lines_played, reason, cut_at)
                VALUES (:tenantId, :sessionId, :turnId, :npcId, :linesPlayed, :reason, :cutAt)
                ON CONFLICT (session_id, turn_id, npc_id) DO NOTHING)
            DELETE FROM transcript_lines
            WHERE session_id = :sessionId AND kind = 'npc' AND turn_id = :turnId AND npc_id = :npcId
              AND sequence >= :linesPlayed""")
    int cutTurn(String tenantId, UUID sessionId, String turnId, String npcId, int linesPlayed, String reason,
                Instant cutAt);

    long countBySessionId(UUID sessionId);

    /** In speaking order; sentences of one NPC turn by sequence, then insertion order as the final tie-break. */
    @Query("SELECT * FROM transcript_lines WHERE session_id = :sessionId ORDER BY spoken_at, sequence NULLS FIRST, id")
    List<TranscriptLine> findInOrder(UUID sessionId);
}
