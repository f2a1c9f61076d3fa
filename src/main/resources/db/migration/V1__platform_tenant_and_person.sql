-- Platform base. Every case table created later carries tenant_id REFERENCES tenant(id).

-- A municipality (or a samverkan partner) using this installation. The id is a short readable code used in
-- configuration and robots/ files (robots/tenants/<id>/...), never personal data.
CREATE TABLE tenant (
  id                text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name              text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kommunkod         char(4) CHECK (kommunkod ~ '^[0-9]{4}$'),
  organisationsnummer text CHECK (organisationsnummer ~ '^[0-9]{6}-[0-9]{4}$'),
  contact_email     text,
  contact_phone     text,
  postal_address    text,
  created_at        timestamptz NOT NULL DEFAULT now()
);

-- A natural person known to the system. The personnummer is stored here and nowhere else; everything else refers
-- to person.id, and no URL, log line or file name ever carries the personnummer.
CREATE TABLE person (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  personnummer  text NOT NULL UNIQUE CHECK (personnummer ~ '^(19|20)[0-9]{10}$'),
  given_name    text,
  surname       text,
  -- Skyddad folkbokföring (FOL 16 §) or sekretessmarkering: such persons never take the automated path and their
  -- address is never shown to anyone not explicitly assigned.
  protection    text NOT NULL DEFAULT 'none'
                CHECK (protection IN ('none', 'sekretessmarkering', 'skyddad_folkbokforing')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
