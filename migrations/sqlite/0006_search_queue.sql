-- The full-text indexes were kept in step by triggers that wrote to them directly. FTS5
-- flushes what it holds in memory to a new index segment at every savepoint, and the
-- group-commit writer runs each write under a savepoint of its own: a segment (and merge work)
-- per single create. The triggers now queue the changes in a plain table instead; the writer
-- applies the queue to the indexes once per group, just before it commits, and empties it
-- (crm-server/src/writer.rs), so the indexes never lag a commit.

CREATE TABLE search_queue (
    seq     INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL,
    del     INTEGER NOT NULL,
    row_id  INTEGER NOT NULL,
    search  TEXT
);

DROP TRIGGER contacts_fts_insert;
DROP TRIGGER contacts_fts_delete;
DROP TRIGGER contacts_fts_update;
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('contacts', 0, new.id, new.search);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('contacts', 1, old.id, old.search);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search ON contacts BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('contacts', 1, old.id, old.search);
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('contacts', 0, new.id, new.search);
END;

DROP TRIGGER opportunities_fts_insert;
DROP TRIGGER opportunities_fts_delete;
DROP TRIGGER opportunities_fts_update;
CREATE TRIGGER opportunities_fts_insert AFTER INSERT ON opportunities BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('opportunities', 0, new.id, new.search);
END;
CREATE TRIGGER opportunities_fts_delete AFTER DELETE ON opportunities BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('opportunities', 1, old.id, old.search);
END;
CREATE TRIGGER opportunities_fts_update AFTER UPDATE OF search ON opportunities BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('opportunities', 1, old.id, old.search);
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('opportunities', 0, new.id, new.search);
END;

DROP TRIGGER deals_fts_insert;
DROP TRIGGER deals_fts_delete;
DROP TRIGGER deals_fts_update;
CREATE TRIGGER deals_fts_insert AFTER INSERT ON deals BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('deals', 0, new.id, new.search);
END;
CREATE TRIGGER deals_fts_delete AFTER DELETE ON deals BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('deals', 1, old.id, old.search);
END;
CREATE TRIGGER deals_fts_update AFTER UPDATE OF search ON deals BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('deals', 1, old.id, old.search);
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('deals', 0, new.id, new.search);
END;

DROP TRIGGER activities_fts_insert;
DROP TRIGGER activities_fts_delete;
DROP TRIGGER activities_fts_update;
CREATE TRIGGER activities_fts_insert AFTER INSERT ON activities BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('activities', 0, new.id, new.search);
END;
CREATE TRIGGER activities_fts_delete AFTER DELETE ON activities BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('activities', 1, old.id, old.search);
END;
CREATE TRIGGER activities_fts_update AFTER UPDATE OF search ON activities BEGIN
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('activities', 1, old.id, old.search);
    INSERT INTO search_queue (tbl, del, row_id, search) VALUES ('activities', 0, new.id, new.search);
END;
