//! Organizations, the field taxonomy, calls, submissions, teams and expertise documents.
use super::{get_i64, get_str, Db, Result, Tx};

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: i64,
    pub kind: String,
    pub name_en: String,
    pub name_zh: String,
    pub city: String,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: i64,
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
}

pub async fn insert_organization(
    tx: &mut Tx,
    kind: &str,
    name_en: &str,
    name_zh: &str,
    city: &str,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO organizations (kind, name_en, name_zh, city, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(kind)
    .bind(name_en)
    .bind(name_zh)
    .bind(city)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

pub async fn organizations(db: &Db) -> Result<Vec<Organization>> {
    let rows = sqlx::query(
        "SELECT id, kind, name_en, name_zh, city FROM organizations ORDER BY kind, name_en",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Organization {
                id: get_i64(r, "id")?,
                kind: get_str(r, "kind")?,
                name_en: get_str(r, "name_en")?,
                name_zh: get_str(r, "name_zh")?,
                city: get_str(r, "city")?,
            })
        })
        .collect()
}

pub async fn fields(db: &Db) -> Result<Vec<Field>> {
    let rows = sqlx::query("SELECT id, code, name_en, name_zh FROM fields ORDER BY position, id")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Field {
                id: get_i64(r, "id")?,
                code: get_str(r, "code")?,
                name_en: get_str(r, "name_en")?,
                name_zh: get_str(r, "name_zh")?,
            })
        })
        .collect()
}

pub struct NewCall<'a> {
    pub slug: &'a str,
    pub title_en: &'a str,
    pub title_zh: &'a str,
    pub description_en: &'a str,
    pub description_zh: &'a str,
    pub phase: &'a str,
    pub reviews_per_submission: i64,
    pub judge_min_load: i64,
    pub judge_max_load: i64,
    pub finalists: i64,
    pub blind_mode: &'a str,
    pub created_by: Option<i64>,
}

pub async fn insert_call(tx: &mut Tx, c: &NewCall<'_>, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO calls (slug, title_en, title_zh, description_en, description_zh, phase, reviews_per_submission, \
         judge_min_load, judge_max_load, finalists, blind_mode, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(c.slug)
    .bind(c.title_en)
    .bind(c.title_zh)
    .bind(c.description_en)
    .bind(c.description_zh)
    .bind(c.phase)
    .bind(c.reviews_per_submission)
    .bind(c.judge_min_load)
    .bind(c.judge_max_load)
    .bind(c.finalists)
    .bind(c.blind_mode)
    .bind(c.created_by)
    .bind(now)
    .fetch_one(tx.conn())
    .await
    .map_err(|e| super::StoreError::from(e).duplicate_as(&format!("a call named {}", c.slug)))?;
    get_i64(&row, "id")
}

