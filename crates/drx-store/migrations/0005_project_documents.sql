-- Documents of a project (design files, test reports, regulatory submissions), stored in the
-- database so every node serves them.
CREATE TABLE project_documents (
    id {{id}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{blob}} NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX project_documents_project ON project_documents(project_id);
