//! The commercialisation pipeline: projects made from finalists, stage gates with their fixed
//! checklists and go/hold/recycle/stop decisions, the regulatory pathway, and milestones.
//! Every change writes its audit event (entity `project`) in the same transaction.
use super::{required_text, Result, ServiceError};
use crate::auth::authorization::{
    can_decide_gate, can_oversee_projects, can_view_project, can_work_on_project, ProjectAccess,
};
use drx_domain::{
    AuditAction, AuditEntity, GateDecision, OrganizationKind, ProjectStage, ProjectStatus,
    SubmissionStatus,
};
use drx_store::accounts::Person;
use drx_store::projects::{self as store, AccessFacts, ProjectRow};
use drx_store::{audit, Db};

/// The stages in order; each stage ends at its gate, named like the stage.
pub const STAGES: &[ProjectStage] = ProjectStage::ALL;

/// Regulatory pathways: China NMPA classes and the FDA routes.
pub const PATHWAYS: &[&str] = &[
    "nmpa_1",
    "nmpa_2",
    "nmpa_3",
    "fda_510k",
    "fda_de_novo",
    "fda_pma",
];

pub const DECISIONS: &[GateDecision] = GateDecision::ALL;

/// One checklist item: a stable key, and its text in English and Chinese.
pub type CheckItem = (&'static str, &'static str, &'static str);

/// The fixed checklist of each gate.
pub fn checklist(stage: ProjectStage) -> &'static [CheckItem] {
    use ProjectStage::*;
    match stage {
        Concept => &[
            (
                "need",
                "Clinical need confirmed with the clinicians",
                "临床需求已与临床医生确认",
            ),
            (
                "ip",
                "Prior art and IP search done",
                "已完成现有技术与知识产权检索",
            ),
            (
                "plan",
                "Development plan and budget agreed",
                "研发计划与预算已确定",
            ),
        ],
        ProofOfConcept => &[
            (
                "bench",
                "Key principle shown on the bench",
                "关键原理已在实验台验证",
            ),
            (
                "risk",
                "First risk analysis (ISO 14971)",
                "已完成初步风险分析（ISO 14971）",
            ),
            (
                "user",
                "Clinician feedback on the concept",
                "已获得临床医生对概念的反馈",
            ),
        ],
        Prototype => &[
            ("build", "Working prototype built", "功能样机已完成"),
            (
                "usability",
                "Formative usability evaluation",
                "已完成形成性可用性评估",
            ),
            ("design_inputs", "Design inputs frozen", "设计输入已冻结"),
        ],
        DesignVerificationValidation => &[
            (
                "verification",
                "Design verification tests passed",
                "设计验证测试已通过",
            ),
            (
                "validation",
                "Design validation with users",
                "已完成用户设计确认",
            ),
            (
                "biocompat",
                "Electrical safety / biocompatibility as applicable",
                "已按适用要求完成电气安全／生物相容性",
            ),
        ],
        Regulatory => &[
            (
                "classification",
                "Device classification confirmed",
                "产品分类已确认",
            ),
            (
                "standards",
                "Applicable standards listed and met",
                "适用标准已列明并满足",
            ),
            (
                "dossier",
                "Technical documentation ready",
                "技术文档已准备就绪",
            ),
        ],
        ClinicalEvaluation => &[
            ("ethics", "Ethics committee approval", "已获伦理委员会批准"),
            (
                "evaluation",
                "Clinical evaluation or trial completed",
                "临床评价或临床试验已完成",
            ),
            (
                "report",
                "Clinical evaluation report written",
                "临床评价报告已完成",
            ),
        ],
        Registration => &[
            (
                "submitted",
                "Registration dossier submitted",
                "注册申报资料已提交",
            ),
            (
                "qms",
                "Quality management system audited",
                "质量管理体系已通过审核",
            ),
            (
                "certificate",
                "Registration certificate or clearance obtained",
                "已取得注册证或上市许可",
            ),
        ],
        Launch => &[
            (
                "manufacturing",
                "Manufacturing partner ready",
                "生产合作方已就绪",
            ),
            (
                "market",
                "Market access and pricing plan",
                "市场准入与定价方案已确定",
            ),
            (
                "pms",
                "Post-market surveillance plan",
                "上市后监督计划已制定",
            ),
        ],
    }
}

/// Whether a project takes no more work or decisions.
pub fn is_closed(status: ProjectStatus) -> bool {
    matches!(status, ProjectStatus::Stopped | ProjectStatus::Launched)
}

