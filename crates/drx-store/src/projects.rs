//! The commercialisation pipeline's tables: projects, their gate checklists and decisions,
//! milestones, and the counts the dashboards and reports are drawn from.
use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A project with the names a page or an export shows beside it.
#[derive(Debug, Clone)]
pub struct ProjectRow {
    pub id: i64,
    pub submission_id: i64,
    pub title: String,
    pub call_id: i64,
    pub team_id: Option<i64>,
    pub team_en: String,
    pub team_zh: String,
    pub poc_centre_id: Option<i64>,
    pub poc_en: String,
    pub poc_zh: String,
    pub stage: String,
    pub status: String,
    pub pathway: String,
    pub stage_since: i64,
    pub created_at: i64,
    /// Milestones not done and past due at the time given to the query.
    pub overdue: i64,
}

/// What the authorization layer needs to know about one project and one person.
#[derive(Debug, Clone, Default)]
pub struct AccessFacts {
    pub call_organizer: bool,
    pub on_team: bool,
    pub clinician: bool,
    pub poc_centre_id: Option<i64>,
}

const SELECT: &str = "SELECT p.id, p.submission_id, s.title, s.call_id, p.team_id, \
     COALESCE(t.name_en, '') AS team_en, COALESCE(t.name_zh, '') AS team_zh, p.poc_centre_id, \
     COALESCE(o.name_en, '') AS poc_en, COALESCE(o.name_zh, '') AS poc_zh, p.stage, p.status, \
     p.pathway, p.stage_since, p.created_at, \
     (SELECT COUNT(*) FROM milestones m WHERE m.project_id = p.id AND m.done_at IS NULL AND m.due_at < ?) AS overdue, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM call_roles r WHERE r.call_id = s.call_id AND r.person_id = ? AND r.role = 'organizer') THEN 1 ELSE 0 END AS BIGINT) AS a_org, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = p.team_id AND tm.person_id = ?) THEN 1 ELSE 0 END AS BIGINT) AS a_team, \
     CAST(CASE WHEN s.created_by = ? OR EXISTS (SELECT 1 FROM submission_members sm WHERE sm.submission_id = s.id AND sm.person_id = ?) THEN 1 ELSE 0 END AS BIGINT) AS a_clin \
     FROM projects p JOIN submissions s ON s.id = p.submission_id \
     LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN organizations o ON o.id = p.poc_centre_id";

fn project_from_row(r: &AnyRow) -> Result<(ProjectRow, AccessFacts)> {
    let p = ProjectRow {
        id: get_i64(r, "id")?,
        submission_id: get_i64(r, "submission_id")?,
        title: get_str(r, "title")?,
        call_id: get_i64(r, "call_id")?,
        team_id: get_opt_i64(r, "team_id")?,
        team_en: get_str(r, "team_en")?,
        team_zh: get_str(r, "team_zh")?,
        poc_centre_id: get_opt_i64(r, "poc_centre_id")?,
        poc_en: get_str(r, "poc_en")?,
        poc_zh: get_str(r, "poc_zh")?,
        stage: get_str(r, "stage")?,
        status: get_str(r, "status")?,
        pathway: get_str(r, "pathway")?,
        stage_since: get_i64(r, "stage_since")?,
        created_at: get_i64(r, "created_at")?,
        overdue: get_i64(r, "overdue")?,
    };
    let a = AccessFacts {
        call_organizer: get_i64(r, "a_org")? == 1,
        on_team: get_i64(r, "a_team")? == 1,
        clinician: get_i64(r, "a_clin")? == 1,
        poc_centre_id: p.poc_centre_id,
    };
    Ok((p, a))
}

/// Every project, each with the person's relation to it (the caller filters by permission).
pub async fn all_with_access(
    db: &Db,
    person_id: i64,
    now: i64,
) -> Result<Vec<(ProjectRow, AccessFacts)>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| Box::leak(format!("{SELECT} ORDER BY p.id").into_boxed_str()));
    let rows = sqlx::query(db.q(sql))
        .bind(now)
        .bind(person_id)
        .bind(person_id)
        .bind(person_id)
        .bind(person_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(project_from_row).collect()
}

