//! The clinical need catalogue: search, one need (confidential details only for those the
//! service shows them to), and logging a new need.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, search_text, PageQuery};
use super::problem::Problem;
use super::submissions::SubmissionOut;
use crate::AppState;
use drx_core::model::{Need, NeedFilter};
use drx_core::now;
use drx_core::services::needs::{self as svc, NeedInput};

#[derive(Debug, Serialize, ToSchema)]
pub struct NeedOut {
    pub id: i64,
    pub organization_id: i64,
    pub organization_en: String,
    pub organization_zh: String,
    pub field_id: i64,
    pub field_en: String,
    pub field_zh: String,
    pub problem: String,
    pub population: String,
    pub outcome: String,
    pub current_practice: String,
    /// Empty unless the caller logged the need or curates the catalogue.
    pub confidential_details: String,
    /// low, medium or high.
    pub urgency: String,
    pub status: String,
    pub lang: String,
    pub created_at: i64,
    /// Submissions answering the need (drafts excluded).
    pub answers: i64,
}

impl From<Need> for NeedOut {
    fn from(n: Need) -> NeedOut {
        NeedOut {
            id: n.id,
            organization_id: n.organization_id,
            organization_en: n.organization_en,
            organization_zh: n.organization_zh,
            field_id: n.field_id,
            field_en: n.field_en,
            field_zh: n.field_zh,
            problem: n.problem,
            population: n.population,
            outcome: n.outcome,
            current_practice: n.current_practice,
            confidential_details: n.confidential_details,
            urgency: n.urgency.as_str().into(),
            status: n.status.as_str().into(),
            lang: n.lang,
            created_at: n.created_at,
            answers: n.answers,
        }
    }
}

page_of!(NeedPage, NeedOut);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeedSearch {
    /// Words to look for in the problem, population, outcome and current practice.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only needs of this field.
    pub field: Option<i64>,
    /// Only needs of this hospital.
    pub hospital: Option<i64>,
    /// Only needs in this status (drafts only for curators).
    pub status: Option<String>,
}

/// The need catalogue, newest first.
#[utoipa::path(get, path = "/needs", tag = "needs", params(NeedSearch, PageQuery),
    responses((status = 200, description = "A page of needs", body = NeedPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(s): ApiQuery<NeedSearch>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<NeedPage>, Problem> {
    let w = p.window()?;
    let q = search_text(s.q.as_deref())?;
    let status = s.status.clone().unwrap_or_default();
    let filter = NeedFilter {
        field_id: s.field.unwrap_or(0),
        organization_id: s.hospital.unwrap_or(0),
        status: status.clone(),
        search: q.clone(),
    };
    let (needs, total) = svc::list(&state.db, &user, &filter, w.limit, w.offset).await?;
    let field = s.field.map(|f| f.to_string()).unwrap_or_default();
    let hospital = s.hospital.map(|f| f.to_string()).unwrap_or_default();
    Ok(Json(NeedPage {
        items: needs.into_iter().map(NeedOut::from).collect(),
        total,
        next: w.next(
            "/needs",
            &[
                ("q", &q),
                ("field", &field),
                ("hospital", &hospital),
                ("status", &status),
            ],
            total,
        ),
    }))
}

/// One need.
#[utoipa::path(get, path = "/needs/{id}", tag = "needs",
    params(("id" = i64, Path, description = "The need's id", example = 1)),
    responses((status = 200, description = "The need", body = NeedOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<NeedOut>, Problem> {
    let (need, _) = svc::compare(&state.db, &user, id).await?;
    Ok(Json(need.into()))
}

/// A need to log in the catalogue.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NeedIn {
    /// The hospital; the caller's own when not given.
    pub organization_id: Option<i64>,
    pub field_id: i64,
    pub problem: String,
    pub population: String,
    pub outcome: String,
    #[serde(default)]
    pub current_practice: String,
    #[serde(default)]
    pub confidential_details: String,
    /// low, medium (default) or high.
    #[serde(default)]
    pub urgency: String,
}

/// Logs a need (clinicians, organizers, admins); it is open at once.
#[utoipa::path(post, path = "/needs", tag = "needs", request_body = NeedIn,
    responses((status = 201, description = "The need as logged", body = NeedOut)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(n): ApiJson<NeedIn>,
) -> Result<(StatusCode, Json<NeedOut>), Problem> {
    let input = NeedInput {
        organization_id: n.organization_id,
        field_id: n.field_id,
        problem: n.problem,
        population: n.population,
        outcome: n.outcome,
        current_practice: n.current_practice,
        confidential_details: n.confidential_details,
        urgency: n.urgency,
    };
    let id = svc::create(&state.db, &user, &input, now()).await?;
    let (need, _) = svc::compare(&state.db, &user, id).await?;
    Ok((StatusCode::CREATED, Json(need.into())))
}

page_of!(AnswerPage, SubmissionOut);

/// The submissions answering a need that the caller may see, each in the caller's view.
#[utoipa::path(get, path = "/needs/{id}/submissions", tag = "needs",
    params(("id" = i64, Path, description = "The need's id", example = 1), PageQuery),
    responses((status = 200, description = "A page of answering submissions", body = AnswerPage)))]
pub async fn answers(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<AnswerPage>, Problem> {
    let w = p.window()?;
    let (_, shown) = svc::compare(&state.db, &user, id).await?;
    let item = |(s, view)| SubmissionOut::of(s, view);
    let path = format!("/needs/{id}/submissions");
    Ok(Json(w.page(shown, item, &path, &[]).into()))
}
