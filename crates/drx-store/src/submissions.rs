//! Submissions (this module alone writes them, their fields and members), their revisions and
//! attachments; a call's details and the organizer's filtered list. Reads take `&Db`; writes take
//! the caller's `&mut Tx`.
use drx_domain::{BlindMode, Phase, Stage, SubmissionStatus};

use super::{like_binds, Binds, Db, Named, NewFile, Result, Then, Tx};

row! {
    /// A call with what the submission rules need: its phase, blind mode and deadline.
    #[derive(Debug, Clone)]
    pub struct CallInfo {
        pub id: i64,
        pub slug: String,
        pub title_en: String,
        pub title_zh: String,
        pub description_en: String,
        pub description_zh: String,
        pub phase: Phase,
        pub blind_mode: BlindMode,
        pub timezone: String,
        pub grace_seconds: i64,
        pub reviews_per_submission: i64,
        pub judge_min_load: i64,
        pub judge_max_load: i64,
        pub finalists: i64,
        /// The "open" phase's window, when the call has one.
        pub open_starts_at: Option<i64>,
        pub open_ends_at: Option<i64>,
        /// When the call was archived (no new submissions from then on).
        pub archived_at: Option<i64>,
    }
}

pub async fn call(db: &Db, id: i64) -> Result<Option<CallInfo>> {
    db.opt(
        "SELECT c.id, c.slug, c.title_en, c.title_zh, c.description_en, c.description_zh, c.phase, c.blind_mode, \
         c.timezone, c.grace_seconds, c.reviews_per_submission, c.judge_min_load, c.judge_max_load, c.finalists, \
         (SELECT p.starts_at FROM call_phases p WHERE p.call_id = c.id AND p.phase = 'open') AS open_starts_at, \
         (SELECT p.ends_at FROM call_phases p WHERE p.call_id = c.id AND p.phase = 'open') AS open_ends_at, \
         c.archived_at FROM calls c WHERE c.id = ?",
        (id,),
    )
    .await
}

/// The call's fields, in taxonomy order.
pub async fn call_fields(db: &Db, call_id: i64) -> Result<Vec<Named>> {
    db.all(
        "SELECT f.id, f.name_en, f.name_zh FROM call_fields cf JOIN fields f ON f.id = cf.field_id \
         WHERE cf.call_id = ? ORDER BY f.position, f.id",
        (call_id,),
    )
    .await
}

pub async fn has_call_role(
    db: &Db,
    call_id: i64,
    person_id: i64,
    role: drx_domain::CallRole,
) -> Result<bool> {
    let n: i64 = db
        .one(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM call_roles WHERE call_id = ? AND person_id = ? AND role = ?",
            (call_id, person_id, role.as_str()),
        )
        .await?;
    Ok(n > 0)
}

row! {
    /// The facts authorization needs about one submission and one person.
    #[derive(Debug, Clone)]
    pub struct AccessFacts {
        pub call_id: i64,
        pub status: SubmissionStatus,
        /// The decision the authors were told of (they see no other).
        pub decision_told: Option<SubmissionStatus>,
        pub blind_mode: BlindMode,
        pub on_team: bool,
        pub call_organizer: bool = "organizer",
        pub assigned_judge: bool = "judge",
        pub engineering_partner: bool = "partner",
    }
}

