-- The resident's payout account: where granted försörjningsstöd is paid. Registered or changed on Mina sidor and
-- confirmed with the resident's own BankID signature; the evidence is kept with the account. Staff never read the
-- whole number (masked), only that an account exists, its bank and when it changed.

-- What the resident typed, waiting for the BankID signature that confirms it (subject payout-account:<id>).
CREATE TABLE payout_account_request (
  id           uuid        PRIMARY KEY,
  tenant_id    text        NOT NULL REFERENCES tenant (id),
  person_id    uuid        NOT NULL REFERENCES person (id),
  kind         text        NOT NULL CHECK (kind IN ('bank', 'bankgiro', 'plusgiro')),
  clearing     text        CHECK (clearing ~ '^[0-9]{4,5}$'),
  number       text        NOT NULL CHECK (number ~ '^[0-9]{2,12}$'),
  bank_name    text        NOT NULL,
  masked       text        NOT NULL,
  created_at   timestamptz NOT NULL,
  completed_at timestamptz,
  CHECK ((kind = 'bank') = (clearing IS NOT NULL))
);
CREATE INDEX payout_account_request_person ON payout_account_request (person_id, created_at);

CREATE TABLE payout_account (
  id             uuid        PRIMARY KEY,
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  person_id      uuid        NOT NULL REFERENCES person (id),
  kind           text        NOT NULL CHECK (kind IN ('bank', 'bankgiro', 'plusgiro')),
  clearing       text        CHECK (clearing ~ '^[0-9]{4,5}$'),
  number         text        NOT NULL CHECK (number ~ '^[0-9]{2,12}$'),
  bank_name      text        NOT NULL,
  masked         text        NOT NULL,
  request_id     uuid        NOT NULL UNIQUE REFERENCES payout_account_request (id),
  -- The BankID signature (XML signature, OCSP response, orderRef) and the text the resident saw and signed.
  order_id       uuid        NOT NULL,
  order_ref      text        NOT NULL,
  signature      text        NOT NULL,
  ocsp_response  text        NOT NULL,
  signed_text    text        NOT NULL,
  registered_at  timestamptz NOT NULL,
  -- The account this one replaced: a change shortly before a payout holds the payment for a staff check.
  replaces_id    uuid        REFERENCES payout_account (id),
  superseded_at  timestamptz,
  CHECK ((kind = 'bank') = (clearing IS NOT NULL))
);
-- One account in use per resident and municipality.
CREATE UNIQUE INDEX payout_account_current ON payout_account (tenant_id, person_id) WHERE superseded_at IS NULL;
