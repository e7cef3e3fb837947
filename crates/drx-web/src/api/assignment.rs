//! Judge assignment runs of a call, read-only, for those who run the call.
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::model::Run;
use drx_core::services::assignment as svc;

#[derive(Debug, Serialize, ToSchema)]
pub struct RunOut {
    pub id: i64,
    pub call_id: i64,
    /// draft or published.
    pub status: String,
    /// The organizer's choices (fairness, pins, removals), as JSON.
    #[schema(value_type = Object)]
    pub parameters: serde_json::Value,
    /// Total affinity of the assignment.
    pub objective: Option<f64>,
    pub created_by: Option<i64>,
    pub created_at: i64,
}

impl RunOut {
    fn of(r: Run) -> RunOut {
        RunOut {
            parameters: serde_json::from_str(&r.parameters).unwrap_or(serde_json::Value::Null),
            id: r.id,
            call_id: r.call_id,
            status: r.status.as_str().into(),
            objective: r.objective.filter(|o| o.is_finite()),
            created_by: r.created_by,
            created_at: r.created_at,
        }
    }
}

page_of!(RunPage, RunOut);

/// The call's assignment runs (its organizers and admins).
#[utoipa::path(get, path = "/calls/{id}/assignment-runs", tag = "assignment",
    params(("id" = i64, Path, description = "The call's id", example = 1), PageQuery),
    responses((status = 200, description = "A page of runs", body = RunPage)))]
pub async fn of_call(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(call_id): ApiPath<i64>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<RunPage>, Problem> {
    let w = p.window()?;
    let all = svc::runs(&state.db, &user, call_id).await?;
    let path = format!("/calls/{call_id}/assignment-runs");
    Ok(Json(w.page(all, RunOut::of, &path, &[]).into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairOut {
    pub submission_id: i64,
    pub judge_id: i64,
    pub affinity: f64,
    /// Why the judge fits, in words.
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RunDetailOut {
    pub run: RunOut,
    pub pairs: Vec<PairOut>,
}

/// One run with its judge-submission pairs (the call's organizers and admins).
#[utoipa::path(get, path = "/assignment-runs/{id}", tag = "assignment",
    params(("id" = i64, Path, description = "The run's id", example = 1)),
    responses((status = 200, description = "The run", body = RunDetailOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<RunDetailOut>, Problem> {
    let (run, pairs) = svc::run_with_pairs(&state.db, &user, id).await?;
    Ok(Json(RunDetailOut {
        run: RunOut::of(run),
        pairs: pairs
            .into_iter()
            .map(|p| PairOut {
                submission_id: p.submission_id,
                judge_id: p.assignee_id,
                affinity: super::finite_or_zero(p.affinity),
                reason: p.reason,
            })
            .collect(),
    }))
}
