-- Applications for försörjningsstöd: one row per household and month (plus extra applications between months).
-- content follows schemas/application-content.schema.json and is the same for every channel.
CREATE TABLE application (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           text        NOT NULL REFERENCES tenant (id),
  -- The calculation month, stored as its first day.
  month               date        NOT NULL CHECK (extract(day FROM month) = 1),
  -- Decided by the server (never by the form): first application, monthly re-application or extra application.
  kind                text        NOT NULL CHECK (kind IN ('new', 'reapplication', 'extra')),
  channel             text        NOT NULL CHECK (channel IN ('digital', 'paper', 'assisted')),
  status              text        NOT NULL CHECK (status IN ('draft', 'awaiting_cosignature', 'submitted',
                                    'under_review', 'komplettering_requested', 'decided', 'paid', 'payment_failed',
                                    'withdrawn')),
  applicant_id        uuid        NOT NULL REFERENCES person (id),
  co_applicant_id     uuid        REFERENCES person (id) CHECK (co_applicant_id IS DISTINCT FROM applicant_id),
  -- Bumped whenever the content changes after submission (e.g. komplettering); the robot proposes per version.
  version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
  content             jsonb       NOT NULL,
  previous_id         uuid        REFERENCES application (id),
  -- Paper and assisted applications are registered by staff; digital ones by the applicant.
  registered_by_staff uuid        REFERENCES staff_member (id),
  submitted_at        timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (channel = 'digital' OR registered_by_staff IS NOT NULL)
);
CREATE INDEX application_applicant ON application (applicant_id, month);
CREATE INDEX application_co_applicant ON application (co_applicant_id, month) WHERE co_applicant_id IS NOT NULL;
CREATE INDEX application_tenant_status ON application (tenant_id, status);

-- One monthly application per household and month: each adult of the household holds a row for the month while the
-- application is alive (not withdrawn). A second application naming either adult for the same month is refused by
-- the primary key — a constraint, not a check in code. Extra applications between months are not listed here.
CREATE TABLE application_household_month (
  tenant_id      text NOT NULL REFERENCES tenant (id),
  person_id      uuid NOT NULL REFERENCES person (id),
  month          date NOT NULL,
  application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, person_id, month)
);

-- The case's history, append-only: every status change and every action, with who did it. The resident's timeline
-- on Mina sidor and the handläggare's history are both read from here.
CREATE TABLE application_event (
  id             bigserial   PRIMARY KEY,
  application_id uuid        NOT NULL REFERENCES application (id),
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  type           text        NOT NULL CHECK (type ~ '^[a-z_]+$'),
  status         text,
  actor_kind     text        NOT NULL CHECK (actor_kind IN ('resident', 'staff', 'robot', 'system')),
  actor_person_id uuid       REFERENCES person (id),
  actor_staff_id uuid        REFERENCES staff_member (id),
  data           jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX application_event_application ON application_event (application_id, id);

CREATE FUNCTION application_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER application_event_no_update_or_delete BEFORE UPDATE OR DELETE ON application_event
  FOR EACH ROW EXECUTE FUNCTION application_event_append_only();