/// What a decision does to a project at `stage` with `status`: the new stage and status, or the
/// reason it is refused. `all_checked`: every item of the current gate is ticked.
pub fn apply_decision(
    stage: ProjectStage,
    status: ProjectStatus,
    decision: GateDecision,
    all_checked: bool,
    pathway_set: bool,
) -> std::result::Result<(ProjectStage, ProjectStatus), &'static str> {
    if is_closed(status) {
        return Err("error-project-closed");
    }
    let i = STAGES
        .iter()
        .position(|s| *s == stage)
        .expect("every stage is in STAGES");
    match decision {
        GateDecision::Go => {
            if !all_checked {
                return Err("error-gate-checklist");
            }
            if stage == ProjectStage::Regulatory && !pathway_set {
                return Err("error-gate-pathway");
            }
            match STAGES.get(i + 1) {
                Some(next) => Ok((*next, ProjectStatus::Active)),
                None => Ok((stage, ProjectStatus::Launched)),
            }
        }
        GateDecision::Hold => Ok((stage, ProjectStatus::OnHold)),
        GateDecision::Recycle => match i.checked_sub(1) {
            Some(back) => Ok((STAGES[back], ProjectStatus::Active)),
            None => Err("error-gate-recycle-first"),
        },
        GateDecision::Stop => Ok((stage, ProjectStatus::Stopped)),
    }
}

pub(crate) fn access(a: &AccessFacts) -> ProjectAccess {
    ProjectAccess {
        call_organizer: a.call_organizer,
        on_team: a.on_team,
        clinician: a.clinician,
        poc_centre_id: a.poc_centre_id,
    }
}

/// The projects the person may see, each with whether they may decide its gates.
pub async fn visible(db: &Db, actor: &Person, now: i64) -> Result<Vec<(ProjectRow, bool)>> {
    Ok(store::all_with_access(db, actor.id, now)
        .await?
        .into_iter()
        .filter_map(|(p, a)| {
            let a = access(&a);
            can_view_project(actor, &a).then(|| {
                let d = can_decide_gate(actor, &a);
                (p, d)
            })
        })
        .collect())
}

/// What the person may do on one project page.
#[derive(Debug, Clone, Copy)]
pub struct Powers {
    pub decide: bool,
    pub work: bool,
}

/// One project the person may see, and their powers on it.
pub async fn get(
    db: &Db,
    actor: &Person,
    project_id: i64,
    now: i64,
) -> Result<(ProjectRow, Powers)> {
    let (p, a) = store::with_access(db, project_id, actor.id, now)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let a = access(&a);
    if !can_view_project(actor, &a) {
        return Err(ServiceError::NotFound);
    }
    let powers = Powers {
        decide: can_decide_gate(actor, &a),
        work: can_work_on_project(actor, &a),
    };
    Ok((p, powers))
}

/// Submissions the person may turn into projects (those of calls they run).
pub async fn candidates(db: &Db, actor: &Person) -> Result<Vec<store::Candidate>> {
    if !can_oversee_projects(actor) {
        return Err(ServiceError::Forbidden);
    }
    let mut out = Vec::new();
    for c in store::candidates(db).await? {
        if super::manages_call(db, actor, c.call_id).await? {
            out.push(c);
        }
    }
    Ok(out)
}

