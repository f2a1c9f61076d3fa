-- The people a resident's session has named as co-applicant. Naming someone answers only with what the resident
-- typed, but each naming still touches the person register, so one session may name only a few different people:
-- the co-applicant field must not become a way to test personnummer. Shared by every server instance. A session is
-- the resident and the moment it began (user_session.created_at).
CREATE TABLE co_applicant_naming (
  resident_id        uuid        NOT NULL REFERENCES person (id),
  session_started_at timestamptz NOT NULL,
  named_person_id    uuid        NOT NULL REFERENCES person (id),
  named_at           timestamptz NOT NULL,
  PRIMARY KEY (resident_id, session_started_at, named_person_id)
);
