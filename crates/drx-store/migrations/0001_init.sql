-- drx schema, version 1. One text for SQLite and PostgreSQL: the migration runner replaces
-- {{id}} (auto-increment primary key), {{blob}} and {{real}} by the dialect's own types.
-- Times are BIGINT seconds since the Unix epoch (UTC); booleans are BIGINT 0/1.
-- Statements are separated by a semicolon at the end of a line.

CREATE TABLE organizations (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('hospital', 'company', 'university', 'poc_centre', 'other')),
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    city TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

CREATE TABLE people (
    id {{id}},
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    title TEXT NOT NULL DEFAULT '',
    password_hash TEXT,
    locale TEXT NOT NULL DEFAULT 'zh',
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);

CREATE TABLE person_roles (
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'clinician', 'judge', 'engineer', 'poc')),
    PRIMARY KEY (person_id, role)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE login_attempts (
    id {{id}},
    account_key TEXT NOT NULL,
    client_key TEXT NOT NULL,
    succeeded BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts(account_key, at);
CREATE INDEX login_attempts_client ON login_attempts(client_key, at);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    invited_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE fields (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    parent_id BIGINT REFERENCES fields(id),
    position BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE calls (
    id {{id}},
    slug TEXT NOT NULL UNIQUE,
    title_en TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    description_en TEXT NOT NULL DEFAULT '',
    description_zh TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT 'draft'
        CHECK (phase IN ('draft', 'open', 'review', 'decision', 'matchmaking', 'incubation', 'closed')),
    timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    reviews_per_submission BIGINT NOT NULL DEFAULT 3,
    judge_min_load BIGINT NOT NULL DEFAULT 0,
    judge_max_load BIGINT NOT NULL DEFAULT 20,
    finalists BIGINT NOT NULL DEFAULT 16,
    blind_mode TEXT NOT NULL DEFAULT 'single' CHECK (blind_mode IN ('open', 'single', 'double')),
    grace_seconds BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES people(id),
    created_at BIGINT NOT NULL
);

CREATE TABLE call_phases (
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    PRIMARY KEY (call_id, phase)
);

CREATE TABLE call_fields (
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    field_id BIGINT NOT NULL REFERENCES fields(id),
    PRIMARY KEY (call_id, field_id)
);

CREATE TABLE call_roles (
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('organizer', 'judge')),
    PRIMARY KEY (call_id, person_id, role)
);

CREATE TABLE rubric_criteria (
    id {{id}},
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    weight {{real}} NOT NULL,
    scale_min BIGINT NOT NULL,
    scale_max BIGINT NOT NULL
);

CREATE TABLE needs (
    id {{id}},
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    field_id BIGINT NOT NULL REFERENCES fields(id),
    problem TEXT NOT NULL,
    population TEXT NOT NULL,
    outcome TEXT NOT NULL,
    current_practice TEXT NOT NULL DEFAULT '',
    confidential_details TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL DEFAULT 'medium' CHECK (urgency IN ('low', 'medium', 'high')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'matched', 'closed')),
    lang TEXT NOT NULL DEFAULT 'zh',
    created_by BIGINT REFERENCES people(id),
    created_at BIGINT NOT NULL
);

CREATE TABLE submissions (
    id {{id}},
    call_id BIGINT NOT NULL REFERENCES calls(id),
    need_id BIGINT REFERENCES needs(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    created_by BIGINT NOT NULL REFERENCES people(id),
    title TEXT NOT NULL,
    need_statement TEXT NOT NULL DEFAULT '',
    solution TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'idea' CHECK (stage IN ('idea', 'concept', 'prototype', 'clinical_data')),
    keywords TEXT NOT NULL DEFAULT '',
    ip_status TEXT NOT NULL DEFAULT 'none',
    confidentiality TEXT NOT NULL DEFAULT 'normal',
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'under_review', 'finalist', 'not_selected', 'withdrawn')),
    lang TEXT NOT NULL DEFAULT 'zh',
    version BIGINT NOT NULL DEFAULT 1,
    submitted_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX submissions_call ON submissions(call_id, status);

CREATE TABLE submission_fields (
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    field_id BIGINT NOT NULL REFERENCES fields(id),
    PRIMARY KEY (submission_id, field_id)
);

CREATE TABLE submission_members (
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    person_id BIGINT REFERENCES people(id),
    name TEXT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    role TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY (submission_id, position)
);

