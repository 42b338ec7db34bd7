-- Search by words instead of trigrams (see crm-server/src/store/words.rs): the `search`
-- column now holds the distinct lower-cased words of the searched fields, separated by single
-- spaces. The index is a tsvector built from those words without a text parser, so that
-- PostgreSQL cuts words exactly as SQLite does; queries use the same expression. The server
-- rewrites the column of existing rows at start-up, then sets search_format to 2.

CREATE TABLE search_format (version BIGINT NOT NULL);
INSERT INTO search_format (version) VALUES (1);

DROP INDEX contacts_search_trgm;
CREATE INDEX contacts_search_words ON contacts USING gin (array_to_tsvector(array_remove(string_to_array(search, ' '), '')));

DROP INDEX opportunities_search_trgm;
CREATE INDEX opportunities_search_words ON opportunities USING gin (array_to_tsvector(array_remove(string_to_array(search, ' '), '')));

DROP INDEX deals_search_trgm;
CREATE INDEX deals_search_words ON deals USING gin (array_to_tsvector(array_remove(string_to_array(search, ' '), '')));

DROP INDEX activities_search_trgm;
CREATE INDEX activities_search_words ON activities USING gin (array_to_tsvector(array_remove(string_to_array(search, ' '), '')));
