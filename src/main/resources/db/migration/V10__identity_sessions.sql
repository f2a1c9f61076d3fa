-- Staff members as they log in through the municipality's OpenID Connect provider. Roles and tenant come from the
-- token at every login (the IdP is the source of truth); this row lets decisions, assignments and the audit log
-- name a person.
CREATE TABLE staff_member (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     text        NOT NULL REFERENCES tenant (id),
  subject       text        NOT NULL,
  name          text        NOT NULL,
  email         text,
  roles         text[]      NOT NULL,
  first_login_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, subject)
);

-- Logged-in sessions for residents (BankID) and staff (OIDC), shared by every server instance.
-- Only the SHA-256 of the session token is stored: reading this table does not let anyone act as a user.
CREATE TABLE user_session (
  token_hash    bytea       PRIMARY KEY,
  kind          text        NOT NULL CHECK (kind IN ('resident', 'staff')),
  tenant_id     text        NOT NULL REFERENCES tenant (id),
  person_id     uuid        REFERENCES person (id),
  staff_id      uuid        REFERENCES staff_member (id),
  display_name  text        NOT NULL,
  roles         text[]      NOT NULL DEFAULT '{}',
  csrf_token    text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  end_reason    text CHECK (end_reason IN ('logout', 'idle', 'expired', 'replaced')),
  CHECK ((kind = 'resident' AND person_id IS NOT NULL) OR (kind = 'staff' AND staff_id IS NOT NULL))
);
CREATE INDEX user_session_person ON user_session (person_id) WHERE ended_at IS NULL;
CREATE INDEX user_session_expires ON user_session (expires_at) WHERE ended_at IS NULL;
