-- The figures' sums, kept up to date in the transaction of every write (crm-server's
-- store/sums.rs), so that the dashboard, the pipeline summary and the forecast read a few
-- hundred rows however large the account. Amounts are split at 10^8 minor units (`*_hi` holds
-- amount / 10^8, `*_lo` amount % 10^8) so that no sum can overflow 64 bits; weighted sums
-- (`w_*`) are of each part times the probability.
--
-- A deal's `reach_stage_id` is the open stage of its pipeline, furthest in the current order,
-- that it ever entered (the funnel); `idle_since` the later of its entry into its stage and
-- its latest activity (rotting).

ALTER TABLE deals ADD COLUMN reach_stage_id BIGINT REFERENCES stages (id);
ALTER TABLE deals ADD COLUMN idle_since BIGINT;

UPDATE deals SET
    reach_stage_id = (
        SELECT hs.id FROM deal_stage_changes h JOIN stages hs ON hs.id = h.to_stage_id
        WHERE h.user_id = deals.user_id AND h.deal_id = deals.id AND hs.kind = 'open'
          AND hs.deleted_at IS NULL AND hs.pipeline_id = deals.pipeline_id
        ORDER BY hs.position DESC, hs.id LIMIT 1),
    idle_since = CASE WHEN last_activity_at > stage_entered_at THEN last_activity_at ELSE stage_entered_at END;

CREATE INDEX deals_user_stage_idle ON deals (user_id, stage_id, idle_since, currency) WHERE deleted_at IS NULL;

-- Live deals per stage and currency.
CREATE TABLE deal_stage_sums (
    user_id  BIGINT NOT NULL REFERENCES users (id),
    stage_id BIGINT NOT NULL,
    currency TEXT    NOT NULL,
    n        BIGINT NOT NULL,
    a_hi     BIGINT NOT NULL,
    a_lo     BIGINT NOT NULL,
    w_hi     BIGINT NOT NULL,
    w_lo     BIGINT NOT NULL,
    PRIMARY KEY (user_id, stage_id, currency)
);

-- Live deals with a close date, per close month (year x 100 + month), stage and currency.
CREATE TABLE deal_close_sums (
    user_id     BIGINT NOT NULL REFERENCES users (id),
    close_month BIGINT NOT NULL,
    stage_id    BIGINT NOT NULL,
    currency    TEXT    NOT NULL,
    n           BIGINT NOT NULL,
    a_hi        BIGINT NOT NULL,
    a_lo        BIGINT NOT NULL,
    w_hi        BIGINT NOT NULL,
    w_lo        BIGINT NOT NULL,
    PRIMARY KEY (user_id, close_month, stage_id, currency)
);

-- Live deals per UTC day of entry into their stage, stage and currency, with the sum of
-- microseconds from their creation to that entry (split as amounts are).
CREATE TABLE deal_entry_sums (
    user_id     BIGINT NOT NULL REFERENCES users (id),
    entered_day BIGINT NOT NULL,
    stage_id    BIGINT NOT NULL,
    currency    TEXT    NOT NULL,
    n           BIGINT NOT NULL,
    a_hi        BIGINT NOT NULL,
    a_lo        BIGINT NOT NULL,
    c_hi        BIGINT NOT NULL,
    c_lo        BIGINT NOT NULL,
    PRIMARY KEY (user_id, entered_day, stage_id, currency)
);

-- Live deals per UTC day of creation, stage and reach (0: none).
CREATE TABLE deal_reach_sums (
    user_id     BIGINT NOT NULL REFERENCES users (id),
    created_day BIGINT NOT NULL,
    stage_id    BIGINT NOT NULL,
    reach_id    BIGINT NOT NULL,
    n           BIGINT NOT NULL,
    PRIMARY KEY (user_id, created_day, stage_id, reach_id)
);

-- Live opportunities per stage and currency.
CREATE TABLE opportunity_stage_sums (
    user_id  BIGINT NOT NULL REFERENCES users (id),
    stage_id BIGINT NOT NULL,
    currency TEXT    NOT NULL,
    n        BIGINT NOT NULL,
    a_hi     BIGINT NOT NULL,
    a_lo     BIGINT NOT NULL,
    w_hi     BIGINT NOT NULL,
    w_lo     BIGINT NOT NULL,
    PRIMARY KEY (user_id, stage_id, currency)
);

-- Live contacts per user.
CREATE TABLE contact_sums (
    user_id BIGINT NOT NULL REFERENCES users (id),
    n       BIGINT NOT NULL,
    PRIMARY KEY (user_id)
);

-- Live activities per UTC day of creation and type.
CREATE TABLE activity_day_sums (
    user_id BIGINT NOT NULL REFERENCES users (id),
    day     BIGINT NOT NULL,
    type    TEXT    NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (user_id, day, type)
);

-- Users whose sums are to be worked out from their records (all of them, here; the server
-- does it at start-up, and after a change of their stages that reorders or redefines them).
CREATE TABLE sums_rebuild (user_id BIGINT PRIMARY KEY);
INSERT INTO sums_rebuild (user_id) SELECT id FROM users;
