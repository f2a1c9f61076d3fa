-- The trace is stored as one row per attempt (its steps as a jsonb array) instead of one row per step: the same
-- facts, a tenth of the rows, index entries and foreign-key checks per job (the robot bench's second-largest cost).
-- Readers keep the per-step shape through the robot_trace view.
CREATE TABLE robot_trace_attempt (
  id             bigserial   PRIMARY KEY,
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  job_id         bigint      NOT NULL REFERENCES robot_job (id),
  application_id uuid        NOT NULL REFERENCES application (id),
  -- [{step, started_at, duration_micros, outcome, input_summary, output}] in the order the steps ran.
  steps          jsonb       NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) >= 1)
);
CREATE INDEX robot_trace_attempt_application ON robot_trace_attempt (application_id, id);

INSERT INTO robot_trace_attempt (tenant_id, job_id, application_id, steps)
SELECT tenant_id, job_id, application_id,
       jsonb_agg(jsonb_build_object('step', step, 'started_at', started_at, 'duration_micros', duration_micros,
         'outcome', outcome, 'input_summary', input_summary, 'output', output) ORDER BY id)
FROM robot_trace GROUP BY tenant_id, job_id, application_id ORDER BY min(id);

DROP TABLE robot_trace;

-- One row per step, ordered by id as the table was.
CREATE VIEW robot_trace AS
SELECT t.id * 1000 + s.position AS id, t.tenant_id, t.job_id, t.application_id, s.entry ->> 'step' AS step,
       (s.entry ->> 'started_at')::timestamptz AS started_at, (s.entry ->> 'duration_micros')::bigint AS duration_micros,
       s.entry ->> 'outcome' AS outcome, s.entry -> 'input_summary' AS input_summary, s.entry -> 'output' AS output
FROM robot_trace_attempt t CROSS JOIN LATERAL jsonb_array_elements(t.steps) WITH ORDINALITY AS s (entry, position);
