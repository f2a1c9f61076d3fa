-- Who works on a case. 'owner' is the handläggare who has claimed it (at most one at a time); 'access' grants a named
-- staff member the right to see a case whose person has skyddad folkbokföring or sekretessmarkering — such cases are
-- visible to nobody else (they answer 404), so access is always explicit and always someone's decision.
CREATE TABLE case_assignment (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  application_id uuid        NOT NULL REFERENCES application (id),
  staff_id       uuid        NOT NULL REFERENCES staff_member (id),
  kind           text        NOT NULL CHECK (kind IN ('owner', 'access')),
  assigned_by    uuid        NOT NULL REFERENCES staff_member (id),
  assigned_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  ended_at       timestamptz,
  ended_by       uuid        REFERENCES staff_member (id),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
-- One owner at a time: claiming a claimed case is a constraint violation, not a race.
CREATE UNIQUE INDEX case_assignment_one_owner ON case_assignment (application_id) WHERE kind = 'owner' AND ended_at IS NULL;
CREATE UNIQUE INDEX case_assignment_one_access ON case_assignment (application_id, staff_id)
  WHERE kind = 'access' AND ended_at IS NULL;
CREATE INDEX case_assignment_staff ON case_assignment (staff_id) WHERE ended_at IS NULL;

-- Absence as data (Flen's delegationsordning: an absent delegate's ställföreträdare decides; without one, the nearest
-- higher manager). A row says that a staff member is away on these days and who stands in for them; the delegation
-- check lets the deputy decide what the absent person could, and records that it did so.
CREATE TABLE staff_absence (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  staff_id       uuid        NOT NULL REFERENCES staff_member (id),
  from_date      date        NOT NULL,
  to_date        date        NOT NULL CHECK (to_date >= from_date),
  deputy_id      uuid        NOT NULL REFERENCES staff_member (id) CHECK (deputy_id <> staff_id),
  reason         text        NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
  registered_by  uuid        NOT NULL REFERENCES staff_member (id),
  registered_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX staff_absence_deputy ON staff_absence (deputy_id, from_date, to_date);
