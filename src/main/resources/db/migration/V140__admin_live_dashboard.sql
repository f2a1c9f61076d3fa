-- The live admin dashboard: every committed change to the tables its figures read tells the servers which
-- municipality's figures changed (NOTIFY dashboard, payload the tenant id). A statement-level trigger sends one
-- notification per tenant and statement (PostgreSQL folds repeats within a transaction), so a payment cut-off that
-- moves thousands of rows costs one notification, not thousands. Notifications are sent at commit only: a rolled-back
-- change tells nobody.
CREATE FUNCTION dashboard_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dashboard', tenant_id) FROM (SELECT DISTINCT tenant_id FROM changed) AS tenants;
  RETURN NULL;
END;
$$;

-- Transition tables allow one event per trigger: an insert trigger and an update trigger per table.
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['application', 'robot_job', 'beslutsforslag', 'decision', 'komplettering_request',
                                 'payment', 'fr_booking', 'fr_appointment'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed '
      || 'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify()', watched || '_dashboard_insert', watched);
    IF watched <> 'decision' THEN -- decisions are never updated (V61)
      EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed '
        || 'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify()', watched || '_dashboard_update', watched);
    END IF;
  END LOOP;
END;
$$;

-- What the figures' queries need to stay cheap enough to run every second: each reads one tenant's recent rows.
CREATE INDEX application_tenant_submitted ON application (tenant_id, submitted_at) WHERE submitted_at IS NOT NULL;
CREATE INDEX application_tenant_drafts ON application (tenant_id, updated_at) WHERE status = 'draft';
CREATE INDEX robot_job_tenant_open ON robot_job (tenant_id, status) WHERE status <> 'done';
CREATE INDEX robot_job_tenant_finished ON robot_job (tenant_id, finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX payment_tenant_updated ON payment (tenant_id, updated_at);
CREATE INDEX komplettering_request_tenant_open ON komplettering_request (tenant_id) WHERE status = 'open';
CREATE INDEX fr_booking_tenant_created ON fr_booking (tenant_id, created_at);
