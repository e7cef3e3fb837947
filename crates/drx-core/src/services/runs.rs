//! Matching runs of both kinds, judges -> submissions (`assignment`) and teams -> finalists
//! (`team_matching`): saving a solved run with its pairs and reasons, and reading runs back
//! for those who run the call. The two use cases differ in what they solve, not in this.
use drx_engine::assign::{self, Pair, Problem, Reason};

use super::{Msg, Result, ServiceError};
use drx_domain::{AuditAction, AuditEntity, RunKind};
use drx_store::accounts::Person;
use drx_store::matching::{self as store, Run, RunPair};
use drx_store::Db;

/// The audit action of a new run of this kind.
fn audit_action(kind: RunKind) -> AuditAction {
    match kind {
        RunKind::Judges => AuditAction::AssignmentRun,
        RunKind::Teams => AuditAction::TeamMatchingRun,
    }
}

/// What a run request ended in.
#[derive(Debug)]
pub enum RunOutcome {
    Saved {
        run_id: i64,
        total_affinity: f64,
        pairs: usize,
    },
    /// No assignment satisfies the constraints; why, in the user's words.
    Infeasible(Vec<super::Msg>),
}

/// Solves `problem` off the async threads and saves the solution as a draft run of `kind` with
/// `params`; each pair is put in the store's terms by `pair`. When no solution satisfies the
/// constraints, the outcome is the engine's reasons in words (`reason`). `progress` hears when
/// saving starts.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn solve_and_save(
    db: &Db,
    actor: &Person,
    call_id: i64,
    kind: RunKind,
    params: &impl serde::Serialize,
    problem: Problem,
    reason: impl Fn(&Reason) -> Msg,
    pair: impl Fn(&Pair) -> RunPair,
    now: i64,
    progress: &(dyn Fn(&str) + Send + Sync),
) -> Result<RunOutcome> {
    let solved = tokio::task::spawn_blocking(move || assign::solve(&problem))
        .await
        .expect("the solver does not panic");
    let solution = match solved {
        Ok(s) => s,
        Err(infeasible) => {
            return Ok(RunOutcome::Infeasible(
                infeasible.reasons.iter().map(reason).collect(),
            ))
        }
    };
    progress("saving the run");
    let pairs: Vec<RunPair> = solution.pairs.iter().map(pair).collect();
    let parameters = serde_json::to_string(params).expect("parameters serialise");
    save(
        db,
        actor,
        call_id,
        kind,
        &parameters,
        solution.total_affinity,
        &pairs,
        now,
    )
    .await
}

/// Stores a solved run with every pair and its reason, and audits it on the call, in one
/// transaction.
#[allow(clippy::too_many_arguments)]
async fn save(
    db: &Db,
    actor: &Person,
    call_id: i64,
    kind: RunKind,
    parameters: &str,
    total_affinity: f64,
    pairs: &[RunPair],
    now: i64,
) -> Result<RunOutcome> {
    let mut tx = db.begin().await?;
    let run_id = store::insert_run(
        &mut tx,
        call_id,
        kind,
        parameters,
        total_affinity,
        actor.id,
        now,
    )
    .await?;
    for pair in pairs {
        store::insert_run_pair(&mut tx, run_id, pair).await?;
    }
    let detail = serde_json::json!({ "run": run_id, "pairs": pairs.len(), "total_affinity": total_affinity });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        audit_action(kind),
        &detail,
        now,
    )
    .await?;
    Ok(RunOutcome::Saved {
        run_id,
        total_affinity,
        pairs: pairs.len(),
    })
}

/// The call's runs of one kind, newest first, for those who run the call.
pub async fn of_call(db: &Db, actor: &Person, call_id: i64, kind: RunKind) -> Result<Vec<Run>> {
    super::require_call_manager(db, actor, call_id).await?;
    Ok(store::runs_of_call(db, call_id, kind).await?)
}

/// One run of the call with its pairs, for those who run the call; NotFound when the run is
/// of another call or kind.
pub async fn get(
    db: &Db,
    actor: &Person,
    call_id: i64,
    run_id: i64,
    kind: RunKind,
) -> Result<(Run, Vec<RunPair>)> {
    super::require_call_manager(db, actor, call_id).await?;
    let run = store::run(db, run_id)
        .await?
        .filter(|r| r.call_id == call_id && r.kind == kind)
        .ok_or(ServiceError::NotFound)?;
    let pairs = store::run_pairs(db, run_id).await?;
    Ok((run, pairs))
}