pub async fn access(db: &Db, submission_id: i64, person_id: i64) -> Result<Option<AccessFacts>> {
    let p = person_id;
    db.opt(
        "SELECT s.call_id, s.status, s.decision_told, c.blind_mode, \
     CAST(CASE WHEN s.created_by = ? OR EXISTS (SELECT 1 FROM submission_members m WHERE m.submission_id = s.id AND m.person_id = ?) THEN 1 ELSE 0 END AS BIGINT) AS on_team, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM call_roles r WHERE r.call_id = s.call_id AND r.person_id = ? AND r.role = 'organizer') THEN 1 ELSE 0 END AS BIGINT) AS organizer, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM reviews v WHERE v.submission_id = s.id AND v.judge_id = ?) THEN 1 ELSE 0 END AS BIGINT) AS judge, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM team_members tm WHERE tm.person_id = ? AND ( \
          EXISTS (SELECT 1 FROM team_matches x WHERE x.submission_id = s.id AND x.team_id = tm.team_id) \
          OR EXISTS (SELECT 1 FROM projects p WHERE p.submission_id = s.id AND p.team_id = tm.team_id) \
          OR EXISTS (SELECT 1 FROM interests i WHERE i.submission_id = s.id AND i.team_id = tm.team_id AND i.status = 'accepted'))) \
          OR EXISTS (SELECT 1 FROM projects p JOIN people pp ON pp.id = ? WHERE p.submission_id = s.id AND p.poc_centre_id = pp.organization_id) \
          THEN 1 ELSE 0 END AS BIGINT) AS partner \
     FROM submissions s JOIN calls c ON c.id = s.call_id WHERE s.id = ?",
        (p, p, p, p, p, p, submission_id),
    )
    .await
}

row! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct Member {
        /// The account of a member who is one (the lead, or an invitee who accepted).
        pub person_id: Option<i64>,
        /// The account invited by email that has not accepted yet (no access meanwhile).
        pub invited_person_id: Option<i64>,
        pub name: String,
        pub organization_id: Option<i64>,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub role: String,
    }
}

/// A submission's editable content, as written by the service.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub need_id: Option<i64>,
    pub organization_id: i64,
    pub title: String,
    pub need_statement: String,
    pub solution: String,
    pub evidence: String,
    pub stage: String,
    pub keywords: String,
    pub ip_status: String,
    pub confidentiality: String,
    pub lang: String,
    pub field_ids: Vec<i64>,
    /// The team in order; the first is the lead.
    pub members: Vec<NewMember>,
}

/// A team member as the service writes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewMember {
    pub person_id: Option<i64>,
    pub invited_person_id: Option<i64>,
    pub name: String,
    pub organization_id: Option<i64>,
    pub role: String,
}

impl From<&Member> for NewMember {
    /// A stored member as it is written again.
    fn from(m: &Member) -> NewMember {
        NewMember {
            person_id: m.person_id,
            invited_person_id: m.invited_person_id,
            name: m.name.clone(),
            organization_id: m.organization_id,
            role: m.role.clone(),
        }
    }
}

