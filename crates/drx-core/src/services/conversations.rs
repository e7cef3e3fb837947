//! Conversations between the parties of a need, a submission or a project: threads, replies,
//! attached files, unread counts, and the notice and email each new message sends to every
//! other party. Who is a party: `auth::authorization::is_conversation_party`.
use std::collections::{BTreeMap, HashMap};

use super::uploads::{check_upload, CheckedFile};
use super::{Result, ServiceError};
use crate::auth::authorization::{is_conversation_party, ConversationSubject};
use crate::i18n::{t_args, Lang};
use drx_domain::{AuditAction, AuditEntity, ThreadKind};
use drx_store::accounts::Person;
use drx_store::conversations::{self as store, Attachment, Message, Party, Thread, ThreadSummary};
use drx_store::{audit, notices, outbox, Db, Tx};

pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 8000;
/// How much of a message an email quotes.
const MAIL_EXCERPT: usize = 600;

/// What a conversation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Need,
    Submission,
    Project,
}

impl Subject {
    /// The kind of thread a conversation on this subject is.
    pub fn kind(self) -> ThreadKind {
        match self {
            Subject::Need => ThreadKind::Need,
            Subject::Submission => ThreadKind::Submission,
            Subject::Project => ThreadKind::Project,
        }
    }
    /// The subject of a thread of this kind; None for a judges' discussion.
    pub fn of_kind(kind: ThreadKind) -> Option<Subject> {
        match kind {
            ThreadKind::Need => Some(Subject::Need),
            ThreadKind::Submission => Some(Subject::Submission),
            ThreadKind::Project => Some(Subject::Project),
            ThreadKind::Review => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        self.kind().as_str()
    }
    pub fn parse(s: &str) -> Option<Subject> {
        ThreadKind::parse(s).and_then(Subject::of_kind)
    }
    /// The page of the subject.
    pub fn link(self, id: i64) -> String {
        match self {
            Subject::Need => format!("/needs/{id}"),
            Subject::Submission => format!("/submissions/{id}"),
            Subject::Project => format!("/projects/{id}"),
        }
    }
}

/// The person's relation to a subject; NotFound when there is no such subject (or a draft
/// need of someone else, which nobody else may know of).
async fn relation(
    db: &Db,
    actor: &Person,
    subject: Subject,
    id: i64,
) -> Result<ConversationSubject> {
    match subject {
        Subject::Need => {
            let facts = store::need_facts(db, id, actor.id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let author = facts.created_by == Some(actor.id);
            let accepted_team = facts.accepted_team;
            if facts.status == drx_domain::NeedStatus::Draft
                && !author
                && !crate::auth::authorization::can_curate_needs(actor)
            {
                return Err(ServiceError::NotFound);
            }
            // The conversation follows the gate of the need's confidential part.
            let (gate, _) = super::confidentiality::gate(db, actor, id).await?;
            Ok(ConversationSubject::Need {
                author,
                accepted_team,
                confidential_closed: gate.has_confidential && !gate.open,
            })
        }
        Subject::Submission => {
            let f = drx_store::submissions::access(db, id, actor.id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            Ok(ConversationSubject::Submission {
                on_team: f.on_team,
                call_organizer: f.call_organizer,
                matched_team: store::matched_to_submission(db, id, actor.id).await?,
            })
        }
        Subject::Project => {
            let (_, f) = drx_store::projects::with_access(db, id, actor.id, 0)
                .await?
                .ok_or(ServiceError::NotFound)?;
            Ok(ConversationSubject::Project(
                crate::auth::authorization::ProjectAccess {
                    call_organizer: f.call_organizer,
                    on_team: f.on_team,
                    clinician: f.clinician,
                    poc_centre_id: f.poc_centre_id,
                },
            ))
        }
    }
}

/// Whether the person is a party of the subject's conversations.
pub async fn is_party(db: &Db, actor: &Person, subject: Subject, id: i64) -> Result<bool> {
    match relation(db, actor, subject, id).await {
        Ok(r) => Ok(is_conversation_party(actor, &r)),
        Err(ServiceError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The thread if the person is a party of its subject; NotFound otherwise (a stranger learns
/// nothing about it).
async fn party_thread(db: &Db, actor: &Person, thread_id: i64) -> Result<(Thread, Subject)> {
    let thread = store::thread(db, thread_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let subject = Subject::of_kind(thread.subject_kind).ok_or(ServiceError::NotFound)?;
    if !is_party(db, actor, subject, thread.subject_id).await? {
        return Err(ServiceError::NotFound);
    }
    Ok((thread, subject))
}

/// The threads on a subject, for its page's Conversations section; None when the person is not
/// a party (the page shows no section).
pub async fn on_subject(
    db: &Db,
    actor: &Person,
    subject: Subject,
    id: i64,
) -> Result<Option<Vec<ThreadSummary>>> {
    if !is_party(db, actor, subject, id).await? {
        return Ok(None);
    }
    Ok(Some(
        store::threads_on(db, subject.kind(), id, actor.id).await?,
    ))
}

/// A file sent with a message: the name the browser gave and the bytes.
pub struct Upload<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

fn checked(file: Option<&Upload<'_>>) -> Result<Option<CheckedFile>> {
    file.map(|f| check_upload(f.name, f.bytes)).transpose()
}

fn message_body(body: &str, has_file: bool) -> Result<String> {
    let b = body.trim();
    if b.is_empty() && has_file {
        return Ok(String::new());
    }
    // Line breaks are kept; only the ends are trimmed.
    super::required_text(b, MAX_BODY, "conv-message")
}

/// Opens a thread on a subject with its first message (and file). Returns the thread's id.
#[allow(clippy::too_many_arguments)]
pub async fn open_thread(
    db: &Db,
    actor: &Person,
    subject: Subject,
    id: i64,
    title: &str,
    body: &str,
    file: Option<&Upload<'_>>,
    base_url: &str,
    now: i64,
) -> Result<i64> {
    let relation = relation(db, actor, subject, id).await?;
    if !is_conversation_party(actor, &relation) {
        return Err(ServiceError::Forbidden);
    }
    let title = super::required_text(title, MAX_TITLE, "conv-title")?;
    let body = message_body(body, file.is_some())?;
    let checked = checked(file)?;
    let mut tx = db.begin().await?;
    let thread_id =
        store::insert_thread(&mut tx, subject.kind(), id, &title, Some(actor.id), now).await?;
    let detail = serde_json::json!({ "subject": subject.as_str(), "subject_id": id });
    audit::record(
        &mut tx,
        Some(actor.id),
        AuditEntity::Thread,
        thread_id,
        AuditAction::Open,
        &detail.to_string(),
        now,
    )
    .await?;
    let thread = Thread {
        id: thread_id,
        subject_kind: subject.kind(),
        subject_id: id,
        title,
        created_by: Some(actor.id),
        created_at: now,
    };
    post_in(&mut tx, actor, &thread, &body, file, checked, base_url, now).await?;
    tx.commit().await?;
    Ok(thread_id)
}

/// Answers in a thread. Returns the message's id.
pub async fn reply(
    db: &Db,
    actor: &Person,
    thread_id: i64,
    body: &str,
    file: Option<&Upload<'_>>,
    base_url: &str,
    now: i64,
) -> Result<i64> {
    let (thread, _) = party_thread(db, actor, thread_id).await?;
    let body = message_body(body, file.is_some())?;
    let checked = checked(file)?;
    let mut tx = db.begin().await?;
    let id = post_in(&mut tx, actor, &thread, &body, file, checked, base_url, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Writes a message, its file, the author's read marker, its audit event, and the notices and
/// mail of every other party, in the caller's transaction.
#[allow(clippy::too_many_arguments)]
async fn post_in(
    tx: &mut Tx,
    actor: &Person,
    thread: &Thread,
    body: &str,
    file: Option<&Upload<'_>>,
    checked: Option<CheckedFile>,
    base_url: &str,
    now: i64,
) -> Result<i64> {
    let message_id = store::insert_message(tx, thread.id, actor.id, body, now).await?;
    let mut detail = serde_json::json!({ "message": message_id });
    if let (Some(f), Some(c)) = (file, checked) {
        let aid = store::insert_attachment(tx, message_id, &c.stored(f.bytes), now).await?;
        detail = serde_json::json!({
            "message": message_id, "attachment": aid, "filename": c.name,
            "sha256": c.sha, "bytes": f.bytes.len()
        });
    }
    audit::record(
        tx,
        Some(actor.id),
        AuditEntity::Thread,
        thread.id,
        AuditAction::Message,
        &detail.to_string(),
        now,
    )
    .await?;
    store::mark_read_in(tx, thread.id, actor.id, message_id, now).await?;
    notices::mark_read_by_link_in(tx, actor.id, &format!("/threads/{}", thread.id), now).await?;
    notify(tx, actor, thread, body, base_url, now).await?;
    Ok(message_id)
}

/// Everyone to tell about a new message in the thread: its subject's parties and the role
/// holders who wrote in it, not the author.
async fn recipients(tx: &mut Tx, author: i64, thread: &Thread) -> Result<Vec<Party>> {
    let mut all: BTreeMap<i64, Party> = BTreeMap::new();
    for p in store::parties(tx, thread.subject_kind, thread.subject_id).await? {
        all.insert(p.id, p);
    }
    for p in store::role_posters(tx, thread.id).await? {
        all.insert(p.id, p);
    }
    all.remove(&author);
    Ok(all.into_values().collect())
}

fn excerpt(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

async fn notify(
    tx: &mut Tx,
    author: &Person,
    thread: &Thread,
    body: &str,
    base_url: &str,
    now: i64,
) -> Result<()> {
    let link = format!("/threads/{}", thread.id);
    let url = format!("{}{link}", base_url.trim_end_matches('/'));
    for r in recipients(tx, author.id, thread).await? {
        let lang = Lang::parse(&r.locale).unwrap_or(Lang::Zh);
        let notice = t_args(
            lang,
            "conv-notice",
            &[
                ("name", author.name.clone()),
                ("title", thread.title.clone()),
            ],
        );
        notices::insert(tx, r.id, &notice, &link, now).await?;
        let subject = t_args(
            lang,
            "conv-mail-subject",
            &[("title", excerpt(&thread.title, 80))],
        );
        let text = t_args(
            lang,
            "conv-mail-body",
            &[
                ("recipient", r.name.clone()),
                ("name", author.name.clone()),
                ("title", thread.title.clone()),
                ("message", excerpt(body, MAIL_EXCERPT)),
                ("link", url.clone()),
            ],
        );
        outbox::enqueue(tx, &r.email, &subject, &text, now).await?;
    }
    Ok(())
}

/// A thread as a party sees it.
pub struct ThreadView {
    pub thread: Thread,
    pub subject: Subject,
    pub subject_title: String,
    pub messages: Vec<Message>,
    /// Files by message id.
    pub files: HashMap<i64, Vec<Attachment>>,
    /// The first message the person had not read when they opened the thread.
    pub first_unread: Option<i64>,
}

/// Opens a thread for a party and marks it read, with its notices.
pub async fn view(db: &Db, actor: &Person, thread_id: i64, now: i64) -> Result<ThreadView> {
    let (thread, subject) = party_thread(db, actor, thread_id).await?;
    let messages = store::messages(db, thread.id).await?;
    let before = store::threads_on(db, subject.kind(), thread.subject_id, actor.id)
        .await?
        .into_iter()
        .find(|t| t.thread.id == thread.id)
        .map(|t| t.unread)
        .unwrap_or(0);
    let first_unread = if before > 0 {
        messages
            .iter()
            .filter(|m| m.author_id != actor.id)
            .rev()
            .nth(before as usize - 1)
            .map(|m| m.id)
    } else {
        None
    };
    if let Some(last) = messages.last() {
        store::mark_read(db, thread.id, actor.id, last.id, now).await?;
    }
    notices::mark_read_by_link(db, actor.id, &format!("/threads/{}", thread.id), now).await?;
    let mut files: HashMap<i64, Vec<Attachment>> = HashMap::new();
    for a in store::attachments_of_thread(db, thread.id).await? {
        files.entry(a.message_id).or_default().push(a);
    }
    let subject_title = store::subject_title(db, subject.kind(), thread.subject_id)
        .await?
        .unwrap_or_default();
    Ok(ThreadView {
        thread,
        subject,
        subject_title,
        messages,
        files,
        first_unread,
    })
}

/// A message's file as it is downloaded.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageFile {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// A message's file for a party of its thread.
pub async fn download(db: &Db, actor: &Person, attachment_id: i64) -> Result<MessageFile> {
    let file = store::attachment(db, attachment_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    party_thread(db, actor, file.thread_id).await?;
    Ok(MessageFile {
        filename: file.attachment.filename,
        content_type: file.attachment.content_type,
        content: file.content,
    })
}

/// The person's threads (every subject they are a party of), newest activity first, each with
/// its subject's title.
pub async fn my_threads(db: &Db, actor: &Person) -> Result<Vec<(ThreadSummary, String)>> {
    let mut out = Vec::new();
    for t in store::threads_of_person(db, actor.id).await? {
        let title = store::subject_title(db, t.thread.subject_kind, t.thread.subject_id)
            .await?
            .unwrap_or_default();
        out.push((t, title));
    }
    Ok(out)
}

/// Unread messages and unread notices of the person (the navigation bar's counts).
pub async fn unread_counts(db: &Db, person_id: i64) -> Result<(i64, i64)> {
    Ok((
        store::unread_total(db, person_id).await?,
        notices::unread_count(db, person_id).await?,
    ))
}

/// The person's notices, newest first.
pub async fn notices_of(db: &Db, actor: &Person) -> Result<Vec<notices::Notice>> {
    Ok(notices::list(db, actor.id, 200).await?)
}

/// Whether a notice is the person's own.
pub async fn owns_notice(db: &Db, actor: &Person, notice_id: i64) -> Result<bool> {
    Ok(notices::owner(db, notice_id).await? == Some(actor.id))
}

/// Marks one of the person's notices read; NotFound when it is not theirs.
pub async fn mark_notice_read(db: &Db, actor: &Person, notice_id: i64, now: i64) -> Result<()> {
    if notices::mark_read(db, actor.id, notice_id, now).await? {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

pub async fn mark_all_notices_read(db: &Db, actor: &Person, now: i64) -> Result<u64> {
    Ok(notices::mark_all_read(db, actor.id, now).await?)
}
