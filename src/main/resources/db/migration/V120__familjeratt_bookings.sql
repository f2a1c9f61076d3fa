-- Familjerätt: the staff's published times, residents' bookings of them, and Skatteverket's notifications about
-- parenthood not yet confirmed. Which services a municipality offers, and their rules, are data in
-- robots/tenants/<id>/familjeratt-*.json; a booking keeps the service id and the version it was booked under.

-- "staff_id WITH =" in the exclusion constraint below needs btree_gist (a trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A familjerättssekreterare's weekly hours when residents may book them: one row per weekday and stretch of time.
CREATE TABLE fr_schedule (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   text        NOT NULL REFERENCES tenant (id),
  staff_id    uuid        NOT NULL REFERENCES staff_member (id),
  unit        text        NOT NULL CHECK (length(unit) BETWEEN 1 AND 100),
  -- ISO weekday: 1 = Monday ... 7 = Sunday. Times are wall-clock times in Europe/Stockholm.
  weekday     smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time  time        NOT NULL,
  end_time    time        NOT NULL CHECK (end_time > start_time),
  valid_from  date        NOT NULL,
  valid_to    date        CHECK (valid_to IS NULL OR valid_to >= valid_from),
  -- Where office meetings in these hours take place (the unit's public address, never a resident's).
  office      text        NOT NULL CHECK (length(office) BETWEEN 1 AND 200),
  created_by  uuid        NOT NULL REFERENCES staff_member (id),
  created_at  timestamptz NOT NULL,
  removed_at  timestamptz
);
CREATE INDEX fr_schedule_tenant ON fr_schedule (tenant_id, staff_id) WHERE removed_at IS NULL;

-- Exceptions to the weekly hours: holidays (staff_id NULL = the whole unit of the tenant), sick days, leave.
CREATE TABLE fr_schedule_exception (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   text        NOT NULL REFERENCES tenant (id),
  staff_id    uuid        REFERENCES staff_member (id),
  during      tstzrange   NOT NULL CHECK (NOT isempty(during)),
  reason      text        NOT NULL CHECK (reason IN ('holiday', 'sick', 'leave', 'other')),
  note        text        CHECK (length(note) <= 500),
  created_by  uuid        NOT NULL REFERENCES staff_member (id),
  created_at  timestamptz NOT NULL
);
CREATE INDEX fr_schedule_exception_tenant ON fr_schedule_exception USING gist (tenant_id, during);

-- A resident's e-mail address and mobile number for familjerätt's confirmations and reminders, as they last gave it.
-- Never shown to another resident.
CREATE TABLE fr_contact (
  tenant_id   text        NOT NULL REFERENCES tenant (id),
  person_id   uuid        NOT NULL REFERENCES person (id),
  email       text        CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone       text        CHECK (phone ~ '^\+?[0-9]{7,15}$'),
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, person_id)
);

-- Skatteverket's notification that a child's parenthood was not confirmed digitally within 14 days of the birth
-- (föräldrabalken 1 kap. 4 a §): the municipality invites the parents, reminds them, and in the end summons them.
CREATE TABLE fr_paternity_notice (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         text        NOT NULL REFERENCES tenant (id),
  child_birth_date  date        NOT NULL,
  birth_parent_id   uuid        NOT NULL REFERENCES person (id),
  other_parent_id   uuid        REFERENCES person (id) CHECK (other_parent_id IS DISTINCT FROM birth_parent_id),
  source            text        NOT NULL CHECK (source IN ('staff', 'import')),
  stage             text        NOT NULL CHECK (stage IN ('registered', 'invited', 'reminded', 'summoned', 'booked',
                                  'closed')),
  reminders         integer     NOT NULL DEFAULT 0 CHECK (reminders >= 0),
  last_contact_at   timestamptz,
  booking_id        uuid,
  registered_by     uuid        REFERENCES staff_member (id),
  created_at        timestamptz NOT NULL,
  closed_at         timestamptz,
  -- One notice per birth: an import file read twice registers nothing twice.
  UNIQUE (tenant_id, birth_parent_id, child_birth_date)
);
CREATE INDEX fr_paternity_notice_open ON fr_paternity_notice (tenant_id, stage) WHERE stage <> 'closed';

