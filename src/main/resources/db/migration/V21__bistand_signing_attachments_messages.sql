-- The resident's side of an application: co-signature bookkeeping, signatures, idempotent submissions, attachments,
-- komplettering requests, the message thread with the handläggare, and notifications (outbox).

-- Co-signature: when the applicant has signed and the co-applicant is asked; the deadline and reminders.
-- draft_step: the form step the resident was on, so a draft resumes where it was left (on any device).
ALTER TABLE application
  ADD COLUMN cosign_requested_at      timestamptz,
  ADD COLUMN cosign_deadline          timestamptz,
  ADD COLUMN cosign_reminders         integer NOT NULL DEFAULT 0,
  ADD COLUMN cosign_last_reminder_at  timestamptz,
  ADD COLUMN withdrawn_at             timestamptz,
  ADD COLUMN draft_step               text CHECK (draft_step ~ '^[a-z]{1,20}$'),
  ADD CONSTRAINT application_cosign_deadline CHECK ((cosign_requested_at IS NULL) = (cosign_deadline IS NULL));
CREATE INDEX application_cosign_due ON application (cosign_deadline) WHERE status = 'awaiting_cosignature';

-- A BankID signature of one application version by the applicant or the co-applicant. Kept as evidence: the signature
-- (base64 XML from BankID), the OCSP response and the orderRef, and the exact text the signer saw. content_hash is the
-- SHA-256 of the content that was signed (jsonb text), so a later change of content is detectable.
CREATE TABLE application_signature (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           text        NOT NULL REFERENCES tenant (id),
  application_id      uuid        NOT NULL REFERENCES application (id),
  application_version integer     NOT NULL,
  role                text        NOT NULL CHECK (role IN ('applicant', 'coApplicant')),
  person_id           uuid        NOT NULL REFERENCES person (id),
  order_id            uuid        NOT NULL UNIQUE,
  order_ref           text        NOT NULL UNIQUE,
  signature           text        NOT NULL,
  ocsp_response       text        NOT NULL,
  user_visible_data   text        NOT NULL,
  content_hash        text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  signed_at           timestamptz NOT NULL,
  -- Valid until the application goes back to draft (co-applicant declined or did not sign in time).
  superseded_at       timestamptz
);
CREATE UNIQUE INDEX application_signature_current ON application_signature (application_id, role)
  WHERE superseded_at IS NULL;

-- Idempotency keys of state-changing resident requests (start an application, sign): a retried or double-clicked
-- request with the same key gets the first answer instead of doing it again.
CREATE TABLE idempotency_key (
  tenant_id    text        NOT NULL REFERENCES tenant (id),
  person_id    uuid        NOT NULL REFERENCES person (id),
  scope        text        NOT NULL,
  key          text        NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
  request_hash text        NOT NULL,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, person_id, scope, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- Komplettering: a handläggare (or the robot, e.g. for a stickprov) asks for more documents or information by a
-- deadline; the resident answers with text and attachments. Created by casework (issue 5); answered here.
CREATE TABLE komplettering_request (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         text        NOT NULL REFERENCES tenant (id),
  application_id    uuid        NOT NULL REFERENCES application (id),
  requested_by_kind text        NOT NULL CHECK (requested_by_kind IN ('staff', 'robot')),
  requested_by_staff uuid       REFERENCES staff_member (id),
  message           text        NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  -- Document categories asked for (AttachmentRules' categories), e.g. ["bankStatements", "receipts"].
  items             jsonb       NOT NULL DEFAULT '[]'::jsonb,
  due_at            timestamptz NOT NULL,
  status            text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'cancelled')),
  answer_text       text        CHECK (length(answer_text) <= 4000),
  answered_at       timestamptz,
  answered_by       uuid        REFERENCES person (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (requested_by_kind <> 'staff' OR requested_by_staff IS NOT NULL),
  CHECK ((status = 'answered') = (answered_at IS NOT NULL))
);
CREATE INDEX komplettering_request_application ON komplettering_request (application_id, created_at);

-- The two-way message thread between the household and the handläggare, per application.
CREATE TABLE case_message (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        text        NOT NULL REFERENCES tenant (id),
  application_id   uuid        NOT NULL REFERENCES application (id),
  author_kind      text        NOT NULL CHECK (author_kind IN ('resident', 'staff')),
  author_person_id uuid        REFERENCES person (id),
  author_staff_id  uuid        REFERENCES staff_member (id),
  body             text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- When the other side first read it (staff read a resident's message; a resident read staff's).
  read_at          timestamptz,
  CHECK ((author_kind = 'resident') = (author_person_id IS NOT NULL)),
  CHECK ((author_kind = 'staff') = (author_staff_id IS NOT NULL))
);
CREATE INDEX case_message_application ON case_message (application_id, created_at);

-- Files the household sent: with the application, with a message or as an answer to a komplettering request.
-- The bytes live under ATTACHMENT_DIR in a file named by storage_key (random, never the original name); the type is
-- what the content is (sniffed), not what the name says.
CREATE TABLE application_attachment (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         text        NOT NULL REFERENCES tenant (id),
  application_id    uuid        NOT NULL REFERENCES application (id),
  uploaded_by       uuid        REFERENCES person (id),
  uploaded_by_staff uuid        REFERENCES staff_member (id),
  purpose           text        NOT NULL CHECK (purpose IN ('application', 'message', 'komplettering')),
  category          text        NOT NULL CHECK (category ~ '^[a-zA-Z]{1,40}([.][a-zA-Z0-9]{1,40})?$'),
  file_name         text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type        text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes        integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key       text        NOT NULL UNIQUE CHECK (storage_key ~ '^[A-Za-z0-9_-]{43}$'),
  message_id        uuid        REFERENCES case_message (id),
  komplettering_id  uuid        REFERENCES komplettering_request (id),
  created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- Set when the file became part of what was sent (submission, message, answer); after that it cannot be removed.
  sent_at           timestamptz,
  removed_at        timestamptz,
  CHECK ((uploaded_by IS NULL) <> (uploaded_by_staff IS NULL))
);
CREATE INDEX application_attachment_application ON application_attachment (application_id, created_at);

-- Notifications to residents (asked to co-sign, reminders, komplettering, decision, message). Written in the same
-- transaction as what caused them; a dispatcher delivers them through the configured channel (in demo mode a file).
-- They never contain personal details: the person id, a kind and the case id; the channel renders the text.
CREATE TABLE notification_outbox (
  id             bigserial   PRIMARY KEY,
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  person_id      uuid        NOT NULL REFERENCES person (id),
  kind           text        NOT NULL CHECK (kind ~ '^[a-z_]+$'),
  application_id uuid        REFERENCES application (id),
  data           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  delivered_at   timestamptz,
  attempts       integer     NOT NULL DEFAULT 0
);
CREATE INDEX notification_outbox_pending ON notification_outbox (id) WHERE delivered_at IS NULL;