row! {
    #[derive(Debug, Clone)]
    pub struct Submission {
        pub id: i64,
        pub call_id: i64,
        pub need_id: Option<i64>,
        pub organization_id: i64,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub created_by: i64,
        pub title: String,
        pub need_statement: String,
        pub solution: String,
        pub evidence: String,
        pub stage: Stage,
        pub keywords: String,
        pub ip_status: String,
        pub confidentiality: String,
        pub status: SubmissionStatus,
        /// The decision the authors were told of (they see no other).
        pub decision_told: Option<SubmissionStatus>,
        pub lang: String,
        pub version: i64,
        pub submitted_at: Option<i64>,
        pub created_at: i64,
        pub updated_at: i64,
        pub fields: Vec<Named> = default,
        pub members: Vec<Member> = default,
    }
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Submission>> {
    let Some(mut s) = db
        .opt::<Submission>(
            "SELECT s.*, o.name_en AS org_en, o.name_zh AS org_zh FROM submissions s \
             JOIN organizations o ON o.id = s.organization_id WHERE s.id = ?",
            (id,),
        )
        .await?
    else {
        return Ok(None);
    };
    s.fields = db
        .all(
            "SELECT f.id, f.name_en, f.name_zh FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
             WHERE sf.submission_id = ? ORDER BY f.position, f.id",
            (id,),
        )
        .await?;
    s.members = db
        .all(
            "SELECT m.person_id, m.invited_person_id, m.name, m.organization_id, m.role, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh \
             FROM submission_members m LEFT JOIN organizations o ON o.id = m.organization_id \
             WHERE m.submission_id = ? ORDER BY m.position",
            (id,),
        )
        .await?;
    Ok(Some(s))
}

async fn write_children(tx: &mut Tx, id: i64, c: &Content) -> Result<()> {
    set_fields(tx, id, &c.field_ids).await?;
    tx.exec(
        "DELETE FROM submission_members WHERE submission_id = ?",
        (id,),
    )
    .await?;
    for (i, m) in c.members.iter().enumerate() {
        tx.exec(
            "INSERT INTO submission_members (submission_id, position, person_id, invited_person_id, name, organization_id, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (id, i as i64, m.person_id, m.invited_person_id, m.name.as_str(), m.organization_id, m.role.as_str()),
        )
        .await?;
    }
    Ok(())
}

row! {
    /// A submission whose team the person was invited into and has not answered.
    #[derive(Debug, Clone)]
    pub struct TeamInvitation {
        pub submission_id: i64,
        pub title: String,
        pub lead: String,
    }
}

/// The submission teams `person_id` was invited into and has not answered, newest first.
pub async fn team_invitations(db: &Db, person_id: i64) -> Result<Vec<TeamInvitation>> {
    db.all(
        "SELECT s.id AS submission_id, s.title, \
           COALESCE((SELECT l.name FROM submission_members l WHERE l.submission_id = s.id ORDER BY l.position LIMIT 1), '') AS lead \
         FROM submission_members m JOIN submissions s ON s.id = m.submission_id \
         WHERE m.invited_person_id = ? AND s.status <> 'withdrawn' ORDER BY s.id DESC",
        (person_id,),
    )
    .await
}

/// Answers the person's invitation into a submission's team: accepting makes them a member
/// (with a member's access), declining leaves their name without an account. False when there
/// is no such open invitation.
pub async fn answer_team_invitation(
    tx: &mut Tx,
    submission_id: i64,
    person_id: i64,
    accept: bool,
) -> Result<bool> {
    let sql = if accept {
        "UPDATE submission_members SET person_id = invited_person_id, invited_person_id = NULL \
         WHERE submission_id = ? AND invited_person_id = ?"
    } else {
        "UPDATE submission_members SET invited_person_id = NULL WHERE submission_id = ? AND invited_person_id = ?"
    };
    Ok(tx.exec(sql, (submission_id, person_id)).await? > 0)
}

/// Replaces the fields a submission is filed under.
pub async fn set_fields(tx: &mut Tx, submission_id: i64, field_ids: &[i64]) -> Result<()> {
    tx.exec(
        "DELETE FROM submission_fields WHERE submission_id = ?",
        (submission_id,),
    )
    .await?;
    for f in field_ids {
        tx.exec(
            "INSERT INTO submission_fields (submission_id, field_id) VALUES (?, ?)",
            (submission_id, *f),
        )
        .await?;
    }
    Ok(())
}

/// Adds a team member at `position` (0 is the lead).
pub async fn insert_member(
    tx: &mut Tx,
    submission_id: i64,
    position: i64,
    person_id: Option<i64>,
    name: &str,
    organization_id: Option<i64>,
    role: &str,
) -> Result<()> {
    tx.exec(
        "INSERT INTO submission_members (submission_id, position, person_id, name, organization_id, role) VALUES (?, ?, ?, ?, ?, ?)",
        (submission_id, position, person_id, name, organization_id, role),
    )
    .await?;
    Ok(())
}

/// A submission as a loader (the demo, tests) writes it, members added with [`insert_member`].
pub struct NewSubmission<'a> {
    pub call_id: i64,
    pub need_id: Option<i64>,
    pub organization_id: i64,
    pub created_by: i64,
    pub title: &'a str,
    pub need_statement: &'a str,
    pub solution: &'a str,
    pub evidence: &'a str,
    pub stage: &'a str,
    pub keywords: &'a str,
    pub status: SubmissionStatus,
    pub lang: &'a str,
    pub field_ids: &'a [i64],
}