-- One booking of a service: who booked, the other parent for services both parents take part in, and its state.
CREATE TABLE fr_booking (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id             text        NOT NULL REFERENCES tenant (id),
  service               text        NOT NULL CHECK (service ~ '^[a-z][a-z0-9-]{1,39}$'),
  rules_version         text        NOT NULL,
  status                text        NOT NULL CHECK (status IN ('awaiting_confirmation', 'confirmed', 'released',
                                      'declined', 'cancelled', 'completed')),
  booker_id             uuid        NOT NULL REFERENCES person (id),
  other_parent_id       uuid        REFERENCES person (id) CHECK (other_parent_id IS DISTINCT FROM booker_id),
  -- Separate meetings: the parents never meet and never see each other's times (a risk of violence or threats,
  -- staff's judgement, or a party with protected personal details).
  separate              boolean     NOT NULL DEFAULT false,
  separate_reason       text        CHECK (separate_reason IN ('screening', 'staff', 'protected', 'service')),
  interpreter_language  text        CHECK (length(interpreter_language) BETWEEN 2 AND 60),
  confirm_deadline      timestamptz,
  notice_id             uuid        REFERENCES fr_paternity_notice (id),
  expected_birth        date,
  created_by_staff      uuid        REFERENCES staff_member (id),
  -- Shown to the residents when staff cancel.
  cancel_reason         text        CHECK (length(cancel_reason) <= 500),
  cancelled_by          text        CHECK (cancelled_by IN ('resident', 'staff', 'system')),
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (separate = (separate_reason IS NOT NULL))
);
CREATE INDEX fr_booking_booker ON fr_booking (tenant_id, booker_id);
CREATE INDEX fr_booking_other ON fr_booking (tenant_id, other_parent_id) WHERE other_parent_id IS NOT NULL;
CREATE INDEX fr_booking_awaiting ON fr_booking (confirm_deadline) WHERE status = 'awaiting_confirmation';
ALTER TABLE fr_paternity_notice ADD FOREIGN KEY (booking_id) REFERENCES fr_booking (id);

-- The other parent's BankID confirmation of a two-parent booking: the evidence, kept with the booking.
CREATE TABLE fr_confirmation (
  booking_id         uuid        NOT NULL REFERENCES fr_booking (id),
  person_id          uuid        NOT NULL REFERENCES person (id),
  order_id           uuid        NOT NULL,
  order_ref          text        NOT NULL,
  signature          text        NOT NULL,
  ocsp_response      text        NOT NULL,
  user_visible_data  text        NOT NULL,
  confirmed_at       timestamptz NOT NULL,
  PRIMARY KEY (booking_id, person_id)
);

-- A meeting on a familjerättssekreterare's calendar. A time is held by at most one live appointment per staff
-- member: the exclusion constraint refuses an overlapping one, whatever the number of servers and requests racing
-- for it (no check-then-insert). Released, cancelled and moved appointments no longer hold their time.
CREATE TABLE fr_appointment (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id             text        NOT NULL REFERENCES tenant (id),
  booking_id            uuid        NOT NULL REFERENCES fr_booking (id),
  staff_id              uuid        NOT NULL REFERENCES staff_member (id),
  -- NULL: every party of the booking together; a person: that parent alone (separate meetings).
  person_id             uuid        REFERENCES person (id),
  kind                  text        NOT NULL CHECK (kind IN ('first', 'individual', 'joint', 'child', 'follow_up')),
  during                tstzrange   NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  status                text        NOT NULL CHECK (status IN ('held', 'confirmed', 'attended', 'no_show', 'released',
                                      'cancelled', 'moved')),
  place                 text        NOT NULL CHECK (place IN ('office', 'digital')),
  office                text,
  meeting_link          text,
  interpreter_language  text        CHECK (length(interpreter_language) BETWEEN 2 AND 60),
  reminded_at           timestamptz,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (place = 'digital' OR office IS NOT NULL),
  CONSTRAINT fr_appointment_one_per_time EXCLUDE USING gist (staff_id WITH =, during WITH &&)
    WHERE (status IN ('held', 'confirmed', 'attended', 'no_show'))
);
CREATE INDEX fr_appointment_booking ON fr_appointment (booking_id);
CREATE INDEX fr_appointment_tenant_during ON fr_appointment USING gist (tenant_id, during)
  WHERE status IN ('held', 'confirmed', 'attended', 'no_show');

-- Documents familjerätt writes: the informationssamtal intyg (for the court), and the letters to parents named in
-- a Skatteverket notification (invitation, reminders, summons).
CREATE TABLE fr_document (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        text        NOT NULL REFERENCES tenant (id),
  kind             text        NOT NULL CHECK (kind IN ('intyg', 'invitation', 'reminder', 'summons')),
  person_id        uuid        NOT NULL REFERENCES person (id),
  booking_id       uuid        REFERENCES fr_booking (id),
  notice_id        uuid        REFERENCES fr_paternity_notice (id),
  pdf              bytea       NOT NULL,
  created_by_staff uuid        REFERENCES staff_member (id),
  created_at       timestamptz NOT NULL,
  CHECK (booking_id IS NOT NULL OR notice_id IS NOT NULL)
);
CREATE INDEX fr_document_booking ON fr_document (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX fr_document_notice ON fr_document (notice_id) WHERE notice_id IS NOT NULL;

-- Messages to residents (e-mail and SMS), written in the transaction that caused them and sent afterwards. They
-- carry no address and no other party's details: the resident reads the rest on Mina sidor.
CREATE TABLE fr_notification (
  id           bigserial   PRIMARY KEY,
  tenant_id    text        NOT NULL REFERENCES tenant (id),
  person_id    uuid        NOT NULL REFERENCES person (id),
  kind         text        NOT NULL CHECK (kind ~ '^[a-z_]+$'),
  booking_id   uuid        REFERENCES fr_booking (id),
  appointment_id uuid      REFERENCES fr_appointment (id),
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz,
  -- The channels it went out on (email, sms); empty when the resident left no contact details (Mina sidor only).
  channels     text[],
  attempts     integer     NOT NULL DEFAULT 0
);
CREATE INDEX fr_notification_pending ON fr_notification (id) WHERE sent_at IS NULL;
