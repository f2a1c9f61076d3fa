-- Fixed-window request counters shared by every server instance (login starts, provräkning). UNLOGGED: losing the
-- counters in a crash only resets the limits, and it keeps the write cost low.
CREATE UNLOGGED TABLE rate_limit_window (
  bucket       text        NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer     NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