/// Writes a loader's submission with [`insert`]: no members yet, and the schema's default IP
/// status and confidentiality.
pub async fn insert_new(tx: &mut Tx, s: &NewSubmission<'_>, now: i64) -> Result<i64> {
    let content = Content {
        need_id: s.need_id,
        organization_id: s.organization_id,
        title: s.title.into(),
        need_statement: s.need_statement.into(),
        solution: s.solution.into(),
        evidence: s.evidence.into(),
        stage: s.stage.into(),
        keywords: s.keywords.into(),
        ip_status: "none".into(),
        confidentiality: "normal".into(),
        lang: s.lang.into(),
        field_ids: s.field_ids.to_vec(),
        members: Vec::new(),
    };
    insert(tx, s.call_id, s.created_by, &content, s.status, now).await
}

/// A new draft at version 1.
pub async fn insert(
    tx: &mut Tx,
    call_id: i64,
    created_by: i64,
    c: &Content,
    status: SubmissionStatus,
    now: i64,
) -> Result<i64> {
    let submitted_at = (status != SubmissionStatus::Draft).then_some(now);
    let id: i64 = tx
        .one(
            "INSERT INTO submissions (call_id, need_id, organization_id, created_by, title, need_statement, solution, evidence, \
             stage, keywords, ip_status, confidentiality, status, lang, version, submitted_at, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
            (
                call_id,
                c.need_id,
                c.organization_id,
                created_by,
                c.title.as_str(),
                c.need_statement.as_str(),
                c.solution.as_str(),
                c.evidence.as_str(),
                c.stage.as_str(),
                c.keywords.as_str(),
                c.ip_status.as_str(),
                c.confidentiality.as_str(),
                status.as_str(),
                c.lang.as_str(),
                submitted_at,
                now,
                now,
            ),
        )
        .await?;
    write_children(tx, id, c).await?;
    Ok(id)
}

/// Replaces the content and bumps the version; returns the new version.
pub async fn update_content(tx: &mut Tx, id: i64, c: &Content, now: i64) -> Result<i64> {
    let version: i64 = tx
        .one(
            "UPDATE submissions SET need_id = ?, organization_id = ?, title = ?, need_statement = ?, solution = ?, evidence = ?, \
             stage = ?, keywords = ?, ip_status = ?, confidentiality = ?, lang = ?, version = version + 1, updated_at = ? \
             WHERE id = ? RETURNING version",
            (
                c.need_id,
                c.organization_id,
                c.title.as_str(),
                c.need_statement.as_str(),
                c.solution.as_str(),
                c.evidence.as_str(),
                c.stage.as_str(),
                c.keywords.as_str(),
                c.ip_status.as_str(),
                c.confidentiality.as_str(),
                c.lang.as_str(),
                now,
                id,
            ),
        )
        .await?;
    write_children(tx, id, c).await?;
    Ok(version)
}

/// Moves a submission from one status to another; false when it was no longer in `from`
/// (a concurrent change), so the caller can refuse instead of overwriting.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    from: &[SubmissionStatus],
    to: SubmissionStatus,
    now: i64,
) -> Result<bool> {
    let to = to.as_str();
    let mut changed = false;
    for f in from {
        let n = tx
            .exec(
                "UPDATE submissions SET status = ?, updated_at = ?, \
                 submitted_at = CASE WHEN ? = 'submitted' THEN ? ELSE submitted_at END \
                 WHERE id = ? AND status = ?",
                (to, now, to, now, id, f.as_str()),
            )
            .await?;
        changed |= n > 0;
    }
    Ok(changed)
}

row! {
    /// One author line of a call's submission: a team member (empty for a submission without
    /// members) and the submitting organization.
    #[derive(Debug, Clone)]
    pub struct AuthorLine {
        pub submission_id: i64,
        pub name: String,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
    }
}

