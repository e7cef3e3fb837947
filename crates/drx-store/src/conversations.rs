//! Conversations: threads on a need, a submission or a project, their messages, attached files,
//! how far each person has read, and who the parties of a subject are. The judges' discussion of a
//! submission (`reviews::ensure_thread`) is written here too: this module owns threads and messages.
//!
//! Who is a party is written twice, once per direction, and the two must agree: `MINE` (the
//! subjects of one person, for their thread list and unread total) and `parties` (the people of
//! one subject, for notifications). `tests/conversations.rs` checks them against each other.
use super::{Db, NewFile, Result, Then, Tx};
use drx_domain::ThreadKind;

row! {
    /// One conversation thread (never a judges' discussion, whose kind is `review`).
    #[derive(Debug, Clone)]
    pub struct Thread {
        pub id: i64,
        pub subject_kind: ThreadKind,
        pub subject_id: i64,
        pub title: String,
        pub created_by: Option<i64>,
        pub created_at: i64,
    }
}

row! {
    /// A thread in a list, with its size and what one person has not read yet.
    #[derive(Debug, Clone)]
    pub struct ThreadSummary {
        pub thread: Thread = flatten,
        pub messages: i64 = "n_messages",
        pub last_at: i64,
        pub unread: i64,
    }
}

row! {
    #[derive(Debug, Clone)]
    pub struct Message {
        pub id: i64,
        pub author_id: i64,
        pub author_name: String = "name",
        pub body: String,
        pub created_at: i64,
    }
}

row! {
    #[derive(Debug, Clone)]
    pub struct Attachment {
        pub id: i64,
        pub message_id: i64,
        pub filename: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub sha256: String,
    }
}

row! {
    /// An attached file with the thread it is in and its content.
    #[derive(Debug, Clone)]
    pub struct AttachmentFile {
        pub attachment: Attachment = flatten,
        pub thread_id: i64,
        pub content: Vec<u8>,
    }
}

row! {
    /// What decides who may see a need's threads.
    #[derive(Debug, Clone)]
    pub struct NeedFacts {
        pub status: drx_domain::NeedStatus,
        /// The need's author.
        pub created_by: Option<i64>,
        /// Whether the person is on a team whose interest in the need was accepted.
        pub accepted_team: bool = "team",
    }
}

row! {
    /// A person to notify.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Party {
        pub id: i64,
        pub email: String,
        pub name: String,
        pub locale: String,
    }
}

/// The (kind, subject id) pairs one person is a party of; binds the person's id 13 times.
/// Named parties: a need's author and the members of teams whose interest in it was accepted; a
/// submission's authors, its call's organizers, the members of teams with an accepted interest or
/// a published team match; a project's team, clinicians, call organizers and PoC centre staff.
/// Admins (every kind) and organizers (needs, which they curate) join the threads they wrote in.
macro_rules! mine {
    () => {
        "WITH mine (kind, sid) AS ( \
           SELECT 'need', n.id FROM needs n WHERE n.created_by = ? \
           UNION SELECT 'need', i.need_id FROM interests i JOIN team_members tm ON tm.team_id = i.team_id \
             WHERE tm.person_id = ? AND i.status = 'accepted' AND i.need_id IS NOT NULL \
           UNION SELECT 'submission', s.id FROM submissions s WHERE s.created_by = ? \
           UNION SELECT 'submission', sm.submission_id FROM submission_members sm WHERE sm.person_id = ? \
           UNION SELECT 'submission', i.submission_id FROM interests i JOIN team_members tm ON tm.team_id = i.team_id \
             WHERE tm.person_id = ? AND i.status = 'accepted' AND i.submission_id IS NOT NULL \
           UNION SELECT 'submission', ap.submission_id FROM assignment_pairs ap \
             JOIN assignment_runs r ON r.id = ap.run_id JOIN team_members tm ON tm.team_id = ap.assignee_id \
             WHERE tm.person_id = ? AND r.kind = 'teams' AND r.status = 'published' \
           UNION SELECT 'submission', s.id FROM submissions s JOIN call_roles cr ON cr.call_id = s.call_id \
             WHERE cr.person_id = ? AND cr.role = 'organizer' \
           UNION SELECT 'project', p.id FROM projects p JOIN team_members tm ON tm.team_id = p.team_id \
             WHERE tm.person_id = ? \
           UNION SELECT 'project', p.id FROM projects p JOIN submissions s ON s.id = p.submission_id \
             WHERE s.created_by = ? OR EXISTS (SELECT 1 FROM submission_members sm WHERE sm.submission_id = s.id AND sm.person_id = ?) \
           UNION SELECT 'project', p.id FROM projects p JOIN submissions s ON s.id = p.submission_id \
             JOIN call_roles cr ON cr.call_id = s.call_id WHERE cr.person_id = ? AND cr.role = 'organizer' \
           UNION SELECT 'project', p.id FROM projects p JOIN people pe ON pe.organization_id = p.poc_centre_id \
             JOIN person_roles pr ON pr.person_id = pe.id WHERE pe.id = ? AND pr.role = 'poc' \
           UNION SELECT t.subject_kind, t.subject_id FROM messages m JOIN threads t ON t.id = m.thread_id \
             JOIN person_roles pr ON pr.person_id = m.author_id \
             WHERE m.author_id = ? AND t.subject_kind <> 'review' \
             AND (pr.role = 'admin' OR (pr.role = 'organizer' AND t.subject_kind = 'need')) \
         ) "
    };
}
const MINE_BINDS: usize = 13;

