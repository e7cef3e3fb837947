//! Assigning judges to a call's submissions: affinity from the engine, constraints from the
//! call, the organizer's pins and removals; runs are kept as drafts until one is published.
use std::collections::HashMap;

use drx_engine::assign::{Candidate, JudgeSpec, Objective, Pair, Problem, Reason, SubmissionSpec};
use serde::{Deserialize, Serialize};

use super::matching::{reason_line, JudgeModel};
use super::{Msg, Result, ServiceError};
use drx_domain::{AuditAction, AuditEntity, Bid, RunKind, RunStatus};
use drx_store::accounts::Person;
use drx_store::matching::{self as store, RunPair};
use drx_store::{catalogue, outbox, Db};

/// What the organizer chose for a run; stored with it so that a re-run starts from it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AssignParams {
    /// Raise the worst-served first, then the total.
    #[serde(default)]
    pub fairness: bool,
    /// (submission id, judge id) pairs that must be in the result.
    #[serde(default)]
    pub pinned: Vec<(i64, i64)>,
    /// (submission id, judge id) pairs that must not be.
    #[serde(default)]
    pub forbidden: Vec<(i64, i64)>,
    /// At most one judge of an organization per submission.
    #[serde(default = "yes")]
    pub one_judge_per_org: bool,
}

fn yes() -> bool {
    true
}

pub use super::runs::RunOutcome;

/// Above this many judge x submission pairs, each submission only considers its best judges.
const ALL_PAIRS_LIMIT: usize = 2_000_000;
const CANDIDATES_PER_SUBMISSION: usize = 60;

/// Computes an optimal assignment for the call and saves it as a draft run.
/// `progress` hears each stage (for the command line's progress display).
pub async fn run_judges(
    db: &Db,
    actor: &Person,
    call_id: i64,
    params: &AssignParams,
    now: i64,
    progress: &(dyn Fn(&str) + Send + Sync),
) -> Result<RunOutcome> {
    let call = super::require_call_editor(db, actor, call_id).await?;
    progress("loading judges and submissions");
    let m = JudgeModel::load(db, call_id).await?;
    if m.submissions.is_empty() {
        return Ok(RunOutcome::Infeasible(vec![Msg::new(
            "assign-no-submissions",
        )]));
    }
    if m.judges.is_empty() {
        return Ok(RunOutcome::Infeasible(vec![Msg::new("assign-no-judges")]));
    }
    let bids = super::bids::of_call(db, call_id).await?;
    // A pin against the judge's own conflict bid is refused before solving, with its reason.
    for (sid, jid) in &params.pinned {
        if bids.get(&(*sid, *jid)) == Some(&Bid::Conflict) {
            let judge = m.judge_index(*jid).map(|j| m.judges[j].name.clone());
            return Ok(RunOutcome::Infeasible(vec![Msg::new(
                "assign-pin-conflict-bid",
            )
            .arg("submission", format!("#{sid}"))
            .arg("judge", judge.unwrap_or_else(|| format!("#{jid}")))]));
        }
    }
    progress("scoring affinity");
    let problem = build_problem(&m, &call, params, &bids);
    progress("solving");
    super::runs::solve_and_save(
        db,
        actor,
        call_id,
        RunKind::Judges,
        params,
        problem,
        |r| reason_msg(&m, r),
        |Pair { submission, judge }| {
            let (s, j) = (*submission as usize, *judge as usize);
            let e = m.model.explain(j, s, 5);
            RunPair {
                submission_id: m.submissions[s].id,
                assignee_id: m.judges[j].person_id,
                affinity: e.score,
                reason: with_bid(
                    reason_line(&e),
                    bids.get(&(m.submissions[s].id, m.judges[j].person_id))
                        .copied(),
                ),
            }
        },
        now,
        progress,
    )
    .await
}

/// A pair's reason line with the judge's bid on the submission, when there is one: one more
/// `bid: <value>` part of the line (`reason_line`'s " | " between parts), so pages label it.
fn with_bid(reason: String, bid: Option<Bid>) -> String {
    match bid {
        None => reason,
        Some(b) if reason.is_empty() => format!("bid: {b}"),
        Some(b) => format!("{reason} | bid: {b}"),
    }
}