/// The authors of every submission of the call, in team order, for lists that name them.
pub async fn authors_of_call(db: &Db, call_id: i64) -> Result<Vec<AuthorLine>> {
    db.all(
        "SELECT s.id AS submission_id, COALESCE(m.name, '') AS name, o.name_en AS org_en, o.name_zh AS org_zh \
         FROM submissions s JOIN organizations o ON o.id = s.organization_id \
         LEFT JOIN submission_members m ON m.submission_id = s.id \
         WHERE s.call_id = ? ORDER BY s.id, m.position",
        (call_id,),
    )
    .await
}

row! {
    /// A decided submission whose authors have not been told of its decision yet.
    #[derive(Debug, Clone)]
    pub struct Untold {
        pub id: i64,
        pub title: String,
        pub status: SubmissionStatus,
    }
}

/// The call's decided submissions (finalist, not selected) whose authors were last told of
/// another decision or of none.
pub async fn untold_decisions(tx: &mut Tx, call_id: i64) -> Result<Vec<Untold>> {
    tx.all(
        "SELECT id, title, status FROM submissions WHERE call_id = ? \
         AND status IN ('finalist', 'not_selected') \
         AND (decision_told IS NULL OR decision_told <> status) ORDER BY id",
        (call_id,),
    )
    .await
}

/// Records that the authors were told of this decision.
pub async fn mark_decision_told(tx: &mut Tx, id: i64, told: SubmissionStatus) -> Result<()> {
    tx.exec(
        "UPDATE submissions SET decision_told = ? WHERE id = ?",
        (told.as_str(), id),
    )
    .await?;
    Ok(())
}

/// A submission's call and status, read inside a transaction that depends on them.
pub async fn call_and_status(
    tx: &mut Tx,
    submission_id: i64,
) -> Result<Option<(i64, SubmissionStatus)>> {
    tx.opt(
        "SELECT call_id, status FROM submissions WHERE id = ?",
        (submission_id,),
    )
    .await
}

/// How many of a call's submissions were sent (not drafts).
pub async fn sent_in_call(db: &Db, call_id: i64) -> Result<i64> {
    db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM submissions WHERE call_id = ? AND status <> 'draft'",
        (call_id,),
    )
    .await
}

/// Deletes a call's submissions (with their fields, members, revisions and attachments), before
/// the call itself is deleted.
pub async fn delete_of_call(tx: &mut Tx, call_id: i64) -> Result<u64> {
    tx.exec("DELETE FROM submissions WHERE call_id = ?", (call_id,))
        .await
}

/// Moves a call's submitted submissions under review once judges are assigned to them.
pub async fn mark_under_review(tx: &mut Tx, call_id: i64, now: i64) -> Result<()> {
    tx.exec(
        "UPDATE submissions SET status = 'under_review', updated_at = ? WHERE call_id = ? AND status = 'submitted' \
         AND EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = submissions.id)",
        (now, call_id),
    )
    .await?;
    Ok(())
}

pub async fn insert_revision(
    tx: &mut Tx,
    submission_id: i64,
    version: i64,
    snapshot: &str,
    by: i64,
    now: i64,
) -> Result<()> {
    tx.exec(
        "INSERT INTO submission_revisions (submission_id, version, snapshot, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
        (submission_id, version, snapshot, by, now),
    )
    .await?;
    Ok(())
}

row! {
    #[derive(Debug, Clone)]
    pub struct Revision {
        pub version: i64,
        pub snapshot: String,
        pub author: String = "name",
        pub created_at: i64,
    }
}

/// Every kept version of a submission, oldest first.
pub async fn revisions(db: &Db, submission_id: i64) -> Result<Vec<Revision>> {
    db.all(
        "SELECT r.version, r.snapshot, r.created_at, p.name FROM submission_revisions r \
         JOIN people p ON p.id = r.created_by WHERE r.submission_id = ? ORDER BY r.version",
        (submission_id,),
    )
    .await
}

