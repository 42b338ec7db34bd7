-- The e-mail index covers trashed contacts too. The look-up of contacts by e-mail
-- (`service::batch::live_by_email`) probes it without testing `deleted_at`, and tests that
-- after: no partial index (like `contacts_user_created`) can then serve the probe, whatever
-- the planner believes of the table's size. With both indexes partial, a plan made while the
-- planner believed the table nearly empty read every contact of the user for each e-mail.
DROP INDEX contacts_user_email;
CREATE INDEX contacts_user_email ON contacts (user_id, lower(email));
