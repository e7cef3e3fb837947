//! Engineering teams, as `services::teams` shows them to the caller.
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::services::teams as svc;
use crate::store::matching::TeamExpertise;
use crate::web::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamOut {
    pub id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub organization_id: i64,
    pub capabilities: String,
    pub technologies: String,
    /// Projects the team can take on at once.
    pub capacity: i64,
    /// Codes of the team's fields.
    pub fields: Vec<String>,
}

impl From<TeamExpertise> for TeamOut {
    fn from(t: TeamExpertise) -> TeamOut {
        TeamOut {
            id: t.team_id,
            name_en: t.name_en,
            name_zh: t.name_zh,
            organization_id: t.organization_id,
            capabilities: t.capabilities,
            technologies: t.technologies,
            capacity: t.capacity,
            fields: t.fields,
        }
    }
}

page_of!(TeamPage, TeamOut);

/// The teams the caller may see (every team for those who run calls, one's own otherwise).
#[utoipa::path(get, path = "/teams", tag = "teams", params(PageQuery),
    responses((status = 200, description = "A page of teams", body = TeamPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<TeamPage>, Problem> {
    let w = p.window()?;
    let all = svc::visible(&state.db, &user).await?;
    let total = all.len() as i64;
    Ok(Json(TeamPage {
        items: w.slice(all).into_iter().map(TeamOut::from).collect(),
        total,
        next: w.next("/teams", &[], total),
    }))
}

/// One team.
#[utoipa::path(get, path = "/teams/{id}", tag = "teams",
    params(("id" = i64, Path, description = "The team's id", example = 1)),
    responses((status = 200, description = "The team", body = TeamOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TeamOut>, Problem> {
    Ok(Json(svc::get(&state.db, &user, id).await?.into()))
}
