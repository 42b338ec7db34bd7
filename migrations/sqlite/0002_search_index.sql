-- Trigram full-text indexes over each entity's `search` column (the lower-cased searched
-- fields), so that q= finds rare substrings without scanning the table. Kept in step by
-- triggers; the list query probes them first (see crm-server/src/store/list.rs).

CREATE VIRTUAL TABLE contacts_fts USING fts5(search, content='contacts', content_rowid='id', tokenize='trigram');
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

CREATE VIRTUAL TABLE opportunities_fts USING fts5(search, content='opportunities', content_rowid='id', tokenize='trigram');
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

CREATE VIRTUAL TABLE deals_fts USING fts5(search, content='deals', content_rowid='id', tokenize='trigram');
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

CREATE VIRTUAL TABLE activities_fts USING fts5(search, content='activities', content_rowid='id', tokenize='trigram');
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
