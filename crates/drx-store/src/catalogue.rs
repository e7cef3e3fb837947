//! Expertise documents (written here), and the reference reads: the field taxonomy, calls, a
//! person's or a call's submissions, a person's teams, open needs.
use drx_domain::{BlindMode, CallRole, Phase, Stage, SubmissionStatus};

use super::{Db, Result, Tx};

row! {
    #[derive(Debug, Clone)]
    pub struct Field {
        pub id: i64,
        pub code: String,
        pub name_en: String,
        pub name_zh: String,
    }
}

pub async fn fields(db: &Db) -> Result<Vec<Field>> {
    db.all(
        "SELECT id, code, name_en, name_zh FROM fields ORDER BY position, id",
        (),
    )
    .await
}

row! {
    #[derive(Debug, Clone)]
    pub struct CallSummary {
        pub id: i64,
        pub slug: String,
        pub title_en: String,
        pub title_zh: String,
        pub phase: Phase,
        pub blind_mode: BlindMode,
        pub finalists: i64,
        pub submissions: i64 = "n",
        /// Archived: out of the default lists, read-only.
        pub archived: bool,
    }
}

pub async fn calls(db: &Db) -> Result<Vec<CallSummary>> {
    db.all(
        "SELECT c.id, c.slug, c.title_en, c.title_zh, c.phase, c.blind_mode, c.finalists, \
                CAST((SELECT COUNT(*) FROM submissions s WHERE s.call_id = c.id AND s.status <> 'draft') AS BIGINT) AS n, \
                CAST(CASE WHEN c.archived_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS archived \
         FROM calls c ORDER BY c.created_at DESC, c.id DESC",
        (),
    )
    .await
}

row! {
    #[derive(Debug, Clone)]
    pub struct SubmissionRow {
        pub id: i64,
        pub call_id: i64,
        pub title: String,
        pub stage: Stage,
        pub status: SubmissionStatus,
        /// The decision the authors were told of (they see no other).
        pub decision_told: Option<SubmissionStatus>,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub field_en: String,
        pub field_zh: String,
        pub updated_at: i64,
    }
}

macro_rules! submission_rows {
    ($tail:literal) => {
        concat!(
            "SELECT s.id, s.call_id, s.title, s.stage, s.status, s.decision_told, s.updated_at, \
                o.name_en AS org_en, o.name_zh AS org_zh, \
                COALESCE((SELECT f.name_en FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
                          WHERE sf.submission_id = s.id ORDER BY f.position LIMIT 1), '') AS field_en, \
                COALESCE((SELECT f.name_zh FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
                          WHERE sf.submission_id = s.id ORDER BY f.position LIMIT 1), '') AS field_zh \
             FROM submissions s JOIN organizations o ON o.id = s.organization_id ",
            $tail
        )
    };
}

/// The submissions a person created or is a team member of (drafts included).
pub async fn submissions_of_person(db: &Db, person_id: i64) -> Result<Vec<SubmissionRow>> {
    db.all(
        submission_rows!(
            "WHERE s.created_by = ? OR EXISTS (SELECT 1 FROM submission_members m WHERE m.submission_id = s.id AND m.person_id = ?) \
             ORDER BY s.updated_at DESC, s.id DESC"
        ),
        (person_id, person_id),
    )
    .await
}

/// A call's submissions that are no longer drafts, newest first.
pub async fn submissions_of_call(db: &Db, call_id: i64, limit: i64) -> Result<Vec<SubmissionRow>> {
    db.all(
        submission_rows!("WHERE s.call_id = ? AND s.status <> 'draft' ORDER BY s.id DESC LIMIT ?"),
        (call_id, limit),
    )
    .await
}

row! {
    /// How many of a call's submissions carry one label (a field, a hospital).
    #[derive(Debug, Clone)]
    pub struct LabelCount {
        pub name_en: String,
        pub name_zh: String,
        pub n: i64,
    }
}

