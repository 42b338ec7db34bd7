-- Search by words instead of trigrams (see crm-server/src/store/words.rs): the `search`
-- column now holds the distinct lower-cased words of the searched fields, separated by single
-- spaces, and the FTS5 `ascii` tokenizer splits it on those spaces only. The server rewrites
-- the column of existing rows at start-up, then sets search_format to 2; the triggers keep the
-- index in step.

CREATE TABLE search_format (version INTEGER NOT NULL);
INSERT INTO search_format (version) VALUES (1);

DROP TRIGGER contacts_fts_insert;
DROP TRIGGER contacts_fts_delete;
DROP TRIGGER contacts_fts_update;
DROP TABLE contacts_fts;
CREATE VIRTUAL TABLE contacts_fts USING fts5(search, content='contacts', content_rowid='id', tokenize='ascii');
INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO contacts_fts (rowid, search) VALUES (new.id, new.search);
END;

DROP TRIGGER opportunities_fts_insert;
DROP TRIGGER opportunities_fts_delete;
DROP TRIGGER opportunities_fts_update;
DROP TABLE opportunities_fts;
CREATE VIRTUAL TABLE opportunities_fts USING fts5(search, content='opportunities', content_rowid='id', tokenize='ascii');
INSERT INTO opportunities_fts (opportunities_fts) VALUES ('rebuild');
CREATE TRIGGER opportunities_fts_insert AFTER INSERT ON opportunities BEGIN
    INSERT INTO opportunities_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER opportunities_fts_delete AFTER DELETE ON opportunities BEGIN
    INSERT INTO opportunities_fts (opportunities_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER opportunities_fts_update AFTER UPDATE OF search ON opportunities BEGIN
    INSERT INTO opportunities_fts (opportunities_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO opportunities_fts (rowid, search) VALUES (new.id, new.search);
END;

DROP TRIGGER deals_fts_insert;
DROP TRIGGER deals_fts_delete;
DROP TRIGGER deals_fts_update;
DROP TABLE deals_fts;
CREATE VIRTUAL TABLE deals_fts USING fts5(search, content='deals', content_rowid='id', tokenize='ascii');
INSERT INTO deals_fts (deals_fts) VALUES ('rebuild');
CREATE TRIGGER deals_fts_insert AFTER INSERT ON deals BEGIN
    INSERT INTO deals_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER deals_fts_delete AFTER DELETE ON deals BEGIN
    INSERT INTO deals_fts (deals_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER deals_fts_update AFTER UPDATE OF search ON deals BEGIN
    INSERT INTO deals_fts (deals_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO deals_fts (rowid, search) VALUES (new.id, new.search);
END;

DROP TRIGGER activities_fts_insert;
DROP TRIGGER activities_fts_delete;
DROP TRIGGER activities_fts_update;
DROP TABLE activities_fts;
CREATE VIRTUAL TABLE activities_fts USING fts5(search, content='activities', content_rowid='id', tokenize='ascii');
INSERT INTO activities_fts (activities_fts) VALUES ('rebuild');
CREATE TRIGGER activities_fts_insert AFTER INSERT ON activities BEGIN
    INSERT INTO activities_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER activities_fts_delete AFTER DELETE ON activities BEGIN
    INSERT INTO activities_fts (activities_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER activities_fts_update AFTER UPDATE OF search ON activities BEGIN
    INSERT INTO activities_fts (activities_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO activities_fts (rowid, search) VALUES (new.id, new.search);
END;
