-- Every time the rule book (robots/) is read — at startup, when its files change, or when an admin asks — and what
-- came of it: the files and versions now in force, or why the new files were refused (the old book then stays in
-- force). Installation-wide, not per tenant; append-only like the audit log, so the record of which rules were in
-- force when cannot be rewritten.
CREATE TABLE rule_book_load (
  id             bigserial   PRIMARY KEY,
  at             timestamptz NOT NULL,
  -- The server that read the files (each server reads its own robots/ folder).
  instance       text        NOT NULL,
  trigger        text        NOT NULL CHECK (trigger IN ('startup', 'file_change', 'admin')),
  -- The admin who asked (staff_member.id); no foreign key, since staff_member belongs to a later migration.
  actor_staff_id uuid,
  outcome        text        NOT NULL CHECK (outcome IN ('loaded', 'refused')),
  location       text        NOT NULL,
  -- loaded: [{file, kind, tenant, version, effectiveFrom, effectiveTo}] now in force.
  files          jsonb       NOT NULL DEFAULT '[]'::jsonb,
  -- refused: [{file, pointer, problem}], the same lines startup would print.
  problems       jsonb       NOT NULL DEFAULT '[]'::jsonb,
  CHECK (trigger <> 'admin' OR actor_staff_id IS NOT NULL),
  CHECK ((outcome = 'refused') = (jsonb_array_length(problems) > 0))
);
CREATE INDEX rule_book_load_at ON rule_book_load (at);

CREATE FUNCTION rule_book_load_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rule_book_load is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER rule_book_load_no_update_or_delete BEFORE UPDATE OR DELETE ON rule_book_load
  FOR EACH ROW EXECUTE FUNCTION rule_book_load_append_only();
CREATE TRIGGER rule_book_load_no_truncate BEFORE TRUNCATE ON rule_book_load
  FOR EACH STATEMENT EXECUTE FUNCTION rule_book_load_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON rule_book_load FROM PUBLIC;
