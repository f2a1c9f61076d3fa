-- The nämnd that decides försörjningsstöd and receives appeals (FL 33 §) is named differently in every municipality
-- (Socialnämnden, Arbetsmarknadsnämnden, Individ- och familjeomsorgsnämnden ...); letters print this name.
ALTER TABLE tenant ADD COLUMN namnd text NOT NULL DEFAULT 'Socialnämnden' CHECK (length(namnd) BETWEEN 2 AND 200);
