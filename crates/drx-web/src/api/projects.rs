//! Projects of the pipeline, as `services::projects` shows them to the caller.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::model::{Milestone, ProjectRow};
use drx_core::now;
use drx_core::services::projects as svc;

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectOut {
    pub id: i64,
    pub submission_id: i64,
    pub title: String,
    pub call_id: i64,
    pub team_id: Option<i64>,
    pub team_en: String,
    pub team_zh: String,
    pub poc_centre_id: Option<i64>,
    pub poc_en: String,
    pub poc_zh: String,
    /// The stage gate the project is at.
    pub stage: String,
    pub status: String,
    /// The regulatory pathway, once chosen.
    pub pathway: String,
    pub stage_since: i64,
    pub created_at: i64,
    /// Milestones past due and not done.
    pub overdue: i64,
    /// The caller may decide the project's gates.
    pub may_decide: bool,
}

impl ProjectOut {
    fn of(p: ProjectRow, may_decide: bool) -> ProjectOut {
        ProjectOut {
            id: p.id,
            submission_id: p.submission_id,
            title: p.title,
            call_id: p.call_id,
            team_id: p.team_id,
            team_en: p.team_en,
            team_zh: p.team_zh,
            poc_centre_id: p.poc_centre_id,
            poc_en: p.poc_en,
            poc_zh: p.poc_zh,
            stage: p.stage.as_str().into(),
            status: p.status.as_str().into(),
            pathway: p.pathway,
            stage_since: p.stage_since,
            created_at: p.created_at,
            overdue: p.overdue,
            may_decide,
        }
    }
}

page_of!(ProjectPage, ProjectOut);

/// The projects the caller may see.
#[utoipa::path(get, path = "/projects", tag = "projects", params(PageQuery),
    responses((status = 200, description = "A page of projects", body = ProjectPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<ProjectPage>, Problem> {
    let w = p.window()?;
    let all = svc::visible(&state.db, &user, now()).await?;
    let item = |(p, d)| ProjectOut::of(p, d);
    Ok(Json(w.page(all, item, "/projects", &[]).into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MilestoneOut {
    pub id: i64,
    pub project_id: i64,
    pub title: String,
    pub owner_id: Option<i64>,
    pub owner: String,
    /// Unix seconds (UTC).
    pub due_at: i64,
    pub done_at: Option<i64>,
}

impl From<Milestone> for MilestoneOut {
    fn from(m: Milestone) -> MilestoneOut {
        MilestoneOut {
            id: m.id,
            project_id: m.project_id,
            title: m.title,
            owner_id: m.owner_id,
            owner: m.owner,
            due_at: m.due_at,
            done_at: m.done_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDetailOut {
    pub project: ProjectOut,
    /// The caller may work on the project (milestones done, documents).
    pub may_work: bool,
    pub milestones: Vec<MilestoneOut>,
}

/// One project with its milestones.
#[utoipa::path(get, path = "/projects/{id}", tag = "projects",
    params(("id" = i64, Path, description = "The project's id", example = 1)),
    responses((status = 200, description = "The project", body = ProjectDetailOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ProjectDetailOut>, Problem> {
    let d = svc::detail(&state.db, &user, id, now()).await?;
    Ok(Json(ProjectDetailOut {
        project: ProjectOut::of(d.project, d.powers.decide),
        may_work: d.powers.work,
        milestones: d.milestones.into_iter().map(MilestoneOut::from).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MilestoneIn {
    pub title: String,
    /// Who owns it (one of the project's people); nobody when not given.
    pub owner_id: Option<i64>,
    /// Unix seconds (UTC).
    pub due_at: i64,
}

/// Adds a milestone (those who decide the project's gates).
#[utoipa::path(post, path = "/projects/{id}/milestones", tag = "projects",
    params(("id" = i64, Path, description = "The project's id", example = 1)),
    request_body = MilestoneIn,
    responses((status = 201, description = "The milestone", body = MilestoneOut)))]
pub async fn add_milestone(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(m): ApiJson<MilestoneIn>,
) -> Result<(StatusCode, Json<MilestoneOut>), Problem> {
    let mid =
        svc::add_milestone(&state.db, &user, id, &m.title, m.owner_id, m.due_at, now()).await?;
    milestone(&state, &user, mid)
        .await
        .map(|m| (StatusCode::CREATED, Json(m)))
}

async fn milestone(
    state: &AppState,
    user: &drx_core::model::Person,
    id: i64,
) -> Result<MilestoneOut, Problem> {
    Ok(svc::milestone(&state.db, user, id, now()).await?.into())
}

/// Marks a milestone done (those who work on the project).
#[utoipa::path(post, path = "/milestones/{id}/done", tag = "projects",
    params(("id" = i64, Path, description = "The milestone's id", example = 1)),
    responses((status = 200, description = "The milestone", body = MilestoneOut)))]
pub async fn milestone_done(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MilestoneOut>, Problem> {
    svc::milestone_done(&state.db, &user, id, now()).await?;
    Ok(Json(milestone(&state, &user, id).await?))
}
