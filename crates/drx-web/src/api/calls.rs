//! Calls: the list and one call, as every signed-in person sees them on the call pages.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::auth::authorization::{can, Permission};
use drx_core::model::CallSummary;
use drx_core::now;
use drx_core::services::submissions::check_window;
use drx_core::services::{catalogue, committees};

/// A field of medicine or engineering, in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldOut {
    pub id: i64,
    pub name_en: String,
    pub name_zh: String,
}

impl FieldOut {
    pub fn of(f: &drx_core::model::Named) -> FieldOut {
        FieldOut {
            id: f.id,
            name_en: f.name_en.clone(),
            name_zh: f.name_zh.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CallSummaryOut {
    pub id: i64,
    pub slug: String,
    pub title_en: String,
    pub title_zh: String,
    /// draft, open, review, decided, closed ...
    pub phase: String,
    /// none, single or double.
    pub blind_mode: String,
    /// Submissions received (drafts excluded).
    pub submissions: i64,
}

page_of!(CallPage, CallSummaryOut);

#[derive(Debug, Serialize, ToSchema)]
pub struct CallOut {
    pub id: i64,
    pub slug: String,
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub phase: String,
    pub blind_mode: String,
    pub timezone: String,
    /// Unix seconds (UTC) when the call opens and its deadline, when it has an open phase.
    pub open_starts_at: Option<i64>,
    pub open_ends_at: Option<i64>,
    pub fields: Vec<FieldOut>,
    /// The caller may start a submission now (the call is open and they may submit).
    pub accepting_submissions: bool,
    /// The caller runs this call (organizer or admin).
    pub organizer: bool,
    /// Archived: out of the default lists and read-only.
    pub archived: bool,
}

/// The calls not archived, newest first.
#[utoipa::path(get, path = "/calls", tag = "calls", params(PageQuery),
    responses((status = 200, description = "A page of calls", body = CallPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<CallPage>, Problem> {
    let w = q.window()?;
    let all = catalogue::calls_seen_by(&state.db, &user).await?;
    let item = |c: CallSummary| CallSummaryOut {
        id: c.id,
        slug: c.slug,
        title_en: c.title_en,
        title_zh: c.title_zh,
        phase: c.phase.to_string(),
        blind_mode: c.blind_mode.to_string(),
        submissions: c.submissions,
    };
    Ok(Json(w.page(all, item, "/calls", &[]).into()))
}

/// One call.
#[utoipa::path(get, path = "/calls/{id}", tag = "calls",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "The call", body = CallOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CallOut>, Problem> {
    let call = drx_core::services::calls::info_for(&state.db, &user, id).await?;
    let organizer = drx_core::services::manages_call(&state.db, &user, id).await?;
    let fields = catalogue::call_fields(&state.db, id).await?;
    Ok(Json(CallOut {
        accepting_submissions: check_window(&call, now()).is_ok() && can(&user, Permission::Submit),
        organizer,
        archived: call.archived_at.is_some(),
        fields: fields.iter().map(FieldOut::of).collect(),
        id: call.id,
        slug: call.slug,
        title_en: call.title_en,
        title_zh: call.title_zh,
        description_en: call.description_en,
        description_zh: call.description_zh,
        phase: call.phase.to_string(),
        blind_mode: call.blind_mode.to_string(),
        timezone: call.timezone,
        open_starts_at: call.open_starts_at,
        open_ends_at: call.open_ends_at,
    }))
}

/// Deletes a call still in draft, with everything that hangs off it (those who run it).
#[utoipa::path(delete, path = "/calls/{id}", tag = "calls",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 204, description = "Deleted")))]
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, Problem> {
    drx_core::services::calls::delete(&state.db, &user, id, now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether a call is archived.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ArchivedIo {
    pub archived: bool,
}

/// Archives a call past draft (those who run it) or brings it back (admins).
#[utoipa::path(put, path = "/calls/{id}/archived", tag = "calls", request_body = ArchivedIo,
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "The call's state now", body = ArchivedIo)))]
pub async fn set_archived(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(a): ApiJson<ArchivedIo>,
) -> Result<Json<ArchivedIo>, Problem> {
    drx_core::services::calls::set_archived(&state.db, &user, id, a.archived, now()).await?;
    let call = drx_core::services::calls::info(&state.db, id).await?;
    Ok(Json(ArchivedIo {
        archived: call.archived_at.is_some(),
    }))
}

/// A judge of a call's pool.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PoolJudge {
    pub person_id: i64,
    /// Their own maximum load in the call (1 to 1000); null: the call's `judge_max_load`.
    #[serde(default)]
    pub max_load: Option<i64>,
}

/// A person of a call's committee.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommitteeMemberOut {
    pub person_id: i64,
    pub name: String,
    pub email: String,
    /// Their own maximum load (pool judges only; null: the call's).
    pub max_load: Option<i64>,
}

