//! The organizer's side of judging: review progress and reminders, the ranking (raw weighted
//! means beside the engine's calibrated quality with intervals), finalist selection with
//! reasoned overrides, and the decisions with their notices and mail.
use std::collections::HashMap;

use drx_engine::calibrate;

use crate::services::{calibration, review_reading, Msg, Result, ServiceError};
use drx_domain::SubmissionStatus::{self, Finalist, NotSelected, Submitted, UnderReview};
use drx_domain::{AuditAction, AuditEntity, Phase};
use drx_store::accounts::Person;
use drx_store::catalogue::CallJudging;
use drx_store::reviews::{self as store, Progress};
use drx_store::{audit, outbox, submissions, Db};

use super::decision_notices::{self, CallTitles};

/// Each judge's progress; `late` when reviews remain after the review phase's end.
pub struct ProgressView {
    pub call: CallJudging,
    pub deadline: Option<i64>,
    pub judges: Vec<(Progress, bool)>,
}

pub async fn progress(db: &Db, actor: &Person, call_id: i64, now: i64) -> Result<ProgressView> {
    let call = super::require_call_manager(db, actor, call_id).await?;
    let deadline = store::review_deadline(db, call_id).await?;
    let judges = store::progress(db, call_id)
        .await?
        .into_iter()
        .map(|p| {
            let late = p.unfinished() > 0 && deadline.is_some_and(|d| now > d);
            (p, late)
        })
        .collect();
    Ok(ProgressView {
        call,
        deadline,
        judges,
    })
}

/// Mails every judge with unfinished reviews (through the outbox); returns how many.
pub async fn send_reminders(
    db: &Db,
    actor: &Person,
    call_id: i64,
    base_url: &str,
    now: i64,
) -> Result<usize> {
    let view = progress(db, actor, call_id, now).await?;
    if view.call.phase != drx_domain::Phase::Review {
        return Err(ServiceError::invalid("review-phase-closed"));
    }
    let link = format!("{}/", base_url.trim_end_matches('/'));
    let mut tx = db.begin().await?;
    let mut sent = 0;
    for (p, _) in view.judges.iter().filter(|(p, _)| p.unfinished() > 0) {
        let body = format!(
            "{}：您还有 {n} 份评审未提交。/ {}: {n} of your reviews are not submitted yet.\n{link}",
            view.call.title_zh,
            view.call.title_en,
            n = p.unfinished()
        );
        outbox::enqueue(
            &mut tx,
            &p.email,
            "drx 评审提醒 / drx review reminder",
            &body,
            now,
        )
        .await?;
        sent += 1;
    }
    let detail = serde_json::json!({ "reminded": sent });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        AuditAction::ReviewReminders,
        &detail,
        now,
    )
    .await?;
    Ok(sent)
}

/// One judge's part in a submission's calibrated score.
#[derive(Debug, Clone)]
pub struct Mover {
    /// The judge's name, when the call shows judges to its organizers.
    pub judge: Option<String>,
    /// The review's letter among the submission's reviews ("Judge A").
    pub letter: String,
    /// The judge's severity: offset against the call's average judge, in score points
    /// (negative = harsh).
    pub severity: f64,
    /// The judge's spread relative to the average judge (above 1 separates more).
    pub spread: f64,
    /// What removing this judge's severity and spread did to the submission's score.
    pub shift: f64,
}

impl Mover {
    /// The judge as the organizer sees them: their name, or "Judge A".
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        super::review_reading::judge_label(lang, self.judge.as_deref(), &self.letter)
    }
}

/// One line of the ranking table: a submission and its calibrated estimate.
#[derive(Debug, Clone)]
pub struct RankRow {
    pub submission_id: i64,
    pub title: String,
    pub status: SubmissionStatus,
    /// The calibration's estimate (`n` is its number of reviews, `at_cut_tie` says the
    /// finalist cut falls inside its rank interval, `quality_mcse` its Monte Carlo error).
    pub estimate: calibrate::SubmissionEstimate,
    /// Among the top N by calibrated rank (the default selection).
    pub preselected: bool,
    /// Why calibrated differs from raw: each judge's shift, largest first; the rest is
    /// `estimate.shrinkage`.
    pub movers: Vec<Mover>,
    /// Reviews planned: the call's reviews per submission, or more where more were assigned.
    pub planned: usize,
    /// Fewer submitted reviews than planned.
    pub fewer_than_planned: bool,
    /// Highest minus lowest submitted total, and whether that is a high disagreement (as in
    /// the reviews list).
    pub spread: Option<f64>,
    pub disagreement: bool,
}

pub struct Ranking {
    pub call: CallJudging,
    pub finalists: usize,
    /// Sorted by calibrated rank.
    pub rows: Vec<RankRow>,
    /// When the calibration shown was computed, and whether this view reused the kept one.
    pub computed_at: i64,
    pub reused: bool,
    /// The largest Monte Carlo standard error of a calibrated score, in score points.
    pub mc_error: f64,
    pub model: Option<calibrate::ModelSummary>,
}

