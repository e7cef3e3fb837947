//! Submissions: a call's list (all of it for those who run the call, one's own for everyone
//! else), one submission in the caller's view (blind for judges of a double-blind call),
//! drafts, edits, submission and withdrawal, all through `services::submissions`.
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
use drx_core::auth::authorization::SubmissionView;
use drx_core::model::Person;
use drx_core::model::{ListFilter, ListSort, Submission};
use drx_core::services::catalogue;
use drx_core::services::exports;
use drx_core::services::submissions::{self as svc, MemberInput, SubmissionInput, SubmissionText};
use drx_core::{now, Db};

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionSummaryOut {
    pub id: i64,
    pub call_id: i64,
    pub title: String,
    /// draft, submitted, under_review, finalist, declined, withdrawn ...
    pub status: String,
    pub stage: String,
    pub updated_at: i64,
}

page_of!(SubmissionPage, SubmissionSummaryOut);

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub name: String,
    pub role: String,
    pub organization_id: Option<i64>,
    pub organization_en: String,
    pub organization_zh: String,
}

/// A submission as the caller may see it. In the blind view (judges of a double-blind call)
/// everything naming people or hospitals is absent.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionOut {
    pub id: i64,
    pub call_id: i64,
    /// The need it answers (full view only: a need names its hospital).
    pub need_id: Option<i64>,
    /// full or blind.
    pub view: String,
    pub title: String,
    pub need_statement: String,
    pub solution: String,
    pub evidence: String,
    pub stage: String,
    pub keywords: String,
    pub ip_status: String,
    pub confidentiality: String,
    pub status: String,
    pub version: i64,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    pub fields: Vec<FieldOut>,
    /// The lead hospital (full view only).
    pub organization_id: Option<i64>,
    pub organization_en: Option<String>,
    pub organization_zh: Option<String>,
    /// The team (full view only; empty in the blind view).
    pub members: Vec<MemberOut>,
}

