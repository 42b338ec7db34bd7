-- The activity queue (GET /api/crm/activities/queue): open, dated activities of a user, by
-- priority, then due date, then id. A section of the queue reads, for each priority in turn,
-- the first rows of one range of due dates, and stops once it has its page: it never sorts
-- (or reads) all of a user's overdue activities. Booleans are 0/1 here; the queries repeat
-- this WHERE clause word for word so that the planner may use the index.

CREATE INDEX activities_queue ON activities (user_id, priority, due_date, id)
    WHERE NOT completed AND deleted_at IS NULL AND due_date IS NOT NULL;
