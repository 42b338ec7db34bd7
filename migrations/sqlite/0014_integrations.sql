-- Integrations (INTEGRATIONS.md): the sources each user connects, the runs that sync them, the
-- lease that keeps two runs of one (user, source) apart, where an incremental source left off,
-- and each remote record the user has: its local record (kept when the cache is cleared: the
-- origin of the contact or deal) and the cache (its content hash and the JSON the source last
-- sent, cleared by POST /integrations/cache/clear).

CREATE TABLE integration_accounts (
    id                    INTEGER PRIMARY KEY,
    user_id               INTEGER NOT NULL REFERENCES users (id),
    source                TEXT    NOT NULL,
    -- "v1:<key id>:<base64 of nonce, ciphertext and tag>", AES-256-GCM (crm-server secrets.rs).
    secret                TEXT    NOT NULL,
    sync_interval_minutes INTEGER,
    -- The secret part of the account's webhook path.
    webhook_token         TEXT    NOT NULL UNIQUE,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    UNIQUE (user_id, source)
);

CREATE TABLE sync_runs (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    source     TEXT    NOT NULL,
    trigger    TEXT    NOT NULL,
    outcome    TEXT    NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    fetched    INTEGER NOT NULL DEFAULT 0,
    created    INTEGER NOT NULL DEFAULT 0,
    updated    INTEGER NOT NULL DEFAULT 0,
    unchanged  INTEGER NOT NULL DEFAULT 0,
    removed    INTEGER NOT NULL DEFAULT 0,
    failed     INTEGER NOT NULL DEFAULT 0,
    -- JSON arrays: of messages, and of crm_api::integrations::Unmapped.
    errors     TEXT    NOT NULL DEFAULT '[]',
    unmapped   TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX sync_runs_user_source ON sync_runs (user_id, source, id);

CREATE TABLE sync_leases (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    source     TEXT    NOT NULL,
    run_id     INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, source)
);

CREATE TABLE sync_state (
    user_id INTEGER NOT NULL REFERENCES users (id),
    source  TEXT    NOT NULL,
    stream  TEXT    NOT NULL,
    cursor  TEXT    NOT NULL,
    PRIMARY KEY (user_id, source, stream)
);

CREATE TABLE sync_records (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    source      TEXT    NOT NULL,
    -- 'contact' or 'deal'.
    kind        TEXT    NOT NULL,
    external_id TEXT    NOT NULL,
    local_id    INTEGER,
    -- Set when the source no longer has it (never deleted here).
    removed_at  INTEGER,
    -- The cache: null after it is cleared.
    hash        TEXT,
    data        TEXT,
    fetched_at  INTEGER,
    PRIMARY KEY (user_id, source, kind, external_id)
);
CREATE INDEX sync_records_local ON sync_records (user_id, kind, local_id);

-- Webhook events received, so that one delivered twice triggers one sync.
CREATE TABLE webhook_events (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    source      TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, source, event_id)
);
