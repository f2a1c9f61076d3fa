-- A decision in parts: each part (the month's försörjningsstöd, each one-off need, ...) is checked against the
-- delegation on its own. A part the handläggare may not decide is prepared (beslutsunderlag with a proposed outcome,
-- amount and motivering) and referred to the level the delegationsordning names, which decides it later; the
-- decided parts of the set wait for it, and one letter tells them all.
CREATE TABLE decision_referral (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           text        NOT NULL REFERENCES tenant (id),
  application_id      uuid        NOT NULL REFERENCES application (id),
  application_version integer     NOT NULL,
  proposal_id         uuid        REFERENCES beslutsforslag (id),
  -- The set the parts decided now belong to: the referred part joins it when decided.
  decision_set        uuid        NOT NULL,
  type                text        NOT NULL CHECK (type IN ('forsorjningsstod', 'livsforing_ovrigt', 'skulder',
                        'begravning', 'avslut_utan_atgard', 'aterkrav', 'eftergift')),
  -- The preparer's proposal.
  outcome             text        NOT NULL CHECK (outcome IN ('bifall', 'delvis_bifall', 'avslag')),
  amount              numeric(12, 2) NOT NULL CHECK (amount >= 0),
  delegation_amount   numeric(12, 2) NOT NULL CHECK (delegation_amount >= 0),
  lines               jsonb       NOT NULL DEFAULT '[]'::jsonb,
  motivering          text        NOT NULL CHECK (length(motivering) BETWEEN 1 AND 8000),
  legal_basis         jsonb       NOT NULL DEFAULT '[]'::jsonb,
  reason_code         text,
  note                text        CHECK (length(note) <= 4000),
  -- Where it went: the lowest level that may decide it, as the matrix in force named it.
  referred_to_level   text        NOT NULL,
  referred_to_label   text        NOT NULL,
  delegation_row      text        NOT NULL,
  delegation_source   text        NOT NULL,
  prepared_by         uuid        NOT NULL REFERENCES staff_member (id),
  prepared_by_name    text        NOT NULL,
  prepared_by_title   text        NOT NULL,
  prepared_at         timestamptz NOT NULL,
  decision_id         uuid        REFERENCES decision (id),
  decided_at          timestamptz,
  CHECK ((decision_id IS NULL) = (decided_at IS NULL))
);
-- "Väntar på mitt beslut": the open referrals of a tenant, oldest first.
CREATE INDEX decision_referral_open ON decision_referral (tenant_id, prepared_at) WHERE decision_id IS NULL;
CREATE INDEX decision_referral_application ON decision_referral (application_id);
-- A part is referred at most once at a time.
CREATE UNIQUE INDEX decision_referral_one_open ON decision_referral (application_id, type) WHERE decision_id IS NULL;

-- Who prepared a decision taken on a referral (FL 31 §: the case shows who prepared and who decided).
ALTER TABLE decision ADD COLUMN prepared_by uuid REFERENCES staff_member (id);
ALTER TABLE decision ADD COLUMN prepared_by_name text;
ALTER TABLE decision ADD CONSTRAINT decision_prepared_named CHECK ((prepared_by IS NULL) = (prepared_by_name IS NULL));
