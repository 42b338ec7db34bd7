-- Imports: a named run of batches from one file. Each batch of an import is applied once: its
-- answer is kept and replayed when the batch is sent again (a resumed import), and the audit
-- rows it wrote carry the import's id, so that the import can be undone.

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    entity      TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    undone_at   INTEGER
);
CREATE INDEX imports_user ON imports (user_id, id);

CREATE TABLE import_batches (
    import_id   INTEGER NOT NULL REFERENCES imports (id),
    seq         INTEGER NOT NULL,
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    failed      INTEGER NOT NULL,
    response    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (import_id, seq)
);

ALTER TABLE audit_log ADD COLUMN import_id INTEGER;
CREATE INDEX audit_log_import ON audit_log (import_id, id) WHERE import_id IS NOT NULL;
