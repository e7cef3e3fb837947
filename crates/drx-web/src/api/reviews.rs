//! The judge's reviews: the list of one's own, one review with the submission in the judge's
//! view, and saving scores (draft or submitted) through `services::reviews`; and a submission's
//! reviews for those who run its call and its co-judges (`services::review_reading`). Authors
//! see feedback on the pages, once decisions are out.
use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use super::submissions::SubmissionOut;
use crate::AppState;
use drx_core::model::ReviewCriterion;
use drx_core::now;
use drx_core::services::review_reading::{self as reading, ReadReview};
use drx_core::services::reviews::{self as svc, format_score, MyReview, RawReview, Workspace};

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewSummaryOut {
    pub id: i64,
    pub call_id: i64,
    pub submission_id: i64,
    pub submission_title: String,
    /// assigned, in_progress or submitted.
    pub status: String,
}

page_of!(ReviewPage, ReviewSummaryOut);

/// The caller's own reviews (as a judge).
#[utoipa::path(get, path = "/reviews", tag = "reviews", params(PageQuery),
    responses((status = 200, description = "A page of the caller's reviews", body = ReviewPage)))]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<ReviewPage>, Problem> {
    let w = p.window()?;
    let all = svc::mine(&state.db, &user).await?;
    let item = |r: MyReview| ReviewSummaryOut {
        id: r.id,
        call_id: r.call_id,
        submission_id: r.submission_id,
        submission_title: r.submission_title,
        status: r.status.to_string(),
    };
    Ok(Json(w.page(all, item, "/reviews", &[]).into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CriterionScoreOut {
    pub criterion_id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub weight: f64,
    pub scale_min: i64,
    pub scale_max: i64,
    /// The judge's score; null while not given.
    pub score: Option<f64>,
}

impl CriterionScoreOut {
    fn of(c: &ReviewCriterion, score: Option<f64>) -> CriterionScoreOut {
        CriterionScoreOut {
            criterion_id: c.id,
            name_en: c.name_en.clone(),
            name_zh: c.name_zh.clone(),
            weight: c.weight,
            scale_min: c.scale_min,
            scale_max: c.scale_max,
            score,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewOut {
    pub id: i64,
    pub call_id: i64,
    pub status: String,
    /// 1 (low) to 5 (expert).
    pub confidence: Option<i64>,
    pub comments_for_authors: String,
    pub comments_for_committee: String,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    /// Whether the review may still be changed (the review phase lasts).
    pub editable: bool,
    pub criteria: Vec<CriterionScoreOut>,
    /// The submission, in the judge's view (blind in a double-blind call).
    pub submission: SubmissionOut,
}

impl ReviewOut {
    fn of(w: Workspace) -> ReviewOut {
        let scores: HashMap<i64, f64> = w.scores.iter().copied().collect();
        ReviewOut {
            id: w.review.id,
            call_id: w.review.call_id,
            status: w.review.status.to_string(),
            confidence: w.review.confidence,
            comments_for_authors: w.review.comments_for_authors,
            comments_for_committee: w.review.comments_for_committee,
            submitted_at: w.review.submitted_at,
            updated_at: w.review.updated_at,
            editable: w.editable,
            criteria: w
                .criteria
                .iter()
                .map(|c| CriterionScoreOut::of(c, scores.get(&c.id).copied()))
                .collect(),
            submission: SubmissionOut::of(w.submission, w.view),
        }
    }
}

/// One of the caller's reviews (404 for anyone else's).
#[utoipa::path(get, path = "/reviews/{id}", tag = "reviews",
    params(("id" = i64, Path, description = "The review's id", example = 1)),
    responses((status = 200, description = "The review", body = ReviewOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ReviewOut>, Problem> {
    Ok(Json(ReviewOut::of(
        svc::workspace(&state.db, &user, id).await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ScoreIn {
    pub criterion_id: i64,
    pub score: f64,
}

/// Scores and comments. A draft may leave scores out; `submit` needs every score and a
/// confidence. A submitted review stays submitted when saved again.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReviewIn {
    #[serde(default)]
    pub scores: Vec<ScoreIn>,
    pub confidence: Option<i64>,
    #[serde(default)]
    pub comments_for_authors: String,
    #[serde(default)]
    pub comments_for_committee: String,
    #[serde(default)]
    pub submit: bool,
}

/// Saves the caller's review (while the review phase lasts).
#[utoipa::path(put, path = "/reviews/{id}", tag = "reviews",
    params(("id" = i64, Path, description = "The review's id", example = 1)),
    request_body = ReviewIn,
    responses((status = 200, description = "The review as saved", body = ReviewOut)))]
pub async fn save(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(r): ApiJson<ReviewIn>,
) -> Result<Json<ReviewOut>, Problem> {
    let raw = RawReview {
        scores: r
            .scores
            .iter()
            .map(|s| (s.criterion_id, format_score(s.score)))
            .collect(),
        confidence: r.confidence.map(|c| c.to_string()).unwrap_or_default(),
        comments_for_authors: r.comments_for_authors,
        comments_for_committee: r.comments_for_committee,
    };
    svc::save(&state.db, &user, id, &raw, r.submit, now()).await?;
    Ok(Json(ReviewOut::of(
        svc::workspace(&state.db, &user, id).await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ConflictIn {
    /// Why the judge cannot review this submission (seen by the organizers).
    #[serde(default)]
    pub reason: String,
}

/// Declares a conflict on one of the caller's reviews: the review is removed and another judge
/// takes it over (or the organizers are told).
#[utoipa::path(post, path = "/reviews/{id}/conflict", tag = "reviews",
    params(("id" = i64, Path, description = "The review's id", example = 1)),
    request_body = ConflictIn,
    responses((status = 204, description = "Declared; the review is no longer the caller's")))]
pub async fn declare_conflict(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(c): ApiJson<ConflictIn>,
) -> Result<StatusCode, Problem> {
    svc::declare_conflict(
        &state.db,
        &user,
        id,
        &c.reason,
        &state.config.base_url,
        now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A judge as the reader sees them: always a letter (stable per submission, in the order the
/// reviews were made), the name only where the call shows names to this reader.
#[derive(Debug, Serialize, ToSchema)]
pub struct JudgeOut {
    /// "A", "B", "C", ...
    pub letter: String,
    /// Null where the call hides the judges' names from this reader.
    pub name: Option<String>,
}

/// A review's comments by audience.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentsOut {
    /// What the authors get once decisions are out (never with the judge's name).
    pub for_authors: String,
    /// For the committee only (organizers and co-judges); never shown to the authors.
    pub for_committee: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionReviewOut {
    pub id: i64,
    pub judge: JudgeOut,
    /// The caller wrote this review.
    pub own: bool,
    /// assigned, in_progress or submitted.
    pub status: String,
    /// 1 (low) to 5 (expert).
    pub confidence: Option<i64>,
    /// One per criterion of the call's rubric, in its order.
    pub scores: Vec<CriterionScoreOut>,
    /// The weighted total (criterion weights normalised) once every criterion is scored.
    pub total: Option<f64>,
    pub comments: CommentsOut,
    pub assigned_at: i64,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    /// Not submitted yet.
    pub missing: bool,
    /// Past the review phase's end without being submitted, or submitted after it.
    pub late: bool,
}

page_of!(SubmissionReviewPage, SubmissionReviewOut);

/// A submission's reviews: every one for those who run its call (judges named unless the call
/// hides them); for a judge of the submission, the others' submitted reviews as the call's
/// co-review rule allows (by letter unless the call names them). 403 for someone who sees the
/// submission but not its reviews (its authors, a judge before the rule opens them).
#[utoipa::path(get, path = "/submissions/{id}/reviews", tag = "reviews",
    params(("id" = i64, Path, description = "The submission's id", example = 1), PageQuery),
    responses((status = 200, description = "A page of the submission's reviews", body = SubmissionReviewPage)))]
pub async fn of_submission(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<SubmissionReviewPage>, Problem> {
    let w = p.window()?;
    let v = reading::of_submission(&state.db, &user, id, now()).await?;
    let criteria = &v.criteria;
    let item = |r: ReadReview| SubmissionReviewOut {
        id: r.id,
        judge: JudgeOut {
            letter: r.letter,
            name: r.judge,
        },
        own: r.own,
        status: r.status.to_string(),
        confidence: r.confidence,
        scores: criteria
            .iter()
            .zip(&r.scores)
            .map(|(c, s)| CriterionScoreOut::of(c, *s))
            .collect(),
        total: r.total,
        comments: CommentsOut {
            for_authors: r.comments_for_authors,
            for_committee: r.comments_for_committee,
        },
        assigned_at: r.assigned_at,
        submitted_at: r.submitted_at,
        updated_at: r.updated_at,
        missing: r.missing,
        late: r.late,
    };
    let path = format!("/submissions/{id}/reviews");
    Ok(Json(w.page(v.reviews.clone(), item, &path, &[]).into()))
}