/// The engine's problem for the call: candidates from affinity plus each bid's weight
/// (`services::bids::weight`), conflicts (declared, co-authorship, conflict bids), loads, pins.
/// `bids` maps (submission id, judge id) to the judge's bid.
pub fn build_problem(
    m: &JudgeModel,
    call: &catalogue::CallJudging,
    params: &AssignParams,
    bids: &HashMap<(i64, i64), Bid>,
) -> Problem {
    let bid = |s: usize, j: usize| {
        bids.get(&(m.submissions[s].id, m.judges[j].person_id))
            .copied()
    };
    let mut org_index: HashMap<i64, u32> = HashMap::new();
    let mut org = |id: i64| {
        let n = org_index.len() as u32;
        *org_index.entry(id).or_insert(n)
    };
    let judges: Vec<JudgeSpec> = m
        .judges
        .iter()
        .map(|j| {
            // A judge's own maximum load replaces the call's; the call's minimum never asks
            // more of them than their maximum.
            let max_load = j.max_load.unwrap_or(call.judge_max_load).max(0);
            JudgeSpec {
                min_load: call.judge_min_load.clamp(0, max_load) as u32,
                max_load: max_load as u32,
                org: j.organization_id.map(&mut org),
            }
        })
        .collect();
    let submissions: Vec<SubmissionSpec> = m
        .submissions
        .iter()
        .map(|s| SubmissionSpec {
            reviews: call.reviews_per_submission.max(0) as u32,
            author_orgs: s.member_organizations.iter().map(|&o| org(o)).collect(),
        })
        .collect();
    let (n_s, n_j) = (m.submissions.len(), m.judges.len());
    let mut candidates = Vec::new();
    for s in 0..n_s {
        if n_s * n_j <= ALL_PAIRS_LIMIT {
            for j in 0..n_j {
                let w = super::bids::weight(bid(s, j));
                candidates.push(Candidate::new(s as u32, j as u32, m.model.score(j, s) + w));
            }
        } else {
            for r in m.model.top_profiles(s, CANDIDATES_PER_SUBMISSION) {
                let w = super::bids::weight(bid(s, r.index));
                candidates.push(Candidate::new(s as u32, r.index as u32, r.score + w));
            }
        }
    }
    let mut conflicts = Vec::new();
    for s in 0..n_s {
        for j in 0..n_j {
            let declared = matches!(m.conflict(j, s), Some(c) if c != super::matching::Conflict::SameOrganization);
            if declared || bid(s, j) == Some(Bid::Conflict) {
                conflicts.push(Pair::new(s as u32, j as u32));
            }
        }
    }
    let pair_of = |(sid, jid): &(i64, i64)| {
        Some(Pair::new(
            m.submission_index(*sid)? as u32,
            m.judge_index(*jid)? as u32,
        ))
    };
    Problem {
        submissions,
        judges,
        candidates,
        conflicts,
        forced: params.pinned.iter().filter_map(pair_of).collect(),
        forbidden: params.forbidden.iter().filter_map(pair_of).collect(),
        one_judge_per_org: params.one_judge_per_org,
        objective: if params.fairness {
            Objective::Fair
        } else {
            Objective::Total
        },
    }
}

/// The engine's reason with names in place of indices.
fn reason_msg(m: &JudgeModel, r: &Reason) -> Msg {
    let sub = |i: &u32| {
        format!(
            "#{} {}",
            m.submissions[*i as usize].id, m.submissions[*i as usize].title
        )
    };
    let judge = |i: &u32| m.judges[*i as usize].name.clone();
    match r {
        Reason::TooFewEligibleJudges {
            submission,
            eligible,
            needed,
            ..
        } => Msg::new("infeasible-few-judges")
            .arg("submission", sub(submission))
            .arg("eligible", eligible)
            .arg("needed", needed),
        Reason::TooFewEligibleSubmissions {
            judge: j,
            eligible,
            min_load,
        } => Msg::new("infeasible-few-submissions")
            .arg("judge", judge(j))
            .arg("eligible", eligible)
            .arg("min", min_load),
        Reason::MinLoadExceedsReviews {
            total_min_load,
            reviews,
            ..
        } => Msg::new("infeasible-min-load")
            .arg("min", total_min_load)
            .arg("reviews", reviews),
        Reason::MaxLoadBelowReviews {
            total_max_load,
            reviews,
        } => Msg::new("infeasible-max-load")
            .arg("max", total_max_load)
            .arg("reviews", reviews),
        Reason::ForcedNotAllowed {
            submission,
            judge: j,
            why,
        } => Msg::new("infeasible-pin")
            .arg("submission", sub(submission))
            .arg("judge", judge(j))
            .arg("why", why),
        other => Msg::new("infeasible-other").arg("reason", other),
    }
}

