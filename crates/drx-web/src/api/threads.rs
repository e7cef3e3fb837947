//! Conversations: threads on a need, a submission or a project between its parties, through
//! `services::conversations` (who is a party is its rule, not ours).
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::model::ThreadSummary;
use drx_core::now;
use drx_core::services::conversations::{self as svc, Subject, ThreadView};

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadSummaryOut {
    pub id: i64,
    /// need, submission or project.
    pub subject: String,
    pub subject_id: i64,
    pub title: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub messages: i64,
    pub last_at: i64,
    /// Messages of others the caller has not read.
    pub unread: i64,
}

impl ThreadSummaryOut {
    fn of(t: ThreadSummary) -> ThreadSummaryOut {
        ThreadSummaryOut {
            id: t.thread.id,
            subject: t.thread.subject_kind.to_string(),
            subject_id: t.thread.subject_id,
            title: t.thread.title,
            created_by: t.thread.created_by,
            created_at: t.thread.created_at,
            messages: t.messages,
            last_at: t.last_at,
            unread: t.unread,
        }
    }
}

page_of!(ThreadPage, ThreadSummaryOut);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ThreadFilter {
    /// need, submission or project; with `subject_id`, the threads on that subject. Without
    /// both, every thread the caller takes part in.
    pub subject: Option<String>,
    pub subject_id: Option<i64>,
}

fn subject_of(s: &str) -> Result<Subject, Problem> {
    Subject::parse(s)
        .ok_or_else(|| Problem::bad_request("subject must be need, submission or project."))
}

/// Threads: on one subject (its parties only), or all of the caller's.
#[utoipa::path(get, path = "/threads", tag = "threads", params(ThreadFilter, PageQuery),
    responses((status = 200, description = "A page of threads", body = ThreadPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(f): ApiQuery<ThreadFilter>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<ThreadPage>, Problem> {
    let w = p.window()?;
    let (all, extra): (Vec<ThreadSummary>, Vec<(&str, String)>) = match (&f.subject, f.subject_id) {
        (Some(s), Some(id)) => {
            let subject = subject_of(s)?;
            let threads = svc::on_subject(&state.db, &user, subject, id)
                .await?
                .ok_or_else(Problem::not_found)?;
            (
                threads,
                vec![
                    ("subject", subject.as_str().to_string()),
                    ("subject_id", id.to_string()),
                ],
            )
        }
        (None, None) => (
            svc::my_threads(&state.db, &user)
                .await?
                .into_iter()
                .map(|(t, _)| t)
                .collect(),
            Vec::new(),
        ),
        _ => {
            return Err(Problem::bad_request(
                "Give both subject and subject_id, or neither.",
            ))
        }
    };
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(Json(
        w.page(all, ThreadSummaryOut::of, "/threads", &extra).into(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FileOut {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageOut {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
    pub files: Vec<FileOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadOut {
    pub id: i64,
    pub subject: String,
    pub subject_id: i64,
    pub subject_title: String,
    pub title: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    /// The first message the caller had not read before this request, if any.
    pub first_unread: Option<i64>,
    pub messages: Vec<MessageOut>,
}

fn messages_of(v: &mut ThreadView) -> Vec<MessageOut> {
    std::mem::take(&mut v.messages)
        .into_iter()
        .map(|m| MessageOut {
            files: v
                .files
                .remove(&m.id)
                .unwrap_or_default()
                .into_iter()
                .map(|a| FileOut {
                    id: a.id,
                    filename: a.filename,
                    content_type: a.content_type,
                    size_bytes: a.size_bytes,
                    sha256: a.sha256,
                })
                .collect(),
            id: m.id,
            author_id: m.author_id,
            author_name: m.author_name,
            body: m.body,
            created_at: m.created_at,
        })
        .collect()
}

fn thread_out(mut v: ThreadView) -> ThreadOut {
    let messages = messages_of(&mut v);
    ThreadOut {
        id: v.thread.id,
        subject: v.thread.subject_kind.to_string(),
        subject_id: v.thread.subject_id,
        subject_title: v.subject_title,
        title: v.thread.title,
        created_by: v.thread.created_by,
        created_at: v.thread.created_at,
        first_unread: v.first_unread,
        messages,
    }
}

/// One thread with its messages (its subject's parties only); marks it read for the caller.
#[utoipa::path(get, path = "/threads/{id}", tag = "threads",
    params(("id" = i64, Path, description = "The thread's id", example = 1)),
    responses((status = 200, description = "The thread", body = ThreadOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ThreadOut>, Problem> {
    Ok(Json(thread_out(
        svc::view(&state.db, &user, id, now()).await?,
    )))
}

page_of!(MessagePage, MessageOut);

/// A thread's messages, oldest first, in pages; marks the thread read for the caller.
#[utoipa::path(get, path = "/threads/{id}/messages", tag = "threads",
    params(("id" = i64, Path, description = "The thread's id", example = 1), PageQuery),
    responses((status = 200, description = "A page of messages", body = MessagePage)))]
pub async fn messages(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<MessagePage>, Problem> {
    let w = p.window()?;
    let mut v = svc::view(&state.db, &user, id, now()).await?;
    let all = messages_of(&mut v);
    let path = format!("/threads/{id}/messages");
    Ok(Json(w.page(all, |m| m, &path, &[]).into()))
}

/// A new thread on a subject, with its first message.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ThreadIn {
    /// need, submission or project.
    pub subject: String,
    pub subject_id: i64,
    pub title: String,
    pub body: String,
}

/// Opens a thread (a party of the subject); every other party is told.
#[utoipa::path(post, path = "/threads", tag = "threads", request_body = ThreadIn,
    responses((status = 201, description = "The new thread", body = ThreadOut)))]
pub async fn open(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(t): ApiJson<ThreadIn>,
) -> Result<(StatusCode, Json<ThreadOut>), Problem> {
    let subject = subject_of(&t.subject)?;
    let at = now();
    let id = svc::open_thread(
        &state.db,
        &user,
        subject,
        t.subject_id,
        &t.title,
        &t.body,
        None,
        &state.config.base_url,
        at,
    )
    .await?;
    let v = svc::view(&state.db, &user, id, at).await?;
    Ok((StatusCode::CREATED, Json(thread_out(v))))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MessageIn {
    pub body: String,
}

/// Replies in a thread (its subject's parties); every other party is told.
#[utoipa::path(post, path = "/threads/{id}/messages", tag = "threads",
    params(("id" = i64, Path, description = "The thread's id", example = 1)),
    request_body = MessageIn,
    responses((status = 201, description = "The message as posted", body = MessageOut)))]
pub async fn reply(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(m): ApiJson<MessageIn>,
) -> Result<(StatusCode, Json<MessageOut>), Problem> {
    let at = now();
    let mid = svc::reply(
        &state.db,
        &user,
        id,
        &m.body,
        None,
        &state.config.base_url,
        at,
    )
    .await?;
    let mut v = svc::view(&state.db, &user, id, at).await?;
    let posted = messages_of(&mut v)
        .into_iter()
        .find(|x| x.id == mid)
        .ok_or_else(|| Problem::internal("a posted message is missing from its thread"))?;
    Ok((StatusCode::CREATED, Json(posted)))
}
