-- The published hours change rarely and are read on every booking request: each server keeps them in memory per
-- tenant and asks only this version (one row, in the same round trip as the busy times) whether its copy still holds.
-- A trigger bumps it on every change of fr_schedule, whoever makes it (the staff's pages, demo data, another server),
-- from one sequence, so a version is never reused, not even after the table is emptied.
CREATE SEQUENCE fr_schedule_change;

CREATE TABLE fr_schedule_version (
  tenant_id text   PRIMARY KEY REFERENCES tenant (id),
  version   bigint NOT NULL
);

CREATE FUNCTION fr_schedule_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE fr_schedule_version SET version = nextval('fr_schedule_change');
  ELSE
    INSERT INTO fr_schedule_version AS current (tenant_id, version)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END, nextval('fr_schedule_change'))
    ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
    IF TG_OP = 'UPDATE' AND OLD.tenant_id <> NEW.tenant_id THEN
      INSERT INTO fr_schedule_version AS current (tenant_id, version) VALUES (OLD.tenant_id, nextval('fr_schedule_change'))
      ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER fr_schedule_changed AFTER INSERT OR UPDATE OR DELETE ON fr_schedule
  FOR EACH ROW EXECUTE FUNCTION fr_schedule_changed();
CREATE TRIGGER fr_schedule_truncated AFTER TRUNCATE ON fr_schedule
  FOR EACH STATEMENT EXECUTE FUNCTION fr_schedule_changed();
