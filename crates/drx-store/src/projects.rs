//! The commercialisation pipeline's tables: projects, their gate checklists and decisions,
//! milestones, and the counts the dashboards and reports are drawn from.
use super::{Db, Named, NewFile, Result, Then, Tx};
use drx_domain::{GateDecision, OrganizationKind, ProjectStage, ProjectStatus, SubmissionStatus};

row! {
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
    pub stage: ProjectStage,
    pub status: ProjectStatus,
    pub pathway: String,
    pub stage_since: i64,
    pub created_at: i64,
    /// Milestones not done and past due at the time given to the query.
    pub overdue: i64,
}
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

row! {
    /// A project and the person's relation to it, as one row.
    struct ProjectAccessRow {
        pub project: ProjectRow = flatten,
        pub a_org: bool,
        pub a_team: bool,
        pub a_clin: bool,
    }
}

impl ProjectAccessRow {
    fn split(self) -> (ProjectRow, AccessFacts) {
        let a = AccessFacts {
            call_organizer: self.a_org,
            on_team: self.a_team,
            clinician: self.a_clin,
            poc_centre_id: self.project.poc_centre_id,
        };
        (self.project, a)
    }
}

/// Every project, each with the person's relation to it (the caller filters by permission).
pub async fn all_with_access(
    db: &Db,
    person_id: i64,
    now: i64,
) -> Result<Vec<(ProjectRow, AccessFacts)>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| Box::leak(format!("{SELECT} ORDER BY p.id").into_boxed_str()));
    let rows: Vec<ProjectAccessRow> = db
        .all(sql, (now, person_id, person_id, person_id, person_id))
        .await?;
    Ok(rows.into_iter().map(ProjectAccessRow::split).collect())
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
    let row: Option<ProjectAccessRow> = db
        .opt(
            sql,
            (now, person_id, person_id, person_id, person_id, project_id),
        )
        .await?;
    Ok(row.map(ProjectAccessRow::split))
}

pub struct NewProject {
    pub submission_id: i64,
    pub team_id: i64,
    pub poc_centre_id: Option<i64>,
    pub created_by: i64,
}

pub async fn insert(tx: &mut Tx, p: &NewProject, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO projects (submission_id, team_id, poc_centre_id, stage, status, pathway, stage_since, created_by, created_at) \
         VALUES (?, ?, ?, 'concept', 'active', '', ?, ?, ?) RETURNING id",
        (p.submission_id, p.team_id, p.poc_centre_id, now, p.created_by, now),
    )
    .await
}

/// The project of a submission, if one was made.
pub async fn of_submission(tx: &mut Tx, submission_id: i64) -> Result<Option<i64>> {
    tx.opt(
        "SELECT id FROM projects WHERE submission_id = ?",
        (submission_id,),
    )
    .await
}

/// A project's stage and status, read inside the deciding transaction.
pub async fn state_for_update(
    tx: &mut Tx,
    project_id: i64,
) -> Result<Option<(ProjectStage, ProjectStatus)>> {
    tx.opt(
        "SELECT stage, status FROM projects WHERE id = ?",
        (project_id,),
    )
    .await
}

pub async fn pathway_in_tx(tx: &mut Tx, project_id: i64) -> Result<String> {
    tx.one("SELECT pathway FROM projects WHERE id = ?", (project_id,))
        .await
}

