-- Decision letters (FL 33 §): the PDF the household reads on Mina sidor and receives in its digital mailbox.
-- A letter can exist only for decisions with valid delegation: each decision it carries is referenced through
-- (decision_id, delegation_valid) with delegation_valid fixed to true, so the database itself refuses a letter for a
-- decision taken without delegation ("saknar laga verkan ... ska inte verkställas", Flen's delegationsordning).
CREATE TABLE decision_letter (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        text        NOT NULL REFERENCES tenant (id),
  application_id   uuid        NOT NULL REFERENCES application (id),
  decision_set     uuid        NOT NULL UNIQUE,
  -- The household member(s) the letter is for; Mina sidor shows it to them.
  recipient_ids    uuid[]      NOT NULL CHECK (cardinality(recipient_ids) >= 1),
  pdf              bytea       NOT NULL,
  sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- Hand-over to the digital mailbox (Kivra/Min myndighetspost-style adapter; a file outbox in demo mode).
  mailbox_status   text        NOT NULL DEFAULT 'pending' CHECK (mailbox_status IN ('pending', 'delivered', 'failed')),
  mailbox_reference text,
  mailbox_attempts integer     NOT NULL DEFAULT 0,
  mailbox_at       timestamptz
);
CREATE INDEX decision_letter_application ON decision_letter (application_id, created_at);
CREATE INDEX decision_letter_mailbox_pending ON decision_letter (created_at) WHERE mailbox_status <> 'delivered';

CREATE TABLE decision_letter_decision (
  letter_id        uuid    NOT NULL REFERENCES decision_letter (id),
  decision_id      uuid    NOT NULL,
  delegation_valid boolean NOT NULL DEFAULT true CHECK (delegation_valid),
  PRIMARY KEY (letter_id, decision_id),
  FOREIGN KEY (decision_id, delegation_valid) REFERENCES decision (id, delegation_valid)
);

-- Every letter carries at least one decision (checked at commit, when the letter's decisions have been linked).
CREATE FUNCTION decision_letter_has_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM decision_letter_decision WHERE letter_id = NEW.id) THEN
    RAISE EXCEPTION 'a decision letter must carry at least one decision with valid delegation'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER decision_letter_needs_decision AFTER INSERT ON decision_letter
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION decision_letter_has_decision();

-- The PDF and what it carries never change once written; only the mailbox hand-over columns move.
CREATE FUNCTION decision_letter_content_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.decision_set IS DISTINCT FROM OLD.decision_set
     OR NEW.recipient_ids IS DISTINCT FROM OLD.recipient_ids OR NEW.application_id IS DISTINCT FROM OLD.application_id
     OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.sha256 IS DISTINCT FROM OLD.sha256 THEN
    RAISE EXCEPTION 'a decision letter''s content cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER decision_letter_fixed BEFORE UPDATE ON decision_letter
  FOR EACH ROW EXECUTE FUNCTION decision_letter_content_fixed();
CREATE TRIGGER decision_letter_no_delete BEFORE DELETE ON decision_letter
  FOR EACH ROW EXECUTE FUNCTION decision_immutable();
CREATE TRIGGER decision_letter_decision_no_change BEFORE UPDATE OR DELETE ON decision_letter_decision
  FOR EACH ROW EXECUTE FUNCTION decision_immutable();
