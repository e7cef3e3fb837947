//! The call's ranking for its organizers: raw beside calibrated with intervals, the rank
//! interval, the Monte Carlo error, the judges whose severity moved each row and its flags. The
//! same rules and the same kept calibration as the page (`services::ranking`).
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{ApiPath, ApiUser};
use super::problem::Problem;
use crate::AppState;
use drx_core::services::ranking as svc;

/// One judge's part in a submission's calibrated score.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankingMoverOut {
    /// The judge's name; null where the call hides judges from its organizers.
    pub judge: Option<String>,
    /// The review's letter among the submission's reviews ("A" for "Judge A").
    pub letter: String,
    /// Offset against the call's average judge, in score points (negative = harsh).
    pub severity: f64,
    /// Spread relative to the average judge.
    pub spread: f64,
    /// What removing this judge's severity and spread did to the calibrated score.
    pub shift: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RankingRowOut {
    pub submission_id: i64,
    pub title: String,
    pub status: String,
    pub rank: usize,
    pub rank_low: usize,
    pub rank_high: usize,
    pub reviews: usize,
    pub reviews_planned: usize,
    pub raw_mean: Option<f64>,
    pub raw_rank: Option<usize>,
    pub calibrated: f64,
    pub interval_low: f64,
    pub interval_high: f64,
    /// Monte Carlo standard error of `calibrated`.
    pub mc_error: f64,
    /// Largest shift first; `raw_mean` + the shifts + `shrinkage` = `calibrated`.
    pub movers: Vec<RankingMoverOut>,
    pub shrinkage: f64,
    pub fewer_reviews_than_planned: bool,
    pub high_disagreement: bool,
    /// The finalist cut falls inside the rank interval.
    pub at_cut: bool,
    pub preselected: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RankingOut {
    pub call_id: i64,
    pub finalists: usize,
    /// When the calibration was computed (Unix seconds); kept until a review changes.
    pub computed_at: i64,
    /// The largest Monte Carlo error of a calibrated score.
    pub mc_error: f64,
    pub rows: Vec<RankingRowOut>,
}

/// The call's calibrated ranking (its organizers and admins).
#[utoipa::path(get, path = "/calls/{id}/ranking", tag = "ranking",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "The ranking, best first", body = RankingOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<RankingOut>, Problem> {
    let r = svc::ranking(&state.db, &user, id).await?;
    Ok(Json(RankingOut {
        call_id: r.call.id,
        finalists: r.finalists,
        computed_at: r.computed_at,
        mc_error: r.mc_error,
        rows: r
            .rows
            .into_iter()
            .map(|x| {
                let e = x.estimate;
                RankingRowOut {
                    submission_id: x.submission_id,
                    title: x.title,
                    status: x.status.as_str().to_string(),
                    rank: e.rank,
                    rank_low: e.rank_lo,
                    rank_high: e.rank_hi,
                    reviews: e.n,
                    reviews_planned: x.planned,
                    raw_mean: e.raw_mean,
                    raw_rank: e.raw_rank,
                    calibrated: e.quality,
                    interval_low: e.lo,
                    interval_high: e.hi,
                    mc_error: e.quality_mcse,
                    movers: x
                        .movers
                        .into_iter()
                        .map(|m| RankingMoverOut {
                            judge: m.judge,
                            letter: m.letter,
                            severity: m.severity,
                            spread: m.spread,
                            shift: m.shift,
                        })
                        .collect(),
                    shrinkage: e.shrinkage,
                    fewer_reviews_than_planned: x.fewer_than_planned,
                    high_disagreement: x.disagreement,
                    at_cut: e.at_cut_tie,
                    preselected: x.preselected,
                }
            })
            .collect(),
    }))
}