/// A team taking part in a call.
#[derive(Debug, Serialize, ToSchema)]
pub struct CallTeamOut {
    pub id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub capacity: i64,
}

/// A call's committee: the judge pool, the organizers, the participating teams.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommitteeOut {
    /// The call's own maximum load, for judges without one of their own.
    pub judge_max_load: i64,
    pub judges: Vec<CommitteeMemberOut>,
    pub creator_id: Option<i64>,
    /// The organizers other than the creator.
    pub co_organizers: Vec<CommitteeMemberOut>,
    pub teams: Vec<CallTeamOut>,
}

impl From<committees::Committee> for CommitteeOut {
    fn from(c: committees::Committee) -> CommitteeOut {
        let member = |m: drx_core::model::CommitteeMember| CommitteeMemberOut {
            person_id: m.person_id,
            name: m.name,
            email: m.email,
            max_load: m.max_load,
        };
        CommitteeOut {
            judge_max_load: c.call.judge_max_load,
            judges: c.judges.into_iter().map(member).collect(),
            co_organizers: c
                .organizers
                .into_iter()
                .filter(|m| Some(m.person_id) != c.creator_id)
                .map(member)
                .collect(),
            creator_id: c.creator_id,
            teams: c
                .teams
                .into_iter()
                .map(|t| CallTeamOut {
                    id: t.id,
                    name_en: t.name_en,
                    name_zh: t.name_zh,
                    capacity: t.capacity,
                })
                .collect(),
        }
    }
}

/// The committee to have; a part left out stays as it is.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CommitteeIn {
    #[serde(default)]
    pub judges: Option<Vec<PoolJudge>>,
    /// Person ids (only the creator and admins may change them; the creator always stays).
    #[serde(default)]
    pub co_organizers: Option<Vec<i64>>,
    /// Team ids.
    #[serde(default)]
    pub teams: Option<Vec<i64>>,
}

/// A call's committee (those who run it).
#[utoipa::path(get, path = "/calls/{id}/committee", tag = "calls",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "The committee", body = CommitteeOut)))]
pub async fn committee(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CommitteeOut>, Problem> {
    Ok(Json(committees::get(&state.db, &user, id).await?.into()))
}

/// Replaces the parts given of a call's committee, all or nothing.
#[utoipa::path(put, path = "/calls/{id}/committee", tag = "calls", request_body = CommitteeIn,
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    responses((status = 200, description = "The committee as stored", body = CommitteeOut)))]
pub async fn set_committee(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(c): ApiJson<CommitteeIn>,
) -> Result<Json<CommitteeOut>, Problem> {
    let input = committees::CommitteeInput {
        judges: c
            .judges
            .map(|js| js.into_iter().map(|j| (j.person_id, j.max_load)).collect()),
        co_organizers: c.co_organizers,
        teams: c.teams,
    };
    let stored = committees::replace(&state.db, &user, id, &input, now()).await?;
    Ok(Json(stored.into()))
}