/// Unread messages of thread `t` for the person bound twice.
macro_rules! unread_of_t {
    () => {
        "(SELECT COUNT(*) FROM messages um WHERE um.thread_id = t.id AND um.author_id <> ? \
           AND um.id > COALESCE((SELECT r.last_message_id FROM thread_reads r \
             WHERE r.thread_id = t.id AND r.person_id = ?), 0))"
    };
}

macro_rules! summary_columns {
    () => {
        concat!(
            "t.id, t.subject_kind, t.subject_id, t.title, t.created_by, t.created_at, \
             (SELECT COUNT(*) FROM messages cm WHERE cm.thread_id = t.id) AS n_messages, \
             COALESCE((SELECT MAX(lm.created_at) FROM messages lm WHERE lm.thread_id = t.id), t.created_at) AS last_at, ",
            unread_of_t!(),
            " AS unread"
        )
    };
}

/// A new thread on a subject; a judges' discussion (kind `review`) has no title and no author.
pub async fn insert_thread(
    tx: &mut Tx,
    kind: ThreadKind,
    subject_id: i64,
    title: &str,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO threads (subject_kind, subject_id, title, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?) RETURNING id",
        (kind.as_str(), subject_id, title, created_by, now),
    )
    .await
}

/// A conversation thread by id; None for a judges' discussion or no thread.
pub async fn thread(db: &Db, id: i64) -> Result<Option<Thread>> {
    db.opt(
        "SELECT id, subject_kind, subject_id, title, created_by, created_at FROM threads \
         WHERE id = ? AND subject_kind <> 'review'",
        (id,),
    )
    .await
}

/// The threads on one subject, newest activity first, with the person's unread counts.
pub async fn threads_on(
    db: &Db,
    kind: ThreadKind,
    subject_id: i64,
    person_id: i64,
) -> Result<Vec<ThreadSummary>> {
    db.all(
        concat!(
            "SELECT ",
            summary_columns!(),
            " FROM threads t WHERE t.subject_kind = ? AND t.subject_id = ? ORDER BY last_at DESC, t.id DESC"
        ),
        (person_id, person_id, kind.as_str(), subject_id),
    )
    .await
}

/// The threads of every subject the person is a party of, newest activity first.
pub async fn threads_of_person(db: &Db, person_id: i64) -> Result<Vec<ThreadSummary>> {
    db.all(
        concat!(
            mine!(),
            "SELECT ",
            summary_columns!(),
            " FROM threads t JOIN mine ON mine.kind = t.subject_kind AND mine.sid = t.subject_id \
             ORDER BY last_at DESC, t.id DESC"
        ),
        [person_id; MINE_BINDS + 2],
    )
    .await
}

/// Messages the person has not read, over all the threads they are a party of.
pub async fn unread_total(db: &Db, person_id: i64) -> Result<i64> {
    db.one(
        concat!(
            mine!(),
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM messages m JOIN threads t ON t.id = m.thread_id \
             JOIN mine ON mine.kind = t.subject_kind AND mine.sid = t.subject_id \
             WHERE m.author_id <> ? AND m.id > COALESCE((SELECT r.last_message_id FROM thread_reads r \
               WHERE r.thread_id = t.id AND r.person_id = ?), 0)"
        ),
        [person_id; MINE_BINDS + 2],
    )
    .await
}

