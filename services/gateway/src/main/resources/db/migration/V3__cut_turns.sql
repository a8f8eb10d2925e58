-- Deliver, then commit: an NPC turn the voice-bridge cut (a player barged in, a newer turn took over) keeps in
-- the transcript only the sentences that were played to their end. The cut is kept so a sentence of that turn
-- arriving after it (the LLM was still generating) is not stored either. Never edited once released.
CREATE TABLE cut_turns (
    tenant_id    text        NOT NULL,
    session_id   uuid        NOT NULL,
    turn_id      text        NOT NULL,
    npc_id       text        NOT NULL,
    lines_played integer     NOT NULL CHECK (lines_played >= 0),
    reason       text        NOT NULL,
    cut_at       timestamptz NOT NULL,
    PRIMARY KEY (session_id, turn_id, npc_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);