pub async fn insert_call_phase(
    tx: &mut Tx,
    call_id: i64,
    phase: &str,
    starts_at: i64,
    ends_at: i64,
) -> Result<()> {
    sqlx::query(
        tx.q("INSERT INTO call_phases (call_id, phase, starts_at, ends_at) VALUES (?, ?, ?, ?)"),
    )
    .bind(call_id)
    .bind(phase)
    .bind(starts_at)
    .bind(ends_at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

pub async fn insert_call_field(tx: &mut Tx, call_id: i64, field_id: i64) -> Result<()> {
    sqlx::query(tx.q("INSERT INTO call_fields (call_id, field_id) VALUES (?, ?)"))
        .bind(call_id)
        .bind(field_id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

pub async fn insert_call_role(tx: &mut Tx, call_id: i64, person_id: i64, role: &str) -> Result<()> {
    sqlx::query(tx.q("INSERT INTO call_roles (call_id, person_id, role) VALUES (?, ?, ?)"))
        .bind(call_id)
        .bind(person_id)
        .bind(role)
        .execute(tx.conn())
        .await?;
    Ok(())
}

pub async fn insert_criterion(
    tx: &mut Tx,
    call_id: i64,
    position: i64,
    name_en: &str,
    name_zh: &str,
    weight: f64,
    scale: (i64, i64),
) -> Result<()> {
    sqlx::query(tx.q(
        "INSERT INTO rubric_criteria (call_id, position, name_en, name_zh, weight, scale_min, scale_max) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ))
    .bind(call_id)
    .bind(position)
    .bind(name_en)
    .bind(name_zh)
    .bind(weight)
    .bind(scale.0)
    .bind(scale.1)
    .execute(tx.conn())
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct CallSummary {
    pub id: i64,
    pub slug: String,
    pub title_en: String,
    pub title_zh: String,
    pub phase: String,
    pub blind_mode: String,
    pub finalists: i64,
    pub submissions: i64,
}

pub async fn calls(db: &Db) -> Result<Vec<CallSummary>> {
    let rows = sqlx::query(
        "SELECT c.id, c.slug, c.title_en, c.title_zh, c.phase, c.blind_mode, c.finalists, \
                CAST((SELECT COUNT(*) FROM submissions s WHERE s.call_id = c.id AND s.status <> 'draft') AS BIGINT) AS n \
         FROM calls c ORDER BY c.created_at DESC, c.id DESC",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(CallSummary {
                id: get_i64(r, "id")?,
                slug: get_str(r, "slug")?,
                title_en: get_str(r, "title_en")?,
                title_zh: get_str(r, "title_zh")?,
                phase: get_str(r, "phase")?,
                blind_mode: get_str(r, "blind_mode")?,
                finalists: get_i64(r, "finalists")?,
                submissions: get_i64(r, "n")?,
            })
        })
        .collect()
}

pub struct NewNeed<'a> {
    pub organization_id: i64,
    pub field_id: i64,
    pub problem: &'a str,
    pub population: &'a str,
    pub outcome: &'a str,
    pub current_practice: &'a str,
    pub urgency: &'a str,
    pub lang: &'a str,
    pub created_by: Option<i64>,
}

pub async fn insert_need(tx: &mut Tx, n: &NewNeed<'_>, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO needs (organization_id, field_id, problem, population, outcome, current_practice, urgency, status, lang, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
    ))
    .bind(n.organization_id)
    .bind(n.field_id)
    .bind(n.problem)
    .bind(n.population)
    .bind(n.outcome)
    .bind(n.current_practice)
    .bind(n.urgency)
    .bind(n.lang)
    .bind(n.created_by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

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
    pub status: &'a str,
    pub lang: &'a str,
    pub field_ids: &'a [i64],
}

pub async fn insert_submission(tx: &mut Tx, s: &NewSubmission<'_>, now: i64) -> Result<i64> {
    let submitted_at = (s.status != "draft").then_some(now);
    let row = sqlx::query(tx.q(
        "INSERT INTO submissions (call_id, need_id, organization_id, created_by, title, need_statement, solution, evidence, \
         stage, keywords, status, lang, version, submitted_at, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
    ))
    .bind(s.call_id)
    .bind(s.need_id)
    .bind(s.organization_id)
    .bind(s.created_by)
    .bind(s.title)
    .bind(s.need_statement)
    .bind(s.solution)
    .bind(s.evidence)
    .bind(s.stage)
    .bind(s.keywords)
    .bind(s.status)
    .bind(s.lang)
    .bind(submitted_at)
    .bind(now)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    let id = get_i64(&row, "id")?;
    for f in s.field_ids {
        sqlx::query(tx.q("INSERT INTO submission_fields (submission_id, field_id) VALUES (?, ?)"))
            .bind(id)
            .bind(*f)
            .execute(tx.conn())
            .await?;
    }
    Ok(id)
}

pub async fn insert_submission_member(
    tx: &mut Tx,
    submission_id: i64,
    position: i64,
    person_id: Option<i64>,
    name: &str,
    organization_id: Option<i64>,
    role: &str,
) -> Result<()> {
    sqlx::query(tx.q(
        "INSERT INTO submission_members (submission_id, position, person_id, name, organization_id, role) VALUES (?, ?, ?, ?, ?, ?)",
    ))
    .bind(submission_id)
    .bind(position)
    .bind(person_id)
    .bind(name)
    .bind(organization_id)
    .bind(role)
    .execute(tx.conn())
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct SubmissionRow {
    pub id: i64,
    pub call_id: i64,
    pub title: String,
    pub stage: String,
    pub status: String,
    pub organization_en: String,
    pub organization_zh: String,
    pub field_en: String,
    pub field_zh: String,
    pub updated_at: i64,
}

const SUBMISSION_ROW_SQL: &str =
    "SELECT s.id, s.call_id, s.title, s.stage, s.status, s.updated_at, \
        o.name_en AS org_en, o.name_zh AS org_zh, \
        COALESCE((SELECT f.name_en FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
                  WHERE sf.submission_id = s.id ORDER BY f.position LIMIT 1), '') AS field_en, \
        COALESCE((SELECT f.name_zh FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
                  WHERE sf.submission_id = s.id ORDER BY f.position LIMIT 1), '') AS field_zh \
     FROM submissions s JOIN organizations o ON o.id = s.organization_id";

fn submission_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<SubmissionRow>> {
    rows.iter()
        .map(|r| {
            Ok(SubmissionRow {
                id: get_i64(r, "id")?,
                call_id: get_i64(r, "call_id")?,
                title: get_str(r, "title")?,
                stage: get_str(r, "stage")?,
                status: get_str(r, "status")?,
                organization_en: get_str(r, "org_en")?,
                organization_zh: get_str(r, "org_zh")?,
                field_en: get_str(r, "field_en")?,
                field_zh: get_str(r, "field_zh")?,
                updated_at: get_i64(r, "updated_at")?,
            })
        })
        .collect()
}

fn with_tail(tail: &'static str) -> &'static str {
    // Each (query, tail) pair is built once; the set of tails is fixed at compile time.
    static CACHE: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<&'static str, &'static str>>,
    > = std::sync::OnceLock::new();
    let mut map = CACHE
        .get_or_init(Default::default)
        .lock()
        .expect("query cache poisoned");
    map.entry(tail)
        .or_insert_with(|| Box::leak(format!("{SUBMISSION_ROW_SQL} {tail}").into_boxed_str()))
}

/// The submissions a person created or is a team member of (drafts included).
pub async fn submissions_of_person(db: &Db, person_id: i64) -> Result<Vec<SubmissionRow>> {
    let sql = with_tail(
        "WHERE s.created_by = ? OR EXISTS (SELECT 1 FROM submission_members m WHERE m.submission_id = s.id AND m.person_id = ?) \
         ORDER BY s.updated_at DESC, s.id DESC",
    );
    let rows = sqlx::query(db.q(sql))
        .bind(person_id)
        .bind(person_id)
        .fetch_all(&db.pool)
        .await?;
    submission_rows(&rows)
}

/// A call's submissions that are no longer drafts, newest first.
pub async fn submissions_of_call(db: &Db, call_id: i64, limit: i64) -> Result<Vec<SubmissionRow>> {
    let sql = with_tail("WHERE s.call_id = ? AND s.status <> 'draft' ORDER BY s.id DESC LIMIT ?");
    let rows = sqlx::query(db.q(sql))
        .bind(call_id)
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    submission_rows(&rows)
}

/// (label in English, label in Chinese, count) of a call's submissions per field.
pub async fn counts_by_field(db: &Db, call_id: i64) -> Result<Vec<(String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT f.name_en, f.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN submission_fields sf ON sf.submission_id = s.id JOIN fields f ON f.id = sf.field_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY f.name_en, f.name_zh, f.position ORDER BY n DESC, f.position",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_str(r, "name_en")?,
                get_str(r, "name_zh")?,
                get_i64(r, "n")?,
            ))
        })
        .collect()
}