pub async fn insert_message(
    tx: &mut Tx,
    thread_id: i64,
    author_id: i64,
    body: &str,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO messages (thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        (thread_id, author_id, body, now),
    )
    .await
}

/// A thread's messages, oldest first.
pub async fn messages(db: &Db, thread_id: i64) -> Result<Vec<Message>> {
    db.all(
        "SELECT m.id, m.author_id, p.name, m.body, m.created_at FROM messages m \
         JOIN people p ON p.id = m.author_id WHERE m.thread_id = ? ORDER BY m.id",
        (thread_id,),
    )
    .await
}

/// Moves the person's read marker up to `message_id` (never back).
const MARK_READ: &str =
    "INSERT INTO thread_reads (thread_id, person_id, last_message_id, read_at) VALUES (?, ?, ?, ?) \
     ON CONFLICT (thread_id, person_id) DO UPDATE SET \
       last_message_id = CASE WHEN excluded.last_message_id > thread_reads.last_message_id \
         THEN excluded.last_message_id ELSE thread_reads.last_message_id END, \
       read_at = excluded.read_at";

/// Marks the thread read up to `message_id` for the person (never moves the marker back).
pub async fn mark_read(
    db: &Db,
    thread_id: i64,
    person_id: i64,
    message_id: i64,
    now: i64,
) -> Result<()> {
    db.exec(MARK_READ, (thread_id, person_id, message_id, now))
        .await?;
    Ok(())
}

/// The same, inside a transaction (the author has read their own message).
pub async fn mark_read_in(
    tx: &mut Tx,
    thread_id: i64,
    person_id: i64,
    message_id: i64,
    now: i64,
) -> Result<()> {
    tx.exec(MARK_READ, (thread_id, person_id, message_id, now))
        .await?;
    Ok(())
}

pub async fn insert_attachment(
    tx: &mut Tx,
    message_id: i64,
    file: &NewFile<'_>,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO message_attachments (message_id, filename, content_type, size_bytes, sha256, content, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        Then(
            (message_id,),
            Then(file.binds(), (now,)),
        ),
    )
    .await
}

/// The files of a thread's messages (without their content).
pub async fn attachments_of_thread(db: &Db, thread_id: i64) -> Result<Vec<Attachment>> {
    db.all(
        "SELECT a.id, a.message_id, a.filename, a.content_type, a.size_bytes, a.sha256 \
         FROM message_attachments a JOIN messages m ON m.id = a.message_id \
         WHERE m.thread_id = ? ORDER BY a.id",
        (thread_id,),
    )
    .await
}

/// One attached file with its thread and content.
pub async fn attachment(db: &Db, id: i64) -> Result<Option<AttachmentFile>> {
    db.opt(
        "SELECT a.id, a.message_id, a.filename, a.content_type, a.size_bytes, a.sha256, a.content, \
         m.thread_id FROM message_attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ?",
        (id,),
    )
    .await
}

/// A need's status, author, and whether the person is on a team whose interest was accepted.
pub async fn need_facts(db: &Db, need_id: i64, person_id: i64) -> Result<Option<NeedFacts>> {
    db.opt(
        "SELECT n.status, n.created_by, CAST(CASE WHEN EXISTS (SELECT 1 FROM interests i \
           JOIN team_members tm ON tm.team_id = i.team_id WHERE i.need_id = n.id \
           AND i.status = 'accepted' AND tm.person_id = ?) THEN 1 ELSE 0 END AS BIGINT) AS team \
         FROM needs n WHERE n.id = ?",
        (person_id, need_id),
    )
    .await
}

/// Whether the person is on a team with an accepted interest in, or a published match to, the
/// submission.
pub async fn matched_to_submission(db: &Db, submission_id: i64, person_id: i64) -> Result<bool> {
    let matched: bool = db.one::<i64>(
        "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM interests i JOIN team_members tm ON tm.team_id = i.team_id \
             WHERE i.submission_id = ? AND i.status = 'accepted' AND tm.person_id = ?) \
           OR EXISTS (SELECT 1 FROM assignment_pairs ap JOIN assignment_runs r ON r.id = ap.run_id \
             JOIN team_members tm ON tm.team_id = ap.assignee_id WHERE ap.submission_id = ? \
             AND r.kind = 'teams' AND r.status = 'published' AND tm.person_id = ?) \
         THEN 1 ELSE 0 END AS BIGINT) AS matched",
        (submission_id, person_id, submission_id, person_id),
    )
    .await?
        == 1;
    Ok(matched)
}

