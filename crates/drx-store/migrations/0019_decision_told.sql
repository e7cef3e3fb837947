-- Decisions reach the authors when the call moves to its decision phase, once (issue 22): the
-- status the authors were last told of. A decision recorded during review stays internal until
-- then. Decisions taken before this migration were mailed at once: they count as told.
ALTER TABLE submissions ADD COLUMN decision_told TEXT;
UPDATE submissions SET decision_told = status WHERE status IN ('finalist', 'not_selected');
