-- Who read or changed whose personal data, when (SoLPuL 10 §: access must be documented and checkable).
-- Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every database role, including the one the
-- application connects as, so not even a bug (or an intruder using the application's credentials) can rewrite history.
CREATE TABLE audit_event (
  id               bigserial   PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT clock_timestamp(),
  tenant_id        text        NOT NULL REFERENCES tenant (id),
  actor_kind       text        NOT NULL CHECK (actor_kind IN ('staff', 'resident', 'robot', 'system')),
  actor_staff_id   uuid        REFERENCES staff_member (id),
  actor_person_id  uuid        REFERENCES person (id),
  action           text        NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  -- Whose data was touched; NULL for actions on no one in particular (e.g. listing a queue).
  person_id        uuid        REFERENCES person (id),
  -- The case (application) concerned, when there is one; no foreign key so the log never blocks a case's lifecycle.
  case_id          uuid,
  request_id       text,
  detail           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  CHECK (actor_kind <> 'staff' OR actor_staff_id IS NOT NULL),
  CHECK (actor_kind <> 'resident' OR actor_person_id IS NOT NULL)
);
CREATE INDEX audit_event_person ON audit_event (person_id, at);
CREATE INDEX audit_event_staff ON audit_event (actor_staff_id, at);
CREATE INDEX audit_event_tenant_at ON audit_event (tenant_id, at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
