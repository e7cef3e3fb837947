//! Bidding before assignment: a judge's own bids on a call (read, replace the ones given) and
//! the organizers' coverage. The same rules as the pages (`services::bids`).
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, ApiUser};
use super::problem::Problem;
use crate::AppState;
use drx_core::auth::authorization::SubmissionView;
use drx_core::now;
use drx_core::services::bids as svc;
use drx_domain::Bid;

/// A bid: how much the judge wants to review the submission, or a conflict of interest.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum BidValue {
    Eager,
    Willing,
    NotWilling,
    Conflict,
}

impl BidValue {
    fn of(b: Bid) -> BidValue {
        match b {
            Bid::Eager => BidValue::Eager,
            Bid::Willing => BidValue::Willing,
            Bid::NotWilling => BidValue::NotWilling,
            Bid::Conflict => BidValue::Conflict,
        }
    }
    fn bid(self) -> Bid {
        match self {
            BidValue::Eager => Bid::Eager,
            BidValue::Willing => Bid::Willing,
            BidValue::NotWilling => Bid::NotWilling,
            BidValue::Conflict => Bid::Conflict,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BidItemOut {
    pub submission_id: i64,
    pub title: String,
    /// Field codes.
    pub fields: Vec<String>,
    pub solution: String,
    /// The judge's bid; null: none.
    pub bid: Option<BidValue>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BidsOut {
    pub call_id: i64,
    /// Whether bids may be changed now.
    pub open: bool,
    /// Why bidding is closed (a message key), when it is.
    pub closed_reason: Option<String>,
    /// Double-blind: authors and organizations are not given.
    pub blind: bool,
    pub submissions: Vec<BidItemOut>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct BidIn {
    pub submission_id: i64,
    /// null removes the bid.
    pub bid: Option<BidValue>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct BidsIn {
    /// The bids to set; submissions not listed keep theirs.
    pub bids: Vec<BidIn>,
}

async fn own_bids(
    state: &AppState,
    user: &drx_core::model::Person,
    id: i64,
) -> Result<BidsOut, Problem> {
    let s = svc::sheet(&state.db, user, id).await?;
    Ok(BidsOut {
        call_id: id,
        open: s.closed.is_none(),
        closed_reason: s.closed.map(String::from),
        blind: s.view == SubmissionView::Blind,
        submissions: s
            .items
            .into_iter()
            .map(|(x, b)| BidItemOut {
                submission_id: x.id,
                title: x.title,
                fields: x.fields,
                solution: x.solution,
                bid: b.map(BidValue::of),
            })
            .collect(),
    })
}

/// Your own bids on a call's submissions (judges of the call's pool).
#[utoipa::path(get, path = "/calls/{id}/bids", tag = "bids",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "Your bids", body = BidsOut)))]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<BidsOut>, Problem> {
    Ok(Json(own_bids(&state, &user, id).await?))
}

/// Sets your bids on the submissions given, in one change (judges of the call's pool, while
/// bidding is open).
#[utoipa::path(put, path = "/calls/{id}/bids", tag = "bids", request_body = BidsIn,
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "Your bids as stored", body = BidsOut)))]
pub async fn set(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<BidsIn>,
) -> Result<Json<BidsOut>, Problem> {
    let choices: Vec<(i64, Option<Bid>)> = input
        .bids
        .iter()
        .map(|b| (b.submission_id, b.bid.map(BidValue::bid)))
        .collect();
    svc::save(&state.db, &user, id, &choices, now()).await?;
    Ok(Json(own_bids(&state, &user, id).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageRowOut {
    pub submission_id: i64,
    pub title: String,
    pub eager: usize,
    pub willing: usize,
    pub not_willing: usize,
    pub conflict: usize,
    /// Fewer eager and willing bids than reviews per submission.
    pub short: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JudgeRef {
    pub person_id: i64,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageOut {
    pub reviews_per_submission: i64,
    pub submissions: Vec<CoverageRowOut>,
    pub judges_without_bids: Vec<JudgeRef>,
}

/// The call's bid coverage (its organizers and admins).
#[utoipa::path(get, path = "/calls/{id}/bids/coverage", tag = "bids",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "Bids counted per submission", body = CoverageOut)))]
pub async fn coverage(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CoverageOut>, Problem> {
    let c = svc::coverage(&state.db, &user, id).await?;
    Ok(Json(CoverageOut {
        reviews_per_submission: c.reviews_per_submission,
        submissions: c
            .submissions
            .into_iter()
            .map(|r| CoverageRowOut {
                submission_id: r.submission_id,
                title: r.title,
                eager: r.eager,
                willing: r.willing,
                not_willing: r.not_willing,
                conflict: r.conflict,
                short: r.short,
            })
            .collect(),
        judges_without_bids: c
            .judges_without_bids
            .into_iter()
            .map(|(person_id, name)| JudgeRef { person_id, name })
            .collect(),
    }))
}