/// (hospital in English, in Chinese, count) of a call's submissions.
pub async fn counts_by_organization(db: &Db, call_id: i64) -> Result<Vec<(String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT o.name_en, o.name_zh, CAST(COUNT(*) AS BIGINT) AS n FROM submissions s \
         JOIN organizations o ON o.id = s.organization_id \
         WHERE s.call_id = ? AND s.status <> 'draft' GROUP BY o.name_en, o.name_zh ORDER BY n DESC, o.name_en",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_str(r, "name_en")?,
                get_str(r, "name_zh")?,
                get_i64(r, "n")?,
            ))
        })
        .collect()
}

pub struct NewTeam<'a> {
    pub organization_id: i64,
    pub name_en: &'a str,
    pub name_zh: &'a str,
    pub capabilities: &'a str,
    pub technologies: &'a str,
    pub capacity: i64,
}

pub async fn insert_team(tx: &mut Tx, t: &NewTeam<'_>, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO teams (organization_id, name_en, name_zh, capabilities, technologies, capacity, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(t.organization_id)
    .bind(t.name_en)
    .bind(t.name_zh)
    .bind(t.capabilities)
    .bind(t.technologies)
    .bind(t.capacity)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

pub async fn insert_team_member(
    tx: &mut Tx,
    team_id: i64,
    person_id: i64,
    lead: bool,
) -> Result<()> {
    sqlx::query(tx.q("INSERT INTO team_members (team_id, person_id, lead) VALUES (?, ?, ?)"))
        .bind(team_id)
        .bind(person_id)
        .bind(lead as i64)
        .execute(tx.conn())
        .await?;
    Ok(())
}

pub async fn insert_team_field(tx: &mut Tx, team_id: i64, field_id: i64) -> Result<()> {
    sqlx::query(tx.q("INSERT INTO team_fields (team_id, field_id) VALUES (?, ?)"))
        .bind(team_id)
        .bind(field_id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct TeamRow {
    pub id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub capabilities: String,
    pub capacity: i64,
}

/// The teams a person belongs to.
pub async fn teams_of_person(db: &Db, person_id: i64) -> Result<Vec<TeamRow>> {
    let rows = sqlx::query(db.q(
        "SELECT t.id, t.name_en, t.name_zh, t.capabilities, t.capacity FROM teams t \
         JOIN team_members m ON m.team_id = t.id WHERE m.person_id = ? ORDER BY t.name_en",
    ))
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(TeamRow {
                id: get_i64(r, "id")?,
                name_en: get_str(r, "name_en")?,
                name_zh: get_str(r, "name_zh")?,
                capabilities: get_str(r, "capabilities")?,
                capacity: get_i64(r, "capacity")?,
            })
        })
        .collect()
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
    sqlx::query(tx.q(
        "INSERT INTO expertise_documents (person_id, team_id, kind, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ))
    .bind(person_id)
    .bind(team_id)
    .bind(kind)
    .bind(title)
    .bind(body)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}

pub async fn insert_person_field(tx: &mut Tx, person_id: i64, field_id: i64) -> Result<()> {
    sqlx::query(tx.q("INSERT INTO person_fields (person_id, field_id) VALUES (?, ?)"))
        .bind(person_id)
        .bind(field_id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Open needs, newest first, with their field and hospital (for engineers' home page).
pub async fn open_needs(
    db: &Db,
    limit: i64,
) -> Result<Vec<(i64, String, String, String, String, String)>> {
    let rows = sqlx::query(db.q(
        "SELECT n.id, n.problem, n.population, f.name_en, f.name_zh, o.name_zh AS org FROM needs n \
         JOIN fields f ON f.id = n.field_id JOIN organizations o ON o.id = n.organization_id \
         WHERE n.status = 'open' ORDER BY n.id DESC LIMIT ?",
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_str(r, "problem")?,
                get_str(r, "population")?,
                get_str(r, "name_en")?,
                get_str(r, "name_zh")?,
                get_str(r, "org")?,
            ))
        })
        .collect()
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
    let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table}");
    let row = sqlx::query(&sql).fetch_one(&db.pool).await?;
    get_i64(&row, "n")
}

pub async fn field_id(db: &Db, code: &str) -> Result<Option<i64>> {
    let row = sqlx::query(db.q("SELECT id FROM fields WHERE code = ?"))
        .bind(code)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| get_i64(&r, "id")).transpose()
}

/// The settings of one call that review and assignment need.
#[derive(Debug, Clone)]
pub struct CallJudging {
    pub id: i64,
    pub title_en: String,
    pub title_zh: String,
    pub phase: String,
    pub blind_mode: String,
    pub reviews_per_submission: i64,
    pub judge_min_load: i64,
    pub judge_max_load: i64,
    pub finalists: i64,
}

pub async fn call_settings(db: &Db, call_id: i64) -> Result<Option<CallJudging>> {
    let row = sqlx::query(db.q(
        "SELECT id, title_en, title_zh, phase, blind_mode, reviews_per_submission, judge_min_load, judge_max_load, finalists \
         FROM calls WHERE id = ?",
    ))
    .bind(call_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(CallJudging {
            id: get_i64(&r, "id")?,
            title_en: get_str(&r, "title_en")?,
            title_zh: get_str(&r, "title_zh")?,
            phase: get_str(&r, "phase")?,
            blind_mode: get_str(&r, "blind_mode")?,
            reviews_per_submission: get_i64(&r, "reviews_per_submission")?,
            judge_min_load: get_i64(&r, "judge_min_load")?,
            judge_max_load: get_i64(&r, "judge_max_load")?,
            finalists: get_i64(&r, "finalists")?,
        })
    })
    .transpose()
}

/// The roles a person holds in one call ("organizer", "judge").
pub async fn call_roles(db: &Db, call_id: i64, person_id: i64) -> Result<Vec<String>> {
    let rows = sqlx::query(
        db.q("SELECT role FROM call_roles WHERE call_id = ? AND person_id = ? ORDER BY role"),
    )
    .bind(call_id)
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| get_str(r, "role")).collect()
}
