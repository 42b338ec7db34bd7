-- PostgreSQL stores each record's word vector in this migration; SQLite's FTS5 index already
-- holds the words. Kept so that both dialects have the same numbered migrations.
SELECT 1;