/// A call's submissions per field.
pub async fn counts_by_field(db: &Db, call_id: i64) -> Result<Vec<LabelCount>> {
    db.all(
        "SELECT f.name_en, f.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN submission_fields sf ON sf.submission_id = s.id JOIN fields f ON f.id = sf.field_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY f.name_en, f.name_zh, f.position ORDER BY n DESC, f.position",
        (call_id,),
    )
    .await
}

/// A call's submissions per hospital.
pub async fn counts_by_organization(db: &Db, call_id: i64) -> Result<Vec<LabelCount>> {
    db.all(
        "SELECT o.name_en, o.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN organizations o ON o.id = s.organization_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY o.name_en, o.name_zh ORDER BY n DESC, o.name_en",
        (call_id,),
    )
    .await
}

row! {
    #[derive(Debug, Clone)]
    pub struct TeamRow {
        pub id: i64,
        pub name_en: String,
        pub name_zh: String,
        pub capabilities: String,
        pub capacity: i64,
    }
}

/// The teams a person belongs to.
pub async fn teams_of_person(db: &Db, person_id: i64) -> Result<Vec<TeamRow>> {
    db.all(
        "SELECT t.id, t.name_en, t.name_zh, t.capabilities, t.capacity FROM teams t \
         JOIN team_members m ON m.team_id = t.id WHERE m.person_id = ? ORDER BY t.name_en",
        (person_id,),
    )
    .await
}

pub async fn insert_expertise_document(
    tx: &mut Tx,
    person_id: Option<i64>,
    team_id: Option<i64>,
    kind: &str,
    title: &str,
    body: &str,
    now: i64,
) -> Result<()> {
    tx.exec(
        "INSERT INTO expertise_documents (person_id, team_id, kind, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (person_id, team_id, kind, title, body, now),
    )
    .await?;
    Ok(())
}

pub async fn insert_person_field(tx: &mut Tx, person_id: i64, field_id: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO person_fields (person_id, field_id) VALUES (?, ?)",
        (person_id, field_id),
    )
    .await?;
    Ok(())
}

row! {
    /// An open need as the engineers' home page lists it.
    #[derive(Debug, Clone)]
    pub struct OpenNeed {
        pub id: i64,
        pub problem: String,
        pub population: String,
        pub field_en: String = "name_en",
        pub field_zh: String = "name_zh",
        /// The hospital's Chinese name.
        pub organization: String = "org",
    }
}

/// Open needs, newest first, with their field and hospital (for engineers' home page).
pub async fn open_needs(db: &Db, limit: i64) -> Result<Vec<OpenNeed>> {
    db.all(
        "SELECT n.id, n.problem, n.population, f.name_en, f.name_zh, o.name_zh AS org FROM needs n \
         JOIN fields f ON f.id = n.field_id JOIN organizations o ON o.id = n.organization_id \
         WHERE n.status = 'open' ORDER BY n.id DESC LIMIT ?",
        (limit,),
    )
    .await
}

/// How many rows a table holds (for the admin page and tests); `table` is one of drx's own.
pub async fn count(db: &Db, table: &'static str) -> Result<i64> {
    const TABLES: &[&str] = &[
        "people",
        "organizations",
        "calls",
        "needs",
        "submissions",
        "teams",
        "reviews",
        "audit_events",
        "outbox",
        "expertise_documents",
        "sessions",
    ];
    assert!(TABLES.contains(&table), "count() on an unknown table");
    super::count_rows(db, table).await
}

pub async fn field_id(db: &Db, code: &str) -> Result<Option<i64>> {
    db.opt("SELECT id FROM fields WHERE code = ?", (code,))
        .await
}

row! {
    /// The settings of one call that review and assignment need.
    #[derive(Debug, Clone)]
    pub struct CallJudging {
        pub id: i64,
        pub title_en: String,
        pub title_zh: String,
        pub phase: Phase,
        pub blind_mode: BlindMode,
        pub reviews_per_submission: i64,
        pub judge_min_load: i64,
        pub judge_max_load: i64,
        pub finalists: i64,
        /// When the call was archived (read-only from then on).
        pub archived_at: Option<i64>,
    }
}

