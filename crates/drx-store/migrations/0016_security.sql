-- Security review (issue 16): API tokens read or write and with an expiry (existing tokens keep
-- writing and end a year after they were made); when a person's password last changed, so that
-- tokens made before it can be offered for revocation.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'
    CHECK (scope IN ('read', 'write'));
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
UPDATE api_tokens SET expires_at = created_at + 31536000 WHERE expires_at IS NULL;
ALTER TABLE people ADD COLUMN password_changed_at BIGINT;
-- Requests counted against a rate (password reset mails per address and per client).
CREATE TABLE rate_events (
    id {{id}},
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_events_subject ON rate_events(kind, subject, at);
