-- Per-call committees (issue 22, item 5): a judge's own maximum load in a call (NULL: the call's
-- judge_max_load), the engineering teams taking part in a call, archived calls, and invitations
-- that bring the invited person into one call's judge pool or organizers.
ALTER TABLE call_roles ADD COLUMN max_load BIGINT;

CREATE TABLE call_teams (
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (call_id, team_id)
);

ALTER TABLE calls ADD COLUMN archived_at BIGINT;

ALTER TABLE invitations ADD COLUMN call_id BIGINT REFERENCES calls(id) ON DELETE CASCADE;
ALTER TABLE invitations ADD COLUMN call_role TEXT;

-- Until now every platform judge and every team served every call: the calls that exist keep
-- them, now as their own pool and participants.
INSERT INTO call_roles (call_id, person_id, role)
    SELECT c.id, r.person_id, 'judge' FROM calls c CROSS JOIN person_roles r
    WHERE r.role = 'judge'
      AND NOT EXISTS (SELECT 1 FROM call_roles x WHERE x.call_id = c.id AND x.person_id = r.person_id AND x.role = 'judge');
INSERT INTO call_teams (call_id, team_id, added_at)
    SELECT c.id, t.id, c.created_at FROM calls c CROSS JOIN teams t;