/// Publishes a draft run: every pair becomes an assigned review, the judges are told (in the
/// app and by email), submissions go under review. Other drafts of the call are discarded.
pub async fn publish(
    db: &Db,
    actor: &Person,
    run_id: i64,
    base_url: &str,
    now: i64,
) -> Result<usize> {
    let run = store::run(db, run_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let call = super::require_call_editor(db, actor, run.call_id).await?;
    if run.status != RunStatus::Draft {
        return Err(ServiceError::invalid("assign-not-draft"));
    }
    let pairs = store::run_pairs(db, run_id).await?;
    let judges = store::judges_of_call(db, run.call_id).await?;
    let mut per_judge: HashMap<i64, usize> = HashMap::new();
    let mut tx = db.begin().await?;
    store::publish_run(&mut tx, &run).await?;
    let mut created = 0;
    for p in &pairs {
        if drx_store::reviews::insert_review(&mut tx, p.submission_id, p.assignee_id, now).await? {
            created += 1;
            *per_judge.entry(p.assignee_id).or_default() += 1;
        }
    }
    drx_store::submissions::mark_under_review(&mut tx, run.call_id, now).await?;
    let link = format!("{}/", base_url.trim_end_matches('/'));
    for (judge_id, n) in &per_judge {
        let body = format!(
            "{}：您有 {n} 份新的评审任务。/ {}: {n} new reviews are assigned to you.",
            call.title_zh, call.title_en
        );
        drx_store::notices::insert(&mut tx, *judge_id, &body, "/", now).await?;
        if let Some(j) = judges.iter().find(|j| j.person_id == *judge_id) {
            let email = drx_store::accounts::email_of(&mut tx, j.person_id).await?;
            outbox::enqueue(
                &mut tx,
                &email,
                "drx 评审任务 / drx review assignments",
                &format!("{body}\n{link}"),
                now,
            )
            .await?;
        }
    }
    let detail = serde_json::json!({ "run": run_id, "reviews_created": created });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        run.call_id,
        AuditAction::AssignmentPublish,
        &detail,
        now,
    )
    .await?;
    Ok(created)
}

/// The call's judge assignment runs, newest first, for those who run the call.
pub async fn runs(db: &Db, actor: &Person, call_id: i64) -> Result<Vec<store::Run>> {
    super::require_call_manager(db, actor, call_id).await?;
    Ok(store::runs_of_call(db, call_id, RunKind::Judges).await?)
}

/// One run and its pairs, for those who run its call (NotFound for an unknown run).
pub async fn run_with_pairs(
    db: &Db,
    actor: &Person,
    run_id: i64,
) -> Result<(store::Run, Vec<RunPair>)> {
    let run = store::run(db, run_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    super::require_call_manager(db, actor, run.call_id).await?;
    let pairs = store::run_pairs(db, run_id).await?;
    Ok((run, pairs))
}

/// The call's judges as (person id, name) and its submissions as (id, title), for reading a
/// run's pairs; for those who run the call.
pub async fn people_and_submissions(
    db: &Db,
    actor: &Person,
    call_id: i64,
) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>)> {
    super::require_call_manager(db, actor, call_id).await?;
    let judges = store::judges_of_call(db, call_id)
        .await?
        .into_iter()
        .map(|j| (j.person_id, j.name))
        .collect();
    let subs = store::submissions_of_call(db, call_id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    Ok((judges, subs))
}
