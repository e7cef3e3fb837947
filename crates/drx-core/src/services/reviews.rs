//! The judge's side of judging: the review workspace (rubric, confidence, comments, draft and
//! submit while the review phase lasts), conflict declaration with an automatic replacement
//! judge, and the per-submission discussion among judges and organizers.
use std::collections::HashMap;

use crate::auth::authorization::{
    can_edit_review, can_join_discussion, SubmissionAccess, SubmissionView,
};
use crate::services::matching::JudgeModel;
use crate::services::submissions as subs;
use crate::services::{Msg, Result, ServiceError};
use drx_domain::{AuditAction, AuditEntity, ReviewStatus};
use drx_store::accounts::Person;
use drx_store::reviews::{self as store, Criterion, Review, ReviewInput};
use drx_store::submissions::Submission;
use drx_store::{catalogue, matching, outbox, Db};

/// Longest comment accepted, in characters.
pub const MAX_COMMENT: usize = 20_000;

/// Everything the judge's workspace shows.
pub struct Workspace {
    pub review: Review,
    pub scores: Vec<(i64, f64)>,
    pub criteria: Vec<Criterion>,
    pub submission: Submission,
    pub view: SubmissionView,
    pub access: SubmissionAccess,
    pub editable: bool,
}

/// The judge's own review; anyone else gets NotFound (a review's existence is not revealed).
pub async fn workspace(db: &Db, actor: &Person, review_id: i64) -> Result<Workspace> {
    let review = store::review(db, review_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if review.judge_id != actor.id {
        return Err(ServiceError::NotFound);
    }
    let (submission, view, access) = subs::load(db, actor, review.submission_id).await?;
    let criteria = store::criteria(db, review.call_id).await?;
    let scores = store::scores(db, review.id).await?;
    let editable = can_edit_review(
        actor,
        review.judge_id,
        review.call_phase,
        review.call_archived,
    );
    Ok(Workspace {
        review,
        scores,
        criteria,
        submission,
        view,
        access,
        editable,
    })
}

/// What the form sent, before checking: criterion id -> text typed.
#[derive(Debug, Clone, Default)]
pub struct RawReview {
    pub scores: HashMap<i64, String>,
    pub confidence: String,
    pub comments_for_authors: String,
    pub comments_for_committee: String,
}

impl RawReview {
    /// The stored review as the form shows it.
    pub fn of(w: &Workspace) -> RawReview {
        RawReview {
            scores: w
                .scores
                .iter()
                .map(|(c, s)| (*c, format_score(*s)))
                .collect(),
            confidence: w
                .review
                .confidence
                .map(|c| c.to_string())
                .unwrap_or_default(),
            comments_for_authors: w.review.comments_for_authors.clone(),
            comments_for_committee: w.review.comments_for_committee.clone(),
        }
    }
}

pub fn format_score(s: f64) -> String {
    if s.fract() == 0.0 {
        format!("{}", s as i64)
    } else {
        format!("{s}")
    }
}

/// Checks the typed review. A draft may leave scores empty; a submission needs every score
/// and a confidence.
pub fn validate(raw: &RawReview, criteria: &[Criterion], complete: bool) -> Result<ReviewInput> {
    let mut scores = Vec::new();
    for c in criteria {
        let text = raw.scores.get(&c.id).map(|s| s.trim()).unwrap_or("");
        if text.is_empty() {
            if complete {
                return Err(ServiceError::Invalid(
                    Msg::new("review-score-missing").arg("criterion", &c.name_en),
                ));
            }
            continue;
        }
        let v: f64 = text.parse().map_err(|_| {
            ServiceError::Invalid(
                Msg::new("review-score-range")
                    .arg("min", c.scale_min)
                    .arg("max", c.scale_max),
            )
        })?;
        if !v.is_finite() || v < c.scale_min as f64 || v > c.scale_max as f64 {
            return Err(ServiceError::Invalid(
                Msg::new("review-score-range")
                    .arg("min", c.scale_min)
                    .arg("max", c.scale_max),
            ));
        }
        scores.push((c.id, v));
    }
    let confidence = match raw.confidence.trim() {
        "" if complete => return Err(ServiceError::invalid("review-confidence-missing")),
        "" => None,
        t => match t.parse::<i64>() {
            Ok(v) if (1..=5).contains(&v) => Some(v),
            _ => return Err(ServiceError::invalid("review-confidence-missing")),
        },
    };
    for text in [&raw.comments_for_authors, &raw.comments_for_committee] {
        if text.chars().count() > MAX_COMMENT {
            return Err(super::too_long("comments", MAX_COMMENT));
        }
    }
    Ok(ReviewInput {
        scores,
        confidence,
        comments_for_authors: raw.comments_for_authors.trim().to_string(),
        comments_for_committee: raw.comments_for_committee.trim().to_string(),
    })
}

/// Saves a draft (`submit == false`) or submits. Refused once the review phase is over; the
/// caller keeps what was typed to show it again.
pub async fn save(
    db: &Db,
    actor: &Person,
    review_id: i64,
    raw: &RawReview,
    submit: bool,
    now: i64,
) -> Result<()> {
    let w = workspace(db, actor, review_id).await?;
    if !w.editable {
        return Err(ServiceError::invalid("review-phase-closed"));
    }
    // A submitted review stays submitted (and complete) when edited again.
    let complete = submit || w.review.status == ReviewStatus::Submitted;
    let input = validate(raw, &w.criteria, complete)?;
    let status = if complete {
        ReviewStatus::Submitted
    } else {
        ReviewStatus::InProgress
    };
    let mut tx = db.begin().await?;
    store::save(&mut tx, review_id, &input, status, now).await?;
    let detail =
        serde_json::json!({ "status": status.as_str(), "submission": w.review.submission_id });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Review,
        review_id,
        if submit {
            AuditAction::ReviewSubmit
        } else {
            AuditAction::ReviewSave
        },
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Declares a conflict on an assigned submission: the conflict is recorded, the review removed,
/// and the best-fitting eligible judge of the call's pool (not on it already, without a conflict,
/// under their maximum load) takes it over, told in the app and by email; when there is none, the call's
/// organizers are told instead. Returns the replacement judge.
pub async fn declare_conflict(
    db: &Db,
    actor: &Person,
    review_id: i64,
    reason: &str,
    base_url: &str,
    now: i64,
) -> Result<Option<i64>> {
    let w = workspace(db, actor, review_id).await?;
    if !w.editable {
        return Err(ServiceError::invalid("review-phase-closed"));
    }
    if w.review.status == ReviewStatus::Submitted {
        return Err(ServiceError::invalid("conflict-after-submit"));
    }
    let reason = crate::services::required_text(reason, 1000, "reason")?;
    let call = catalogue::call_settings(db, w.review.call_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let model = JudgeModel::load(db, call.id).await?;
    let mut tx = db.begin().await?;
    store::declare_conflict(
        &mut tx,
        review_id,
        actor.id,
        w.review.submission_id,
        &reason,
        now,
    )
    .await?;
    let on_it = store::judges_on(&mut tx, w.review.submission_id).await?;
    let loads: HashMap<i64, i64> = store::loads(&mut tx, call.id).await?.into_iter().collect();
    let replacement = model
        .submission_index(w.review.submission_id)
        .and_then(|s| {
            model
                .top_judges(s, model.judges.len())
                .into_iter()
                .map(|f| &model.judges[f.profile])
                .find(|j| {
                    let ji = model.judge_index(j.person_id).unwrap_or(usize::MAX);
                    j.person_id != actor.id
                        && !on_it.contains(&j.person_id)
                        && model.conflict(ji, s).is_none()
                        && loads.get(&j.person_id).copied().unwrap_or(0)
                            < j.max_load.unwrap_or(call.judge_max_load)
                })
                .map(|j| j.person_id)
        });
    if let Some(j) = replacement {
        store::insert_review(&mut tx, w.review.submission_id, j, now).await?;
        let body = format!(
            "{}：您有 1 份新的评审任务（替换）。/ {}: 1 new review is assigned to you (a replacement).",
            call.title_zh, call.title_en
        );
        drx_store::notices::insert(&mut tx, j, &body, "/", now).await?;
        let email = drx_store::accounts::email_of(&mut tx, j).await?;
        let link = format!("{}/", base_url.trim_end_matches('/'));
        outbox::enqueue(
            &mut tx,
            &email,
            "drx 评审任务 / drx review assignment",
            &format!("{body}\n{link}"),
            now,
        )
        .await?;
    } else {
        // Nobody eligible is left: the call's organizers must find a judge by hand.
        let body = format!(
            "{}：方案 #{} 的评委申报了利益冲突，且没有可替换的评委，请手动分配。/ {}: a judge of submission #{} declared a conflict and no eligible judge is left; assign one by hand.",
            call.title_zh, w.review.submission_id, call.title_en, w.review.submission_id
        );
        let link = format!("/calls/{}/assignment", call.id);
        for (organizer, email) in store::organizers(&mut tx, call.id).await? {
            drx_store::notices::insert(&mut tx, organizer, &body, &link, now).await?;
            let url = format!("{}{link}", base_url.trim_end_matches('/'));
            outbox::enqueue(
                &mut tx,
                &email,
                "drx 需要替换评委 / drx: a judge is needed",
                &format!("{body}\n{url}"),
                now,
            )
            .await?;
        }
    }
    let detail = serde_json::json!({
        "submission": w.review.submission_id,
        "review": review_id,
        "reason": reason,
        "replacement": replacement,
    });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Submission,
        w.review.submission_id,
        AuditAction::ConflictDeclare,
        &detail,
        now,
    )
    .await?;
    Ok(replacement)
}

/// A submission's discussion as one person may see it.
pub struct Discussion {
    pub submission: Submission,
    pub messages: Vec<store::Remark>,
}

async fn discussion_access(db: &Db, actor: &Person, submission_id: i64) -> Result<Submission> {
    let (s, _, access) = subs::load(db, actor, submission_id).await?;
    let own = store::review_of(db, submission_id, actor.id).await?;
    if !can_join_discussion(actor, &access, own.map(|(_, st)| st)) {
        if access.assigned_judge {
            return Err(ServiceError::invalid("discussion-after-review"));
        }
        return Err(ServiceError::NotFound);
    }
    Ok(s)
}

pub async fn discussion(db: &Db, actor: &Person, submission_id: i64) -> Result<Discussion> {
    let submission = discussion_access(db, actor, submission_id).await?;
    let messages = match store::thread_of(db, submission_id).await? {
        Some(t) => store::messages(db, t).await?,
        None => Vec::new(),
    };
    Ok(Discussion {
        submission,
        messages,
    })
}

pub async fn post_message(
    db: &Db,
    actor: &Person,
    submission_id: i64,
    body: &str,
    now: i64,
) -> Result<()> {
    discussion_access(db, actor, submission_id).await?;
    let body = crate::services::required_text(body, MAX_COMMENT, "message")?;
    let mut tx = db.begin().await?;
    let thread = store::ensure_thread(&mut tx, submission_id, now).await?;
    drx_store::conversations::insert_message(&mut tx, thread, actor.id, &body, now).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criteria() -> Vec<Criterion> {
        vec![Criterion {
            id: 5,
            name_en: "Innovation".into(),
            name_zh: "创新性".into(),
            weight: 1.0,
            scale_min: 1,
            scale_max: 10,
        }]
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_submission_may_not() {
        let raw = RawReview::default();
        assert!(validate(&raw, &criteria(), false).is_ok());
        assert!(validate(&raw, &criteria(), true).is_err());
    }

    #[test]
    fn scores_outside_the_scale_are_refused() {
        let mut raw = RawReview {
            confidence: "3".into(),
            ..RawReview::default()
        };
        for bad in ["0", "11", "x", "NaN"] {
            raw.scores.insert(5, bad.into());
            assert!(validate(&raw, &criteria(), true).is_err(), "{bad}");
        }
        raw.scores.insert(5, "7.5".into());
        assert_eq!(
            validate(&raw, &criteria(), true).unwrap().scores,
            vec![(5, 7.5)]
        );
    }
}

/// One of a judge's own reviews, for their lists.
#[derive(Debug, Clone, PartialEq)]
pub struct MyReview {
    pub id: i64,
    pub submission_id: i64,
    pub submission_title: String,
    pub status: ReviewStatus,
    pub call_id: i64,
}

/// The person's own reviews (as a judge), every call.
pub async fn mine(db: &Db, actor: &Person) -> Result<Vec<MyReview>> {
    Ok(matching::reviews_of_judge(db, actor.id)
        .await?
        .into_iter()
        .map(|r| MyReview {
            id: r.id,
            submission_id: r.submission_id,
            submission_title: r.submission_title,
            status: r.status,
            call_id: r.call_id,
        })
        .collect())
}

/// The judges' comments for the authors of a submission (never the committee's, never who wrote
/// them), once decided; None for anyone but its team or before the decision.
pub async fn feedback(db: &Db, actor: &Person, submission_id: i64) -> Result<Option<Vec<String>>> {
    let Some(facts) = drx_store::submissions::access(db, submission_id, actor.id).await? else {
        return Ok(None);
    };
    if !crate::auth::authorization::can_see_feedback(actor, &subs::access_of(&facts)) {
        return Ok(None);
    }
    Ok(Some(store::comments_for_authors(db, submission_id).await?))
}
