//! Matching engineering teams with a call's finalists: affinity from the engine, capacities from
//! the teams (minus finalists they already took in other calls), the organizer's pins and
//! removals; runs are drafts (assignment_runs of kind 'teams') until one is published, which
//! records the matches (the new-project page offers them) and tells both sides.
use std::collections::HashMap;

use drx_engine::assign::{Candidate, Pair, Problem, Reason};
use serde::{Deserialize, Serialize};

use super::assignment::RunOutcome;
use super::matching::{reason_line, TeamModel};
use super::{Msg, Result, ServiceError};
use drx_domain::{AuditAction, AuditEntity, RunKind, RunStatus, SubmissionStatus};
use drx_store::accounts::Person;
use drx_store::matching::{self as runs, RunPair};
use drx_store::matchmaking as store;
use drx_store::{outbox, submissions, Db};

/// What the organizer chose for a run; stored with it so that a re-run starts from it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TeamParams {
    #[serde(default = "one")]
    pub teams_per_finalist: u32,
    /// (finalist submission id, team id) pairs that must be in the result.
    #[serde(default)]
    pub pinned: Vec<(i64, i64)>,
    /// (finalist submission id, team id) pairs that must not be.
    #[serde(default)]
    pub forbidden: Vec<(i64, i64)>,
}

fn one() -> u32 {
    1
}

impl Default for TeamParams {
    fn default() -> Self {
        TeamParams {
            teams_per_finalist: 1,
            pinned: Vec::new(),
            forbidden: Vec::new(),
        }
    }
}

/// The most teams one finalist may ask for.
pub const MAX_TEAMS_PER_FINALIST: u32 = 5;

/// The call's finalists and the teams with what they can still take.
pub struct Setting {
    pub model: TeamModel,
    /// Indices into `model.submissions` of the finalists.
    pub finalists: Vec<usize>,
    /// Per team (model order): capacity minus finalists matched in other calls.
    pub room: Vec<u32>,
}

pub async fn setting(db: &Db, call_id: i64) -> Result<Setting> {
    let model = TeamModel::load(db, call_id).await?;
    let finalists = (0..model.submissions.len())
        .filter(|&s| model.submissions[s].status == SubmissionStatus::Finalist)
        .collect();
    let outside = store::loads_outside(db, call_id).await?;
    let room = model
        .teams
        .iter()
        .map(|t| (t.capacity - outside.get(&t.team_id).copied().unwrap_or(0)).max(0) as u32)
        .collect();
    Ok(Setting {
        model,
        finalists,
        room,
    })
}

fn problem(st: &Setting, params: &TeamParams) -> Problem {
    let m = &st.model;
    let mut candidates = Vec::new();
    for (f, &s) in st.finalists.iter().enumerate() {
        for t in 0..m.teams.len() {
            candidates.push(Candidate::new(f as u32, t as u32, m.model.score(t, s)));
        }
    }
    let mut p = Problem::teams_to_finalists(
        st.finalists.len(),
        params.teams_per_finalist,
        &st.room,
        candidates,
    );
    let pair_of = |(sid, tid): &(i64, i64)| {
        let f = st
            .finalists
            .iter()
            .position(|&s| m.submissions[s].id == *sid)?;
        Some(Pair::new(f as u32, m.team_index(*tid)? as u32))
    };
    p.forced = params.pinned.iter().filter_map(pair_of).collect();
    p.forbidden = params.forbidden.iter().filter_map(pair_of).collect();
    p
}

/// Computes an optimal matching for the call's finalists and saves it as a draft run.
pub async fn run_teams(
    db: &Db,
    actor: &Person,
    call_id: i64,
    params: &TeamParams,
    now: i64,
) -> Result<RunOutcome> {
    super::require_call_editor(db, actor, call_id).await?;
    if !(1..=MAX_TEAMS_PER_FINALIST).contains(&params.teams_per_finalist) {
        return Err(ServiceError::Invalid(
            Msg::new("team-match-per-finalist-range").arg("max", MAX_TEAMS_PER_FINALIST),
        ));
    }
    let st = setting(db, call_id).await?;
    if st.finalists.is_empty() {
        return Ok(RunOutcome::Infeasible(vec![Msg::new(
            "team-match-no-finalists",
        )]));
    }
    if st.model.teams.is_empty() {
        return Ok(RunOutcome::Infeasible(vec![Msg::new(
            "team-match-no-teams",
        )]));
    }
    let p = problem(&st, params);
    super::runs::solve_and_save(
        db,
        actor,
        call_id,
        RunKind::Teams,
        params,
        p,
        |r| reason_msg(&st, r),
        |Pair { submission, judge }| {
            let (s, t) = (st.finalists[*submission as usize], *judge as usize);
            let e = super::matching::team_explanation(st.model.model.explain(t, s, 5));
            RunPair {
                submission_id: st.model.submissions[s].id,
                assignee_id: st.model.teams[t].team_id,
                affinity: e.score,
                reason: reason_line(&e),
            }
        },
        now,
        &|_| {},
    )
    .await
}

