//! The capability catalogue of engineering teams, through `services::teams` (search in both
//! languages, one team's page), as the catalogue pages show it.
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::calls::FieldOut;
use super::extract::{ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, search_text, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::model::TeamCard;
use drx_core::services::teams::{self as svc, TeamQuery};

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamOut {
    pub id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub organization_en: String,
    pub organization_zh: String,
    pub capabilities: String,
    pub technologies: String,
    /// Finalists the team can take on.
    pub capacity: i64,
    /// Finalists the team is matched with (published matches).
    pub load: i64,
    pub fields: Vec<FieldOut>,
}

impl From<TeamCard> for TeamOut {
    fn from(t: TeamCard) -> TeamOut {
        TeamOut {
            fields: t.fields.iter().map(FieldOut::of).collect(),
            id: t.id,
            name_en: t.name_en,
            name_zh: t.name_zh,
            organization_en: t.organization_en,
            organization_zh: t.organization_zh,
            capabilities: t.capabilities,
            technologies: t.technologies,
            capacity: t.capacity,
            load: t.load,
        }
    }
}

page_of!(TeamPage, TeamOut);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamSearch {
    /// Words (Chinese or English) in the team's names, capabilities, technologies or fields.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only teams of this field.
    pub field: Option<i64>,
}

/// The team catalogue, best matches first when searching.
#[utoipa::path(get, path = "/teams", tag = "teams", params(TeamSearch, PageQuery),
    responses((status = 200, description = "A page of teams", body = TeamPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(s): ApiQuery<TeamSearch>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<TeamPage>, Problem> {
    let w = p.window()?;
    let text = search_text(s.q.as_deref())?;
    let query = TeamQuery {
        text: text.clone(),
        field_id: s.field.unwrap_or(0),
    };
    let all = svc::search(&state.db, &user, &query).await?;
    let field = s.field.map(|f| f.to_string()).unwrap_or_default();
    let extra = [("q", text.as_str()), ("field", &field)];
    Ok(Json(w.page(all, TeamOut::from, "/teams", &extra).into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMemberOut {
    pub person_id: i64,
    pub name: String,
    pub title: String,
    pub lead: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMatchOut {
    pub call_id: i64,
    pub submission_id: i64,
    pub title: String,
    pub affinity: f64,
    /// Why the team fits, in words.
    pub reason: String,
    pub created_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamDetailOut {
    pub team: TeamOut,
    pub members: Vec<TeamMemberOut>,
    /// Published matches with finalists.
    pub matches: Vec<TeamMatchOut>,
    /// The caller is on the team.
    pub is_member: bool,
}

/// One team with its members and published matches.
#[utoipa::path(get, path = "/teams/{id}", tag = "teams",
    params(("id" = i64, Path, description = "The team's id", example = 1)),
    responses((status = 200, description = "The team", body = TeamDetailOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TeamDetailOut>, Problem> {
    let p = svc::page(&state.db, &user, id).await?;
    Ok(Json(TeamDetailOut {
        team: p.team.into(),
        members: p
            .members
            .into_iter()
            .map(|m| TeamMemberOut {
                person_id: m.person_id,
                name: m.name,
                title: m.title,
                lead: m.lead,
            })
            .collect(),
        matches: p
            .matches
            .into_iter()
            .map(|m| TeamMatchOut {
                call_id: m.call_id,
                submission_id: m.submission_id,
                title: m.title,
                affinity: super::finite_or_zero(m.affinity),
                reason: m.reason,
                created_at: m.created_at,
            })
            .collect(),
        is_member: p.is_member,
    }))
}
