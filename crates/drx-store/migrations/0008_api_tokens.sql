-- Personal API tokens: only the SHA-256 hash of a token is kept; the token is shown once.
CREATE TABLE api_tokens (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_person ON api_tokens(person_id);
