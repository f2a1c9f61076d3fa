-- The robot's bookkeeping beside the V40/V41 contract (compatible additions only; docs/robot.md).

-- attempts (V40) counts claims. failures counts attempts that went wrong (a step failed, or the worker holding the job
-- stopped and its lease ran out); at ROBOT_MAX_ATTEMPTS the job is parked in manual_review with last_error.
ALTER TABLE robot_job
  ADD COLUMN failures      integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
  ADD COLUMN claimed_at    timestamptz,
  -- The pipeline step that failed last ('identity', 'registers', ...), shown with last_error in manual review.
  ADD COLUMN failed_step   text,
  -- When the job was parked for manual review.
  ADD COLUMN parked_at     timestamptz,
  ADD CONSTRAINT robot_job_parked CHECK ((status = 'manual_review') = (parked_at IS NOT NULL));
CREATE INDEX robot_job_manual_review ON robot_job (tenant_id, parked_at) WHERE status = 'manual_review';

-- What casework's queue reads for "needs manual review": the robot could not make a proposal for this application
-- version (a step kept failing, or the job kept killing its workers), and why. The application's resident-facing
-- status stays 'submitted'; a handläggare takes the case from here.
CREATE VIEW robot_manual_review AS
  SELECT j.id AS job_id, j.tenant_id, j.application_id, j.application_version, j.last_error AS reason, j.failed_step,
         j.attempts, j.failures, j.submitted_at, j.parked_at
    FROM robot_job j
   WHERE j.status = 'manual_review';

-- Stickprov: every application is drawn once, from the tenant's secret seed and the application id only, so the draw
-- is reproducible and cannot depend on the channel (likabehandling, municipal-sources.md §1.4). The seed is made at
-- first use and shared by every robot instance; it is never shown.
CREATE TABLE stickprov_seed (
  tenant_id  text        PRIMARY KEY REFERENCES tenant (id),
  seed       bytea       NOT NULL CHECK (length(seed) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every draw, sampled or not (who was drawn, at which rate, with which number, why), and for a sampled application
-- the document request to the household. Casework records the result of the check.
CREATE TABLE stickprov_draw (
  application_id      uuid         PRIMARY KEY REFERENCES application (id),
  tenant_id           text         NOT NULL REFERENCES tenant (id),
  -- The version the draw was made for (later versions keep the same draw).
  application_version integer      NOT NULL,
  rule_version        text         NOT NULL,
  percent             numeric(5, 2) NOT NULL CHECK (percent >= 0 AND percent <= 100),
  -- HMAC-SHA256(seed, application id) mapped onto [0, 100); sampled exactly when draw < percent.
  draw                numeric(8, 4) NOT NULL CHECK (draw >= 0 AND draw < 100),
  sampled             boolean      NOT NULL,
  reason              text         NOT NULL,
  -- Sampled only: what the household is asked to send (attachment categories), the text and the deadline.
  requested_items     jsonb        NOT NULL DEFAULT '[]'::jsonb,
  request_message     text,
  due_at              timestamptz,
  drawn_at            timestamptz  NOT NULL DEFAULT clock_timestamp(),
  -- Filled in by casework after the check.
  result              text         CHECK (result IN ('confirmed', 'discrepancy')),
  result_by           uuid         REFERENCES staff_member (id),
  result_at           timestamptz,
  CHECK (sampled = (request_message IS NOT NULL)),
  CHECK (sampled = (due_at IS NOT NULL)),
  CHECK ((result IS NULL) = (result_at IS NULL))
);
CREATE INDEX stickprov_draw_sampled ON stickprov_draw (tenant_id, drawn_at) WHERE sampled;

-- robot_job is a queue: every job is updated a few times and then rests as 'done'. Vacuum it often so claims do not
-- wade through dead row versions (the claim's index scan starts at the oldest entries).
ALTER TABLE robot_job SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 2000,
  autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.05);
