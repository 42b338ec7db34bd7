-- Full-text indexes that failed to take their queued changes and are to be rebuilt from their
-- tables (crm-server/src/store/words.rs): written in the transaction that met the failure, so
-- that a restart before the rebuild still rebuilds.

CREATE TABLE search_rebuild (tbl TEXT PRIMARY KEY);
