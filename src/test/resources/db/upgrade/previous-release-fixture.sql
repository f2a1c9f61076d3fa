-- A municipality's database as the previous release left it (schema V1-V90, before familjerätt's V120): a tenant,
-- residents (one with skyddad folkbokföring), a handläggare, a decided application with its household and history,
-- and the access log. MigrationUpgradeTest upgrades it to this release and checks that every row is still there.
INSERT INTO tenant (id, name, kommunkod, organisationsnummer, contact_email, contact_phone, postal_address, namnd,
                    created_at)
VALUES ('uppgradering', 'Uppgraderingsby kommun', '0999', '212000-9999', 'socialtjansten@uppgraderingsby.example',
        '0999-12 34 56', 'Box 1, 999 99 Uppgraderingsby', 'Socialnämnden', '2026-01-02T08:00:00Z');

INSERT INTO person (id, personnummer, given_name, surname, protection, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', '191212121212', 'Tolvan', 'Tolvansson', 'none',
   '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'),
  ('00000000-0000-4000-8000-000000000002', '198001019804', 'Testa', 'Testsson', 'none',
   '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'),
  ('00000000-0000-4000-8000-000000000003', '198503159827', 'Signe', 'Skyddad', 'skyddad_folkbokforing',
   '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z');

INSERT INTO staff_member (id, tenant_id, subject, name, email, roles, first_login_at, last_login_at)
VALUES ('00000000-0000-4000-8000-0000000000a1', 'uppgradering', 'anna.handlaggare', 'Anna Handläggarsson',
        'anna@uppgraderingsby.example', ARRAY['handlaggare'], '2026-02-01T07:00:00Z', '2026-03-20T07:00:00Z');

INSERT INTO application (id, tenant_id, month, kind, channel, status, applicant_id, co_applicant_id, version, content,
                         submitted_at, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-0000000000b1', 'uppgradering', '2026-03-01', 'new', 'digital', 'decided',
        '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 1,
        '{"household": {"together": "yes", "relation": "sambo"}, "housing": {"type": "rental", "rent": 7800}}',
        '2026-03-03T10:00:00Z', '2026-03-03T09:30:00Z', '2026-03-05T14:00:00Z'),
       ('00000000-0000-4000-8000-0000000000b2', 'uppgradering', '2026-03-01', 'new', 'digital', 'submitted',
        '00000000-0000-4000-8000-000000000003', NULL, 1,
        '{"household": {"together": "no"}, "housing": {"type": "rental", "rent": 6100}}',
        '2026-03-04T10:00:00Z', '2026-03-04T09:30:00Z', '2026-03-04T10:00:00Z');

INSERT INTO application_household_month (tenant_id, person_id, month, application_id) VALUES
  ('uppgradering', '00000000-0000-4000-8000-000000000001', '2026-03-01', '00000000-0000-4000-8000-0000000000b1'),
  ('uppgradering', '00000000-0000-4000-8000-000000000002', '2026-03-01', '00000000-0000-4000-8000-0000000000b1'),
  ('uppgradering', '00000000-0000-4000-8000-000000000003', '2026-03-01', '00000000-0000-4000-8000-0000000000b2');

INSERT INTO application_event (application_id, tenant_id, at, type, status, actor_kind, actor_person_id,
                               actor_staff_id, data) VALUES
  ('00000000-0000-4000-8000-0000000000b1', 'uppgradering', '2026-03-03T10:00:00Z', 'submitted', 'submitted',
   'resident', '00000000-0000-4000-8000-000000000001', NULL, '{}'),
  ('00000000-0000-4000-8000-0000000000b1', 'uppgradering', '2026-03-05T14:00:00Z', 'decided', 'decided',
   'staff', NULL, '00000000-0000-4000-8000-0000000000a1', '{"outcome": "bifall"}'),
  ('00000000-0000-4000-8000-0000000000b2', 'uppgradering', '2026-03-04T10:00:00Z', 'submitted', 'submitted',
   'resident', '00000000-0000-4000-8000-000000000003', NULL, '{}');

INSERT INTO audit_event (at, tenant_id, actor_kind, actor_staff_id, actor_person_id, action, person_id, case_id,
                         request_id, detail) VALUES
  ('2026-03-05T13:55:00Z', 'uppgradering', 'staff', '00000000-0000-4000-8000-0000000000a1', NULL, 'case.read',
   '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000b1', 'req-1', '{}'),
  ('2026-03-06T08:00:00Z', 'uppgradering', 'resident', NULL, '00000000-0000-4000-8000-000000000001', 'case.read',
   '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000b1', 'req-2', '{}');
