-- Imports: a named run of batches from one file. Each batch of an import is applied once: its
-- answer is kept and replayed when the batch is sent again (a resumed import), and the audit
-- rows it wrote carry the import's id, so that the import can be undone.

CREATE TABLE imports (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users (id),
    entity      TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    undone_at   BIGINT
);
CREATE INDEX imports_user ON imports (user_id, id);

CREATE TABLE import_batches (
    import_id   BIGINT  NOT NULL REFERENCES imports (id),
    seq         BIGINT  NOT NULL,
    created     BIGINT  NOT NULL,
    updated     BIGINT  NOT NULL,
    unchanged   BIGINT  NOT NULL,
    failed      BIGINT  NOT NULL,
    response    TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (import_id, seq)
);

ALTER TABLE audit_log ADD COLUMN import_id BIGINT;
CREATE INDEX audit_log_import ON audit_log (import_id, id) WHERE import_id IS NOT NULL;
