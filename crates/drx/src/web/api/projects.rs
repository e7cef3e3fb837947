//! Projects of the pipeline, as `services::projects` shows them to the caller.
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::services::projects as svc;
use crate::store::now;
use crate::store::projects::ProjectRow;
use crate::web::AppState;

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
            stage: p.stage,
            status: p.status,
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
    let total = all.len() as i64;
    Ok(Json(ProjectPage {
        items: w
            .slice(all)
            .into_iter()
            .map(|(p, d)| ProjectOut::of(p, d))
            .collect(),
        total,
        next: w.next("/projects", &[], total),
    }))
}

/// One project.
#[utoipa::path(get, path = "/projects/{id}", tag = "projects",
    params(("id" = i64, Path, description = "The project's id", example = 1)),
    responses((status = 200, description = "The project", body = ProjectOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ProjectOut>, Problem> {
    let (p, powers) = svc::get(&state.db, &user, id, now()).await?;
    Ok(Json(ProjectOut::of(p, powers.decide)))
}
