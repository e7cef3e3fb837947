//! Engineering teams through `services::teams`: the capability catalogue (search in both
//! languages, one team's page, as the catalogue pages show it), and creating a team (an engineer
//! leads it; organizers and admins name its lead) and replacing its profile (its lead,
//! organizers, admins).
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::calls::FieldOut;
use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, search_text, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::model::{PastProject, TeamCard};
use drx_core::now;
use drx_core::services::teams::{self as svc, PastProjectInput, TeamInput, TeamQuery};

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

impl From<drx_core::model::TeamMember> for TeamMemberOut {
    fn from(m: drx_core::model::TeamMember) -> TeamMemberOut {
        TeamMemberOut {
            person_id: m.person_id,
            name: m.name,
            title: m.title,
            lead: m.lead,
        }
    }
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

/// A project the team did before.
#[derive(Debug, Serialize, ToSchema)]
pub struct PastProjectOut {
    pub id: i64,
    pub title: String,
    pub year: Option<i64>,
    pub description: String,
}

impl From<PastProject> for PastProjectOut {
    fn from(p: PastProject) -> PastProjectOut {
        PastProjectOut {
            id: p.id,
            title: p.title,
            year: p.year,
            description: p.description,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamDetailOut {
    pub team: TeamOut,
    pub members: Vec<TeamMemberOut>,
    /// What the team did before (it feeds matching with finalists and needs).
    pub past_projects: Vec<PastProjectOut>,
    /// The caller may change the profile (the team's lead, organizers, admins).
    pub can_edit: bool,
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
    Ok(Json(detail(&state, &user, id).await?))
}

async fn detail(
    state: &AppState,
    user: &drx_core::model::Person,
    id: i64,
) -> Result<TeamDetailOut, Problem> {
    let p = svc::page(&state.db, user, id).await?;
    Ok(TeamDetailOut {
        past_projects: p.past_projects.into_iter().map(Into::into).collect(),
        can_edit: p.can_edit,
        team: p.team.into(),
        members: p.members.into_iter().map(TeamMemberOut::from).collect(),
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
    })
}

/// One past project as given.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PastProjectIn {
    #[schema(max_length = 500)]
    pub title: String,
    #[serde(default)]
    pub year: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub description: String,
}

/// A team to create, or the new profile of one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TeamIn {
    /// At least one of name_en and name_zh.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub name_en: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub name_zh: String,
    /// An active organization; missing: the creator's (on creation) or unchanged (on a change).
    #[serde(default)]
    pub organization_id: Option<i64>,
    /// What the team can build (required).
    #[schema(max_length = 4000)]
    pub capabilities: String,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub technologies: String,
    /// Ids of fields (`GET /calls` lists a call's; the taxonomy is shared).
    #[serde(default)]
    pub field_ids: Vec<i64>,
    /// How many finalist projects the team can take, 1 to 50.
    pub capacity: i64,
    /// On creation only: the lead, an active engineer (organizers and admins; an engineer leads
    /// the team they create).
    #[serde(default)]
    pub lead_id: Option<i64>,
    /// On creation: the first past projects. On a change: when given, they replace the list.
    #[serde(default)]
    pub past_projects: Option<Vec<PastProjectIn>>,
}

impl TeamIn {
    fn input(&self) -> TeamInput {
        TeamInput {
            name_en: self.name_en.clone(),
            name_zh: self.name_zh.clone(),
            organization_id: self.organization_id,
            capabilities: self.capabilities.clone(),
            technologies: self.technologies.clone(),
            field_ids: self.field_ids.clone(),
            capacity: self.capacity,
        }
    }

    fn projects(&self) -> Option<Vec<PastProjectInput>> {
        self.past_projects.as_ref().map(|list| {
            list.iter()
                .map(|p| PastProjectInput {
                    title: p.title.clone(),
                    year: p.year.map(|y| y.to_string()).unwrap_or_default(),
                    description: p.description.clone(),
                })
                .collect()
        })
    }
}

/// Creates a team: an engineer leads the team they create; organizers and admins name its lead.
#[utoipa::path(post, path = "/teams", tag = "teams", request_body = TeamIn,
    responses((status = 201, description = "The team as stored", body = TeamDetailOut)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(t): ApiJson<TeamIn>,
) -> Result<(StatusCode, Json<TeamDetailOut>), Problem> {
    let projects = t.projects().unwrap_or_default();
    let id = svc::create(&state.db, &user, &t.input(), t.lead_id, &projects, now()).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &user, id).await?)))
}

/// Replaces a team's profile (its lead, organizers, admins); `past_projects`, when given,
/// replace the list. Members are kept through the web pages (invitations).
#[utoipa::path(put, path = "/teams/{id}", tag = "teams", request_body = TeamIn,
    params(("id" = i64, Path, description = "The team's id", example = 1)),
    responses((status = 200, description = "The team as stored", body = TeamDetailOut)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(t): ApiJson<TeamIn>,
) -> Result<Json<TeamDetailOut>, Problem> {
    let projects = t.projects();
    svc::update(&state.db, &user, id, &t.input(), projects.as_deref(), now()).await?;
    Ok(Json(detail(&state, &user, id).await?))
}
