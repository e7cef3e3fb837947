//! Submissions, their revisions, attachments and notices; a call's details and the organizer's
//! filtered list. Reads take `&Db`; writes take the caller's `&mut Tx`.
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};

/// A call with what the submission rules need: its phase, blind mode and deadline.
#[derive(Debug, Clone)]
pub struct CallInfo {
    pub id: i64,
    pub slug: String,
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub phase: String,
    pub blind_mode: String,
    pub timezone: String,
    pub grace_seconds: i64,
    pub reviews_per_submission: i64,
    pub judge_min_load: i64,
    pub judge_max_load: i64,
    pub finalists: i64,
    /// The "open" phase's window, when the call has one.
    pub open_starts_at: Option<i64>,
    pub open_ends_at: Option<i64>,
}

pub async fn call(db: &Db, id: i64) -> Result<Option<CallInfo>> {
    let row = sqlx::query(db.q(
        "SELECT c.id, c.slug, c.title_en, c.title_zh, c.description_en, c.description_zh, c.phase, c.blind_mode, \
         c.timezone, c.grace_seconds, c.reviews_per_submission, c.judge_min_load, c.judge_max_load, c.finalists, \
         (SELECT p.starts_at FROM call_phases p WHERE p.call_id = c.id AND p.phase = 'open') AS open_starts_at, \
         (SELECT p.ends_at FROM call_phases p WHERE p.call_id = c.id AND p.phase = 'open') AS open_ends_at \
         FROM calls c WHERE c.id = ?",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(CallInfo {
            id: get_i64(&r, "id")?,
            slug: get_str(&r, "slug")?,
            title_en: get_str(&r, "title_en")?,
            title_zh: get_str(&r, "title_zh")?,
            description_en: get_str(&r, "description_en")?,
            description_zh: get_str(&r, "description_zh")?,
            phase: get_str(&r, "phase")?,
            blind_mode: get_str(&r, "blind_mode")?,
            timezone: get_str(&r, "timezone")?,
            grace_seconds: get_i64(&r, "grace_seconds")?,
            reviews_per_submission: get_i64(&r, "reviews_per_submission")?,
            judge_min_load: get_i64(&r, "judge_min_load")?,
            judge_max_load: get_i64(&r, "judge_max_load")?,
            finalists: get_i64(&r, "finalists")?,
            open_starts_at: get_opt_i64(&r, "open_starts_at")?,
            open_ends_at: get_opt_i64(&r, "open_ends_at")?,
        })
    })
    .transpose()
}

/// The call's fields (id, English, Chinese), in taxonomy order.
pub async fn call_fields(db: &Db, call_id: i64) -> Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query(db.q(
        "SELECT f.id, f.name_en, f.name_zh FROM call_fields cf JOIN fields f ON f.id = cf.field_id \
         WHERE cf.call_id = ? ORDER BY f.position, f.id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    id_names(&rows, "name_en", "name_zh")
}

pub async fn has_call_role(db: &Db, call_id: i64, person_id: i64, role: &str) -> Result<bool> {
    let row = sqlx::query(db.q(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM call_roles WHERE call_id = ? AND person_id = ? AND role = ?",
    ))
    .bind(call_id)
    .bind(person_id)
    .bind(role)
    .fetch_one(&db.pool)
    .await?;
    Ok(get_i64(&row, "n")? > 0)
}

/// The facts authorization needs about one submission and one person.
#[derive(Debug, Clone)]
pub struct AccessFacts {
    pub call_id: i64,
    pub status: String,
    pub blind_mode: String,
    pub on_team: bool,
    pub call_organizer: bool,
    pub assigned_judge: bool,
    pub engineering_partner: bool,
}

pub async fn access(db: &Db, submission_id: i64, person_id: i64) -> Result<Option<AccessFacts>> {
    let row = sqlx::query(db.q(
        "SELECT s.call_id, s.status, c.blind_mode, \
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
    ))
    .bind(person_id)
    .bind(person_id)
    .bind(person_id)
    .bind(person_id)
    .bind(person_id)
    .bind(person_id)
    .bind(submission_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(AccessFacts {
            call_id: get_i64(&r, "call_id")?,
            status: get_str(&r, "status")?,
            blind_mode: get_str(&r, "blind_mode")?,
            on_team: get_i64(&r, "on_team")? == 1,
            call_organizer: get_i64(&r, "organizer")? == 1,
            assigned_judge: get_i64(&r, "judge")? == 1,
            engineering_partner: get_i64(&r, "partner")? == 1,
        })
    })
    .transpose()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub person_id: Option<i64>,
    pub name: String,
    pub organization_id: Option<i64>,
    pub organization_en: String,
    pub organization_zh: String,
    pub role: String,
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
    /// (person, name, hospital, role) in order; the first is the lead.
    pub members: Vec<(Option<i64>, String, Option<i64>, String)>,
}

