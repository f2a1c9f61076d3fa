-- The kinds of entry a case's history can hold, listed once. Residents read the history on Mina sidor in their own
-- language, so every kind needs its words in every language the pages offer; the test that holds the pages' texts to
-- this list reads it from here. A room that writes a new kind of entry adds it to this list in its own migration.
ALTER TABLE application_event ADD CONSTRAINT application_event_type_known CHECK (type IN (
  -- the e-tjänst
  'draft_created', 'registered', 'signed_by_applicant', 'cosignature_requested', 'cosignature_reminder',
  'cosignature_expired', 'cosignature_declined', 'signed_by_co_applicant', 'submitted', 'withdrawn',
  'komplettering_requested', 'komplettering_answered', 'review_resumed', 'under_review',
  -- the robot
  'robot_proposal', 'robot_manual_review', 'robot_waiting_for_rules', 'robot_rules_arrived', 'decided',
  -- casework
  'claimed', 'reassigned', 'unassigned', 'access_granted', 'warning_acknowledged', 'line_adjusted',
  'message_from_staff', 'approved', 'rejected', 'closed', 'aterkrav_decided', 'eftergift_decided',
  -- payment
  'paid', 'payment_failed'));
