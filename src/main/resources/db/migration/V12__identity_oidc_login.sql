-- An authorization request in flight: state (hashed) → PKCE verifier and nonce. The state is also in a cookie of the
-- browser that started the login, so a callback from another browser (login CSRF) is refused.
CREATE TABLE oidc_login_attempt (
  state_hash    bytea       PRIMARY KEY,
  code_verifier text        NOT NULL,
  nonce         text        NOT NULL,
  return_to     text        NOT NULL,
  created_at    timestamptz NOT NULL,
  used_at       timestamptz
);
