-- Conversations between the parties of a need, a submission or a project, and roadshows.

-- The judges' discussion of a submission was kept as a 'submission' thread; conversations with
-- the authors use that kind now, so the discussion moves to its own kind and never mixes.
UPDATE threads SET subject_kind = 'review' WHERE subject_kind = 'submission';

ALTER TABLE threads ADD COLUMN created_by BIGINT REFERENCES people(id);
CREATE INDEX messages_thread ON messages(thread_id, id);

-- How far each person has read a thread: messages with a larger id are unread.
CREATE TABLE thread_reads (
    thread_id BIGINT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    last_message_id BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (thread_id, person_id)
);

-- Files attached to a message, kept in the database like every other file.
CREATE TABLE message_attachments (
    id {{id}},
    message_id BIGINT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{blob}} NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX message_attachments_message ON message_attachments(message_id);

CREATE INDEX notices_person ON notices(person_id, read_at);

-- A roadshow's details and its agenda: finalists presenting in time slots.
ALTER TABLE events ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN created_by BIGINT REFERENCES people(id);
ALTER TABLE events ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;

CREATE TABLE event_agenda (
    id {{id}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    UNIQUE (event_id, submission_id)
);
CREATE INDEX event_agenda_event ON event_agenda(event_id, starts_at);
