-- The print queue: letters that go by post (mailbox_status 'print') are collected into one PDF per batch (an address
-- sheet before each copy of a letter), printed and posted by the municipality's staff. A letter is in at most one
-- batch (the primary key of print_batch_letter), so running the day's batch again adds nothing twice. Postal
-- addresses are not stored here: only inside the batch's PDF, which is personal data (its download is audit-logged).
CREATE TABLE print_batch (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     text        NOT NULL REFERENCES tenant (id),
  -- The day the batch is for (Europe/Stockholm).
  batch_date    date        NOT NULL,
  created_at    timestamptz NOT NULL,
  -- NULL when the daily job made it.
  created_by    uuid        REFERENCES staff_member (id),
  letter_count  integer     NOT NULL CHECK (letter_count >= 1),
  copy_count    integer     NOT NULL CHECK (copy_count >= letter_count),
  page_count    integer     NOT NULL CHECK (page_count >= 2 * copy_count),
  pdf           bytea       NOT NULL,
  sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  status        text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'printed', 'sent')),
  printed_at    timestamptz,
  printed_by    uuid        REFERENCES staff_member (id),
  sent_at       timestamptz,
  sent_by       uuid        REFERENCES staff_member (id),
  CHECK ((status = 'queued') = (printed_at IS NULL)),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX print_batch_tenant ON print_batch (tenant_id, created_at);

CREATE TABLE print_batch_letter (
  letter_id     uuid        PRIMARY KEY REFERENCES decision_letter (id),
  batch_id      uuid        NOT NULL REFERENCES print_batch (id),
  -- Where the letter's first address sheet is in the batch (1-based), and how many copies (one per recipient).
  position      integer     NOT NULL CHECK (position >= 1),
  copies        integer     NOT NULL CHECK (copies >= 1),
  status        text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'printed', 'sent')),
  UNIQUE (batch_id, position)
);

-- The PDF of a batch never changes once written; only its status moves.
CREATE FUNCTION print_batch_content_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.letter_count IS DISTINCT FROM OLD.letter_count THEN
    RAISE EXCEPTION 'a print batch''s content cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER print_batch_fixed BEFORE UPDATE ON print_batch
  FOR EACH ROW EXECUTE FUNCTION print_batch_content_fixed();

-- 'posted': the letter went by post (its print batch was marked sent); mailbox_at says when.
ALTER TABLE decision_letter DROP CONSTRAINT decision_letter_mailbox_status_check;
ALTER TABLE decision_letter ADD CONSTRAINT decision_letter_mailbox_status_check
  CHECK (mailbox_status IN ('pending', 'handed_over', 'delivered', 'failed', 'print', 'posted'));