/// One project and the person's relation to it.
pub async fn with_access(
    db: &Db,
    project_id: i64,
    person_id: i64,
    now: i64,
) -> Result<Option<(ProjectRow, AccessFacts)>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| Box::leak(format!("{SELECT} WHERE p.id = ?").into_boxed_str()));
    let row = sqlx::query(db.q(sql))
        .bind(now)
        .bind(person_id)
        .bind(person_id)
        .bind(person_id)
        .bind(person_id)
        .bind(project_id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(project_from_row).transpose()
}

pub struct NewProject {
    pub submission_id: i64,
    pub team_id: i64,
    pub poc_centre_id: Option<i64>,
    pub created_by: i64,
}

pub async fn insert(tx: &mut Tx, p: &NewProject, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO projects (submission_id, team_id, poc_centre_id, stage, status, pathway, stage_since, created_by, created_at) \
         VALUES (?, ?, ?, 'concept', 'active', '', ?, ?, ?) RETURNING id",
    ))
    .bind(p.submission_id)
    .bind(p.team_id)
    .bind(p.poc_centre_id)
    .bind(now)
    .bind(p.created_by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    Ok(row.try_get::<i64, _>("id")?)
}

/// The project of a submission, if one was made.
pub async fn of_submission(tx: &mut Tx, submission_id: i64) -> Result<Option<i64>> {
    let row = sqlx::query(tx.q("SELECT id FROM projects WHERE submission_id = ?"))
        .bind(submission_id)
        .fetch_optional(tx.conn())
        .await?;
    row.map(|r| get_i64(&r, "id")).transpose()
}

/// A project's stage and status, read inside the deciding transaction.
pub async fn state_for_update(tx: &mut Tx, project_id: i64) -> Result<Option<(String, String)>> {
    let row = sqlx::query(tx.q("SELECT stage, status FROM projects WHERE id = ?"))
        .bind(project_id)
        .fetch_optional(tx.conn())
        .await?;
    row.map(|r| Ok((get_str(&r, "stage")?, get_str(&r, "status")?)))
        .transpose()
}

pub async fn pathway_in_tx(tx: &mut Tx, project_id: i64) -> Result<String> {
    let row = sqlx::query(tx.q("SELECT pathway FROM projects WHERE id = ?"))
        .bind(project_id)
        .fetch_one(tx.conn())
        .await?;
    get_str(&row, "pathway")
}

/// Moves a project; `stage_since` restarts only when the stage changes.
pub async fn set_state(
    tx: &mut Tx,
    project_id: i64,
    stage: &str,
    status: &str,
    now: i64,
) -> Result<()> {
    tx.exec("UPDATE projects SET stage_since = CASE WHEN stage = ? THEN stage_since ELSE ? END, stage = ?, status = ? WHERE id = ?", (stage, now, stage, status, project_id))
    .await?;
    Ok(())
}

pub async fn set_pathway(tx: &mut Tx, project_id: i64, pathway: &str) -> Result<()> {
    tx.exec(
        "UPDATE projects SET pathway = ? WHERE id = ?",
        (pathway, project_id),
    )
    .await?;
    Ok(())
}

/// The ticked items of one gate.
pub async fn checks_in_tx(tx: &mut Tx, project_id: i64, gate: &str) -> Result<Vec<String>> {
    let rows = sqlx::query(tx.q("SELECT item FROM gate_checks WHERE project_id = ? AND gate = ?"))
        .bind(project_id)
        .bind(gate)
        .fetch_all(tx.conn())
        .await?;
    rows.iter().map(|r| get_str(r, "item")).collect()
}

