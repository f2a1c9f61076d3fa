-- Decisions (FL 31 §: date, content, who decided; Flen: what / who / when and the delegation it rests on).
-- One row per decision type: approving an application that also asks for livsföring i övrigt records a försörjningsstöd
-- decision and a livsföring i övrigt decision, each checked against its own delegation row. Decisions taken in one act
-- share decision_set and are sent in one letter. Rows are never changed or removed (trigger below).
CREATE TABLE decision (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           text        NOT NULL REFERENCES tenant (id),
  application_id      uuid        NOT NULL REFERENCES application (id),
  application_version integer     NOT NULL,
  proposal_id         uuid        REFERENCES beslutsforslag (id),
  decision_set        uuid        NOT NULL,
  type                text        NOT NULL CHECK (type IN ('forsorjningsstod', 'livsforing_ovrigt', 'skulder',
                        'begravning', 'avslut_utan_atgard', 'aterkrav', 'eftergift')),
  outcome             text        NOT NULL CHECK (outcome IN ('bifall', 'delvis_bifall', 'avslag', 'avslutad', 'beslutat')),
  -- Kronor: granted (bistånd), claimed back (återkrav) or waived (eftergift); 0 on avslag.
  amount              numeric(12, 2) NOT NULL CHECK (amount >= 0),
  -- The amount the delegation check was made on: what the decision is about, granted or not.
  delegation_amount   numeric(12, 2) NOT NULL CHECK (delegation_amount >= 0),
  lines               jsonb       NOT NULL DEFAULT '[]'::jsonb,
  motivering          text        NOT NULL CHECK (length(motivering) BETWEEN 1 AND 8000),
  legal_basis         jsonb       NOT NULL DEFAULT '[]'::jsonb,
  reason_code         text,
  -- Who: a staff member, or the robot under a tenant's automation rule (KL 6 kap. 37 §) with its rule versions.
  decided_by_kind     text        NOT NULL CHECK (decided_by_kind IN ('staff', 'automated')),
  decided_by          uuid        REFERENCES staff_member (id),
  decided_by_name     text        NOT NULL,
  decided_by_title    text        NOT NULL,
  rule_versions       jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- The delegation it rests on: matrix version, row and source paragraph, as the check found them.
  delegation_version  text,
  delegation_row      text,
  delegation_source   text,
  delegation_level    text,
  -- Set true only by the delegation check inside the decision's transaction. Letters and payments can reference a
  -- decision only through (id, delegation_valid = true): see decision_letter_decision.
  delegation_valid    boolean     NOT NULL,
  -- Acting for an absent delegate (staff_absence), or null when deciding on one's own delegation.
  acting_for          uuid        REFERENCES staff_member (id),
  acting_absence_id   uuid        REFERENCES staff_absence (id),
  -- återkrav: the decision whose payment is claimed back (the same delegate level decides); eftergift: the återkrav.
  original_decision_id uuid       REFERENCES decision (id),
  decided_at          timestamptz NOT NULL,
  UNIQUE (id, delegation_valid),
  CHECK (decided_by_kind <> 'staff' OR decided_by IS NOT NULL),
  CHECK (NOT delegation_valid OR (delegation_version IS NOT NULL AND delegation_row IS NOT NULL
         AND delegation_source IS NOT NULL AND delegation_level IS NOT NULL)),
  CHECK ((acting_for IS NULL) = (acting_absence_id IS NULL)),
  CHECK (type NOT IN ('aterkrav', 'eftergift') OR original_decision_id IS NOT NULL)
);
CREATE INDEX decision_application ON decision (application_id, decided_at);
CREATE INDEX decision_tenant_decided ON decision (tenant_id, decided_at);

CREATE FUNCTION decision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'decision rows cannot be changed or removed: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER decision_no_update_or_delete BEFORE UPDATE OR DELETE ON decision
  FOR EACH ROW EXECUTE FUNCTION decision_immutable();

-- A handläggare's change of a calculation line before deciding (reason required). Kept even when the decision is
-- taken on a later version, so the history shows every adjustment.
CREATE TABLE calculation_adjustment (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      text        NOT NULL REFERENCES tenant (id),
  proposal_id    uuid        NOT NULL REFERENCES beslutsforslag (id),
  application_id uuid        NOT NULL REFERENCES application (id),
  -- Which line: section + subject (+ person), or a new need line.
  line_key       text        NOT NULL CHECK (line_key ~ '^[a-z_]+:[A-Za-z0-9_.:-]+$'),
  label          text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  section        text        NOT NULL CHECK (section IN ('riksnorm', 'cost', 'income', 'need')),
  decision_type  text        CHECK (decision_type IN ('livsforing_ovrigt', 'skulder', 'begravning')),
  old_amount     numeric(12, 2),
  new_amount     numeric(12, 2) NOT NULL CHECK (new_amount >= 0),
  reason         text        NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  staff_id       uuid        NOT NULL REFERENCES staff_member (id),
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  withdrawn_at   timestamptz,
  CHECK ((section = 'need') = (decision_type IS NOT NULL))
);
CREATE INDEX calculation_adjustment_proposal ON calculation_adjustment (proposal_id, created_at);

-- Återkrav (9 kap. 1–2 §§ SoL, old numbering) of a paid decision, and eftergift of it (9 kap. 4 §). The claim in court
-- must be made within three years of the payment (9 kap. 3 §): deadline.
CREATE TABLE aterkrav (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id            text        NOT NULL REFERENCES tenant (id),
  application_id       uuid        NOT NULL REFERENCES application (id),
  original_decision_id uuid        NOT NULL REFERENCES decision (id),
  decision_id          uuid        NOT NULL UNIQUE REFERENCES decision (id),
  ground               text        NOT NULL CHECK (ground IN ('9_1', '9_2')),
  amount               numeric(12, 2) NOT NULL CHECK (amount > 0),
  deadline             date        NOT NULL,
  waived_amount        numeric(12, 2) NOT NULL DEFAULT 0 CHECK (waived_amount >= 0 AND waived_amount <= amount),
  created_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX aterkrav_application ON aterkrav (application_id);