#[derive(Debug, Clone)]
pub struct Submission {
    pub id: i64,
    pub call_id: i64,
    pub need_id: Option<i64>,
    pub organization_id: i64,
    pub organization_en: String,
    pub organization_zh: String,
    pub created_by: i64,
    pub title: String,
    pub need_statement: String,
    pub solution: String,
    pub evidence: String,
    pub stage: String,
    pub keywords: String,
    pub ip_status: String,
    pub confidentiality: String,
    pub status: String,
    pub lang: String,
    pub version: i64,
    pub submitted_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// (id, English, Chinese)
    pub fields: Vec<(i64, String, String)>,
    pub members: Vec<Member>,
}

fn submission_from(r: &AnyRow) -> Result<Submission> {
    Ok(Submission {
        id: get_i64(r, "id")?,
        call_id: get_i64(r, "call_id")?,
        need_id: get_opt_i64(r, "need_id")?,
        organization_id: get_i64(r, "organization_id")?,
        organization_en: get_str(r, "org_en")?,
        organization_zh: get_str(r, "org_zh")?,
        created_by: get_i64(r, "created_by")?,
        title: get_str(r, "title")?,
        need_statement: get_str(r, "need_statement")?,
        solution: get_str(r, "solution")?,
        evidence: get_str(r, "evidence")?,
        stage: get_str(r, "stage")?,
        keywords: get_str(r, "keywords")?,
        ip_status: get_str(r, "ip_status")?,
        confidentiality: get_str(r, "confidentiality")?,
        status: get_str(r, "status")?,
        lang: get_str(r, "lang")?,
        version: get_i64(r, "version")?,
        submitted_at: get_opt_i64(r, "submitted_at")?,
        created_at: get_i64(r, "created_at")?,
        updated_at: get_i64(r, "updated_at")?,
        fields: Vec::new(),
        members: Vec::new(),
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Submission>> {
    let row = sqlx::query(db.q(
        "SELECT s.*, o.name_en AS org_en, o.name_zh AS org_zh FROM submissions s \
         JOIN organizations o ON o.id = s.organization_id WHERE s.id = ?",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut s = submission_from(&row)?;
    let rows = sqlx::query(db.q(
        "SELECT f.id, f.name_en, f.name_zh FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
         WHERE sf.submission_id = ? ORDER BY f.position, f.id",
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    for r in &rows {
        s.fields.push((
            get_i64(r, "id")?,
            get_str(r, "name_en")?,
            get_str(r, "name_zh")?,
        ));
    }
    let rows = sqlx::query(db.q(
        "SELECT m.person_id, m.name, m.organization_id, m.role, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh \
         FROM submission_members m LEFT JOIN organizations o ON o.id = m.organization_id \
         WHERE m.submission_id = ? ORDER BY m.position",
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    for r in &rows {
        s.members.push(Member {
            person_id: get_opt_i64(r, "person_id")?,
            name: get_str(r, "name")?,
            organization_id: get_opt_i64(r, "organization_id")?,
            organization_en: get_str(r, "org_en")?,
            organization_zh: get_str(r, "org_zh")?,
            role: get_str(r, "role")?,
        });
    }
    Ok(Some(s))
}

async fn write_children(tx: &mut Tx, id: i64, c: &Content) -> Result<()> {
    sqlx::query(tx.q("DELETE FROM submission_fields WHERE submission_id = ?"))
        .bind(id)
        .execute(tx.conn())
        .await?;
    for f in &c.field_ids {
        sqlx::query(tx.q("INSERT INTO submission_fields (submission_id, field_id) VALUES (?, ?)"))
            .bind(id)
            .bind(*f)
            .execute(tx.conn())
            .await?;
    }
    sqlx::query(tx.q("DELETE FROM submission_members WHERE submission_id = ?"))
        .bind(id)
        .execute(tx.conn())
        .await?;
    for (i, (person, name, org, role)) in c.members.iter().enumerate() {
        sqlx::query(tx.q(
            "INSERT INTO submission_members (submission_id, position, person_id, name, organization_id, role) VALUES (?, ?, ?, ?, ?, ?)",
        ))
        .bind(id)
        .bind(i as i64)
        .bind(*person)
        .bind(name.as_str())
        .bind(*org)
        .bind(role.as_str())
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

/// A new draft at version 1.
pub async fn insert(
    tx: &mut Tx,
    call_id: i64,
    created_by: i64,
    c: &Content,
    status: &str,
    now: i64,
) -> Result<i64> {
    let submitted_at = (status != "draft").then_some(now);
    let row = sqlx::query(tx.q(
        "INSERT INTO submissions (call_id, need_id, organization_id, created_by, title, need_statement, solution, evidence, \
         stage, keywords, ip_status, confidentiality, status, lang, version, submitted_at, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
    ))
    .bind(call_id)
    .bind(c.need_id)
    .bind(c.organization_id)
    .bind(created_by)
    .bind(c.title.as_str())
    .bind(c.need_statement.as_str())
    .bind(c.solution.as_str())
    .bind(c.evidence.as_str())
    .bind(c.stage.as_str())
    .bind(c.keywords.as_str())
    .bind(c.ip_status.as_str())
    .bind(c.confidentiality.as_str())
    .bind(status)
    .bind(c.lang.as_str())
    .bind(submitted_at)
    .bind(now)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    let id = get_i64(&row, "id")?;
    write_children(tx, id, c).await?;
    Ok(id)
}

/// Replaces the content and bumps the version; returns the new version.
pub async fn update_content(tx: &mut Tx, id: i64, c: &Content, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "UPDATE submissions SET need_id = ?, organization_id = ?, title = ?, need_statement = ?, solution = ?, evidence = ?, \
         stage = ?, keywords = ?, ip_status = ?, confidentiality = ?, lang = ?, version = version + 1, updated_at = ? \
         WHERE id = ? RETURNING version",
    ))
    .bind(c.need_id)
    .bind(c.organization_id)
    .bind(c.title.as_str())
    .bind(c.need_statement.as_str())
    .bind(c.solution.as_str())
    .bind(c.evidence.as_str())
    .bind(c.stage.as_str())
    .bind(c.keywords.as_str())
    .bind(c.ip_status.as_str())
    .bind(c.confidentiality.as_str())
    .bind(c.lang.as_str())
    .bind(now)
    .bind(id)
    .fetch_one(tx.conn())
    .await?;
    write_children(tx, id, c).await?;
    get_i64(&row, "version")
}

/// Moves a submission from one status to another; false when it was no longer in `from`
/// (a concurrent change), so the caller can refuse instead of overwriting.
pub async fn set_status(tx: &mut Tx, id: i64, from: &[&str], to: &str, now: i64) -> Result<bool> {
    let mut changed = false;
    for f in from {
        let res = sqlx::query(tx.q("UPDATE submissions SET status = ?, updated_at = ?, \
             submitted_at = CASE WHEN ? = 'submitted' THEN ? ELSE submitted_at END \
             WHERE id = ? AND status = ?"))
        .bind(to)
        .bind(now)
        .bind(to)
        .bind(now)
        .bind(id)
        .bind(*f)
        .execute(tx.conn())
        .await?;
        changed |= res.rows_affected() > 0;
    }
    Ok(changed)
}

pub async fn insert_revision(
    tx: &mut Tx,
    submission_id: i64,
    version: i64,
    snapshot: &str,
    by: i64,
    now: i64,
) -> Result<()> {
    sqlx::query(tx.q(
        "INSERT INTO submission_revisions (submission_id, version, snapshot, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
    ))
    .bind(submission_id)
    .bind(version)
    .bind(snapshot)
    .bind(by)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Revision {
    pub version: i64,
    pub snapshot: String,
    pub author: String,
    pub created_at: i64,
}

/// Every kept version of a submission, oldest first.
pub async fn revisions(db: &Db, submission_id: i64) -> Result<Vec<Revision>> {
    let rows = sqlx::query(db.q(
        "SELECT r.version, r.snapshot, r.created_at, p.name FROM submission_revisions r \
         JOIN people p ON p.id = r.created_by WHERE r.submission_id = ? ORDER BY r.version",
    ))
    .bind(submission_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Revision {
                version: get_i64(r, "version")?,
                snapshot: get_str(r, "snapshot")?,
                author: get_str(r, "name")?,
                created_at: get_i64(r, "created_at")?,
            })
        })
        .collect()
}

/// (id, email, locale) of a person by email, for linking team members to accounts.
pub async fn person_by_email(db: &Db, email: &str) -> Result<Option<(i64, String, String)>> {
    let row =
        sqlx::query(db.q("SELECT id, email, locale FROM people WHERE email = ? AND active = 1"))
            .bind(email)
            .fetch_optional(&db.pool)
            .await?;
    row.map(|r| {
        Ok((
            get_i64(&r, "id")?,
            get_str(&r, "email")?,
            get_str(&r, "locale")?,
        ))
    })
    .transpose()
}

/// (email, locale) of the team's people with accounts, the creator first, each once.
pub async fn team_recipients(
    tx: &mut Tx,
    submission_id: i64,
) -> Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query(tx.q(
        "SELECT p.id, p.email, p.locale FROM people p WHERE p.active = 1 AND (\
         p.id = (SELECT created_by FROM submissions WHERE id = ?) OR \
         p.id IN (SELECT person_id FROM submission_members WHERE submission_id = ? AND person_id IS NOT NULL)) \
         ORDER BY p.id",
    ))
    .bind(submission_id)
    .bind(submission_id)
    .fetch_all(tx.conn())
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_str(r, "email")?,
                get_str(r, "locale")?,
            ))
        })
        .collect()
}

/// Notices are written the same way by every feature (the matching module's function).
pub use super::matching::insert_notice;

/// A person's latest in-app notices: (body, link, created_at).
pub async fn notices(db: &Db, person_id: i64, limit: i64) -> Result<Vec<(String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT body, link, created_at FROM notices WHERE person_id = ? ORDER BY id DESC LIMIT ?",
    ))
    .bind(person_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_str(r, "body")?,
                get_str(r, "link")?,
                get_i64(r, "created_at")?,
            ))
        })
        .collect()
}

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

