-- The robot's work queue. A submission inserts a job in the same transaction as the application, so no submitted
-- application is ever without its job. One job per application version: a retried submission cannot queue twice.
CREATE TABLE robot_job (
  id                  bigserial   PRIMARY KEY,
  tenant_id           text        NOT NULL REFERENCES tenant (id),
  application_id      uuid        NOT NULL REFERENCES application (id),
  application_version integer     NOT NULL,
  status              text        NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'claimed', 'done', 'waiting', 'manual_review')),
  attempts            integer     NOT NULL DEFAULT 0,
  -- Not before this time (backoff after a failed step, or a later retry when register data is not complete yet).
  available_at        timestamptz NOT NULL DEFAULT now(),
  claimed_by          text,
  -- A worker holds a job until lease_until; a crashed worker's job is taken over after that.
  lease_until         timestamptz,
  last_error          text,
  submitted_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at         timestamptz,
  UNIQUE (application_id, application_version)
);
CREATE INDEX robot_job_ready ON robot_job (available_at, id) WHERE status IN ('queued', 'waiting');
CREATE INDEX robot_job_leased ON robot_job (lease_until) WHERE status = 'claimed';

-- Wake the robot at once; a periodic sweep covers a missed notification.
CREATE FUNCTION robot_job_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('robot_job', NEW.id::text);
  RETURN NEW;
END;
$$;
CREATE TRIGGER robot_job_queued AFTER INSERT ON robot_job FOR EACH ROW EXECUTE FUNCTION robot_job_notify();