impl SubmissionOut {
    pub fn of(s: Submission, view: SubmissionView) -> SubmissionOut {
        let full = view == SubmissionView::Full;
        SubmissionOut {
            id: s.id,
            call_id: s.call_id,
            need_id: s.need_id.filter(|_| full),
            view: if full { "full" } else { "blind" }.into(),
            title: s.title,
            need_statement: s.need_statement,
            solution: s.solution,
            evidence: s.evidence,
            stage: s.stage.to_string(),
            keywords: s.keywords,
            ip_status: s.ip_status,
            confidentiality: s.confidentiality,
            status: s.status.to_string(),
            version: s.version,
            submitted_at: s.submitted_at,
            updated_at: s.updated_at,
            fields: s.fields.iter().map(FieldOut::of).collect(),
            organization_id: full.then_some(s.organization_id),
            organization_en: full.then_some(s.organization_en),
            organization_zh: full.then_some(s.organization_zh),
            members: if full {
                s.members
                    .into_iter()
                    .map(|m| MemberOut {
                        name: m.name,
                        role: m.role,
                        organization_id: m.organization_id,
                        organization_en: m.organization_en,
                        organization_zh: m.organization_zh,
                    })
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubmissionSearch {
    /// Words in the title, need statement or keywords (organizers' list).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only this status (organizers' list; drafts are left out unless asked for).
    pub status: Option<String>,
}

/// A call's submissions: every one (but drafts) for those who run the call, the caller's own
/// otherwise.
#[utoipa::path(get, path = "/calls/{id}/submissions", tag = "submissions",
    params(("id" = i64, Path, description = "The call's id", example = 1), SubmissionSearch, PageQuery),
    responses((status = 200, description = "A page of submissions", body = SubmissionPage)))]
pub async fn of_call(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(call_id): ApiPath<i64>,
    ApiQuery(s): ApiQuery<SubmissionSearch>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<SubmissionPage>, Problem> {
    let w = p.window()?;
    drx_core::services::calls::info(&state.db, call_id).await?;
    let q = search_text(s.q.as_deref())?;
    let status = s.status.clone().unwrap_or_default();
    let path = format!("/calls/{call_id}/submissions");
    if drx_core::services::manages_call(&state.db, &user, call_id).await? {
        let filter = ListFilter {
            status: drx_domain::SubmissionStatus::parse(&status)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            search: q.clone(),
            ..Default::default()
        };
        let (_, rows, total) = exports::list(
            &state.db,
            &user,
            call_id,
            &filter,
            ListSort::parse(""),
            w.limit,
            w.offset,
        )
        .await?;
        let items = rows
            .into_iter()
            .map(|r| SubmissionSummaryOut {
                id: r.id,
                call_id,
                title: r.title,
                status: r.status.to_string(),
                stage: r.stage.to_string(),
                updated_at: r.updated_at,
            })
            .collect();
        return Ok(Json(SubmissionPage {
            items,
            total,
            next: w.next(&path, &[("q", &q), ("status", &status)], total),
        }));
    }
    let mine: Vec<_> = own_submissions(&state.db, &user, call_id).await?;
    Ok(Json(w.page(mine, |s| s, &path, &[]).into()))
}

async fn own_submissions(
    db: &Db,
    user: &Person,
    call_id: i64,
) -> Result<Vec<SubmissionSummaryOut>, Problem> {
    Ok(catalogue::my_submissions(db, user)
        .await?
        .into_iter()
        .filter(|r| r.call_id == call_id)
        .map(|r| SubmissionSummaryOut {
            id: r.id,
            call_id: r.call_id,
            title: r.title,
            status: r.status.to_string(),
            stage: r.stage.to_string(),
            updated_at: r.updated_at,
        })
        .collect())
}

/// One submission in the caller's view (404 when they may not see it at all).
#[utoipa::path(get, path = "/submissions/{id}", tag = "submissions",
    params(("id" = i64, Path, description = "The submission's id", example = 1)),
    responses((status = 200, description = "The submission", body = SubmissionOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<SubmissionOut>, Problem> {
    let (s, view, _) = svc::load(&state.db, &user, id).await?;
    Ok(Json(SubmissionOut::of(s, view)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MemberIn {
    pub name: String,
    #[serde(default)]
    pub email: String,
    pub organization_id: Option<i64>,
}

/// A submission's content, as the submission form sends it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SubmissionIn {
    pub title: String,
    #[serde(default)]
    pub need_statement: String,
    #[serde(default)]
    pub solution: String,
    #[serde(default)]
    pub evidence: String,
    /// idea, concept, prototype or clinical_data.
    #[schema(example = "idea")]
    pub stage: String,
    #[serde(default)]
    pub keywords: String,
    /// none, filed, granted or licensed.
    #[serde(default)]
    pub ip_status: String,
    /// normal or confidential.
    #[serde(default)]
    pub confidentiality: String,
    pub need_id: Option<i64>,
    /// The lead hospital; the caller's own when not given.
    pub organization_id: Option<i64>,
    #[serde(default)]
    pub field_ids: Vec<i64>,
    /// Further team members (the caller is the first).
    #[serde(default)]
    pub members: Vec<MemberIn>,
}

impl SubmissionIn {
    fn input(self) -> SubmissionInput {
        SubmissionInput {
            text: SubmissionText {
                title: self.title,
                need_statement: self.need_statement,
                solution: self.solution,
                evidence: self.evidence,
                stage: self.stage,
                keywords: self.keywords,
                ip_status: self.ip_status,
                confidentiality: self.confidentiality,
            },
            need_id: self.need_id,
            organization_id: self.organization_id,
            field_ids: self.field_ids,
            members: self
                .members
                .into_iter()
                .map(|m| MemberInput {
                    name: m.name,
                    email: m.email,
                    organization_id: m.organization_id,
                })
                .collect(),
        }
    }
}

async fn reload(db: &Db, user: &Person, id: i64) -> Result<Json<SubmissionOut>, Problem> {
    let (s, view, _) = svc::load(db, user, id).await?;
    Ok(Json(SubmissionOut::of(s, view)))
}

/// Starts a draft for an open call (those who may submit).
#[utoipa::path(post, path = "/calls/{id}/submissions", tag = "submissions",
    params(("id" = i64, Path, description = "The call's id", example = 1)),
    request_body = SubmissionIn,
    responses((status = 201, description = "The new draft", body = SubmissionOut)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(call_id): ApiPath<i64>,
    ApiJson(body): ApiJson<SubmissionIn>,
) -> Result<(StatusCode, Json<SubmissionOut>), Problem> {
    let id = svc::create_draft(&state.db, &user, call_id, &body.input(), now()).await?;
    Ok((StatusCode::CREATED, reload(&state.db, &user, id).await?))
}

/// Saves new content as the next version (the team, until the deadline).
#[utoipa::path(put, path = "/submissions/{id}", tag = "submissions",
    params(("id" = i64, Path, description = "The submission's id", example = 1)),
    request_body = SubmissionIn,
    responses((status = 200, description = "The submission as saved", body = SubmissionOut)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<SubmissionIn>,
) -> Result<Json<SubmissionOut>, Problem> {
    svc::save(&state.db, &user, id, &body.input(), now()).await?;
    reload(&state.db, &user, id).await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptOut {
    /// The receipt code of the submitted version.
    pub receipt: String,
    pub submission: SubmissionOut,
}

/// Submits a draft (the team, before the deadline); answers with the receipt.
#[utoipa::path(post, path = "/submissions/{id}/submit", tag = "submissions",
    params(("id" = i64, Path, description = "The submission's id", example = 1)),
    responses((status = 200, description = "Submitted", body = ReceiptOut)))]
pub async fn submit(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ReceiptOut>, Problem> {
    let receipt = svc::submit(&state.db, &user, id, &state.config.base_url, now()).await?;
    let Json(submission) = reload(&state.db, &user, id).await?;
    Ok(Json(ReceiptOut {
        receipt,
        submission,
    }))
}

/// Withdraws a submission (the team, until judging has decided).
#[utoipa::path(post, path = "/submissions/{id}/withdraw", tag = "submissions",
    params(("id" = i64, Path, description = "The submission's id", example = 1)),
    responses((status = 200, description = "Withdrawn", body = SubmissionOut)))]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<SubmissionOut>, Problem> {
    svc::withdraw(&state.db, &user, id, now()).await?;
    reload(&state.db, &user, id).await
}
