-- Delivery is real or not claimed: a letter is 'handed_over' when the mailbox operator has it and 'delivered' only
-- when the operator confirms; 'print' when it must go by post (a paper application, or a recipient the operator
-- cannot reach).
ALTER TABLE decision_letter DROP CONSTRAINT decision_letter_mailbox_status_check;
ALTER TABLE decision_letter ADD CONSTRAINT decision_letter_mailbox_status_check
  CHECK (mailbox_status IN ('pending', 'handed_over', 'delivered', 'failed', 'print'));
DROP INDEX decision_letter_mailbox_pending;
CREATE INDEX decision_letter_mailbox_pending ON decision_letter (created_at)
  WHERE mailbox_status IN ('pending', 'failed', 'handed_over');
