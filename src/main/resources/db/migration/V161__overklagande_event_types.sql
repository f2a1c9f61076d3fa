-- Omprövning of an appealed decision writes its own kind of entry in the case's history ('omprovning_decided'), so the
-- list of kinds (V28, as V64 left it) is replaced by the same list with it added. Residents read it on Mina sidor like every other
-- entry, with its words in every language of the case page.
ALTER TABLE application_event DROP CONSTRAINT application_event_type_known;
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
  'calculated', 'referred', 'referral_decided',
  -- payment
  'paid', 'payment_failed',
  -- överklagande
  'omprovning_decided'));
