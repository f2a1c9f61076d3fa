-- What staff record about a granted decision that is not executed, for the quarterly report to IVO and the nämnd
-- (SoL 16 kap. 6 f §, old numbering): why it is not executed and what the resident is given meanwhile. One row per
-- decision, replaced when staff record again (who and when is the latest recording; the access log keeps each one).
CREATE TABLE ivo_ej_verkstallt (
  decision_id     uuid        PRIMARY KEY REFERENCES decision (id),
  tenant_id       text        NOT NULL REFERENCES tenant (id),
  reason          text        NOT NULL CHECK (length(reason) BETWEEN 3 AND 1000),
  interim_measure text        CHECK (length(interim_measure) BETWEEN 1 AND 1000),
  recorded_by     uuid        NOT NULL REFERENCES staff_member (id),
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX ivo_ej_verkstallt_tenant ON ivo_ej_verkstallt (tenant_id);
