-- SQLite only (a list of its full-text indexes to rebuild); kept so that both databases have
-- the same migration numbers.
SELECT 1;
