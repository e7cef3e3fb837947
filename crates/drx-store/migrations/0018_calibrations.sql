-- The kept calibration of each call (issue 14, item 4): computed once per state of its reviews,
-- read by every view and every node. `fingerprint` is a hash of everything the calibration read
-- (the submitted scores, the rubric, the judged submissions, the options); a view whose
-- fingerprint differs recomputes and replaces the row. `result` is the engine's output as JSON.
CREATE TABLE calibrations (
    call_id BIGINT PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    result TEXT NOT NULL,
    computed_at BIGINT NOT NULL
);
