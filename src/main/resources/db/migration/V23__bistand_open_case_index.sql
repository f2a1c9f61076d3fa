-- The handläggare's queue reads a municipality's open cases a page at a time, oldest submission first (the due date
-- follows the submission time). This index holds only the open cases, in that order, so a page is read from its start
-- and costs the same however long the queue is; decided cases (most of the table) are not in it.
CREATE INDEX application_casework_queue ON application (tenant_id, submitted_at, id)
  WHERE status IN ('submitted', 'under_review', 'komplettering_requested');