/// Makes a project of a finalist (or any submitted submission the organizer picks) with an
/// engineering team and, optionally, a PoC centre. Starts at the concept stage.
pub async fn create(
    db: &Db,
    actor: &Person,
    submission_id: i64,
    team_id: i64,
    poc_centre_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let (call, status) = drx_store::submissions::call_and_status(&mut tx, submission_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !super::manages_call(db, actor, call).await? {
        return Err(ServiceError::Forbidden);
    }
    if !matches!(
        status,
        SubmissionStatus::Finalist | SubmissionStatus::Submitted | SubmissionStatus::UnderReview
    ) {
        return Err(ServiceError::invalid("error-project-submission"));
    }
    if store::of_submission(&mut tx, submission_id)
        .await?
        .is_some()
    {
        return Err(ServiceError::invalid("error-project-exists"));
    }
    if !store::team_exists(&mut tx, team_id).await? {
        return Err(ServiceError::invalid("error-bad-choice"));
    }
    if let Some(c) = poc_centre_id {
        if store::organization_kind(&mut tx, c).await? != Some(OrganizationKind::PocCentre) {
            return Err(ServiceError::invalid("error-bad-choice"));
        }
    }
    let id = store::insert(
        &mut tx,
        &store::NewProject {
            submission_id,
            team_id,
            poc_centre_id,
            created_by: actor.id,
        },
        now,
    )
    .await?;
    let detail = serde_json::json!({
        "submission_id": submission_id, "team_id": team_id, "poc_centre_id": poc_centre_id,
        "stage": STAGES[0].as_str(),
    });
    super::commit_created(tx, Some(actor.id), AuditEntity::Project, id, &detail, now).await
}

async fn require(
    db: &Db,
    actor: &Person,
    project_id: i64,
    now: i64,
    rule: fn(&Person, &ProjectAccess) -> bool,
) -> Result<ProjectRow> {
    let (p, a) = store::with_access(db, project_id, actor.id, now)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let a = access(&a);
    if !can_view_project(actor, &a) {
        return Err(ServiceError::NotFound);
    }
    if !rule(actor, &a) {
        return Err(ServiceError::Forbidden);
    }
    Ok(p)
}

/// Takes the decision (its stored text, as a form sends it) at the project's current gate.
/// Returns the new (stage, status).
pub async fn decide(
    db: &Db,
    actor: &Person,
    project_id: i64,
    decision: &str,
    reason: &str,
    now: i64,
) -> Result<(ProjectStage, ProjectStatus)> {
    require(db, actor, project_id, now, can_decide_gate).await?;
    let decision =
        GateDecision::parse(decision).ok_or_else(|| ServiceError::invalid("error-bad-choice"))?;
    let reason = reason.trim();
    if decision != GateDecision::Go {
        required_text(reason, 2000, "gate-reason")?;
    } else if reason.chars().count() > 2000 {
        return Err(super::too_long("gate-reason", 2000));
    }
    let mut tx = db.begin().await?;
    // Read inside the write transaction: two deciders at once cannot both move the project.
    let (stage, status) = store::state_for_update(&mut tx, project_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let ticked = store::checks_in_tx(&mut tx, project_id, stage).await?;
    let all_checked = checklist(stage)
        .iter()
        .all(|(k, _, _)| ticked.iter().any(|t| t == k));
    let pathway_set = !store::pathway_in_tx(&mut tx, project_id).await?.is_empty();
    let (new_stage, new_status) = apply_decision(stage, status, decision, all_checked, pathway_set)
        .map_err(ServiceError::invalid)?;
    let decision_id =
        store::insert_decision(&mut tx, project_id, stage, decision, reason, actor.id, now).await?;
    store::set_state(&mut tx, project_id, new_stage, new_status, now).await?;
    let detail = serde_json::json!({
        "decision_id": decision_id, "gate": stage.as_str(), "decision": decision.as_str(),
        "reason": reason,
        "from": {"stage": stage.as_str(), "status": status.as_str()},
        "to": {"stage": new_stage.as_str(), "status": new_status.as_str()},
    });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Project,
        project_id,
        AuditAction::GateDecision,
        &detail,
        now,
    )
    .await?;
    Ok((new_stage, new_status))
}

/// Ticks or unticks an item of the current gate's checklist.
pub async fn set_check(
    db: &Db,
    actor: &Person,
    project_id: i64,
    item: &str,
    on: bool,
    now: i64,
) -> Result<()> {
    let p = require(db, actor, project_id, now, can_work_on_project).await?;
    if is_closed(p.status) {
        return Err(ServiceError::invalid("error-project-closed"));
    }
    if !checklist(p.stage).iter().any(|(k, _, _)| *k == item) {
        return Err(ServiceError::invalid("error-bad-choice"));
    }
    let mut tx = db.begin().await?;
    if store::set_check(&mut tx, project_id, p.stage, item, on, actor.id, now).await? {
        let detail = serde_json::json!({"gate": p.stage.as_str(), "item": item});
        let action = if on {
            AuditAction::Check
        } else {
            AuditAction::Uncheck
        };
        audit::record(
            &mut tx,
            Some(actor.id),
            AuditEntity::Project,
            project_id,
            action,
            &detail.to_string(),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Sets the regulatory pathway (needed before the regulatory gate's go).
pub async fn set_pathway(
    db: &Db,
    actor: &Person,
    project_id: i64,
    pathway: &str,
    now: i64,
) -> Result<()> {
    let p = require(db, actor, project_id, now, can_decide_gate).await?;
    if !PATHWAYS.contains(&pathway) {
        return Err(ServiceError::invalid("error-bad-choice"));
    }
    if is_closed(p.status) {
        return Err(ServiceError::invalid("error-project-closed"));
    }
    let mut tx = db.begin().await?;
    store::set_pathway(&mut tx, project_id, pathway).await?;
    let detail = serde_json::json!({"from": p.pathway, "to": pathway});
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Project,
        project_id,
        AuditAction::Pathway,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Plans a milestone; its owner must be someone working on or hosting the project.
pub async fn add_milestone(
    db: &Db,
    actor: &Person,
    project_id: i64,
    title: &str,
    owner_id: Option<i64>,
    due_at: i64,
    now: i64,
) -> Result<i64> {
    require(db, actor, project_id, now, can_decide_gate).await?;
    let title = required_text(title, 300, "milestone-title")?;
    if let Some(o) = owner_id {
        let owners = store::possible_owners(db, project_id).await?;
        if !owners.iter().any(|(id, _)| *id == o) {
            return Err(ServiceError::invalid("error-bad-choice"));
        }
    }
    let mut tx = db.begin().await?;
    let id = store::insert_milestone(&mut tx, project_id, &title, owner_id, due_at).await?;
    let detail = serde_json::json!({"milestone_id": id, "title": title, "owner_id": owner_id, "due_at": due_at});
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Project,
        project_id,
        AuditAction::MilestoneAdd,
        &detail,
        now,
    )
    .await?;
    Ok(id)
}

/// Marks a milestone done: the deciders, the team, or the milestone's owner. Returns the project.
pub async fn milestone_done(db: &Db, actor: &Person, milestone_id: i64, now: i64) -> Result<i64> {
    let m = store::milestone(db, milestone_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (_, a) = store::with_access(db, m.project_id, actor.id, now)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let a = access(&a);
    if !can_view_project(actor, &a) {
        return Err(ServiceError::NotFound);
    }
    if !(can_work_on_project(actor, &a) || m.owner_id == Some(actor.id)) {
        return Err(ServiceError::Forbidden);
    }
    let mut tx = db.begin().await?;
    if store::mark_done(&mut tx, milestone_id, now).await? {
        let detail = serde_json::json!({"milestone_id": milestone_id, "title": m.title});
        audit::record(
            &mut tx,
            Some(actor.id),
            AuditEntity::Project,
            m.project_id,
            AuditAction::MilestoneDone,
            &detail.to_string(),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(m.project_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use GateDecision::*;
    use ProjectStage::*;
    use ProjectStatus::*;

    #[test]
    fn go_advances_only_with_a_complete_checklist() {
        assert_eq!(
            apply_decision(Concept, Active, Go, true, false),
            Ok((ProofOfConcept, Active))
        );
        assert_eq!(
            apply_decision(Concept, Active, Go, false, false),
            Err("error-gate-checklist")
        );
    }

    #[test]
    fn the_regulatory_gate_needs_a_pathway() {
        assert_eq!(
            apply_decision(Regulatory, Active, Go, true, false),
            Err("error-gate-pathway")
        );
        assert_eq!(
            apply_decision(Regulatory, Active, Go, true, true),
            Ok((ClinicalEvaluation, Active))
        );
    }

    #[test]
    fn recycle_goes_back_one_stage_but_not_before_the_first() {
        assert_eq!(
            apply_decision(Prototype, OnHold, Recycle, false, false),
            Ok((ProofOfConcept, Active))
        );
        assert_eq!(
            apply_decision(Concept, Active, Recycle, true, true),
            Err("error-gate-recycle-first")
        );
    }

    #[test]
    fn stopped_and_launched_projects_take_no_decision() {
        for d in DECISIONS {
            assert_eq!(
                apply_decision(Prototype, Stopped, *d, true, true),
                Err("error-project-closed")
            );
            assert_eq!(
                apply_decision(Launch, Launched, *d, true, true),
                Err("error-project-closed")
            );
        }
        assert_eq!(
            apply_decision(Launch, Active, Go, true, true),
            Ok((Launch, Launched))
        );
        assert_eq!(
            apply_decision(Prototype, Active, Stop, false, false),
            Ok((Prototype, Stopped))
        );
        assert_eq!(
            apply_decision(Prototype, Active, Hold, false, false),
            Ok((Prototype, OnHold))
        );
    }

    #[test]
    fn every_stage_has_a_bilingual_checklist() {
        for s in STAGES {
            let items = checklist(*s);
            assert!(!items.is_empty(), "{s}");
            for (k, en, zh) in items {
                assert!(!k.is_empty() && !en.is_empty() && !zh.is_empty());
            }
        }
    }
}

/// Adds a document to a project (those who work on it): type told by its first bytes, size
/// limited, checksummed, audited.
pub async fn attach_document(
    db: &Db,
    actor: &Person,
    project_id: i64,
    filename: &str,
    bytes: &[u8],
    now: i64,
) -> Result<i64> {
    let (_, powers) = get(db, actor, project_id, now).await?;
    if !powers.work {
        return Err(ServiceError::Forbidden);
    }
    let checked = super::uploads::check_upload(filename, bytes)?;
    let mut tx = db.begin().await?;
    let file = checked.stored(bytes);
    let id = store::insert_document(&mut tx, project_id, &file, actor.id, now).await?;
    let detail = serde_json::json!({ "document": id, "filename": checked.name, "sha256": checked.sha, "bytes": bytes.len() });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Project,
        project_id,
        AuditAction::DocumentAdd,
        &detail,
        now,
    )
    .await?;
    Ok(id)
}

/// A project document for someone who may see the project: (file name, content type, bytes).
pub async fn download_document(
    db: &Db,
    actor: &Person,
    document_id: i64,
    now: i64,
) -> Result<(String, String, Vec<u8>)> {
    let (d, bytes) = store::document(db, document_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    get(db, actor, d.project_id, now).await?;
    Ok((d.filename, d.content_type, bytes))
}

/// Everything a project's page shows, for a person who may see the project.
pub struct ProjectDetail {
    pub project: ProjectRow,
    pub powers: Powers,
    /// Ticked checklist items.
    pub ticks: Vec<store::Check>,
    pub decisions: Vec<store::Decision>,
    pub milestones: Vec<store::Milestone>,
    /// The people a milestone may be given to: (id, name).
    pub owners: Vec<(i64, String)>,
    pub documents: Vec<store::ProjectDocument>,
    pub history: Vec<super::history::Entry>,
}

/// One project with its checklist, decisions, milestones, documents and history.
pub async fn detail(db: &Db, actor: &Person, project_id: i64, now: i64) -> Result<ProjectDetail> {
    let (project, powers) = get(db, actor, project_id, now).await?;
    let history = super::history::of(db, actor, super::history::Subject::Project(project_id))
        .await?
        .unwrap_or_default();
    Ok(ProjectDetail {
        ticks: store::checks(db, project_id).await?,
        decisions: store::decisions(db, project_id).await?,
        milestones: store::milestones(db, project_id).await?,
        owners: store::possible_owners(db, project_id).await?,
        documents: store::documents(db, project_id).await?,
        history,
        project,
        powers,
    })
}

/// One milestone of a project the person may see.
pub async fn milestone(
    db: &Db,
    actor: &Person,
    milestone_id: i64,
    now: i64,
) -> Result<store::Milestone> {
    Ok(milestone_with_powers(db, actor, milestone_id, now).await?.0)
}

/// A milestone of a project the person may see, with what the person may do on that project
/// (the project is read once).
pub async fn milestone_with_powers(
    db: &Db,
    actor: &Person,
    milestone_id: i64,
    now: i64,
) -> Result<(store::Milestone, Powers)> {
    let m = store::milestone(db, milestone_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (_, powers) = get(db, actor, m.project_id, now).await?;
    Ok((m, powers))
}

/// What the "new project" form offers a person who oversees projects: the submissions they may
/// turn into projects, every team, the PoC centres, and the
/// published team matches of those submissions that have no project yet.
pub struct NewProjectChoices {
    pub candidates: Vec<store::Candidate>,
    pub teams: Vec<drx_store::Named>,
    pub centres: Vec<drx_store::organizations::Organization>,
    pub matched: Vec<drx_store::matchmaking::TeamMatch>,
}

pub async fn new_project_choices(db: &Db, actor: &Person) -> Result<NewProjectChoices> {
    let candidates = candidates(db, actor).await?;
    let centres = drx_store::organizations::active(db)
        .await?
        .into_iter()
        .filter(|o| o.kind == drx_domain::OrganizationKind::PocCentre)
        .collect();
    let matched = drx_store::matchmaking::matches_without_project(db)
        .await?
        .into_iter()
        .filter(|m| candidates.iter().any(|c| c.id == m.submission_id))
        .collect();
    Ok(NewProjectChoices {
        teams: store::teams(db).await?,
        candidates,
        centres,
        matched,
    })
}