row! {
    /// A person who can be told something: by id, at an email, in a language.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Recipient {
        pub id: i64,
        pub email: String,
        pub locale: String,
    }
}

/// A person by email, for linking team members to accounts.
pub async fn person_by_email(db: &Db, email: &str) -> Result<Option<Recipient>> {
    db.opt(
        "SELECT id, email, locale FROM people WHERE email = ? AND active = 1",
        (email,),
    )
    .await
}

/// The team's people with accounts, the creator first, each once.
pub async fn team_recipients(tx: &mut Tx, submission_id: i64) -> Result<Vec<Recipient>> {
    tx.all(
        "SELECT p.id, p.email, p.locale FROM people p WHERE p.active = 1 AND (\
         p.id = (SELECT created_by FROM submissions WHERE id = ?) OR \
         p.id IN (SELECT person_id FROM submission_members WHERE submission_id = ? AND person_id IS NOT NULL)) \
         ORDER BY p.id",
        (submission_id, submission_id),
    )
    .await
}

row! {
    /// An in-app notice.
    #[derive(Debug, Clone)]
    pub struct Notice {
        pub body: String,
        pub link: String,
        pub created_at: i64,
    }
}

/// A person's latest in-app notices.
pub async fn notices(db: &Db, person_id: i64, limit: i64) -> Result<Vec<Notice>> {
    db.all(
        "SELECT body, link, created_at FROM notices WHERE person_id = ? ORDER BY id DESC LIMIT ?",
        (person_id, limit),
    )
    .await
}

row! {
    /// Metadata of an attached file (never its bytes).
    #[derive(Debug, Clone)]
    pub struct Attachment {
        pub id: i64,
        pub submission_id: i64,
        pub filename: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub sha256: String,
        pub created_at: i64,
    }
}

pub async fn insert_attachment(
    tx: &mut Tx,
    submission_id: i64,
    file: &NewFile<'_>,
    by: i64,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO attachments (submission_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        Then(
            (submission_id,),
            Then(file.binds(), (by, now)),
        ),
    )
    .await
}

pub async fn attachments(db: &Db, submission_id: i64) -> Result<Vec<Attachment>> {
    db.all(
        "SELECT id, submission_id, filename, content_type, size_bytes, sha256, created_at FROM attachments \
         WHERE submission_id = ? ORDER BY id",
        (submission_id,),
    )
    .await
}

row! {
    struct WithContent {
        pub attachment: Attachment = flatten,
        pub content: Vec<u8>,
    }
}

pub async fn attachment(db: &Db, id: i64) -> Result<Option<(Attachment, Vec<u8>)>> {
    let found: Option<WithContent> = db
        .opt(
            "SELECT id, submission_id, filename, content_type, size_bytes, sha256, created_at, content FROM attachments \
             WHERE id = ? AND submission_id IS NOT NULL",
            (id,),
        )
        .await?;
    Ok(found.map(|f| (f.attachment, f.content)))
}

pub async fn delete_attachment(tx: &mut Tx, id: i64) -> Result<()> {
    tx.exec("DELETE FROM attachments WHERE id = ?", (id,))
        .await?;
    Ok(())
}
/// Which submissions of a call the organizer's list shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Empty: every status but draft.
    pub status: String,
    pub field_id: i64,
    pub organization_id: i64,
    pub stage: String,
    /// Matched as a substring of title, need, solution and keywords (any language).
    pub search: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSort {
    Newest,
    Oldest,
    Title,
    Hospital,
    Stage,
}

impl ListSort {
    pub fn parse(s: &str) -> ListSort {
        match s {
            "oldest" => ListSort::Oldest,
            "title" => ListSort::Title,
            "hospital" => ListSort::Hospital,
            "stage" => ListSort::Stage,
            _ => ListSort::Newest,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ListSort::Newest => "newest",
            ListSort::Oldest => "oldest",
            ListSort::Title => "title",
            ListSort::Hospital => "hospital",
            ListSort::Stage => "stage",
        }
    }
}

