-- Tenants become real: API keys, Discord guilds, bot tokens, quotas; sessions know their guild; feedback and
-- monthly usage are recorded. Like V1, never edited once released: later changes go into V3 and on.

-- api_key_hash: SHA-256 (hex) of the tenant's admin API key; the key itself is shown once and never stored.
-- bot_token: Vault Transit ciphertext ("vault:v1:...") or, when Vault is not configured, the plaintext token.
-- monthly_session_hours: NULL means unlimited.
ALTER TABLE tenants
    ADD COLUMN gm_role_id            text CHECK (gm_role_id ~ '^[0-9]{1,20}$'),
    ADD COLUMN bot_token             text,
    ADD COLUMN api_key_hash          text UNIQUE CHECK (api_key_hash ~ '^[0-9a-f]{64}$'),
    ADD COLUMN monthly_session_hours integer CHECK (monthly_session_hours >= 0);

-- A Discord guild belongs to at most one tenant. current_campaign_id is the campaign /session start uses there.
CREATE TABLE tenant_guilds (
    guild_id            text PRIMARY KEY CHECK (guild_id ~ '^[0-9]{1,20}$'),
    tenant_id           text        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    current_campaign_id uuid,
    added_at            timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, current_campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE SET NULL (current_campaign_id)
);
CREATE INDEX tenant_guilds_by_tenant ON tenant_guilds (tenant_id);

-- Entity names or tags this NPC knows about; empty means the whole campaign's knowledge.
ALTER TABLE npcs ADD COLUMN knowledge_scope text[] NOT NULL DEFAULT '{}';
ALTER TABLE npcs ADD UNIQUE (tenant_id, id);

-- guild_id is NULL for sessions started outside Discord (the local channel, the admin API without a guild).
-- last_activity_at moves with every stored transcript line; the idle auto-stop reads it.
ALTER TABLE sessions
    ADD COLUMN guild_id         text CHECK (guild_id ~ '^[0-9]{1,20}$'),
    ADD COLUMN last_activity_at timestamptz;
UPDATE sessions SET last_activity_at = coalesce(started_at, created_at);
ALTER TABLE sessions ALTER COLUMN last_activity_at SET NOT NULL,
                     ALTER COLUMN last_activity_at SET DEFAULT now();
-- At most one live session per guild, as per campaign (V1): two GMs of one server cannot both run the bot.
CREATE UNIQUE INDEX sessions_one_live_per_guild ON sessions (guild_id)
    WHERE status IN ('pending', 'active') AND guild_id IS NOT NULL;
CREATE INDEX sessions_live ON sessions (status) WHERE status IN ('pending', 'active');

-- Pipeline timings of the line, where the record carried them (epoch-based stamps of the turn).
ALTER TABLE transcript_lines
    ADD COLUMN speech_ended_at   timestamptz,
    ADD COLUMN stt_final_at      timestamptz,
    ADD COLUMN llm_first_line_at timestamptz;

-- /feedback: four 1-5 ratings and a comment, from any member; session_id is the session it was given for, if any.
CREATE TABLE feedback (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id      uuid,
    submitted_by    text        NOT NULL CHECK (length(submitted_by) BETWEEN 1 AND 200),
    voice_quality   smallint    NOT NULL CHECK (voice_quality BETWEEN 1 AND 5),
    npc_personality smallint    NOT NULL CHECK (npc_personality BETWEEN 1 AND 5),
    response_speed  smallint    NOT NULL CHECK (response_speed BETWEEN 1 AND 5),
    overall         smallint    NOT NULL CHECK (overall BETWEEN 1 AND 5),
    comment         text        NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id)
);
CREATE INDEX feedback_by_tenant ON feedback (tenant_id, created_at);

-- Session time per tenant and calendar month (UTC), added when a session ends; the quota check reads it.
CREATE TABLE tenant_usage (
    tenant_id        text    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    month            date    NOT NULL CHECK (extract(day FROM month) = 1),
    session_seconds  bigint  NOT NULL DEFAULT 0 CHECK (session_seconds >= 0),
    sessions         integer NOT NULL DEFAULT 0 CHECK (sessions >= 0),
    PRIMARY KEY (tenant_id, month)
);
