-- Trigram indexes over each entity's `search` column (the lower-cased searched fields), so
-- that q= (search LIKE '%...%') finds rare substrings without scanning the table.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX contacts_search_trgm ON contacts USING gin (search gin_trgm_ops);
CREATE INDEX opportunities_search_trgm ON opportunities USING gin (search gin_trgm_ops);
CREATE INDEX deals_search_trgm ON deals USING gin (search gin_trgm_ops);
CREATE INDEX activities_search_trgm ON activities USING gin (search gin_trgm_ops);
