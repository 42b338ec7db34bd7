-- SQLite only (its full-text indexes are applied from a queue once per group commit); kept so
-- that both databases have the same migration numbers. PostgreSQL's GIN indexes need nothing.
SELECT 1;
