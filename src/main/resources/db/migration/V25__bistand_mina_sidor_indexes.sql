-- Mina sidor lists every month a household has applied for and asks three things of each: its open komplettering
-- requests, the staff's unread messages, and the robot's latest event (does the calculation wait for rules?). Most
-- months have none of the first two, and the robot's events are a few among the case's history; these indexes hold
-- only those rows, so each question is one probe of a small index instead of a walk through the case's rows.
CREATE INDEX komplettering_request_open ON komplettering_request (application_id) WHERE status = 'open';
CREATE INDEX case_message_unread_from_staff ON case_message (application_id)
  WHERE author_kind = 'staff' AND read_at IS NULL;
CREATE INDEX application_event_robot ON application_event (application_id, id) WHERE actor_kind = 'robot';
