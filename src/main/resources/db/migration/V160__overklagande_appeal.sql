-- Överklaganden (FL 44–46 §§): a resident's appeal of a decision, written and signed with BankID in the e-tjänst.
-- The appeal is dated when it arrives (the signature's completion) and checked against three weeks from the day the
-- decision reached the resident; a late appeal is received all the same and flagged (the nämnd decides, FL 45 §).
-- The nämnd may change its decision (omprövning, FL 37–39 §§: a new decision row through casework's decision path),
-- otherwise the appeal goes on to förvaltningsrätten with the case's documents (FL 46 §).
CREATE TABLE overklagande (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          text        NOT NULL REFERENCES tenant (id),
  application_id     uuid        NOT NULL REFERENCES application (id),
  -- The decision appealed, and the letter that carried it to the resident.
  decision_id        uuid        NOT NULL REFERENCES decision (id),
  letter_id          uuid        NOT NULL REFERENCES decision_letter (id),
  -- Who appeals: an adult of the household the letter was for.
  person_id          uuid        NOT NULL REFERENCES person (id),
  status             text        NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'received', 'lapsed', 'forwarded')),
  change_requested   text        NOT NULL DEFAULT '' CHECK (length(change_requested) <= 4000),
  reasons            text        NOT NULL DEFAULT '' CHECK (length(reasons) <= 8000),
  -- FL 44 §: the day the resident got the decision, and the last day the appeal may arrive.
  delivered_on       date        NOT NULL,
  deadline           date        NOT NULL,
  -- Dated on arrival: when the BankID signature completed.
  received_at        timestamptz,
  late               boolean,
  -- FL 46 § "skyndsamt": the tenant's target for sending it on (robots/tenants/<id>/overklagande-*.json).
  forward_by         date,
  -- The signature: BankID's evidence and the exact text shown in the app.
  bankid_order_id    uuid,
  order_ref          text,
  signature          text,
  ocsp_response      text,
  user_visible_data  text,
  content_sha256     text        CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  -- Omprövning (FL 37–39 §§): the new decision, and whether it changed the decision as the resident asked (then the
  -- appeal lapses, FL 39 §) or only in part (then the appeal covers the new decision and still goes on).
  omprovning_decision_id uuid    REFERENCES decision (id),
  omprovning_as_requested boolean,
  omprovning_by      uuid        REFERENCES staff_member (id),
  omprovning_at      timestamptz,
  -- Forwarded to förvaltningsrätten: when, by whom, the court adapter's reference and the bundle's fingerprint.
  forwarded_at       timestamptz,
  forwarded_by       uuid        REFERENCES staff_member (id),
  court_reference    text,
  bundle_sha256      text        CHECK (bundle_sha256 ~ '^[0-9a-f]{64}$'),
  bundle_pages       integer,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK (status = 'draft' OR (received_at IS NOT NULL AND late IS NOT NULL AND signature IS NOT NULL
         AND content_sha256 IS NOT NULL)),
  CHECK (status <> 'lapsed' OR (omprovning_decision_id IS NOT NULL AND omprovning_as_requested)),
  CHECK (status <> 'forwarded' OR (forwarded_at IS NOT NULL AND bundle_sha256 IS NOT NULL)),
  CHECK ((omprovning_decision_id IS NULL) = (omprovning_at IS NULL))
);
-- One appeal in writing at a time per person and decision.
CREATE UNIQUE INDEX overklagande_one_draft ON overklagande (decision_id, person_id) WHERE status = 'draft';
CREATE INDEX overklagande_tenant_status ON overklagande (tenant_id, status, received_at);
CREATE INDEX overklagande_person ON overklagande (person_id, created_at);

-- Documents the resident attaches to the appeal; the files live in ATTACHMENT_DIR under a random name.
CREATE TABLE overklagande_attachment (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  overklagande_id  uuid        NOT NULL REFERENCES overklagande (id),
  tenant_id        text        NOT NULL REFERENCES tenant (id),
  file_name        text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type       text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes       bigint      NOT NULL CHECK (size_bytes > 0),
  sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key      text        NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL,
  removed_at       timestamptz
);
CREATE INDEX overklagande_attachment_appeal ON overklagande_attachment (overklagande_id, created_at);
