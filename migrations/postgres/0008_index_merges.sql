-- SQLite only (a setting of its full-text indexes' merges); kept so that both databases have
-- the same migration numbers.
SELECT 1;
