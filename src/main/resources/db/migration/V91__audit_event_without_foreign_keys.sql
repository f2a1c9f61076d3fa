-- The audit log names tenants, staff and people by id but no longer has foreign keys to them, as it never had one to
-- the case. A foreign key made every inserted row check its tenant, staff member and person with SELECT … FOR KEY
-- SHARE: a queue page of 65 people ran 195 such checks, and since every row of every page names the same tenant and
-- staff row, concurrent pages locked the same rows (multixacts), which cost more than writing the rows themselves.
-- An append-only log must also neither block nor be blocked by the lifecycle of what it names: a person's or staff
-- member's row can be removed (gallring) while the record of who read it stays. The writers take the ids from the
-- rows they have just read; the CHECKs (who acted) and the append-only triggers stay.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_tenant_id_fkey;
ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_staff_id_fkey;
ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_person_id_fkey;
ALTER TABLE audit_event DROP CONSTRAINT audit_event_person_id_fkey;