pub async fn call_settings(db: &Db, call_id: i64) -> Result<Option<CallJudging>> {
    db.opt(
        "SELECT id, title_en, title_zh, phase, blind_mode, reviews_per_submission, judge_min_load, judge_max_load, finalists, \
         archived_at FROM calls WHERE id = ?",
        (call_id,),
    )
    .await
}

/// The roles a person holds in one call ("organizer", "judge").
pub async fn call_roles(db: &Db, call_id: i64, person_id: i64) -> Result<Vec<CallRole>> {
    db.all(
        "SELECT role FROM call_roles WHERE call_id = ? AND person_id = ? ORDER BY role",
        (call_id, person_id),
    )
    .await
}

// ---- a person's expertise profile (read by `profiles`) ----

/// Replaces a person's fields with these.
pub async fn set_person_fields(tx: &mut Tx, person_id: i64, field_ids: &[i64]) -> Result<()> {
    tx.exec(
        "DELETE FROM person_fields WHERE person_id = ?",
        (person_id,),
    )
    .await?;
    for &f in field_ids {
        insert_person_field(tx, person_id, f).await?;
    }
    Ok(())
}

/// Replaces a person's bio (their `profile` document); an empty bio removes it.
pub async fn set_person_bio(
    tx: &mut Tx,
    person_id: i64,
    title: &str,
    bio: &str,
    now: i64,
) -> Result<()> {
    tx.exec(
        "DELETE FROM expertise_documents WHERE person_id = ? AND kind = 'profile'",
        (person_id,),
    )
    .await?;
    if !bio.is_empty() {
        insert_expertise_document(tx, Some(person_id), None, "profile", title, bio, now).await?;
    }
    Ok(())
}

/// Adds a past work (a `publication` document) to a person's profile; its id.
pub async fn insert_past_work(
    tx: &mut Tx,
    person_id: i64,
    title: &str,
    abstract_: &str,
    year: Option<i64>,
    venue: &str,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO expertise_documents (person_id, team_id, kind, title, body, year, venue, created_at) \
         VALUES (?, NULL, 'publication', ?, ?, ?, ?, ?) RETURNING id",
        (person_id, title, abstract_, year, venue, now),
    )
    .await
}

/// Removes one of a person's past works; false when they have none of that id.
pub async fn delete_past_work(tx: &mut Tx, person_id: i64, id: i64) -> Result<bool> {
    Ok(tx
        .exec(
            "DELETE FROM expertise_documents WHERE id = ? AND person_id = ? AND kind IN ('publication', 'project')",
            (id, person_id),
        )
        .await?
        > 0)
}

row! {
    /// A finalist of a call as its public results page may show it: the page decides what of
    /// it to print (blind rules, confidentiality).
    #[derive(Debug, Clone)]
    pub struct PublicFinalist {
        pub id: i64,
        pub title: String,
        /// Marked confidential by its authors.
        pub confidential: bool,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        /// The team's names, in the team's order.
        pub members: Vec<String> = default,
    }
}

/// A call's finalists by title, with their lead organization and team.
pub async fn finalists_of_call(db: &Db, call_id: i64) -> Result<Vec<PublicFinalist>> {
    let mut finalists: Vec<PublicFinalist> = db
        .all(
            "SELECT s.id, s.title, o.name_en AS org_en, o.name_zh AS org_zh, \
                    CAST(CASE WHEN s.confidentiality = 'normal' THEN 0 ELSE 1 END AS BIGINT) AS confidential \
             FROM submissions s JOIN organizations o ON o.id = s.organization_id \
             WHERE s.call_id = ? AND s.status = 'finalist' ORDER BY s.title, s.id",
            (call_id,),
        )
        .await?;
    let members: Vec<(i64, String)> = db
        .all(
            "SELECT m.submission_id, m.name FROM submission_members m JOIN submissions s ON s.id = m.submission_id \
             WHERE s.call_id = ? AND s.status = 'finalist' ORDER BY m.submission_id, m.position",
            (call_id,),
        )
        .await?;
    for (submission, name) in members {
        if let Some(f) = finalists.iter_mut().find(|f| f.id == submission) {
            f.members.push(name);
        }
    }
    Ok(finalists)
}
