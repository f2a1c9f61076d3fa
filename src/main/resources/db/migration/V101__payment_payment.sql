-- From decision to payment. Each granted decision part becomes a payment per the municipality's payment calendar
-- (robots/tenants/<id>/payment-calendar-*.json); a second person with the attestant role attests it; at each cut-off
-- the attested payments of a debtor account go out in one ISO 20022 pain.001.001.03 file (a batch); the bank's
-- pain.002 and camt.054 files say whether each was rejected or booked.

-- How much one attestant may attest per payment (kronor). No row: the person cannot attest.
CREATE TABLE attest_limit (
  tenant_id     text          NOT NULL REFERENCES tenant (id),
  -- The staff member's subject at the identity provider: a limit can be set before their first login.
  staff_subject text          NOT NULL CHECK (length(staff_subject) BETWEEN 1 AND 200),
  max_amount    numeric(12, 2) NOT NULL CHECK (max_amount >= 0),
  set_by        uuid          REFERENCES staff_member (id),
  set_at        timestamptz   NOT NULL,
  PRIMARY KEY (tenant_id, staff_subject)
);

-- One pain.001 file: the payments of one debtor account attested by one cut-off (no payments, no batch). The state machine makes the file
-- exactly once across crashes: assembled (payments bound to the batch, committed) → written (file on disk, fsynced,
-- schema-valid, its SHA-256 committed) → delivered (in the outbox under its own name) → accepted / rejected (the
-- bank's pain.002). The file is regenerated from these rows alone, so a rewrite is byte for byte the same file.
CREATE TABLE payment_batch (
  id                 uuid          PRIMARY KEY,
  tenant_id          text          NOT NULL REFERENCES tenant (id),
  debtor_account_id  text          NOT NULL,
  cutoff_at          timestamptz   NOT NULL,
  -- The banking day the cut-off is for: the earliest execution date in the file.
  execution_date     date          NOT NULL,
  state              text          NOT NULL CHECK (state IN ('assembled', 'written', 'delivered', 'accepted',
                                     'rejected', 'invalid')),
  msg_id             text          NOT NULL UNIQUE CHECK (length(msg_id) BETWEEN 1 AND 35),
  -- GrpHdr/CreDtTm, fixed when the batch is assembled.
  created_at         timestamptz   NOT NULL,
  -- The municipality's side as the calendar said at assembly (name, organisation number, account, bank, bookkeeping).
  debtor             jsonb         NOT NULL,
  nb_of_txs          integer       NOT NULL DEFAULT 0 CHECK (nb_of_txs >= 0),
  ctrl_sum           numeric(16, 2) NOT NULL DEFAULT 0 CHECK (ctrl_sum >= 0),
  file_name          text          NOT NULL CHECK (file_name ~ '^[A-Za-z0-9._-]+$'),
  file_sha256        text          CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  ledger_file_name   text,
  written_at         timestamptz,
  delivered_at       timestamptz,
  delivery_reference text,
  bank_status        text,
  bank_status_at     timestamptz,
  -- One server works on a batch at a time (files are written outside the database).
  lease_until        timestamptz,
  attempts           integer       NOT NULL DEFAULT 0,
  last_error         text,
  UNIQUE (tenant_id, debtor_account_id, cutoff_at),
  CHECK (state NOT IN ('written', 'delivered', 'accepted', 'rejected') OR file_sha256 IS NOT NULL)
);
CREATE INDEX payment_batch_open ON payment_batch (state) WHERE state IN ('assembled', 'written');

CREATE TABLE payment (
  -- Also the EndToEndId in the file (32 hex digits): the bank's feedback names the payment by it.
  id                  uuid          PRIMARY KEY,
  tenant_id           text          NOT NULL REFERENCES tenant (id),
  application_id      uuid          NOT NULL REFERENCES application (id),
  -- Only a decision with valid delegation can be paid (decision.delegation_valid, V61).
  decision_id         uuid          NOT NULL,
  delegation_valid    boolean       NOT NULL DEFAULT true CHECK (delegation_valid),
  decision_type       text          NOT NULL,
  payee_id            uuid          NOT NULL REFERENCES person (id),
  amount              numeric(12, 2) NOT NULL CHECK (amount > 0),
  -- The calendar's date when the payment was planned, and the date requested from the bank (later if the cut-off
  -- passed before the attest).
  planned_date        date          NOT NULL,
  execution_date      date          NOT NULL,
  debtor_account_id   text          NOT NULL,
  remittance          text          NOT NULL CHECK (length(remittance) BETWEEN 1 AND 140),
  -- in_batch: bound to a payment file; whether the file has reached the bank is the batch's state (payment_state).
  status              text          NOT NULL CHECK (status IN ('awaiting_attest', 'attested', 'in_batch', 'paid',
                                      'failed', 'manual', 'cancelled')),
  -- Who decided and who prepared the case (owner, adjustments, paper registration): none of them may attest.
  decided_by          uuid          REFERENCES staff_member (id),
  prepared_by         uuid[]        NOT NULL DEFAULT '{}',
  -- A payment made again after the bank rejected this one's predecessor.
  replaces_id         uuid          REFERENCES payment (id),
  -- The staff check of a recently changed account (which account was checked).
  account_checked_id  uuid          REFERENCES payout_account (id),
  account_checked_by  uuid          REFERENCES staff_member (id),
  account_checked_at  timestamptz,
  -- The attest, and the account it was attested to; the file is written from these columns.
  attested_by         uuid          REFERENCES staff_member (id),
  attested_at         timestamptz,
  account_id          uuid          REFERENCES payout_account (id),
  creditor_name       text,
  creditor_kind       text          CHECK (creditor_kind IN ('bank', 'bankgiro', 'plusgiro')),
  creditor_clearing   text,
  creditor_number     text,
  batch_id            uuid          REFERENCES payment_batch (id),
  paid_on             date,
  failure_code        text,
  failure_text        text,
  failed_at           timestamptz,
  manual_method       text,
  manual_note         text,
  manual_by           uuid          REFERENCES staff_member (id),
  manual_at           timestamptz,
  created_at          timestamptz   NOT NULL,
  updated_at          timestamptz   NOT NULL,
  FOREIGN KEY (decision_id, delegation_valid) REFERENCES decision (id, delegation_valid),
  CHECK (attested_by IS NULL OR (attested_by IS DISTINCT FROM decided_by AND NOT (attested_by = ANY (prepared_by)))),
  CHECK (status NOT IN ('attested', 'in_batch', 'paid') OR manual_at IS NOT NULL
         OR (attested_by IS NOT NULL AND creditor_number IS NOT NULL AND creditor_name IS NOT NULL)),
  CHECK ((batch_id IS NULL) = (status IN ('awaiting_attest', 'attested', 'manual', 'cancelled')) OR status = 'failed'),
  CHECK (status <> 'paid' OR paid_on IS NOT NULL)
);
-- Planning is idempotent: one payment per decision part and calendar date.
CREATE UNIQUE INDEX payment_planned_once ON payment (decision_id, planned_date) WHERE replaces_id IS NULL;
-- Never two live payments for one decision part: a new one only replaces a failed one, and only once.
CREATE UNIQUE INDEX payment_one_live ON payment (decision_id) WHERE status NOT IN ('failed', 'cancelled');
CREATE UNIQUE INDEX payment_replaces_once ON payment (replaces_id) WHERE replaces_id IS NOT NULL;
-- Few indexes on purpose: a cut-off moves every attested payment into its batch in one statement, and each index is
-- written again for each row (50 000 payments: docs/payments.md, "Benchmark").
CREATE INDEX payment_open ON payment (tenant_id, status) WHERE status IN ('awaiting_attest', 'attested');
CREATE INDEX payment_batch_order ON payment (batch_id, execution_date, id) WHERE batch_id IS NOT NULL;
CREATE INDEX payment_application ON payment (application_id);

