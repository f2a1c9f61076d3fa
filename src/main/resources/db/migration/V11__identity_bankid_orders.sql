-- BankID orders started by this installation (login and signing), shared by every server instance.
-- An order is bound to the browser that started it: the browser holds a random binding token in a cookie and this
-- table holds its SHA-256, so a second browser that learns the order id can neither poll it nor take it over.
CREATE TABLE bankid_order (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         text        NOT NULL REFERENCES tenant (id),
  purpose           text        NOT NULL CHECK (purpose IN ('login', 'sign')),
  -- For signing: what is signed (e.g. 'application:<uuid>'); the signing room interprets it.
  subject           text,
  -- For signing: only this person may complete the order (BankID enforces it with requirement.personalNumber).
  expected_person_id uuid       REFERENCES person (id),
  binding_hash      bytea       NOT NULL,
  -- How the resident uses BankID: 'qr' (another device) or 'same_device'; chooses the RFA texts.
  flow              text        NOT NULL CHECK (flow IN ('qr', 'same_device_computer', 'same_device_mobile')),
  order_ref         text        NOT NULL UNIQUE,
  auto_start_token  text        NOT NULL,
  qr_start_token    text        NOT NULL,
  -- Needed to draw every QR frame on whichever instance the browser reaches; erased when the order ends.
  qr_start_secret   text,
  user_visible_data text,
  started_at        timestamptz NOT NULL,
  status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'complete', 'failed', 'cancelled')),
  hint_code         text,
  -- At most one collect per order every two seconds across all instances (claimed with a conditional UPDATE).
  last_collected_at timestamptz,
  completed_at      timestamptz,
  person_id         uuid        REFERENCES person (id),
  -- completionData for signatures: kept as evidence (signature, ocspResponse); never logged.
  completion        jsonb,
  -- Set once when the result has been used (session created / signature stored), so it is used exactly once.
  consumed_at       timestamptz
);
CREATE INDEX bankid_order_pending ON bankid_order (started_at) WHERE status = 'pending';
