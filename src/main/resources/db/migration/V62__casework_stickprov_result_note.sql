-- What the handläggare found in a stickprov check (required for a discrepancy, checked by StickprovCheck).
ALTER TABLE stickprov_draw ADD COLUMN result_note text CHECK (length(result_note) BETWEEN 1 AND 2000);
ALTER TABLE stickprov_draw ADD CONSTRAINT stickprov_draw_result_only_when_sampled CHECK (result IS NULL OR sampled);
