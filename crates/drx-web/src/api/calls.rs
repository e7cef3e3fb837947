//! Calls: the list and one call, as every signed-in person sees them on the call pages.
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::auth::authorization::{can, Permission};
use drx_core::model::CallSummary;
use drx_core::now;
use drx_core::services::catalogue;
use drx_core::services::submissions::check_window;

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
}

/// The calls, newest first.
#[utoipa::path(get, path = "/calls", tag = "calls", params(PageQuery),
    responses((status = 200, description = "A page of calls", body = CallPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<CallPage>, Problem> {
    let w = q.window()?;
    let all = catalogue::calls(&state.db).await?;
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
    let call = drx_core::services::calls::info(&state.db, id).await?;
    let organizer = drx_core::services::manages_call(&state.db, &user, id).await?;
    let fields = catalogue::call_fields(&state.db, id).await?;
    Ok(Json(CallOut {
        accepting_submissions: check_window(&call, now()).is_ok() && can(&user, Permission::Submit),
        organizer,
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
