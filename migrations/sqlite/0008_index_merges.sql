-- The writer merges the segments of the full-text indexes while no write is waiting
-- (crm-server/src/store/words.rs, merge_step). With usermerge at 2 (FTS5's default is 4), its
-- merges take two segments of a level at a time, which leaves at most one segment per level.

INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('usermerge', 2);
INSERT INTO opportunities_fts (opportunities_fts, rank) VALUES ('usermerge', 2);
INSERT INTO deals_fts (deals_fts, rank) VALUES ('usermerge', 2);
INSERT INTO activities_fts (activities_fts, rank) VALUES ('usermerge', 2);