fn attachment_from(r: &AnyRow) -> Result<Attachment> {
    Ok(Attachment {
        id: get_i64(r, "id")?,
        submission_id: get_i64(r, "submission_id")?,
        filename: get_str(r, "filename")?,
        content_type: get_str(r, "content_type")?,
        size_bytes: get_i64(r, "size_bytes")?,
        sha256: get_str(r, "sha256")?,
        created_at: get_i64(r, "created_at")?,
    })
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_attachment(
    tx: &mut Tx,
    submission_id: i64,
    filename: &str,
    content_type: &str,
    sha256: &str,
    content: &[u8],
    by: i64,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO attachments (submission_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(submission_id)
    .bind(filename)
    .bind(content_type)
    .bind(content.len() as i64)
    .bind(sha256)
    .bind(content.to_vec())
    .bind(by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

pub async fn attachments(db: &Db, submission_id: i64) -> Result<Vec<Attachment>> {
    let rows = sqlx::query(db.q(
        "SELECT id, submission_id, filename, content_type, size_bytes, sha256, created_at FROM attachments \
         WHERE submission_id = ? ORDER BY id",
    ))
    .bind(submission_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(attachment_from).collect()
}

pub async fn attachment(db: &Db, id: i64) -> Result<Option<(Attachment, Vec<u8>)>> {
    let row = sqlx::query(db.q(
        "SELECT id, submission_id, filename, content_type, size_bytes, sha256, created_at, content FROM attachments \
         WHERE id = ? AND submission_id IS NOT NULL",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((attachment_from(&r)?, r.try_get::<Vec<u8>, _>("content")?)))
        .transpose()
}

pub async fn delete_attachment(tx: &mut Tx, id: i64) -> Result<()> {
    sqlx::query(tx.q("DELETE FROM attachments WHERE id = ?"))
        .bind(id)
        .execute(tx.conn())
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

/// One row of the organizer's list and of the exports.
#[derive(Debug, Clone)]
pub struct ListRow {
    pub id: i64,
    pub title: String,
    pub stage: String,
    pub status: String,
    pub organization_en: String,
    pub organization_zh: String,
    pub fields_en: String,
    pub fields_zh: String,
    pub keywords: String,
    pub need_statement: String,
    pub lead: String,
    pub version: i64,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
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

fn bind_filter<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    call_id: i64,
    f: &ListFilter,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let like = if f.search.trim().is_empty() {
        String::new()
    } else {
        let escaped = f
            .search
            .trim()
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    };
    let search_flag = if like.is_empty() { "" } else { "y" };
    q.bind(call_id)
        .bind(f.status.clone())
        .bind(f.status.clone())
        .bind(f.organization_id)
        .bind(f.organization_id)
        .bind(f.stage.clone())
        .bind(f.stage.clone())
        .bind(f.field_id)
        .bind(f.field_id)
        .bind(search_flag)
        .bind(like.clone())
        .bind(like.clone())
        .bind(like.clone())
        .bind(like)
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
    let rows = bind_filter(sqlx::query(db.q(sql)), call_id, f)
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(ListRow {
            id: get_i64(r, "id")?,
            title: get_str(r, "title")?,
            stage: get_str(r, "stage")?,
            status: get_str(r, "status")?,
            organization_en: get_str(r, "org_en")?,
            organization_zh: get_str(r, "org_zh")?,
            fields_en: String::new(),
            fields_zh: String::new(),
            keywords: get_str(r, "keywords")?,
            need_statement: get_str(r, "need_statement")?,
            lead: get_str(r, "lead")?,
            version: get_i64(r, "version")?,
            submitted_at: get_opt_i64(r, "submitted_at")?,
            updated_at: get_i64(r, "updated_at")?,
        });
    }
    // Field names for the page's rows in one query.
    if !out.is_empty() {
        let rows = sqlx::query(db.q(
            "SELECT sf.submission_id, f.name_en, f.name_zh FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
             JOIN submissions s ON s.id = sf.submission_id WHERE s.call_id = ? ORDER BY f.position",
        ))
        .bind(call_id)
        .fetch_all(&db.pool)
        .await?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for r in &rows {
            if let Some(&i) = index.get(&get_i64(r, "submission_id")?) {
                let row = &mut out[i];
                for (target, col) in [
                    (&mut row.fields_en, "name_en"),
                    (&mut row.fields_zh, "name_zh"),
                ] {
                    if !target.is_empty() {
                        target.push_str("; ");
                    }
                    target.push_str(&get_str(r, col)?);
                }
            }
        }
    }
    let count = bind_filter(
        sqlx::query(db.q(concat!(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM submissions s",
            list_where!()
        ))),
        call_id,
        f,
    )
    .fetch_one(&db.pool)
    .await?;
    Ok((out, get_i64(&count, "n")?))
}

/// (id, English, Chinese, count) of a call's non-draft submissions per field.
pub async fn field_counts(db: &Db, call_id: i64) -> Result<Vec<(i64, String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT f.id, f.name_en, f.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN submission_fields sf ON sf.submission_id = s.id JOIN fields f ON f.id = sf.field_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY f.id, f.name_en, f.name_zh, f.position ORDER BY n DESC, f.position",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    counts(&rows)
}

/// (id, English, Chinese, count) of a call's non-draft submissions per lead hospital.
pub async fn organization_counts(db: &Db, call_id: i64) -> Result<Vec<(i64, String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT o.id, o.name_en, o.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN organizations o ON o.id = s.organization_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY o.id, o.name_en, o.name_zh ORDER BY n DESC, o.name_en",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    counts(&rows)
}

fn counts(rows: &[AnyRow]) -> Result<Vec<(i64, String, String, i64)>> {
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_str(r, "name_en")?,
                get_str(r, "name_zh")?,
                get_i64(r, "n")?,
            ))
        })
        .collect()
}

/// (id, English, Chinese) rows under the given column names.
fn id_names(rows: &[AnyRow], en: &str, zh: &str) -> Result<Vec<(i64, String, String)>> {
    rows.iter()
        .map(|r| Ok((get_i64(r, "id")?, get_str(r, en)?, get_str(r, zh)?)))
        .collect()
}

/// The hospitals (id, English, Chinese) a form may offer.
pub async fn hospitals(db: &Db) -> Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query(
        "SELECT id, name_en, name_zh FROM organizations WHERE kind = 'hospital' ORDER BY name_en",
    )
    .fetch_all(&db.pool)
    .await?;
    id_names(&rows, "name_en", "name_zh")
}

/// The calls open for submissions now (phase "open").
pub async fn open_calls(db: &Db) -> Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query(
        "SELECT id, title_en, title_zh FROM calls WHERE phase = 'open' ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(&db.pool)
    .await?;
    id_names(&rows, "title_en", "title_zh")
}

pub async fn need_exists(db: &Db, id: i64) -> Result<bool> {
    let row = sqlx::query(db.q("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM needs WHERE id = ?"))
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(get_i64(&row, "n")? > 0)
}

/// What overlap detection compares of one submission.
#[derive(Debug, Clone)]
pub struct OverlapText {
    pub id: i64,
    pub call_id: i64,
    pub call_title_en: String,
    pub call_title_zh: String,
    pub title: String,
    pub need_statement: String,
    pub solution: String,
    pub keywords: String,
    pub need_id: Option<i64>,
}

/// Every submission that is neither a draft nor withdrawn, of every call.
pub async fn overlap_texts(db: &Db) -> Result<Vec<OverlapText>> {
    let rows = sqlx::query(
        "SELECT s.id, s.call_id, c.title_en, c.title_zh, s.title, s.need_statement, s.solution, s.keywords, s.need_id \
         FROM submissions s JOIN calls c ON c.id = s.call_id \
         WHERE s.status NOT IN ('draft', 'withdrawn') ORDER BY s.id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(OverlapText {
                id: get_i64(r, "id")?,
                call_id: get_i64(r, "call_id")?,
                call_title_en: get_str(r, "title_en")?,
                call_title_zh: get_str(r, "title_zh")?,
                title: get_str(r, "title")?,
                need_statement: get_str(r, "need_statement")?,
                solution: get_str(r, "solution")?,
                keywords: get_str(r, "keywords")?,
                need_id: get_opt_i64(r, "need_id")?,
            })
        })
        .collect()
}
