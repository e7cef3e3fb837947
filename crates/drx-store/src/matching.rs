//! What the affinity and assignment engines read (judges' and teams' expertise, submissions'
//! texts, conflicts) and the assignment runs they produce (runs, pairs, publishing).
use std::collections::HashMap;

use super::{Db, Result, Tx};
use drx_domain::{ReviewStatus, RunKind, RunStatus, SubmissionStatus};

row! {
    /// A judge (or any expert) with the documents of their expertise.
    #[derive(Debug, Clone)]
    pub struct Expert {
        pub person_id: i64 = "id",
        pub name: String,
        pub title: String,
        pub organization_id: Option<i64>,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub fields: Vec<String> = default,
        /// The keywords of their profile, as written.
        pub keywords: String = default,
        pub documents: Vec<ExpertiseDocument> = default,
        /// Their own maximum load in the call (None: the call's).
        pub max_load: Option<i64>,
    }
}

row! {
    /// One document of a person's expertise: their profile, a past project or a publication.
    #[derive(Debug, Clone)]
    pub struct ExpertiseDocument {
        pub id: i64,
        pub kind: String,
        pub title: String,
        pub body: String,
    }
}

/// The judges of a call: its judge pool (the active people holding the judge role in
/// `call_roles` for it), each with their own maximum load when one is set.
pub async fn judges_of_call(db: &Db, call_id: i64) -> Result<Vec<Expert>> {
    let mut experts: Vec<Expert> = db.all(
        "SELECT p.id, p.name, p.title, p.organization_id, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh, \
         c.max_load FROM call_roles c JOIN people p ON p.id = c.person_id LEFT JOIN organizations o ON o.id = p.organization_id \
         WHERE p.active = 1 AND c.call_id = ? AND c.role = 'judge' \
         ORDER BY p.id",
        (call_id,),
    )
    .await?;
    let index: HashMap<i64, usize> = experts
        .iter()
        .enumerate()
        .map(|(i, e)| (e.person_id, i))
        .collect();
    row! {
        struct PersonDocument {
            pub person_id: i64,
            pub document: ExpertiseDocument = flatten,
        }
    }
    let docs: Vec<PersonDocument> = db.all(
        "SELECT id, person_id, kind, title, body FROM expertise_documents WHERE person_id IS NOT NULL ORDER BY id",
        (),
    )
    .await?;
    for d in docs {
        if let Some(&i) = index.get(&d.person_id) {
            experts[i].documents.push(d.document);
        }
    }
    let fields: Vec<(i64, String)> = db
        .all(
            "SELECT pf.person_id, f.code FROM person_fields pf JOIN fields f ON f.id = pf.field_id",
            (),
        )
        .await?;
    for (person_id, code) in fields {
        if let Some(&i) = index.get(&person_id) {
            experts[i].fields.push(code);
        }
    }
    for (person_id, keywords) in super::profiles::all_keywords(db).await? {
        if let Some(&i) = index.get(&person_id) {
            experts[i].keywords = keywords;
        }
    }
    Ok(experts)
}

row! {
    #[derive(Debug, Clone)]
    pub struct TeamExpertise {
        pub team_id: i64 = "id",
        pub name_en: String,
        pub name_zh: String,
        pub organization_id: i64,
        pub capabilities: String,
        pub technologies: String,
        pub capacity: i64,
        pub fields: Vec<String> = default,
        /// What the team did before (title, year, description).
        pub past_projects: Vec<super::teams::PastProject> = default,
    }
}

/// Every engineering team (the need catalogue matches against all of them).
pub async fn teams(db: &Db) -> Result<Vec<TeamExpertise>> {
    let teams: Vec<TeamExpertise> = db.all(
        "SELECT id, name_en, name_zh, organization_id, capabilities, technologies, capacity FROM teams ORDER BY id",
        (),
    )
    .await?;
    with_fields(db, teams).await
}

/// The engineering teams taking part in a call (`call_teams`), the only ones its team matching
/// draws from.
pub async fn teams_of_call(db: &Db, call_id: i64) -> Result<Vec<TeamExpertise>> {
    let teams: Vec<TeamExpertise> = db.all(
        "SELECT t.id, t.name_en, t.name_zh, t.organization_id, t.capabilities, t.technologies, t.capacity \
         FROM teams t JOIN call_teams ct ON ct.team_id = t.id WHERE ct.call_id = ? ORDER BY t.id",
        (call_id,),
    )
    .await?;
    with_fields(db, teams).await
}

