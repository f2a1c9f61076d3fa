-- A job for a month no rules cover yet (next year's riksnorm before it is published, a tenant's caps for a year not
-- decided yet) waits in 'waiting_rules': not a failure and not claimed again until a rule book that covers its month
-- is loaded, when it goes back to 'queued'. waiting_for says what it waits for, {kind, month, tenant}; it is cleared
-- when the job resumes.
ALTER TABLE robot_job DROP CONSTRAINT robot_job_status_check;
ALTER TABLE robot_job ADD CONSTRAINT robot_job_status_check
  CHECK (status IN ('queued', 'claimed', 'done', 'waiting', 'waiting_rules', 'manual_review'));
ALTER TABLE robot_job ADD COLUMN waiting_for jsonb;
CREATE INDEX robot_job_waiting_rules ON robot_job (tenant_id) WHERE status = 'waiting_rules';

-- What casework reads for "waiting for rules", as robot_manual_review is read for manual review.
CREATE VIEW robot_waiting_for_rules AS
  SELECT j.id AS job_id, j.tenant_id, j.application_id, j.application_version, j.waiting_for ->> 'kind' AS kind,
         j.waiting_for ->> 'month' AS month, j.waiting_for ->> 'tenant' AS rules_tenant
    FROM robot_job j
   WHERE j.status = 'waiting_rules';
