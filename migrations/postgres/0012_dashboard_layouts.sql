-- The dashboard each user saved: which widgets, in which order, over which period, as the
-- JSON of crm_api::dashboard::NewDashboardLayout. No row: the default layout (version 0).

CREATE TABLE dashboard_layouts (
    user_id    BIGINT  PRIMARY KEY REFERENCES users (id),
    layout     TEXT    NOT NULL,
    version    BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
