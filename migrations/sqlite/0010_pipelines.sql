-- Pipelines and their stages as data, per user. Deals and opportunities point at their
-- pipeline and stage (the stage's name is kept on the record too, in its current spelling,
-- as filters and exports read it); a stage history row names the stage by id as well, so
-- that renaming or reordering stages later keeps what a deal passed through.
--
-- Every existing user gets the default pipeline with the six stages of the seed, and every
-- existing deal and opportunity is placed in it by its stage name: nothing is lost.
-- A record's probability is now always set: `probability_explicit` tells whether the user set
-- it (it then stays) or it follows the stage's.

CREATE TABLE pipelines (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    name       TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    is_default BOOLEAN NOT NULL DEFAULT 0,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX pipelines_user ON pipelines (user_id, position, id) WHERE deleted_at IS NULL;

CREATE TABLE stages (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    pipeline_id  INTEGER NOT NULL REFERENCES pipelines (id),
    name         TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    probability  INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    rotting_days INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    deleted_at   INTEGER
);
CREATE INDEX stages_user_pipeline ON stages (user_id, pipeline_id, position) WHERE deleted_at IS NULL;

ALTER TABLE deals ADD COLUMN pipeline_id INTEGER REFERENCES pipelines (id);
ALTER TABLE deals ADD COLUMN stage_id INTEGER REFERENCES stages (id);
ALTER TABLE deals ADD COLUMN probability_explicit BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE deals ADD COLUMN stage_entered_at INTEGER;
ALTER TABLE deals ADD COLUMN last_activity_at INTEGER;
ALTER TABLE opportunities ADD COLUMN pipeline_id INTEGER REFERENCES pipelines (id);
ALTER TABLE opportunities ADD COLUMN stage_id INTEGER REFERENCES stages (id);
ALTER TABLE opportunities ADD COLUMN probability_explicit BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE opportunities ADD COLUMN stage_entered_at INTEGER;
ALTER TABLE activities ADD COLUMN deal_id INTEGER REFERENCES deals (id);
ALTER TABLE deal_stage_changes ADD COLUMN from_stage_id INTEGER REFERENCES stages (id);
ALTER TABLE deal_stage_changes ADD COLUMN to_stage_id INTEGER REFERENCES stages (id);

CREATE TABLE opportunity_stage_changes (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id),
    opportunity_id INTEGER NOT NULL REFERENCES opportunities (id),
    from_stage     TEXT,
    to_stage       TEXT    NOT NULL,
    from_stage_id  INTEGER REFERENCES stages (id),
    to_stage_id    INTEGER REFERENCES stages (id),
    changed_at     INTEGER NOT NULL
);
CREATE INDEX opportunity_stage_changes_user_opportunity
    ON opportunity_stage_changes (user_id, opportunity_id, changed_at);

INSERT INTO pipelines (user_id, name, position, is_default, created_at, updated_at)
SELECT id, 'Sales', 0, 1, created_at, created_at FROM users;

INSERT INTO stages (user_id, pipeline_id, name, position, probability, kind, created_at, updated_at)
SELECT p.user_id, p.id, s.name, s.position, s.probability, s.kind, p.created_at, p.created_at
FROM pipelines p CROSS JOIN (
    SELECT 'Prospect' AS name, 0 AS position, 10 AS probability, 'open' AS kind
    UNION ALL SELECT 'Qualification', 1, 20, 'open'
    UNION ALL SELECT 'Proposal', 2, 50, 'open'
    UNION ALL SELECT 'Negotiation', 3, 75, 'open'
    UNION ALL SELECT 'Closed-Won', 4, 100, 'won'
    UNION ALL SELECT 'Closed-Lost', 5, 0, 'lost'
) s;

UPDATE deals SET
    pipeline_id = (SELECT p.id FROM pipelines p WHERE p.user_id = deals.user_id),
    stage_id = (SELECT s.id FROM stages s WHERE s.user_id = deals.user_id AND s.name = deals.stage),
    probability_explicit = (probability IS NOT NULL),
    probability = COALESCE(probability,
        (SELECT s.probability FROM stages s WHERE s.user_id = deals.user_id AND s.name = deals.stage)),
    stage_entered_at = COALESCE(
        (SELECT max(c.changed_at) FROM deal_stage_changes c
         WHERE c.user_id = deals.user_id AND c.deal_id = deals.id AND c.to_stage = deals.stage),
        created_at);

UPDATE opportunities SET
    pipeline_id = (SELECT p.id FROM pipelines p WHERE p.user_id = opportunities.user_id),
    stage_id = (SELECT s.id FROM stages s WHERE s.user_id = opportunities.user_id AND s.name = opportunities.stage),
    probability_explicit = (probability IS NOT NULL),
    probability = COALESCE(probability,
        (SELECT s.probability FROM stages s WHERE s.user_id = opportunities.user_id AND s.name = opportunities.stage)),
    stage_entered_at = created_at;

INSERT INTO opportunity_stage_changes (user_id, opportunity_id, from_stage, to_stage, to_stage_id, changed_at)
SELECT user_id, id, NULL, stage, stage_id, created_at FROM opportunities;

UPDATE deal_stage_changes SET
    from_stage_id = (SELECT s.id FROM stages s WHERE s.user_id = deal_stage_changes.user_id AND s.name = deal_stage_changes.from_stage),
    to_stage_id = (SELECT s.id FROM stages s WHERE s.user_id = deal_stage_changes.user_id AND s.name = deal_stage_changes.to_stage);

DROP INDEX deals_user_stage;
CREATE INDEX deals_user_stage ON deals (user_id, stage_id, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_user_stage ON opportunities (user_id, stage_id, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_user_deal ON activities (user_id, deal_id);
CREATE INDEX deal_stage_changes_user_stage ON deal_stage_changes (user_id, to_stage_id);