row! {
    /// One row of the organizer's list and of the exports.
    #[derive(Debug, Clone)]
    pub struct ListRow {
        pub id: i64,
        pub title: String,
        pub stage: Stage,
        pub status: SubmissionStatus,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub fields_en: String = default,
        pub fields_zh: String = default,
        pub keywords: String,
        pub need_statement: String,
        pub lead: String,
        pub version: i64,
        pub submitted_at: Option<i64>,
        pub updated_at: i64,
    }
}

// The list's statements are built from literals so that each is one `&'static str` for `Db::q`.
macro_rules! list_where {
    () => {
        " WHERE s.call_id = ? \
          AND ((? = '' AND s.status <> 'draft') OR s.status = ?) \
          AND (? = 0 OR s.organization_id = ?) \
          AND (? = '' OR s.stage = ?) \
          AND (? = 0 OR EXISTS (SELECT 1 FROM submission_fields xf WHERE xf.submission_id = s.id AND xf.field_id = ?)) \
          AND (? = '' OR LOWER(s.title) LIKE ? ESCAPE '\\' OR LOWER(s.need_statement) LIKE ? ESCAPE '\\' \
               OR LOWER(s.solution) LIKE ? ESCAPE '\\' OR LOWER(s.keywords) LIKE ? ESCAPE '\\')"
    };
}

macro_rules! list_select {
    ($order:literal) => {
        concat!(
            "SELECT s.id, s.title, s.stage, s.status, s.keywords, s.need_statement, s.version, s.submitted_at, s.updated_at, \
             o.name_en AS org_en, o.name_zh AS org_zh, \
             COALESCE((SELECT m.name FROM submission_members m WHERE m.submission_id = s.id ORDER BY m.position LIMIT 1), '') AS lead \
             FROM submissions s JOIN organizations o ON o.id = s.organization_id",
            list_where!(),
            " ORDER BY ",
            $order,
            " LIMIT ? OFFSET ?"
        )
    };
}

/// The values of `list_where!`'s `?`s, in order.
fn filter_binds(call_id: i64, f: &ListFilter) -> impl Binds<'static> {
    let filter = (
        call_id,
        f.status.clone(),
        f.status.clone(),
        f.organization_id,
        f.organization_id,
        f.stage.clone(),
        f.stage.clone(),
        f.field_id,
        f.field_id,
    );
    Then(filter, like_binds(&f.search))
}

/// One page of a call's submissions matching `f`, and how many match in all.
pub async fn list(
    db: &Db,
    call_id: i64,
    f: &ListFilter,
    sort: ListSort,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ListRow>, i64)> {
    let sql: &'static str = match sort {
        ListSort::Newest => list_select!("s.id DESC"),
        ListSort::Oldest => list_select!("s.id"),
        ListSort::Title => list_select!("s.title, s.id"),
        ListSort::Hospital => list_select!("o.name_en, s.id"),
        ListSort::Stage => list_select!(
            "CASE s.stage WHEN 'idea' THEN 0 WHEN 'concept' THEN 1 WHEN 'prototype' THEN 2 ELSE 3 END DESC, s.id"
        ),
    };
    let binds = Then(filter_binds(call_id, f), (limit, offset));
    let mut out: Vec<ListRow> = db.all(sql, binds).await?;
    // Field names for the page's rows in one query.
    if !out.is_empty() {
        row! {
            struct FieldName {
                pub submission_id: i64,
                pub name_en: String,
                pub name_zh: String,
            }
        }
        let names: Vec<FieldName> = db
            .all(
                "SELECT sf.submission_id, f.name_en, f.name_zh FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
                 JOIN submissions s ON s.id = sf.submission_id WHERE s.call_id = ? ORDER BY f.position",
                (call_id,),
            )
            .await?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for name in names {
            if let Some(&i) = index.get(&name.submission_id) {
                let row = &mut out[i];
                for (target, name) in [
                    (&mut row.fields_en, name.name_en),
                    (&mut row.fields_zh, name.name_zh),
                ] {
                    if !target.is_empty() {
                        target.push_str("; ");
                    }
                    target.push_str(&name);
                }
            }
        }
    }
    let count = db
        .one(
            concat!(
                "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM submissions s",
                list_where!()
            ),
            filter_binds(call_id, f),
        )
        .await?;
    Ok((out, count))
}