pub use super::calibration::confidence_weight;

/// Each judged submission's submitted totals, by the index of the calibration input.
fn totals_by_submission(input: &calibration::Input) -> Vec<Vec<f64>> {
    let mut out = vec![Vec::new(); input.submission_ids.len()];
    for r in &input.reviews.reviews {
        out[r.submission].push(r.score);
    }
    out
}

/// The ranking of a call's judged submissions from their submitted reviews. Each review's
/// weighted total (criterion weights normalised) is one score for the calibration, which is
/// computed once per state of the reviews and kept (see [`calibration`]).
pub async fn ranking(db: &Db, actor: &Person, call_id: i64) -> Result<Ranking> {
    let call = super::require_call_manager(db, actor, call_id).await?;
    let criteria = store::criteria(db, call_id).await?;
    let subs = store::judged_submissions(db, call_id).await?;
    let rows = store::submitted_scores(db, call_id).await?;
    let finalists = (call.finalists.max(0) as usize).min(subs.len());
    let input = calibration::input(&criteria, &subs, &rows, finalists);
    let (lo, hi) = input.reviews.scale;
    let totals = totals_by_submission(&input);
    let (judge_ids, review_ids) = (input.judge_ids.clone(), input.review_ids.clone());
    if subs.is_empty() {
        return Ok(Ranking {
            call,
            finalists,
            rows: Vec::new(),
            computed_at: crate::now(),
            reused: false,
            mc_error: 0.0,
            model: None,
        });
    }
    let kept = calibration::kept_or_computed(db, call_id, input, crate::now()).await?;
    let c = kept.calibration;

    // Letters over every review of a submission, as the reviews pages give them; names where
    // the call shows judges to its organizers.
    let names = store::reading_rules(db, call_id)
        .await?
        .is_some_and(|r| r.organizers_see_judges);
    let mut letter_of: HashMap<i64, String> = HashMap::new();
    let mut name_of: HashMap<i64, String> = HashMap::new();
    let mut assigned: HashMap<i64, usize> = HashMap::new();
    let mut last_sub = None;
    let mut k = 0;
    for r in store::call_review_rows(db, call_id).await? {
        if last_sub != Some(r.submission_id) {
            last_sub = Some(r.submission_id);
            k = 0;
        }
        letter_of.insert(r.id, review_reading::letter(k));
        name_of.insert(r.judge_id, r.judge_name);
        *assigned.entry(r.submission_id).or_default() += 1;
        k += 1;
    }
    let per_call = call.reviews_per_submission.max(0) as usize;
    let mut out: Vec<RankRow> = subs
        .iter()
        .zip(c.submissions)
        .zip(&totals)
        .map(|((s, e), t)| {
            let mut movers: Vec<Mover> = e
                .shifts
                .iter()
                .map(|x| {
                    let judge = &c.judges[x.judge];
                    Mover {
                        judge: names
                            .then(|| name_of.get(&judge_ids[x.judge]).cloned())
                            .flatten(),
                        letter: letter_of
                            .get(&review_ids[x.review])
                            .cloned()
                            .unwrap_or_default(),
                        severity: judge.bias,
                        spread: judge.scale,
                        shift: x.shift,
                    }
                })
                .collect();
            movers.sort_by(|a, b| b.shift.abs().total_cmp(&a.shift.abs()));
            let planned = per_call.max(assigned.get(&s.id).copied().unwrap_or(0));
            let spread = (t.len() >= 2).then(|| {
                t.iter().cloned().fold(f64::MIN, f64::max)
                    - t.iter().cloned().fold(f64::MAX, f64::min)
            });
            RankRow {
                submission_id: s.id,
                title: s.title.clone(),
                status: s.status,
                preselected: e.rank <= finalists,
                estimate: e,
                movers,
                planned,
                fewer_than_planned: t.len() < planned,
                disagreement: spread.is_some_and(|x| {
                    hi > lo && x >= review_reading::DISAGREEMENT_SHARE * (hi - lo)
                }),
                spread,
            }
        })
        .collect();
    out.sort_by_key(|r| r.estimate.rank);
    Ok(Ranking {
        call,
        finalists,
        mc_error: out
            .iter()
            .map(|r| r.estimate.quality_mcse)
            .fold(0.0, f64::max),
        rows: out,
        computed_at: kept.computed_at,
        reused: kept.reused,
        model: Some(c.model),
    })
}

/// Whether a call in this phase takes finalist decisions (during review and decision).
pub fn decides_now(phase: Phase) -> bool {
    matches!(phase, Phase::Review | Phase::Decision)
}

