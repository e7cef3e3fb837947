-- Engineering teams kept through the product (issue 22, item 6): who created a team and when its
-- profile last changed (a revision counter, so that the need catalogue's model sees every edit),
-- its past projects, and the invitations its lead sends to engineers already on the platform.
ALTER TABLE teams ADD COLUMN created_by BIGINT REFERENCES people(id);
ALTER TABLE teams ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE teams ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

CREATE TABLE team_past_projects (
    id {{id}},
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    year BIGINT,
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX team_past_projects_team ON team_past_projects(team_id);

CREATE TABLE team_invitations (
    id {{id}},
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    invited_by BIGINT NOT NULL REFERENCES people(id),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
    created_at BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX team_invitations_person ON team_invitations(person_id, status);
CREATE UNIQUE INDEX team_invitations_pending ON team_invitations(team_id, person_id) WHERE status = 'pending';
