-- The game master's standing direction for an NPC in one session ("you are drunk tonight"): it holds for every
-- later reply of that NPC until replaced or cleared (a cleared direction is no row). Per session, not per NPC:
-- the next session of the campaign starts without directions. Tenant-scoped like every table: both composite
-- foreign keys carry the tenant, so a row can never join one tenant's session to another tenant's NPC.
-- Never edited once released.
CREATE TABLE npc_directions (
    tenant_id   text        NOT NULL,
    session_id  uuid        NOT NULL,
    npc_id      uuid        NOT NULL,
    direction   text        NOT NULL CHECK (length(direction) BETWEEN 1 AND 500),
    directed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, npc_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, npc_id) REFERENCES npcs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX npc_directions_by_npc ON npc_directions (npc_id);
