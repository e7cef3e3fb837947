//! What the affinity and assignment engines read (judges' and teams' expertise, submissions'
//! texts, conflicts) and what assignment runs write (runs, pairs, published reviews).
use std::collections::HashMap;

use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};
use sqlx::Row;

/// A judge (or any expert) with the documents of their expertise.
#[derive(Debug, Clone)]
pub struct Expert {
    pub person_id: i64,
    pub name: String,
    pub title: String,
    pub organization_id: Option<i64>,
    pub organization_en: String,
    pub organization_zh: String,
    pub fields: Vec<String>,
    pub documents: Vec<ExpertiseDocument>,
}

/// One document of a person's expertise: their profile, a past project or a publication.
#[derive(Debug, Clone)]
pub struct ExpertiseDocument {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
}

/// The judges of a call: people holding the judge role for it, or the global judge role.
pub async fn judges_of_call(db: &Db, call_id: i64) -> Result<Vec<Expert>> {
    let rows = sqlx::query(db.q(
        "SELECT p.id, p.name, p.title, p.organization_id, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh \
         FROM people p LEFT JOIN organizations o ON o.id = p.organization_id \
         WHERE p.active = 1 AND (EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = 'judge') \
            OR EXISTS (SELECT 1 FROM call_roles c WHERE c.person_id = p.id AND c.call_id = ? AND c.role = 'judge')) \
         ORDER BY p.id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    let mut experts = Vec::with_capacity(rows.len());
    let mut index = HashMap::new();
    for r in &rows {
        index.insert(get_i64(r, "id")?, experts.len());
        experts.push(Expert {
            person_id: get_i64(r, "id")?,
            name: get_str(r, "name")?,
            title: get_str(r, "title")?,
            organization_id: get_opt_i64(r, "organization_id")?,
            organization_en: get_str(r, "org_en")?,
            organization_zh: get_str(r, "org_zh")?,
            fields: Vec::new(),
            documents: Vec::new(),
        });
    }
    let docs = sqlx::query(
        "SELECT id, person_id, kind, title, body FROM expertise_documents WHERE person_id IS NOT NULL ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await?;
    for d in &docs {
        if let Some(&i) = index.get(&get_i64(d, "person_id")?) {
            experts[i].documents.push(ExpertiseDocument {
                id: get_i64(d, "id")?,
                kind: get_str(d, "kind")?,
                title: get_str(d, "title")?,
                body: get_str(d, "body")?,
            });
        }
    }
    let fields = sqlx::query(
        "SELECT pf.person_id, f.code FROM person_fields pf JOIN fields f ON f.id = pf.field_id",
    )
    .fetch_all(&db.pool)
    .await?;
    for f in &fields {
        if let Some(&i) = index.get(&get_i64(f, "person_id")?) {
            experts[i].fields.push(get_str(f, "code")?);
        }
    }
    Ok(experts)
}

#[derive(Debug, Clone)]
pub struct TeamExpertise {
    pub team_id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub organization_id: i64,
    pub capabilities: String,
    pub technologies: String,
    pub capacity: i64,
    pub fields: Vec<String>,
}

pub async fn teams(db: &Db) -> Result<Vec<TeamExpertise>> {
    let rows = sqlx::query(
        "SELECT id, name_en, name_zh, organization_id, capabilities, technologies, capacity FROM teams ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut teams = Vec::with_capacity(rows.len());
    let mut index = HashMap::new();
    for r in &rows {
        index.insert(get_i64(r, "id")?, teams.len());
        teams.push(TeamExpertise {
            team_id: get_i64(r, "id")?,
            name_en: get_str(r, "name_en")?,
            name_zh: get_str(r, "name_zh")?,
            organization_id: get_i64(r, "organization_id")?,
            capabilities: get_str(r, "capabilities")?,
            technologies: get_str(r, "technologies")?,
            capacity: get_i64(r, "capacity")?,
            fields: Vec::new(),
        });
    }
    let fields = sqlx::query(
        "SELECT tf.team_id, f.code FROM team_fields tf JOIN fields f ON f.id = tf.field_id",
    )
    .fetch_all(&db.pool)
    .await?;
    for f in &fields {
        if let Some(&i) = index.get(&get_i64(f, "team_id")?) {
            teams[i].fields.push(get_str(f, "code")?);
        }
    }
    Ok(teams)
}

/// A submission as the engines see it.
#[derive(Debug, Clone)]
pub struct SubmissionText {
    pub id: i64,
    pub title: String,
    pub need_statement: String,
    pub solution: String,
    pub keywords: String,
    pub status: String,
    pub organization_id: i64,
    pub fields: Vec<String>,
    /// Person ids of the team, for co-authorship conflicts.
    pub members: Vec<i64>,
    /// Organizations of the team (the submitting hospital and every member's).
    pub member_organizations: Vec<i64>,
}

/// The call's submissions that take part in review (submitted, under review, or decided).
pub async fn submissions_of_call(db: &Db, call_id: i64) -> Result<Vec<SubmissionText>> {
    let rows = sqlx::query(db.q(
        "SELECT id, title, need_statement, solution, keywords, status, organization_id FROM submissions \
         WHERE call_id = ? AND status IN ('submitted', 'under_review', 'finalist', 'not_selected') ORDER BY id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    let mut subs = Vec::with_capacity(rows.len());
    let mut index = HashMap::new();
    for r in &rows {
        let id = get_i64(r, "id")?;
        let org = get_i64(r, "organization_id")?;
        index.insert(id, subs.len());
        subs.push(SubmissionText {
            id,
            title: get_str(r, "title")?,
            need_statement: get_str(r, "need_statement")?,
            solution: get_str(r, "solution")?,
            keywords: get_str(r, "keywords")?,
            status: get_str(r, "status")?,
            organization_id: org,
            fields: Vec::new(),
            members: Vec::new(),
            member_organizations: vec![org],
        });
    }
    let fields = sqlx::query(db.q(
        "SELECT sf.submission_id, f.code FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
         JOIN submissions s ON s.id = sf.submission_id WHERE s.call_id = ?",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    for f in &fields {
        if let Some(&i) = index.get(&get_i64(f, "submission_id")?) {
            subs[i].fields.push(get_str(f, "code")?);
        }
    }
    let members = sqlx::query(db.q(
        "SELECT m.submission_id, m.person_id, m.organization_id FROM submission_members m \
         JOIN submissions s ON s.id = m.submission_id WHERE s.call_id = ?",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    for m in &members {
        if let Some(&i) = index.get(&get_i64(m, "submission_id")?) {
            if let Some(p) = get_opt_i64(m, "person_id")? {
                subs[i].members.push(p);
            }
            if let Some(o) = get_opt_i64(m, "organization_id")? {
                if !subs[i].member_organizations.contains(&o) {
                    subs[i].member_organizations.push(o);
                }
            }
        }
    }
    Ok(subs)
}

/// Declared conflicts (person, submission) within a call.
pub async fn declared_conflicts(db: &Db, call_id: i64) -> Result<Vec<(i64, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT c.person_id, c.submission_id FROM conflicts c JOIN submissions s ON s.id = c.submission_id WHERE s.call_id = ?",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((get_i64(r, "person_id")?, get_i64(r, "submission_id")?)))
        .collect()
}

// ---- assignment runs ----

#[derive(Debug, Clone)]
pub struct Run {
    pub id: i64,
    pub call_id: i64,
    pub kind: String,
    pub status: String,
    pub parameters: String,
    pub objective: Option<f64>,
    pub created_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct RunPair {
    pub submission_id: i64,
    pub assignee_id: i64,
    pub affinity: f64,
    pub reason: String,
}

pub async fn insert_run(
    tx: &mut Tx,
    call_id: i64,
    kind: &str,
    parameters: &str,
    objective: f64,
    created_by: i64,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO assignment_runs (call_id, kind, status, parameters, objective, created_by, created_at) \
         VALUES (?, ?, 'draft', ?, ?, ?, ?) RETURNING id",
    ))
    .bind(call_id)
    .bind(kind)
    .bind(parameters)
    .bind(objective)
    .bind(created_by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

pub async fn insert_run_pair(tx: &mut Tx, run_id: i64, p: &RunPair) -> Result<()> {
    tx.exec("INSERT INTO assignment_pairs (run_id, submission_id, assignee_id, affinity, reason) VALUES (?, ?, ?, ?, ?)", (run_id, p.submission_id, p.assignee_id, p.affinity, &p.reason))
    .await?;
    Ok(())
}

fn run_from_row(r: &sqlx::any::AnyRow) -> Result<Run> {
    Ok(Run {
        id: get_i64(r, "id")?,
        call_id: get_i64(r, "call_id")?,
        kind: get_str(r, "kind")?,
        status: get_str(r, "status")?,
        parameters: get_str(r, "parameters")?,
        objective: r.try_get::<Option<f64>, _>("objective")?,
        created_by: get_opt_i64(r, "created_by")?,
        created_at: get_i64(r, "created_at")?,
    })
}

pub async fn run(db: &Db, run_id: i64) -> Result<Option<Run>> {
    let row = sqlx::query(db.q(
        "SELECT id, call_id, kind, status, parameters, objective, created_by, created_at FROM assignment_runs WHERE id = ?",
    ))
    .bind(run_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(run_from_row).transpose()
}

pub async fn runs_of_call(db: &Db, call_id: i64, kind: &str) -> Result<Vec<Run>> {
    let rows = sqlx::query(db.q(
        "SELECT id, call_id, kind, status, parameters, objective, created_by, created_at FROM assignment_runs \
         WHERE call_id = ? AND kind = ? ORDER BY id DESC",
    ))
    .bind(call_id)
    .bind(kind)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(run_from_row).collect()
}

pub async fn run_pairs(db: &Db, run_id: i64) -> Result<Vec<RunPair>> {
    let rows = sqlx::query(db.q(
        "SELECT submission_id, assignee_id, affinity, reason FROM assignment_pairs WHERE run_id = ? \
         ORDER BY submission_id, affinity DESC, assignee_id",
    ))
    .bind(run_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(RunPair {
                submission_id: get_i64(r, "submission_id")?,
                assignee_id: get_i64(r, "assignee_id")?,
                affinity: r.try_get::<f64, _>("affinity")?,
                reason: get_str(r, "reason")?,
            })
        })
        .collect()
}

/// Marks a run published and every other draft run of the call and kind discarded.
pub async fn publish_run(tx: &mut Tx, run: &Run) -> Result<()> {
    tx.exec("UPDATE assignment_runs SET status = 'discarded' WHERE call_id = ? AND kind = ? AND id <> ? AND status = 'draft'", (run.call_id, &run.kind, run.id))
    .await?;
    tx.exec(
        "UPDATE assignment_runs SET status = 'published' WHERE id = ?",
        (run.id,),
    )
    .await?;
    Ok(())
}

/// Gives a judge a review of a submission, unless they have one already; true when created.
pub async fn insert_review(
    tx: &mut Tx,
    submission_id: i64,
    judge_id: i64,
    now: i64,
) -> Result<bool> {
    let exists =
        sqlx::query(tx.q("SELECT id FROM reviews WHERE submission_id = ? AND judge_id = ?"))
            .bind(submission_id)
            .bind(judge_id)
            .fetch_optional(tx.conn())
            .await?;
    if exists.is_some() {
        return Ok(false);
    }
    tx.exec("INSERT INTO reviews (submission_id, judge_id, status, created_at, updated_at) VALUES (?, ?, 'assigned', ?, ?)", (submission_id, judge_id, now, now))
    .await?;
    Ok(true)
}

/// Moves submitted submissions of a call under review once judges are assigned.
pub async fn mark_under_review(tx: &mut Tx, call_id: i64, now: i64) -> Result<()> {
    tx.exec("UPDATE submissions SET status = 'under_review', updated_at = ? WHERE call_id = ? AND status = 'submitted' \
         AND EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = submissions.id)", (now, call_id))
    .await?;
    Ok(())
}

row! {
    /// A review a judge holds.
    #[derive(Debug, Clone)]
    pub struct AssignedReview {
        pub id: i64,
        pub submission_id: i64,
        pub submission_title: String = "title",
        pub status: String,
        pub call_id: i64,
    }
}

/// A judge's assigned reviews.
pub async fn reviews_of_judge(db: &Db, judge_id: i64) -> Result<Vec<AssignedReview>> {
    db.all(
        "SELECT r.id, r.submission_id, s.title, r.status, s.call_id FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         WHERE r.judge_id = ? AND s.status <> 'withdrawn' ORDER BY r.status, s.id",
        (judge_id,),
    )
    .await
}

pub async fn insert_notice(
    tx: &mut Tx,
    person_id: i64,
    body: &str,
    link: &str,
    now: i64,
) -> Result<()> {
    tx.exec(
        "INSERT INTO notices (person_id, body, link, created_at) VALUES (?, ?, ?, ?)",
        (person_id, body, link, now),
    )
    .await?;
    Ok(())
}

/// An open need as the engines see it.
#[derive(Debug, Clone)]
pub struct NeedText {
    pub id: i64,
    pub problem: String,
    pub population: String,
    pub outcome: String,
    pub current_practice: String,
    pub field: String,
    pub field_en: String,
    pub field_zh: String,
    pub organization_en: String,
    pub organization_zh: String,
}

/// What the need catalogue's affinity model is built from, in a few numbers: it changes whenever
/// an open need, a team, a team's field or a sentence vector is added. (Needs and teams have no
/// text edits; a path that adds one must keep this fingerprint moving.)
pub async fn need_catalogue_fingerprint(db: &Db) -> Result<[i64; 7]> {
    let r = sqlx::query(
        "SELECT CAST((SELECT COUNT(*) FROM needs WHERE status = 'open') AS BIGINT) AS a, \
                CAST((SELECT COALESCE(MAX(id), 0) FROM needs) AS BIGINT) AS b, \
                CAST((SELECT COUNT(*) FROM teams) AS BIGINT) AS c, \
                CAST((SELECT COALESCE(MAX(id), 0) FROM teams) AS BIGINT) AS d, \
                CAST((SELECT COUNT(*) FROM team_fields) AS BIGINT) AS e, \
                CAST((SELECT COUNT(*) FROM embeddings) AS BIGINT) AS f, \
                CAST((SELECT COALESCE(MAX(created_at), 0) FROM embeddings) AS BIGINT) AS g",
    )
    .fetch_one(&db.pool)
    .await?;
    Ok([
        get_i64(&r, "a")?,
        get_i64(&r, "b")?,
        get_i64(&r, "c")?,
        get_i64(&r, "d")?,
        get_i64(&r, "e")?,
        get_i64(&r, "f")?,
        get_i64(&r, "g")?,
    ])
}

pub async fn open_needs(db: &Db) -> Result<Vec<NeedText>> {
    let rows = sqlx::query(
        "SELECT n.id, n.problem, n.population, n.outcome, n.current_practice, f.code, f.name_en, f.name_zh, \
                o.name_en AS org_en, o.name_zh AS org_zh \
         FROM needs n JOIN fields f ON f.id = n.field_id JOIN organizations o ON o.id = n.organization_id \
         WHERE n.status = 'open' ORDER BY n.id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(NeedText {
                id: get_i64(r, "id")?,
                problem: get_str(r, "problem")?,
                population: get_str(r, "population")?,
                outcome: get_str(r, "outcome")?,
                current_practice: get_str(r, "current_practice")?,
                field: get_str(r, "code")?,
                field_en: get_str(r, "name_en")?,
                field_zh: get_str(r, "name_zh")?,
                organization_en: get_str(r, "org_en")?,
                organization_zh: get_str(r, "org_zh")?,
            })
        })
        .collect()
}

/// The id of the newest call (the one home pages talk about).
pub async fn current_call(db: &Db) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT id FROM calls ORDER BY created_at DESC, id DESC LIMIT 1")
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| get_i64(&r, "id")).transpose()
}

/// The call a submission belongs to.
pub async fn call_of_submission(db: &Db, submission_id: i64) -> Result<Option<i64>> {
    let row = sqlx::query(db.q("SELECT call_id FROM submissions WHERE id = ?"))
        .bind(submission_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| get_i64(&r, "call_id")).transpose()
}
