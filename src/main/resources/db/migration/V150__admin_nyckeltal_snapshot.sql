-- The nämnd's nyckeltal, one stored snapshot per municipality and month, made once the month has ended (by the job on
-- the clock or an administrator's request). A month's figures are read from here, never computed again, so a figure
-- reported to the nämnd stays the same however the records behind it change later. Rows are never changed or removed.
CREATE TABLE nyckeltal_snapshot (
  tenant_id          text        NOT NULL REFERENCES tenant (id),
  month              date        NOT NULL CHECK (extract(day FROM month) = 1),
  figures            jsonb       NOT NULL,
  -- The definitions the figures were computed by (docs/admin.md), e.g. nyckeltal-1.
  definition_version text        NOT NULL CHECK (definition_version ~ '^nyckeltal-[0-9]+$'),
  computed_at        timestamptz NOT NULL,
  computed_by        text        NOT NULL CHECK (computed_by IN ('job', 'staff')),
  computed_by_staff  uuid        REFERENCES staff_member (id),
  PRIMARY KEY (tenant_id, month),
  CHECK ((computed_by = 'staff') = (computed_by_staff IS NOT NULL))
);

CREATE FUNCTION nyckeltal_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'nyckeltal snapshots cannot be changed or removed: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER nyckeltal_snapshot_no_update_or_delete BEFORE UPDATE OR DELETE ON nyckeltal_snapshot
  FOR EACH ROW EXECUTE FUNCTION nyckeltal_snapshot_immutable();