/// Every ticked item of a project: (gate, item, by whom, when).
pub async fn checks(db: &Db, project_id: i64) -> Result<Vec<(String, String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT c.gate, c.item, p.name, c.checked_at FROM gate_checks c JOIN people p ON p.id = c.checked_by \
         WHERE c.project_id = ? ORDER BY c.checked_at",
    ))
    .bind(project_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_str(r, "gate")?,
                get_str(r, "item")?,
                get_str(r, "name")?,
                get_i64(r, "checked_at")?,
            ))
        })
        .collect()
}

/// Ticks or unticks an item; returns whether anything changed.
pub async fn set_check(
    tx: &mut Tx,
    project_id: i64,
    gate: &str,
    item: &str,
    on: bool,
    by: i64,
    now: i64,
) -> Result<bool> {
    let done = if on {
        tx.exec("INSERT INTO gate_checks (project_id, gate, item, checked_by, checked_at) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT (project_id, gate, item) DO NOTHING", (project_id, gate, item, by, now))
        .await?
    } else {
        tx.exec(
            "DELETE FROM gate_checks WHERE project_id = ? AND gate = ? AND item = ?",
            (project_id, gate, item),
        )
        .await?
    };
    Ok(done > 0)
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub id: i64,
    pub gate: String,
    pub decision: String,
    pub reason: String,
    pub decided_by: String,
    pub decided_at: i64,
}

pub async fn insert_decision(
    tx: &mut Tx,
    project_id: i64,
    gate: &str,
    decision: &str,
    reason: &str,
    by: i64,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO gate_decisions (project_id, gate, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(project_id)
    .bind(gate)
    .bind(decision)
    .bind(reason)
    .bind(by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    Ok(row.try_get::<i64, _>("id")?)
}

pub async fn decisions(db: &Db, project_id: i64) -> Result<Vec<Decision>> {
    let rows = sqlx::query(db.q(
        "SELECT d.id, d.gate, d.decision, d.reason, p.name, d.decided_at FROM gate_decisions d \
         JOIN people p ON p.id = d.decided_by WHERE d.project_id = ? ORDER BY d.id",
    ))
    .bind(project_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Decision {
                id: get_i64(r, "id")?,
                gate: get_str(r, "gate")?,
                decision: get_str(r, "decision")?,
                reason: get_str(r, "reason")?,
                decided_by: get_str(r, "name")?,
                decided_at: get_i64(r, "decided_at")?,
            })
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct Milestone {
    pub id: i64,
    pub project_id: i64,
    pub title: String,
    pub owner_id: Option<i64>,
    pub owner: String,
    pub due_at: i64,
    pub done_at: Option<i64>,
}

pub async fn insert_milestone(
    tx: &mut Tx,
    project_id: i64,
    title: &str,
    owner_id: Option<i64>,
    due_at: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO milestones (project_id, title, owner_id, due_at) VALUES (?, ?, ?, ?) RETURNING id",
    ))
    .bind(project_id)
    .bind(title)
    .bind(owner_id)
    .bind(due_at)
    .fetch_one(tx.conn())
    .await?;
    Ok(row.try_get::<i64, _>("id")?)
}

fn milestone_from_row(r: &AnyRow) -> Result<Milestone> {
    Ok(Milestone {
        id: get_i64(r, "id")?,
        project_id: get_i64(r, "project_id")?,
        title: get_str(r, "title")?,
        owner_id: get_opt_i64(r, "owner_id")?,
        owner: get_str(r, "owner")?,
        due_at: get_i64(r, "due_at")?,
        done_at: get_opt_i64(r, "done_at")?,
    })
}

pub async fn milestones(db: &Db, project_id: i64) -> Result<Vec<Milestone>> {
    let rows = sqlx::query(db.q(
        "SELECT m.id, m.project_id, m.title, m.owner_id, COALESCE(p.name, '') AS owner, m.due_at, m.done_at \
         FROM milestones m LEFT JOIN people p ON p.id = m.owner_id WHERE m.project_id = ? ORDER BY m.due_at, m.id",
    ))
    .bind(project_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(milestone_from_row).collect()
}

pub async fn milestone(db: &Db, id: i64) -> Result<Option<Milestone>> {
    let row = sqlx::query(db.q(
        "SELECT m.id, m.project_id, m.title, m.owner_id, COALESCE(p.name, '') AS owner, m.due_at, m.done_at \
         FROM milestones m LEFT JOIN people p ON p.id = m.owner_id WHERE m.id = ?",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(milestone_from_row).transpose()
}

/// Marks a milestone done once; returns false when it already was.
pub async fn mark_done(tx: &mut Tx, id: i64, now: i64) -> Result<bool> {
    let r = tx
        .exec(
            "UPDATE milestones SET done_at = ? WHERE id = ? AND done_at IS NULL",
            (now, id),
        )
        .await?;
    Ok(r > 0)
}

/// Submissions a project may be made from: not drafts, withdrawn or rejected, not yet a project.
/// (id, call id, title, status)
pub async fn candidates(db: &Db) -> Result<Vec<(i64, i64, String, String)>> {
    let rows = sqlx::query(
        "SELECT s.id, s.call_id, s.title, s.status FROM submissions s \
         WHERE s.status IN ('finalist', 'submitted', 'under_review') \
         AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.submission_id = s.id) \
         ORDER BY CASE WHEN s.status = 'finalist' THEN 0 ELSE 1 END, s.id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_i64(r, "call_id")?,
                get_str(r, "title")?,
                get_str(r, "status")?,
            ))
        })
        .collect()
}

/// A submission's call and status, for the creating service.
pub async fn submission_state(tx: &mut Tx, submission_id: i64) -> Result<Option<(i64, String)>> {
    let row = sqlx::query(tx.q("SELECT call_id, status FROM submissions WHERE id = ?"))
        .bind(submission_id)
        .fetch_optional(tx.conn())
        .await?;
    row.map(|r| Ok((get_i64(&r, "call_id")?, get_str(&r, "status")?)))
        .transpose()
}

/// Engineering teams: (id, English name, Chinese name).
pub async fn teams(db: &Db) -> Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query("SELECT id, name_en, name_zh FROM teams ORDER BY id")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_str(r, "name_en")?,
                get_str(r, "name_zh")?,
            ))
        })
        .collect()
}

