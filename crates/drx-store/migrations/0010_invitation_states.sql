-- Invitations admins can follow: each one gets a stable id (the token changes when it is sent
-- again, so the token cannot name it), the time it was last sent and a revocation time. The
-- table is rebuilt because a generated key cannot be added to an existing SQLite table; the old
-- one is renamed first so that the new one is created under its own name.
ALTER TABLE invitations RENAME TO invitations_before_10;
CREATE TABLE invitations (
    id {{id}},
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    invited_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT,
    sent_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO invitations (token_hash, email, role, organization_id, invited_by, created_at, expires_at, used_at, sent_at)
    SELECT token_hash, email, role, organization_id, invited_by, created_at, expires_at, used_at, created_at
    FROM invitations_before_10 ORDER BY created_at, token_hash;
DROP TABLE invitations_before_10;
CREATE INDEX invitations_email ON invitations(email);
