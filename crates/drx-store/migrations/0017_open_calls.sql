-- Open calls: the public texts of a call (who may take part, questions and answers) and
-- self-registration (a sign-up waiting for its address to be verified; the account is created
-- only when the emailed link is followed, so an unverified address can never sign in).
ALTER TABLE calls ADD COLUMN eligibility_en TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN eligibility_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN faq_en TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN faq_zh TEXT NOT NULL DEFAULT '';
CREATE TABLE registrations (
    id {{id}},
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clinician', 'engineer')),
    organization_id BIGINT REFERENCES organizations(id),
    requested_organization TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL,
    call_id BIGINT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX registrations_email ON registrations(email);
