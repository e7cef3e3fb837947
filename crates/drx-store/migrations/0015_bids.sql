-- Bidding before assignment (issue 22, item 4): each judge of a call's pool marks submissions
-- eager / willing / not willing / conflict. No row: no bid. The assignment reads them.
CREATE TABLE bids (
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    bid TEXT NOT NULL CHECK (bid IN ('eager', 'willing', 'not_willing', 'conflict')),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (submission_id, person_id)
);
CREATE INDEX bids_call ON bids (call_id, person_id);
