-- The gateway's schema. Every table that holds tenant data carries tenant_id, and child rows reference their
-- parent through (tenant_id, id), so no row can point into another tenant's data even if application code errs.
-- Later features add tables and columns in new versioned migrations; this file is never edited once released.

CREATE TABLE tenants (
    id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name         text        NOT NULL,
    license_tier text        NOT NULL DEFAULT 'free' CHECK (license_tier IN ('free', 'pro', 'enterprise')),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- The one tenant of a local run; the admin API uses it until tenants with API keys exist.
INSERT INTO tenants (id, name, license_tier) VALUES ('local', 'Local development', 'enterprise');

CREATE TABLE campaigns (
    id             uuid PRIMARY KEY,
    tenant_id      text        NOT NULL REFERENCES tenants (id),
    name           text        NOT NULL,
    game_system    text        NOT NULL,
    narrator_voice text        NOT NULL,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX campaigns_by_tenant ON campaigns (tenant_id);

CREATE TABLE npcs (
    id          uuid PRIMARY KEY,
    tenant_id   text        NOT NULL,
    campaign_id uuid        NOT NULL,
    name        text        NOT NULL,
    aliases     text[]      NOT NULL DEFAULT '{}',
    persona     text        NOT NULL,
    voice       text        NOT NULL,
    muted       boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
-- Players address NPCs by voice: two NPCs whose names differ only in case could not be told apart.
CREATE UNIQUE INDEX npcs_unique_name_per_campaign ON npcs (campaign_id, lower(name));

CREATE TABLE entities (
    id          uuid PRIMARY KEY,
    tenant_id   text        NOT NULL,
    campaign_id uuid        NOT NULL,
    type        text        NOT NULL CHECK (type IN ('npc', 'location', 'item', 'faction', 'quest', 'lore')),
    name        text        NOT NULL,
    description text        NOT NULL,
    tags        text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX entities_unique_name_per_campaign ON entities (campaign_id, lower(name));

-- pending: row written, SessionStarted not yet confirmed by Kafka; active: the pipeline runs; ended: stopped.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    campaign_id   uuid        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('pending', 'active', 'ended')),
    voice_channel text        NOT NULL,
    started_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    ended_at      timestamptz,
    end_reason    text,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    CHECK ((status = 'ended') = (ended_at IS NOT NULL))
);
-- At most one live (pending or active) session per campaign, even when two starts race.
CREATE UNIQUE INDEX sessions_one_live_per_campaign ON sessions (campaign_id) WHERE status IN ('pending', 'active');
CREATE INDEX sessions_by_tenant_campaign ON sessions (tenant_id, campaign_id);

-- What was said in a session: player utterances (glyphoxa.transcripts) and NPC sentences (glyphoxa.npc.lines).
-- Kafka delivers at least once, so each kind has a natural key and inserts use ON CONFLICT DO NOTHING.
-- npc_id is text, not a reference: the log keeps what the pipeline said even if the NPC is edited later.
CREATE TABLE transcript_lines (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    session_id   uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('player', 'npc')),
    speaker      text        NOT NULL,
    npc_id       text,
    text         text        NOT NULL,
    turn_id      text        NOT NULL,
    utterance_id text,
    sequence     integer,
    source       text        NOT NULL,
    spoken_at    timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE,
    CHECK (kind <> 'player' OR (utterance_id IS NOT NULL AND npc_id IS NULL AND sequence IS NULL)),
    CHECK (kind <> 'npc' OR (npc_id IS NOT NULL AND sequence IS NOT NULL AND utterance_id IS NULL)),
    -- NULLs are distinct, so each constraint only ever matches rows of its own kind.
    CONSTRAINT transcript_lines_player_utterance UNIQUE (session_id, utterance_id),
    CONSTRAINT transcript_lines_npc_sentence UNIQUE (session_id, turn_id, npc_id, sequence)
);
CREATE INDEX transcript_lines_in_order ON transcript_lines (session_id, spoken_at, id);