/// The engine's reason with finalist titles and team names in place of indices.
fn reason_msg(st: &Setting, r: &Reason) -> Msg {
    let m = &st.model;
    let finalist = |i: &u32| {
        let s = &m.submissions[st.finalists[*i as usize]];
        format!("#{} {}", s.id, s.title)
    };
    let team = |i: &u32| {
        let t = &m.teams[*i as usize];
        format!("{} / {}", t.name_zh, t.name_en)
    };
    match r {
        Reason::TooFewEligibleJudges {
            submission,
            eligible,
            needed,
            ..
        } => Msg::new("team-infeasible-few-teams")
            .arg("finalist", finalist(submission))
            .arg("eligible", eligible)
            .arg("needed", needed),
        Reason::MaxLoadBelowReviews {
            total_max_load,
            reviews,
        } => Msg::new("team-infeasible-capacity")
            .arg("capacity", total_max_load)
            .arg("needed", reviews),
        Reason::ForcedNotAllowed {
            submission,
            judge,
            why,
        } => Msg::new("team-infeasible-pin")
            .arg("finalist", finalist(submission))
            .arg("team", team(judge))
            .arg("why", why),
        Reason::TooManyForcedForJudge {
            judge,
            forced,
            max_load,
        } => Msg::new("team-infeasible-pinned-over-capacity")
            .arg("team", team(judge))
            .arg("pinned", forced)
            .arg("capacity", max_load),
        Reason::TooManyForcedForSubmission {
            submission,
            forced,
            reviews,
        } => Msg::new("team-infeasible-pinned-too-many")
            .arg("finalist", finalist(submission))
            .arg("pinned", forced)
            .arg("needed", reviews),
        Reason::Bottleneck {
            submissions,
            need,
            can_get,
            ..
        } => Msg::new("team-infeasible-bottleneck")
            .arg(
                "finalists",
                submissions
                    .iter()
                    .take(8)
                    .map(finalist)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
            .arg("needed", need)
            .arg("available", can_get),
        other => Msg::new("infeasible-other").arg("reason", other),
    }
}

/// Publishes a draft run of team matching: the call's matches become its pairs, other drafts
/// are discarded, finalist authors and team members are told (notice and email).
pub async fn publish(
    db: &Db,
    actor: &Person,
    run_id: i64,
    base_url: &str,
    now: i64,
) -> Result<usize> {
    let run = runs::run(db, run_id)
        .await?
        .filter(|r| r.kind == RunKind::Teams)
        .ok_or(ServiceError::NotFound)?;
    let call = super::require_call_editor(db, actor, run.call_id).await?;
    if run.status != RunStatus::Draft {
        return Err(ServiceError::invalid("assign-not-draft"));
    }
    let pairs = runs::run_pairs(db, run_id).await?;
    let teams: HashMap<i64, (String, String)> = store::team_cards(db)
        .await?
        .into_iter()
        .map(|t| (t.id, (t.name_en, t.name_zh)))
        .collect();
    let titles: HashMap<i64, String> = runs::submissions_of_call(db, run.call_id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    let base = base_url.trim_end_matches('/');
    let mut tx = db.begin().await?;
    runs::publish_run(&mut tx, &run).await?;
    store::replace_matches(&mut tx, run.call_id, run.id, &pairs, now).await?;
    for p in &pairs {
        let (team_en, team_zh) = teams.get(&p.assignee_id).cloned().unwrap_or_default();
        let title = titles.get(&p.submission_id).cloned().unwrap_or_default();
        let body = format!(
            "{}：决赛项目「{title}」与工程团队{team_zh}配对成功。/ {}: the finalist “{title}” is matched with the engineering team {team_en}.",
            call.title_zh, call.title_en
        );
        let mut told: Vec<(i64, String, String)> =
            submissions::team_recipients(&mut tx, p.submission_id)
                .await?
                .into_iter()
                .map(|r| (r.id, r.email, format!("/submissions/{}", p.submission_id)))
                .collect();
        for (id, email) in store::member_recipients(&mut tx, p.assignee_id).await? {
            told.push((id, email, format!("/teams/{}", p.assignee_id)));
        }
        for (person, email, link) in told {
            drx_store::notices::insert(&mut tx, person, &body, &link, now).await?;
            outbox::enqueue(
                &mut tx,
                &email,
                "drx 团队配对 / drx team matching",
                &format!("{body}\n{base}{link}"),
                now,
            )
            .await?;
        }
    }
    let detail = serde_json::json!({ "run": run_id, "matches": pairs.len() });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        run.call_id,
        AuditAction::TeamMatchingPublish,
        &detail,
        now,
    )
    .await?;
    Ok(pairs.len())
}

/// The call's published team matches, for those who run the call.
pub async fn published(db: &Db, actor: &Person, call_id: i64) -> Result<Vec<store::TeamMatch>> {
    super::require_call_manager(db, actor, call_id).await?;
    Ok(store::matches_of_call(db, call_id).await?)
}
