-- What the robot produces for each application version: a beslutsförslag with the full calculation, the warnings a
-- handläggare must acknowledge, and a trace of every pipeline step. Casework (issue 5) reads these tables.

CREATE TABLE beslutsforslag (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           text        NOT NULL REFERENCES tenant (id),
  application_id      uuid        NOT NULL REFERENCES application (id),
  application_version integer     NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- bifall (amount > 0), delvis_bifall, avslag (normöverskott or otherwise).
  outcome             text        NOT NULL CHECK (outcome IN ('bifall', 'delvis_bifall', 'avslag')),
  -- Kronor for the month, öre as decimals.
  amount              numeric(12, 2) NOT NULL CHECK (amount >= 0),
  -- The norm engine's output: lines [{kind, label, amount, note, person?}], totals — enough to show and recompute.
  calculation         jsonb       NOT NULL,
  -- The exact rule versions used, e.g. {"riksnorm": "riksnorm-2025@1", "caps": "demo-caps@2", ...}.
  rule_versions       jsonb       NOT NULL,
  -- FL 32 §: the rules applied and the decisive circumstances, ready for the decision letter.
  motivering          text        NOT NULL,
  legal_basis         jsonb       NOT NULL DEFAULT '[]'::jsonb,
  -- Register data the robot compared with (SSBTEK-style), and the difference from last month.
  register_data       jsonb       NOT NULL DEFAULT '{}'::jsonb,
  comparison          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  stickprov           boolean     NOT NULL DEFAULT false,
  -- True when the tenant's rules let this proposal be decided automatically (KL 6 kap. 37 §) and it was.
  decided_automatically boolean   NOT NULL DEFAULT false,
  -- awaiting_review → decided; superseded when a newer application version gets a proposal.
  status              text        NOT NULL DEFAULT 'awaiting_review'
                      CHECK (status IN ('awaiting_review', 'decided', 'superseded')),
  -- Never two proposals for the same application version: a constraint, not luck.
  UNIQUE (application_id, application_version)
);
CREATE INDEX beslutsforslag_queue ON beslutsforslag (tenant_id, status, created_at);

CREATE TABLE case_warning (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       text        NOT NULL REFERENCES tenant (id),
  proposal_id     uuid        NOT NULL REFERENCES beslutsforslag (id),
  application_id  uuid        NOT NULL REFERENCES application (id),
  type            text        NOT NULL CHECK (type IN ('UNHANDLED_INCOME', 'INCOME_CHANGE', 'MISSING_EXTERNAL_DATA',
                    'NEW_INCOME', 'NEW_EXPENSE', 'NEW_PERSON', 'INCOME_DROPPED', 'HOUSEHOLD_CHANGE', 'EXPENSE_CAPPED',
                    'DECLARED_VS_REGISTER_MISMATCH', 'PROTECTED_IDENTITY', 'STICKPROV')),
  -- A sentence a handläggare understands, e.g. "Lön har ökat från 9 000 kr till 14 000 kr (+56 %)".
  message         text        NOT NULL,
  details         jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  acknowledged_by uuid        REFERENCES staff_member (id),
  acknowledged_at timestamptz,
  CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
);
CREATE INDEX case_warning_proposal ON case_warning (proposal_id);

-- Every pipeline step, with what went in (summarised, no personnummer), what came out and how long it took.
CREATE TABLE robot_trace (
  id              bigserial   PRIMARY KEY,
  tenant_id       text        NOT NULL REFERENCES tenant (id),
  job_id          bigint      NOT NULL REFERENCES robot_job (id),
  application_id  uuid        NOT NULL REFERENCES application (id),
  step            text        NOT NULL,
  started_at      timestamptz NOT NULL,
  duration_micros bigint      NOT NULL CHECK (duration_micros >= 0),
  outcome         text        NOT NULL CHECK (outcome IN ('ok', 'warning', 'retry', 'failed', 'manual')),
  input_summary   jsonb       NOT NULL DEFAULT '{}'::jsonb,
  output          jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX robot_trace_application ON robot_trace (application_id, id);