async fn with_fields(db: &Db, mut teams: Vec<TeamExpertise>) -> Result<Vec<TeamExpertise>> {
    let index: HashMap<i64, usize> = teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.team_id, i))
        .collect();
    let fields: Vec<(i64, String)> = db
        .all(
            "SELECT tf.team_id, f.code FROM team_fields tf JOIN fields f ON f.id = tf.field_id",
            (),
        )
        .await?;
    for (team_id, code) in fields {
        if let Some(&i) = index.get(&team_id) {
            teams[i].fields.push(code);
        }
    }
    for p in super::teams::all_past_projects(db).await? {
        if let Some(&i) = index.get(&p.team_id) {
            teams[i].past_projects.push(p);
        }
    }
    Ok(teams)
}

row! {
    /// A submission as the engines see it.
    #[derive(Debug, Clone)]
    pub struct SubmissionText {
        pub id: i64,
        pub title: String,
        pub need_statement: String,
        pub solution: String,
        pub keywords: String,
        pub status: SubmissionStatus,
        pub organization_id: i64,
        pub fields: Vec<String> = default,
        /// Person ids of the team, for co-authorship conflicts.
        pub members: Vec<i64> = default,
        /// Organizations of the team (the submitting hospital and every member's).
        pub member_organizations: Vec<i64> = default,
    }
}