/// The named parties of a subject (see `mine!`), active accounts only, by id.
pub async fn parties(tx: &mut Tx, kind: ThreadKind, subject_id: i64) -> Result<Vec<Party>> {
    let (sql, binds): (&'static str, usize) = match kind {
        ThreadKind::Need => (
            "SELECT p.id, p.email, p.name, p.locale FROM people p WHERE p.active = 1 AND p.id IN ( \
               SELECT n.created_by FROM needs n WHERE n.id = ? \
               UNION SELECT tm.person_id FROM interests i JOIN team_members tm ON tm.team_id = i.team_id \
                 WHERE i.need_id = ? AND i.status = 'accepted') ORDER BY p.id",
            2,
        ),
        ThreadKind::Submission => (
            "SELECT p.id, p.email, p.name, p.locale FROM people p WHERE p.active = 1 AND p.id IN ( \
               SELECT s.created_by FROM submissions s WHERE s.id = ? \
               UNION SELECT sm.person_id FROM submission_members sm WHERE sm.submission_id = ? \
               UNION SELECT tm.person_id FROM interests i JOIN team_members tm ON tm.team_id = i.team_id \
                 WHERE i.submission_id = ? AND i.status = 'accepted' \
               UNION SELECT tm.person_id FROM assignment_pairs ap JOIN assignment_runs r ON r.id = ap.run_id \
                 JOIN team_members tm ON tm.team_id = ap.assignee_id \
                 WHERE ap.submission_id = ? AND r.kind = 'teams' AND r.status = 'published' \
               UNION SELECT cr.person_id FROM call_roles cr JOIN submissions s ON s.call_id = cr.call_id \
                 WHERE s.id = ? AND cr.role = 'organizer') ORDER BY p.id",
            5,
        ),
        ThreadKind::Project => (
            "SELECT p.id, p.email, p.name, p.locale FROM people p WHERE p.active = 1 AND p.id IN ( \
               SELECT tm.person_id FROM projects pj JOIN team_members tm ON tm.team_id = pj.team_id WHERE pj.id = ? \
               UNION SELECT s.created_by FROM projects pj JOIN submissions s ON s.id = pj.submission_id WHERE pj.id = ? \
               UNION SELECT sm.person_id FROM projects pj JOIN submission_members sm ON sm.submission_id = pj.submission_id \
                 WHERE pj.id = ? \
               UNION SELECT cr.person_id FROM projects pj JOIN submissions s ON s.id = pj.submission_id \
                 JOIN call_roles cr ON cr.call_id = s.call_id WHERE pj.id = ? AND cr.role = 'organizer' \
               UNION SELECT pe.id FROM projects pj JOIN people pe ON pe.organization_id = pj.poc_centre_id \
                 JOIN person_roles pr ON pr.person_id = pe.id WHERE pj.id = ? AND pr.role = 'poc') ORDER BY p.id",
            5,
        ),
        ThreadKind::Review => return Ok(Vec::new()),
    };
    tx.all(sql, vec![subject_id; binds]).await
}

/// Those who wrote in the thread and are parties by their platform role (admins; organizers on a
/// need's thread), active accounts only.
pub async fn role_posters(tx: &mut Tx, thread_id: i64) -> Result<Vec<Party>> {
    tx.all(
        "SELECT p.id, p.email, p.name, p.locale FROM people p WHERE p.active = 1 AND p.id IN ( \
           SELECT m.author_id FROM messages m JOIN threads t ON t.id = m.thread_id \
             JOIN person_roles pr ON pr.person_id = m.author_id \
           WHERE m.thread_id = ? AND (pr.role = 'admin' OR (pr.role = 'organizer' AND t.subject_kind = 'need'))) \
         ORDER BY p.id",
        (thread_id,),
    )
    .await
}

/// A subject's title for lists and mail: a need's problem, a submission's or project's title.
pub async fn subject_title(db: &Db, kind: ThreadKind, subject_id: i64) -> Result<Option<String>> {
    let sql = match kind {
        ThreadKind::Need => "SELECT problem AS title FROM needs WHERE id = ?",
        ThreadKind::Submission => "SELECT title FROM submissions WHERE id = ?",
        ThreadKind::Project => {
            "SELECT s.title FROM projects p JOIN submissions s ON s.id = p.submission_id WHERE p.id = ?"
        }
        ThreadKind::Review => return Ok(None),
    };
    db.opt(sql, (subject_id,)).await
}
