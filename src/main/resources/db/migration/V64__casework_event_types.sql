-- Casework writes three more kinds of history entry: the norm calculated by a handläggare for a case the robot left
-- to manual review (calculated), a part of a decision referred to another delegation level (referred), and a referred
-- part decided while others are still open (referral_decided). The list is the one V28 keeps, with these added.
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
  'paid', 'payment_failed'));