-- A payment as people see it: in_batch is "sent" once its file has reached the bank. Mina sidor, the case page and
-- the list of ej verkställda beslut read this.
CREATE VIEW payment_state AS
  SELECT p.*, CASE WHEN p.status = 'in_batch' AND b.state IN ('delivered', 'accepted') THEN 'sent' ELSE p.status END
    AS state
  FROM payment p LEFT JOIN payment_batch b ON b.id = p.batch_id;

-- Something a person must act on: a rejected payment (the handläggare), a rejected or unreadable bank file (the
-- administrator). The message is plain Swedish and never carries a personnummer or an account number.
CREATE TABLE payment_alert (
  id              uuid        PRIMARY KEY,
  -- Null for an installation-wide problem (a feedback file nobody's batch matches).
  tenant_id       text        REFERENCES tenant (id),
  audience        text        NOT NULL CHECK (audience IN ('handlaggare', 'admin')),
  kind            text        NOT NULL CHECK (kind ~ '^[a-z_]+$'),
  application_id  uuid        REFERENCES application (id),
  payment_id      uuid        REFERENCES payment (id),
  batch_id        uuid        REFERENCES payment_batch (id),
  -- The case's handläggare when the alert was raised (null: anyone in the case roles).
  staff_id        uuid        REFERENCES staff_member (id),
  message         text        NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
  created_at      timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid        REFERENCES staff_member (id)
);
CREATE INDEX payment_alert_open ON payment_alert (tenant_id, audience, created_at) WHERE acknowledged_at IS NULL;

-- Every bank file read from the inbox: the same file twice changes nothing the second time.
CREATE TABLE payment_feedback_file (
  sha256       text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name    text        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('pain.002', 'camt.054')),
  message_id   text        NOT NULL,
  imported_at  timestamptz NOT NULL,
  result       jsonb       NOT NULL
);