/// Moves a project; `stage_since` restarts only when the stage changes.
pub async fn set_state(
    tx: &mut Tx,
    project_id: i64,
    stage: ProjectStage,
    status: ProjectStatus,
    now: i64,
) -> Result<()> {
    let (stage, status) = (stage.as_str(), status.as_str());
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
pub async fn checks_in_tx(tx: &mut Tx, project_id: i64, gate: ProjectStage) -> Result<Vec<String>> {
    tx.all(
        "SELECT item FROM gate_checks WHERE project_id = ? AND gate = ?",
        (project_id, gate.as_str()),
    )
    .await
}

row! {
    /// One ticked item of a project's gate checklist.
    #[derive(Debug, Clone)]
    pub struct Check {
        pub gate: ProjectStage,
        pub item: String,
        /// Who ticked it.
        pub checked_by: String = "name",
        pub checked_at: i64,
    }
}

/// Every ticked item of a project.
pub async fn checks(db: &Db, project_id: i64) -> Result<Vec<Check>> {
    db.all(
        "SELECT c.gate, c.item, p.name, c.checked_at FROM gate_checks c JOIN people p ON p.id = c.checked_by \
         WHERE c.project_id = ? ORDER BY c.checked_at",
        (project_id,),
    )
    .await
}

/// Ticks or unticks an item; returns whether anything changed.
pub async fn set_check(
    tx: &mut Tx,
    project_id: i64,
    gate: ProjectStage,
    item: &str,
    on: bool,
    by: i64,
    now: i64,
) -> Result<bool> {
    let gate = gate.as_str();
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

row! {
    #[derive(Debug, Clone)]
    pub struct Decision {
        pub id: i64,
        pub gate: ProjectStage,
        pub decision: GateDecision,
        pub reason: String,
        pub decided_by: String = "name",
        pub decided_at: i64,
    }
}

pub async fn insert_decision(
    tx: &mut Tx,
    project_id: i64,
    gate: ProjectStage,
    decision: GateDecision,
    reason: &str,
    by: i64,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO gate_decisions (project_id, gate, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (project_id, gate.as_str(), decision.as_str(), reason, by, now),
    )
    .await
}

pub async fn decisions(db: &Db, project_id: i64) -> Result<Vec<Decision>> {
    db.all(
        "SELECT d.id, d.gate, d.decision, d.reason, p.name, d.decided_at FROM gate_decisions d \
         JOIN people p ON p.id = d.decided_by WHERE d.project_id = ? ORDER BY d.id",
        (project_id,),
    )
    .await
}

row! {
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
}

pub async fn insert_milestone(
    tx: &mut Tx,
    project_id: i64,
    title: &str,
    owner_id: Option<i64>,
    due_at: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO milestones (project_id, title, owner_id, due_at) VALUES (?, ?, ?, ?) RETURNING id",
        (project_id, title, owner_id, due_at),
    )
    .await
}

pub async fn milestones(db: &Db, project_id: i64) -> Result<Vec<Milestone>> {
    db.all(
        "SELECT m.id, m.project_id, m.title, m.owner_id, COALESCE(p.name, '') AS owner, m.due_at, m.done_at \
         FROM milestones m LEFT JOIN people p ON p.id = m.owner_id WHERE m.project_id = ? ORDER BY m.due_at, m.id",
        (project_id,),
    )
    .await
}

pub async fn milestone(db: &Db, id: i64) -> Result<Option<Milestone>> {
    db.opt(
        "SELECT m.id, m.project_id, m.title, m.owner_id, COALESCE(p.name, '') AS owner, m.due_at, m.done_at \
         FROM milestones m LEFT JOIN people p ON p.id = m.owner_id WHERE m.id = ?",
        (id,),
    )
    .await
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
pub async fn candidates(db: &Db) -> Result<Vec<Candidate>> {
    db.all(
        "SELECT s.id, s.call_id, s.title, s.status FROM submissions s \
         WHERE s.status IN ('finalist', 'submitted', 'under_review') \
         AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.submission_id = s.id) \
         ORDER BY CASE WHEN s.status = 'finalist' THEN 0 ELSE 1 END, s.id",
        (),
    )
    .await
}

row! {
    /// A submission a project may be made from.
    #[derive(Debug, Clone)]
    pub struct Candidate {
        pub id: i64,
        pub call_id: i64,
        pub title: String,
        pub status: SubmissionStatus,
    }
}

/// Engineering teams.
pub async fn teams(db: &Db) -> Result<Vec<Named>> {
    db.all("SELECT id, name_en, name_zh FROM teams ORDER BY id", ())
        .await
}

/// The organization's kind, to check a PoC centre or a team exists.
pub async fn organization_kind(tx: &mut Tx, id: i64) -> Result<Option<OrganizationKind>> {
    tx.opt("SELECT kind FROM organizations WHERE id = ?", (id,))
        .await
}

pub async fn team_exists(tx: &mut Tx, id: i64) -> Result<bool> {
    let row: Option<i64> = tx.opt("SELECT id FROM teams WHERE id = ?", (id,)).await?;
    Ok(row.is_some())
}

/// People who may own a milestone of the project: its team, its submission's clinicians, and
/// the staff of its PoC centre. (id, name)
pub async fn possible_owners(db: &Db, project_id: i64) -> Result<Vec<(i64, String)>> {
    db.all(
        "SELECT DISTINCT pe.id, pe.name FROM people pe, projects p JOIN submissions s ON s.id = p.submission_id \
         WHERE p.id = ? AND pe.active = 1 AND ( \
           EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = p.team_id AND tm.person_id = pe.id) \
           OR s.created_by = pe.id \
           OR EXISTS (SELECT 1 FROM submission_members sm WHERE sm.submission_id = s.id AND sm.person_id = pe.id) \
           OR (p.poc_centre_id IS NOT NULL AND pe.organization_id = p.poc_centre_id)) \
         ORDER BY pe.name",
        (project_id,),
    )
    .await
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
    pub struct StageOfProject {
        pub stage: ProjectStage,
        pub status: ProjectStatus,
        pub stage_since: i64,
    }
}

/// Every project of a call.
pub async fn stages_of_call(db: &Db, call_id: i64) -> Result<Vec<StageOfProject>> {
    db.all(
        "SELECT p.stage, p.status, p.stage_since FROM projects p JOIN submissions s ON s.id = p.submission_id \
         WHERE s.call_id = ?",
        (call_id,),
    )
    .await
}

row! {
    /// One judge's reviews in a call.
    #[derive(Debug, Clone)]
    pub struct JudgeProgress {
        pub name: String,
        /// Reviews assigned.
        pub assigned: i64,
        /// Reviews submitted.
        pub done: i64,
    }
}

/// Per judge of a call, by name.
pub async fn judge_progress(db: &Db, call_id: i64) -> Result<Vec<JudgeProgress>> {
    db.all(
        "SELECT pe.name, COUNT(*) AS assigned, COUNT(CASE WHEN r.status = 'submitted' THEN 1 END) AS done \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN people pe ON pe.id = r.judge_id \
         WHERE s.call_id = ? GROUP BY pe.id, pe.name ORDER BY pe.name",
        (call_id,),
    )
    .await
}

/// Each submitted review's mean score on a 0-100 scale (each criterion rescaled by its range).
pub async fn review_means(db: &Db, call_id: i64) -> Result<Vec<f64>> {
    db.all(
        "SELECT CAST(AVG((rs.score - c.scale_min) * 100.0 / (c.scale_max - c.scale_min)) AS DOUBLE PRECISION) AS v \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         JOIN review_scores rs ON rs.review_id = r.id JOIN rubric_criteria c ON c.id = rs.criterion_id \
         WHERE s.call_id = ? AND r.status = 'submitted' AND c.scale_max > c.scale_min GROUP BY r.id",
        (call_id,),
    )
    .await
}

row! {
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
}

row! {
    /// A document with its content.
    struct DocumentWithContent {
        pub document: ProjectDocument = flatten,
        pub content: Vec<u8>,
    }
}

pub async fn insert_document(
    tx: &mut Tx,
    project_id: i64,
    file: &NewFile<'_>,
    by: i64,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO project_documents (project_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        Then(
            (project_id,),
            Then(file.binds(), (by, now)),
        ),
    )
    .await
}

pub async fn documents(db: &Db, project_id: i64) -> Result<Vec<ProjectDocument>> {
    db.all(
        "SELECT id, project_id, filename, content_type, size_bytes, sha256, created_at FROM project_documents \
         WHERE project_id = ? ORDER BY id",
        (project_id,),
    )
    .await
}

pub async fn document(db: &Db, id: i64) -> Result<Option<(ProjectDocument, Vec<u8>)>> {
    let row: Option<DocumentWithContent> = db.opt(
        "SELECT id, project_id, filename, content_type, size_bytes, sha256, created_at, content FROM project_documents WHERE id = ?",
        (id,),
    )
    .await?;
    Ok(row.map(|d| (d.document, d.content)))
}

/// Re-points projects' proof-of-concept centre from organization `from` to `into` (a merge).
pub async fn move_organization(tx: &mut Tx, from: i64, into: i64) -> Result<u64> {
    let statements = ["UPDATE projects SET poc_centre_id = ? WHERE poc_centre_id = ?"];
    super::repoint(tx, &statements, from, into).await
}