/// The call's submissions that take part in review (submitted, under review, or decided).
pub async fn submissions_of_call(db: &Db, call_id: i64) -> Result<Vec<SubmissionText>> {
    let mut subs: Vec<SubmissionText> = db.all(
        "SELECT id, title, need_statement, solution, keywords, status, organization_id FROM submissions \
         WHERE call_id = ? AND status IN ('submitted', 'under_review', 'finalist', 'not_selected') ORDER BY id",
        (call_id,),
    )
    .await?;
    let mut index = HashMap::new();
    for (i, s) in subs.iter_mut().enumerate() {
        s.member_organizations = vec![s.organization_id];
        index.insert(s.id, i);
    }
    let fields: Vec<(i64, String)> = db
        .all(
            "SELECT sf.submission_id, f.code FROM submission_fields sf JOIN fields f ON f.id = sf.field_id \
             JOIN submissions s ON s.id = sf.submission_id WHERE s.call_id = ?",
            (call_id,),
        )
        .await?;
    for (submission_id, code) in fields {
        if let Some(&i) = index.get(&submission_id) {
            subs[i].fields.push(code);
        }
    }
    row! {
        struct MemberRow {
            pub submission_id: i64,
            pub person_id: Option<i64>,
            pub organization_id: Option<i64>,
        }
    }
    let members: Vec<MemberRow> = db
        .all(
            "SELECT m.submission_id, COALESCE(m.person_id, m.invited_person_id) AS person_id, m.organization_id \
             FROM submission_members m JOIN submissions s ON s.id = m.submission_id WHERE s.call_id = ?",
            (call_id,),
        )
        .await?;
    for m in members {
        if let Some(&i) = index.get(&m.submission_id) {
            if let Some(p) = m.person_id {
                subs[i].members.push(p);
            }
            if let Some(o) = m.organization_id {
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
    db.all(
        "SELECT c.person_id, c.submission_id FROM conflicts c JOIN submissions s ON s.id = c.submission_id WHERE s.call_id = ?",
        (call_id,),
    )
    .await
}

// ---- assignment runs ----

row! {
    #[derive(Debug, Clone)]
    pub struct Run {
        pub id: i64,
        pub call_id: i64,
        pub kind: RunKind,
        pub status: RunStatus,
        pub parameters: String,
        pub objective: Option<f64>,
        pub created_by: Option<i64>,
        pub created_at: i64,
    }
}

row! {
    #[derive(Debug, Clone)]
    pub struct RunPair {
        pub submission_id: i64,
        pub assignee_id: i64,
        pub affinity: f64,
        pub reason: String,
    }
}

pub async fn insert_run(
    tx: &mut Tx,
    call_id: i64,
    kind: RunKind,
    parameters: &str,
    objective: f64,
    created_by: i64,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO assignment_runs (call_id, kind, status, parameters, objective, created_by, created_at) \
         VALUES (?, ?, 'draft', ?, ?, ?, ?) RETURNING id",
        (call_id, kind.as_str(), parameters, objective, created_by, now),
    )
    .await
}

pub async fn insert_run_pair(tx: &mut Tx, run_id: i64, p: &RunPair) -> Result<()> {
    tx.exec("INSERT INTO assignment_pairs (run_id, submission_id, assignee_id, affinity, reason) VALUES (?, ?, ?, ?, ?)", (run_id, p.submission_id, p.assignee_id, p.affinity, &p.reason))
    .await?;
    Ok(())
}

pub async fn run(db: &Db, run_id: i64) -> Result<Option<Run>> {
    db.opt(
        "SELECT id, call_id, kind, status, parameters, objective, created_by, created_at FROM assignment_runs WHERE id = ?",
        (run_id,),
    )
    .await
}

pub async fn runs_of_call(db: &Db, call_id: i64, kind: RunKind) -> Result<Vec<Run>> {
    db.all(
        "SELECT id, call_id, kind, status, parameters, objective, created_by, created_at FROM assignment_runs \
         WHERE call_id = ? AND kind = ? ORDER BY id DESC",
        (call_id, kind.as_str()),
    )
    .await
}

pub async fn run_pairs(db: &Db, run_id: i64) -> Result<Vec<RunPair>> {
    db.all(
        "SELECT submission_id, assignee_id, affinity, reason FROM assignment_pairs WHERE run_id = ? \
         ORDER BY submission_id, affinity DESC, assignee_id",
        (run_id,),
    )
    .await
}

/// Marks a run published and every other draft run of the call and kind discarded.
pub async fn publish_run(tx: &mut Tx, run: &Run) -> Result<()> {
    tx.exec("UPDATE assignment_runs SET status = 'discarded' WHERE call_id = ? AND kind = ? AND id <> ? AND status = 'draft'", (run.call_id, run.kind.as_str(), run.id))
    .await?;
    tx.exec(
        "UPDATE assignment_runs SET status = 'published' WHERE id = ?",
        (run.id,),
    )
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
        pub status: ReviewStatus,
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

row! {
    /// An open need as the engines see it.
    #[derive(Debug, Clone)]
    pub struct NeedText {
        pub id: i64,
        pub problem: String,
        pub population: String,
        pub outcome: String,
        pub current_practice: String,
        pub field: String = "code",
        pub field_en: String = "name_en",
        pub field_zh: String = "name_zh",
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
    }
}

/// What the need catalogue's affinity model is built from, in a few numbers: it changes whenever
/// an open need, a team, a team's field or a sentence vector is added, and whenever a team's
/// profile is edited (its revision moves). (Needs have no text edits; a path that adds one must
/// keep this fingerprint moving.)
pub async fn need_catalogue_fingerprint(db: &Db) -> Result<[i64; 8]> {
    row! {
        struct Fingerprint {
            pub a: i64,
            pub b: i64,
            pub c: i64,
            pub d: i64,
            pub e: i64,
            pub f: i64,
            pub g: i64,
            pub h: i64,
        }
    }
    let r: Fingerprint = db
        .one(
            "SELECT CAST((SELECT COUNT(*) FROM needs WHERE status = 'open') AS BIGINT) AS a, \
                CAST((SELECT COALESCE(MAX(id), 0) FROM needs) AS BIGINT) AS b, \
                CAST((SELECT COUNT(*) FROM teams) AS BIGINT) AS c, \
                CAST((SELECT COALESCE(MAX(id), 0) FROM teams) AS BIGINT) AS d, \
                CAST((SELECT COUNT(*) FROM team_fields) AS BIGINT) AS e, \
                CAST((SELECT COUNT(*) FROM embeddings) AS BIGINT) AS f, \
                CAST((SELECT COALESCE(MAX(created_at), 0) FROM embeddings) AS BIGINT) AS g, \
                CAST((SELECT COALESCE(SUM(revision), 0) FROM teams) AS BIGINT) AS h",
            (),
        )
        .await?;
    Ok([r.a, r.b, r.c, r.d, r.e, r.f, r.g, r.h])
}

pub async fn open_needs(db: &Db) -> Result<Vec<NeedText>> {
    db.all(
        "SELECT n.id, n.problem, n.population, n.outcome, n.current_practice, f.code, f.name_en, f.name_zh, \
                o.name_en AS org_en, o.name_zh AS org_zh \
         FROM needs n JOIN fields f ON f.id = n.field_id JOIN organizations o ON o.id = n.organization_id \
         WHERE n.status = 'open' ORDER BY n.id",
        (),
    )
    .await
}

/// The id of the newest call (the one home pages talk about).
pub async fn current_call(db: &Db) -> Result<Option<i64>> {
    db.opt(
        "SELECT id FROM calls ORDER BY created_at DESC, id DESC LIMIT 1",
        (),
    )
    .await
}

/// The call a submission belongs to.
pub async fn call_of_submission(db: &Db, submission_id: i64) -> Result<Option<i64>> {
    db.opt(
        "SELECT call_id FROM submissions WHERE id = ?",
        (submission_id,),
    )
    .await
}