/// The organization's kind, to check a PoC centre or a team exists.
pub async fn organization_kind(tx: &mut Tx, id: i64) -> Result<Option<String>> {
    let row = sqlx::query(tx.q("SELECT kind FROM organizations WHERE id = ?"))
        .bind(id)
        .fetch_optional(tx.conn())
        .await?;
    row.map(|r| get_str(&r, "kind")).transpose()
}

pub async fn team_exists(tx: &mut Tx, id: i64) -> Result<bool> {
    let row = sqlx::query(tx.q("SELECT id FROM teams WHERE id = ?"))
        .bind(id)
        .fetch_optional(tx.conn())
        .await?;
    Ok(row.is_some())
}

/// People who may own a milestone of the project: its team, its submission's clinicians, and
/// the staff of its PoC centre. (id, name)
pub async fn possible_owners(db: &Db, project_id: i64) -> Result<Vec<(i64, String)>> {
    let rows = sqlx::query(db.q(
        "SELECT DISTINCT pe.id, pe.name FROM people pe, projects p JOIN submissions s ON s.id = p.submission_id \
         WHERE p.id = ? AND pe.active = 1 AND ( \
           EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = p.team_id AND tm.person_id = pe.id) \
           OR s.created_by = pe.id \
           OR EXISTS (SELECT 1 FROM submission_members sm WHERE sm.submission_id = s.id AND sm.person_id = pe.id) \
           OR (p.poc_centre_id IS NOT NULL AND pe.organization_id = p.poc_centre_id)) \
         ORDER BY pe.name",
    ))
    .bind(project_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((get_i64(r, "id")?, get_str(r, "name")?)))
        .collect()
}

row! {
    /// The funnel of a call: submitted, reached review, finalists. Drafts and withdrawn are out.
    #[derive(Debug, Clone, Copy)]
    pub struct Funnel {
        pub submitted: i64,
        pub reviewed: i64,
        pub finalists: i64,
    }
}