CREATE TABLE submission_revisions (
    id {{id}},
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    snapshot TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    UNIQUE (submission_id, version)
);

CREATE TABLE attachments (
    id {{id}},
    submission_id BIGINT REFERENCES submissions(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{blob}} NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL
);

CREATE TABLE expertise_documents (
    id {{id}},
    person_id BIGINT REFERENCES people(id) ON DELETE CASCADE,
    team_id BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('profile', 'project', 'publication')),
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

CREATE TABLE person_fields (
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    field_id BIGINT NOT NULL REFERENCES fields(id),
    PRIMARY KEY (person_id, field_id)
);

CREATE TABLE conflicts (
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    declared_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, submission_id)
);

CREATE TABLE reviews (
    id {{id}},
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    judge_id BIGINT NOT NULL REFERENCES people(id),
    status TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'in_progress', 'submitted')),
    confidence BIGINT,
    comments_for_authors TEXT NOT NULL DEFAULT '',
    comments_for_committee TEXT NOT NULL DEFAULT '',
    submitted_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (submission_id, judge_id)
);

CREATE TABLE review_scores (
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    criterion_id BIGINT NOT NULL REFERENCES rubric_criteria(id),
    score {{real}} NOT NULL,
    PRIMARY KEY (review_id, criterion_id)
);

CREATE TABLE teams (
    id {{id}},
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    capabilities TEXT NOT NULL DEFAULT '',
    technologies TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);

CREATE TABLE team_members (
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    lead BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, person_id)
);

CREATE TABLE team_fields (
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    field_id BIGINT NOT NULL REFERENCES fields(id),
    PRIMARY KEY (team_id, field_id)
);

CREATE TABLE assignment_runs (
    id {{id}},
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('judges', 'teams')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'discarded')),
    parameters TEXT NOT NULL DEFAULT '{}',
    objective {{real}},
    created_by BIGINT REFERENCES people(id),
    created_at BIGINT NOT NULL
);

CREATE TABLE assignment_pairs (
    run_id BIGINT NOT NULL REFERENCES assignment_runs(id) ON DELETE CASCADE,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    assignee_id BIGINT NOT NULL,
    affinity {{real}} NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, submission_id, assignee_id)
);

CREATE TABLE interests (
    id {{id}},
    need_id BIGINT REFERENCES needs(id) ON DELETE CASCADE,
    submission_id BIGINT REFERENCES submissions(id) ON DELETE CASCADE,
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    from_side TEXT NOT NULL CHECK (from_side IN ('clinical', 'team')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
    message TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    answered_at BIGINT
);

CREATE TABLE confidentiality_acceptances (
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    terms_version TEXT NOT NULL,
    accepted_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, call_id, terms_version)
);

CREATE TABLE projects (
    id {{id}},
    submission_id BIGINT NOT NULL REFERENCES submissions(id),
    team_id BIGINT REFERENCES teams(id),
    poc_centre_id BIGINT REFERENCES organizations(id),
    stage TEXT NOT NULL DEFAULT 'concept',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'stopped', 'launched')),
    created_at BIGINT NOT NULL
);

CREATE TABLE gate_decisions (
    id {{id}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    gate TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('go', 'hold', 'recycle', 'stop')),
    reason TEXT NOT NULL DEFAULT '',
    decided_by BIGINT NOT NULL REFERENCES people(id),
    decided_at BIGINT NOT NULL
);

CREATE TABLE milestones (
    id {{id}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    owner_id BIGINT REFERENCES people(id),
    due_at BIGINT NOT NULL,
    done_at BIGINT
);

CREATE TABLE threads (
    id {{id}},
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('need', 'submission', 'project', 'review')),
    subject_id BIGINT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX threads_subject ON threads(subject_kind, subject_id);

CREATE TABLE messages (
    id {{id}},
    thread_id BIGINT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES people(id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE events (
    id {{id}},
    call_id BIGINT REFERENCES calls(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL
);

CREATE TABLE event_registrations (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    registered_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

CREATE TABLE notices (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    read_at BIGINT
);

CREATE TABLE outbox (
    id {{id}},
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_until BIGINT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_pending ON outbox(status, next_attempt_at);

CREATE TABLE audit_events (
    id {{id}},
    at BIGINT NOT NULL,
    actor_id BIGINT,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_events(entity, entity_id);
