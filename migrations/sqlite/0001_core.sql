-- Core schema. Times are UTC microseconds since the Unix epoch (INTEGER); dates are
-- 'YYYY-MM-DD' text; money is integer minor units. Every user-owned table has user_id NOT NULL
-- and its indexes lead with user_id. `search` holds the searched fields, lower-cased (Unicode)
-- by the server, for `q=`.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT,
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    name       TEXT    NOT NULL,
    email      TEXT,
    phone      TEXT,
    company    TEXT,
    job_title  TEXT,
    status     TEXT    NOT NULL,
    source     TEXT,
    notes      TEXT,
    rating     INTEGER,
    search     TEXT    NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX contacts_user_created ON contacts (user_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_user_email ON contacts (user_id, lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX contacts_user_trash ON contacts (user_id, deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE opportunities (
    id                  INTEGER PRIMARY KEY,
    user_id             INTEGER NOT NULL REFERENCES users (id),
    contact_id          INTEGER REFERENCES contacts (id),
    name                TEXT    NOT NULL,
    value               INTEGER NOT NULL,
    currency            TEXT    NOT NULL,
    probability         INTEGER,
    stage               TEXT    NOT NULL,
    expected_close_date TEXT,
    description         TEXT,
    search     TEXT    NOT NULL DEFAULT '',
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);
CREATE INDEX opportunities_user_created ON opportunities (user_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_user_contact ON opportunities (user_id, contact_id);
CREATE INDEX opportunities_user_trash ON opportunities (user_id, deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE deals (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id),
    opportunity_id INTEGER REFERENCES opportunities (id),
    contact_id     INTEGER REFERENCES contacts (id),
    name           TEXT    NOT NULL,
    amount         INTEGER NOT NULL,
    currency       TEXT    NOT NULL,
    stage          TEXT    NOT NULL,
    probability    INTEGER,
    close_date     TEXT,
    next_steps     TEXT,
    search     TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    deleted_at     INTEGER
);
CREATE INDEX deals_user_created ON deals (user_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_user_contact ON deals (user_id, contact_id);
CREATE INDEX deals_user_stage ON deals (user_id, stage) WHERE deleted_at IS NULL;
CREATE INDEX deals_user_trash ON deals (user_id, deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE activities (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id),
    type           TEXT    NOT NULL,
    priority       TEXT    NOT NULL,
    description    TEXT,
    due_date       TEXT,
    assigned_to    TEXT,
    contact_id     INTEGER REFERENCES contacts (id),
    opportunity_id INTEGER REFERENCES opportunities (id),
    completed      BOOLEAN NOT NULL DEFAULT 0,
    completed_at   INTEGER,
    search     TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    deleted_at     INTEGER
);
CREATE INDEX activities_user_created ON activities (user_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_user_contact ON activities (user_id, contact_id);
CREATE INDEX activities_user_trash ON activities (user_id, deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE deal_stage_changes (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    deal_id    INTEGER NOT NULL REFERENCES deals (id),
    from_stage TEXT,
    to_stage   TEXT    NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX deal_stage_changes_user_deal ON deal_stage_changes (user_id, deal_id, changed_at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    entity     TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    changes    TEXT    NOT NULL,
    request_id TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_user_entity ON audit_log (user_id, entity, entity_id, id);