pub async fn funnel(db: &Db, call_id: i64) -> Result<Funnel> {
    db.one(
        "SELECT COUNT(CASE WHEN status NOT IN ('draft', 'withdrawn') THEN 1 END) AS submitted, \
         COUNT(CASE WHEN status IN ('under_review', 'finalist', 'not_selected') THEN 1 END) AS reviewed, \
         COUNT(CASE WHEN status = 'finalist' THEN 1 END) AS finalists \
         FROM submissions WHERE call_id = ?",
        (call_id,),
    )
    .await
}

row! {
    /// Where one project of a call stands.
    #[derive(Debug, Clone)]
    pub struct ProjectStage {
        pub stage: String,
        pub status: String,
        pub stage_since: i64,
    }
}

/// Every project of a call.
pub async fn stages_of_call(db: &Db, call_id: i64) -> Result<Vec<ProjectStage>> {
    db.all(
        "SELECT p.stage, p.status, p.stage_since FROM projects p JOIN submissions s ON s.id = p.submission_id \
         WHERE s.call_id = ?",
        (call_id,),
    )
    .await
}

/// Per judge of a call: (name, reviews assigned, reviews submitted).
pub async fn judge_progress(db: &Db, call_id: i64) -> Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT pe.name, COUNT(*) AS assigned, COUNT(CASE WHEN r.status = 'submitted' THEN 1 END) AS done \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN people pe ON pe.id = r.judge_id \
         WHERE s.call_id = ? GROUP BY pe.id, pe.name ORDER BY pe.name",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_str(r, "name")?,
                get_i64(r, "assigned")?,
                get_i64(r, "done")?,
            ))
        })
        .collect()
}

/// Each submitted review's mean score on a 0-100 scale (each criterion rescaled by its range).
pub async fn review_means(db: &Db, call_id: i64) -> Result<Vec<f64>> {
    let rows = sqlx::query(db.q(
        "SELECT r.id, CAST(AVG((rs.score - c.scale_min) * 100.0 / (c.scale_max - c.scale_min)) AS DOUBLE PRECISION) AS v \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         JOIN review_scores rs ON rs.review_id = r.id JOIN rubric_criteria c ON c.id = rs.criterion_id \
         WHERE s.call_id = ? AND r.status = 'submitted' AND c.scale_max > c.scale_min GROUP BY r.id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get::<f64, _>("v")?)).collect()
}

/// A document of a project, without its content.
#[derive(Debug, Clone)]
pub struct ProjectDocument {
    pub id: i64,
    pub project_id: i64,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: i64,
}

fn document_from(r: &sqlx::any::AnyRow) -> Result<ProjectDocument> {
    Ok(ProjectDocument {
        id: get_i64(r, "id")?,
        project_id: get_i64(r, "project_id")?,
        filename: get_str(r, "filename")?,
        content_type: get_str(r, "content_type")?,
        size_bytes: get_i64(r, "size_bytes")?,
        sha256: get_str(r, "sha256")?,
        created_at: get_i64(r, "created_at")?,
    })
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_document(
    tx: &mut Tx,
    project_id: i64,
    filename: &str,
    content_type: &str,
    sha256: &str,
    content: &[u8],
    by: i64,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO project_documents (project_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(project_id)
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

pub async fn documents(db: &Db, project_id: i64) -> Result<Vec<ProjectDocument>> {
    let rows = sqlx::query(db.q(
        "SELECT id, project_id, filename, content_type, size_bytes, sha256, created_at FROM project_documents \
         WHERE project_id = ? ORDER BY id",
    ))
    .bind(project_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(document_from).collect()
}

pub async fn document(db: &Db, id: i64) -> Result<Option<(ProjectDocument, Vec<u8>)>> {
    let row = sqlx::query(db.q(
        "SELECT id, project_id, filename, content_type, size_bytes, sha256, created_at, content FROM project_documents WHERE id = ?",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((document_from(&r)?, r.try_get::<Vec<u8>, _>("content")?)))
        .transpose()
}