row! {
    /// How many of a call's non-draft submissions fall under one field or hospital.
    #[derive(Debug, Clone)]
    pub struct Count {
        pub id: i64,
        pub name_en: String,
        pub name_zh: String,
        pub n: i64,
    }
}

/// A call's non-draft submissions per field.
pub async fn field_counts(db: &Db, call_id: i64) -> Result<Vec<Count>> {
    db.all(
        "SELECT f.id, f.name_en, f.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN submission_fields sf ON sf.submission_id = s.id JOIN fields f ON f.id = sf.field_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY f.id, f.name_en, f.name_zh, f.position ORDER BY n DESC, f.position",
        (call_id,),
    )
    .await
}

/// A call's non-draft submissions per lead hospital.
pub async fn organization_counts(db: &Db, call_id: i64) -> Result<Vec<Count>> {
    db.all(
        "SELECT o.id, o.name_en, o.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN organizations o ON o.id = s.organization_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY o.id, o.name_en, o.name_zh ORDER BY n DESC, o.name_en",
        (call_id,),
    )
    .await
}

/// The hospitals a form may offer (active records).
pub async fn hospitals(db: &Db) -> Result<Vec<Named>> {
    db.all(
        "SELECT id, name_en, name_zh FROM organizations WHERE kind = 'hospital' AND status = 'active' ORDER BY name_en",
        (),
    )
    .await
}

/// The calls open for submissions now (phase "open"), by title.
pub async fn open_calls(db: &Db) -> Result<Vec<Named>> {
    db.all(
        "SELECT id, title_en AS name_en, title_zh AS name_zh FROM calls WHERE phase = 'open' AND archived_at IS NULL \
         ORDER BY created_at DESC, id DESC",
        (),
    )
    .await
}

pub async fn need_exists(db: &Db, id: i64) -> Result<bool> {
    let n: i64 = db
        .one(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM needs WHERE id = ?",
            (id,),
        )
        .await?;
    Ok(n > 0)
}

row! {
    /// What overlap detection compares of one submission.
    #[derive(Debug, Clone)]
    pub struct OverlapText {
        pub id: i64,
        pub call_id: i64,
        pub call_title_en: String = "title_en",
        pub call_title_zh: String = "title_zh",
        pub title: String,
        pub need_statement: String,
        pub solution: String,
        pub keywords: String,
        pub need_id: Option<i64>,
    }
}

/// Every submission that is neither a draft nor withdrawn, of every call.
pub async fn overlap_texts(db: &Db) -> Result<Vec<OverlapText>> {
    db.all(
        "SELECT s.id, s.call_id, c.title_en, c.title_zh, s.title, s.need_statement, s.solution, s.keywords, s.need_id \
         FROM submissions s JOIN calls c ON c.id = s.call_id \
         WHERE s.status NOT IN ('draft', 'withdrawn') ORDER BY s.id",
        (),
    )
    .await
}

/// Re-points submissions (lead hospital) and their team members from organization `from` to
/// `into` (a merge).
pub async fn move_organization(tx: &mut Tx, from: i64, into: i64) -> Result<u64> {
    let statements = [
        "UPDATE submissions SET organization_id = ? WHERE organization_id = ?",
        "UPDATE submission_members SET organization_id = ? WHERE organization_id = ?",
    ];
    super::repoint(tx, &statements, from, into).await
}
