-- Matchmaking: each call's confidentiality terms (the current version only; every change is in
-- the audit log), and the published matches of engineering teams with finalists.
CREATE TABLE confidentiality_terms (
    call_id BIGINT PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    text_zh TEXT NOT NULL DEFAULT '',
    updated_by BIGINT REFERENCES people(id),
    updated_at BIGINT NOT NULL
);

CREATE TABLE team_matches (
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    run_id BIGINT REFERENCES assignment_runs(id) ON DELETE SET NULL,
    affinity {{real}} NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (submission_id, team_id)
);
CREATE INDEX team_matches_team ON team_matches(team_id);
CREATE INDEX team_matches_call ON team_matches(call_id);
CREATE INDEX interests_team ON interests(team_id);
CREATE INDEX interests_need ON interests(need_id);
CREATE INDEX interests_submission ON interests(submission_id);
