-- The commercialisation pipeline: the regulatory pathway of a project, when it entered its
-- current stage (time in stage), and the ticked checklist items of each gate.
ALTER TABLE projects ADD COLUMN pathway TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN stage_since BIGINT NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN created_by BIGINT REFERENCES people(id);

CREATE TABLE gate_checks (
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    gate TEXT NOT NULL,
    item TEXT NOT NULL,
    checked_by BIGINT NOT NULL REFERENCES people(id),
    checked_at BIGINT NOT NULL,
    PRIMARY KEY (project_id, gate, item)
);

CREATE INDEX projects_stage ON projects(stage, status);
CREATE INDEX gate_decisions_project ON gate_decisions(project_id, decided_at);
CREATE INDEX milestones_project ON milestones(project_id, due_at);