/// Records the decisions: `selected` become finalists, every other judged submission is not
/// selected. Each departure from the calibrated top N needs a reason (`reasons` by submission),
/// recorded in the audit log. The authors are told (in the app and by mail) once the call is in
/// its decision phase: at once during it, at the move into it for decisions taken in review.
/// Returns the number of submissions whose status changed.
pub async fn decide(
    db: &Db,
    actor: &Person,
    call_id: i64,
    selected: &[i64],
    reasons: &HashMap<i64, String>,
    base_url: &str,
    now: i64,
) -> Result<usize> {
    let ranking = ranking(db, actor, call_id).await?;
    if !decides_now(ranking.call.phase) {
        return Err(ServiceError::invalid("decision-phase"));
    }
    let mut overrides = Vec::new();
    for r in &ranking.rows {
        let chosen = selected.contains(&r.submission_id);
        if chosen != r.preselected {
            let reason = reasons
                .get(&r.submission_id)
                .map(|s| s.trim())
                .unwrap_or("");
            if reason.is_empty() {
                return Err(ServiceError::Invalid(
                    Msg::new("decision-reason-missing").arg("submission", r.submission_id),
                ));
            }
            overrides.push((r.submission_id, chosen, reason.to_string()));
        }
    }
    let call = &ranking.call;
    let mut tx = db.begin().await?;
    let mut changed = 0;
    for r in &ranking.rows {
        let to = if selected.contains(&r.submission_id) {
            Finalist
        } else {
            NotSelected
        };
        if r.status == to {
            continue;
        }
        if !submissions::set_status(
            &mut tx,
            r.submission_id,
            &[Submitted, UnderReview, Finalist, NotSelected],
            to,
            now,
        )
        .await?
        {
            continue;
        }
        changed += 1;
        audit::record(
            &mut tx,
            Some(actor.id),
            AuditEntity::Submission,
            r.submission_id,
            AuditAction::Decision,
            &serde_json::json!({ "status": to.as_str() }).to_string(),
            now,
        )
        .await?;
    }
    for (sid, chosen, reason) in &overrides {
        let detail = serde_json::json!({ "selected": chosen, "reason": reason });
        audit::record(
            &mut tx,
            Some(actor.id),
            AuditEntity::Submission,
            *sid,
            AuditAction::FinalistOverride,
            &detail.to_string(),
            now,
        )
        .await?;
    }
    if call.phase == Phase::Decision {
        let titles = CallTitles {
            en: &call.title_en,
            zh: &call.title_zh,
        };
        decision_notices::tell_untold(&mut tx, call_id, titles, base_url, now).await?;
    }
    let detail = serde_json::json!({ "finalists": selected.len(), "overrides": overrides.len(), "changed": changed });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        AuditAction::Decisions,
        &detail,
        now,
    )
    .await?;
    Ok(changed)
}

/// One judged submission in the decision record: its status, the decision that set it, and the
/// departure from the preselection with its reason, if any (from the audit log).
#[derive(Debug, Clone)]
pub struct DecisionLine {
    pub submission_id: i64,
    pub title: String,
    pub status: drx_domain::SubmissionStatus,
    pub decided_at: Option<i64>,
    pub decided_by: String,
    /// Some(true): chosen outside the preselection; Some(false): left out of it.
    pub override_selected: Option<bool>,
    pub reason: String,
}

/// The call's decision record (finalists, the others, every override and its reason), for
/// those who run it. The latest event of each kind counts.
pub async fn decision_record(db: &Db, actor: &Person, call_id: i64) -> Result<Vec<DecisionLine>> {
    super::require_call_manager(db, actor, call_id).await?;
    let mut lines: Vec<DecisionLine> = store::judged_submissions(db, call_id)
        .await?
        .into_iter()
        .map(|s| DecisionLine {
            submission_id: s.id,
            title: s.title,
            status: s.status,
            decided_at: None,
            decided_by: String::new(),
            override_selected: None,
            reason: String::new(),
        })
        .collect();
    let index: HashMap<i64, usize> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (l.submission_id, i))
        .collect();
    // An override stands until a later round of decisions is recorded without it.
    let mut this_round = std::collections::HashSet::new();
    for e in audit::decisions_of_call(db, call_id).await? {
        if e.entity == AuditEntity::Call {
            for line in lines.iter_mut() {
                if !this_round.contains(&line.submission_id) {
                    line.override_selected = None;
                    line.reason.clear();
                }
            }
            this_round.clear();
            continue;
        }
        let Some(line) = index.get(&e.entity_id).map(|&i| &mut lines[i]) else {
            continue;
        };
        let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap_or_default();
        if e.action == AuditAction::FinalistOverride {
            this_round.insert(e.entity_id);
            line.override_selected = detail["selected"].as_bool();
            line.reason = detail["reason"].as_str().unwrap_or_default().to_string();
        } else {
            line.decided_at = Some(e.at);
            line.decided_by = e.actor;
        }
    }
    Ok(lines)
}
