//! Conversation pages: the "Conversations" section of need, solution and project pages, a
//! thread with its replies and files, the person's threads with unread counts, and the
//! notifications page.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, datetime, file_size, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::model::Person;
use drx_core::services::conversations::{self as svc, Subject, Upload};
use drx_core::services::submissions::MAX_ATTACHMENT_BYTES;
use drx_core::services::ServiceError;
use drx_core::{now, Db};
use drx_domain::ThreadKind;

/// Largest message post: a file at the upload limit and the text around it.
pub const MESSAGE_BODY_LIMIT: usize = MAX_ATTACHMENT_BYTES + 256 * 1024;

fn kind_label(ctx: &Ctx, kind: ThreadKind) -> String {
    ctx.t(&format!("conv-kind-{kind}"))
}

fn max_mb() -> String {
    (MAX_ATTACHMENT_BYTES / (1024 * 1024)).to_string()
}

/// A message form's text (labelled by `label_key`, with what was typed), its file and its send
/// button.
fn message_fields(ctx: &Ctx, label_key: &str, typed: &str) -> Markup {
    html! {
        label for="conv-body" { (ctx.t(label_key)) }
        textarea id="conv-body" name="body" rows="5" maxlength="8000" { (typed) }
        label for="conv-file" { (ctx.t("conv-file")) }
        input type="file" id="conv-file" name="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx";
        p class="hint" { (i18n::t_args(ctx.lang, "conv-file-hint", &[("max", max_mb())])) }
        button type="submit" { (ctx.t("conv-send")) }
    }
}

/// The form that opens a thread on a subject, with what was typed.
fn new_thread_form(ctx: &Ctx, subject: Subject, id: i64, title: &str, body: &str) -> Markup {
    html! {
        form method="post" action={ "/conversations/" (subject.as_str()) "/" (id) }
            enctype="multipart/form-data" class="stacked" {
            (csrf_field(ctx))
            label for="conv-title" { (ctx.t("field-conv-title")) }
            input type="text" id="conv-title" name="title" required maxlength="200" value=(title);
            (message_fields(ctx, "field-conv-message", body))
        }
    }
}

fn unread_pill(ctx: &Ctx, n: i64) -> Markup {
    html! {
        @if n > 0 {
            " " span class="count" title=(i18n::t_args(ctx.lang, "conv-unread", &[("n", n.to_string())])) { (n) }
        }
    }
}

/// The Conversations section of a subject's page; None for someone who is not a party.
pub async fn section(
    ctx: &Ctx,
    db: &Db,
    user: &Person,
    subject: Subject,
    id: i64,
) -> Result<Option<Markup>, WebError> {
    let Some(threads) = svc::on_subject(db, user, subject, id).await? else {
        return Ok(None);
    };
    Ok(Some(html! {
        div class="card" id="conversations" {
            h2 { (ctx.t("conv-section")) }
            p class="muted" { (ctx.t("conv-help")) }
            @if threads.is_empty() { p class="muted" { (ctx.t("conv-none")) } }
            @else {
                ul class="plain" {
                    @for t in &threads { li {
                        a href={ "/threads/" (t.thread.id) } { (t.thread.title) }
                        (unread_pill(ctx, t.unread))
                        " " span class="muted" {
                            (i18n::t_args(ctx.lang, "conv-messages-count", &[("n", t.messages.to_string())]))
                            " · " (datetime(t.last_at))
                        }
                    } }
                }
            }
            details {
                summary { (ctx.t("conv-start")) }
                (new_thread_form(ctx, subject, id, "", ""))
            }
        }
    }))
}

/// A message form as posted: multipart, because of the file.
#[derive(Default)]
struct MessageForm {
    title: String,
    body: String,
    file: Option<(String, Vec<u8>)>,
}

/// What a message post may bring instead of a multipart form.
pub type MessageUpload = crate::form::MultipartBody;

async fn read_message_form(ctx: &Ctx, multipart: MessageUpload) -> Result<MessageForm, WebError> {
    let f = crate::form::read_multipart(&ctx.csrf, multipart, MAX_ATTACHMENT_BYTES).await?;
    Ok(MessageForm {
        title: f.text("title").to_string(),
        body: f.text("body").to_string(),
        file: f.file("file"),
    })
}

fn upload_of(form: &MessageForm) -> Option<Upload<'_>> {
    form.file
        .as_ref()
        .map(|(name, bytes)| Upload { name, bytes })
}

/// Opens a thread from a subject page.
pub async fn open_thread(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((kind, id)): Path<(String, i64)>,
    multipart: MessageUpload,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let subject = Subject::parse(&kind).ok_or(WebError::NotFound)?;
    let form = read_message_form(&ctx, multipart).await?;
    let upload = upload_of(&form);
    let r = svc::open_thread(
        &state.db,
        user,
        subject,
        id,
        &form.title,
        &form.body,
        upload.as_ref(),
        &state.config.base_url,
        now(),
    )
    .await;
    match r {
        Ok(thread) => Ok(see_other(&format!("/threads/{thread}"))),
        Err(ServiceError::Invalid(m)) => {
            let body = html! {
                p { a href=(subject.link(id)) { "← " (kind_label(&ctx, subject.kind())) " #" (id) } }
                h1 { (ctx.t("conv-start")) }
                (notice("error", &format!("{} {}", ctx.t("conv-refused"), i18n::msg(ctx.lang, &m))))
                (new_thread_form(&ctx, subject, id, &form.title, &form.body))
            };
            Ok(refused(&ctx, &ctx.t("conv-start"), body))
        }
        Err(e) => Err(e.into()),
    }
}

async fn thread_body(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    id: i64,
    typed: &str,
    error: Option<String>,
) -> Result<(String, Markup), WebError> {
    let v = svc::view(&state.db, user, id, now()).await?;
    let subject_link = v.subject.link(v.thread.subject_id);
    let body = html! {
        p { a href="/messages" { "← " (ctx.t("conv-mine-title")) } }
        h1 { (v.thread.title) }
        p class="muted" {
            (ctx.t("conv-about")) " " (kind_label(ctx, v.subject.kind())) ": "
            a href=(subject_link) { (v.subject_title) }
        }
        @for m in &v.messages {
            @if v.first_unread == Some(m.id) { p class="muted" id="new" { (ctx.t("conv-new-marker")) } }
            div class={ "message" @if v.first_unread.is_some_and(|f| m.id >= f) && m.author_id != user.id { " unread" } } id={ "m" (m.id) } {
                p { span class="who" { (m.author_name) } " " span class="muted" { (datetime(m.created_at)) } }
                @if !m.body.is_empty() { p class="prewrap" { (m.body) } }
                @if let Some(files) = v.files.get(&m.id) {
                    ul class="plain" { @for f in files { li {
                        a href={ "/message-files/" (f.id) } { (f.filename) }
                        " " span class="muted" { (file_size(f.size_bytes)) " · SHA-256 " code title=(f.sha256) { (f.sha256[..12]) "…" } }
                    } } }
                }
            }
        }
        @if let Some(e) = &error { (notice("error", &format!("{} {e}", ctx.t("conv-refused")))) }
        form method="post" action={ "/threads/" (v.thread.id) } enctype="multipart/form-data" class="stacked card" id="reply" {
            (csrf_field(ctx))
            (message_fields(ctx, "conv-reply", typed))
        }
    };
    Ok((v.thread.title, body))
}

/// A thread, for a party of its subject.
pub async fn thread_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (title, body) = thread_body(&ctx, &state, user, id, "", None).await?;
    // Opening the thread read it: the navigation shows the counts after that.
    let mut ctx = ctx.clone();
    if let Some(u) = &ctx.user {
        ctx.unread = svc::unread_counts(&state.db, u.id).await?;
    }
    Ok(page(&ctx, &title, body))
}

/// A reply in a thread.
pub async fn reply(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: MessageUpload,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let form = read_message_form(&ctx, multipart).await?;
    let upload = upload_of(&form);
    let r = svc::reply(
        &state.db,
        user,
        id,
        &form.body,
        upload.as_ref(),
        &state.config.base_url,
        now(),
    )
    .await;
    match r {
        Ok(m) => Ok(see_other(&format!("/threads/{id}#m{m}"))),
        Err(ServiceError::Invalid(m)) => {
            let error = i18n::msg(ctx.lang, &m);
            let (title, body) =
                thread_body(&ctx, &state, user, id, &form.body, Some(error)).await?;
            Ok(refused(&ctx, &title, body))
        }
        Err(e) => Err(e.into()),
    }
}

/// A message's file, for a party of its thread.
pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let f = svc::download(&state.db, user, id).await?;
    Ok(crate::download::uploaded_file(
        &f.filename,
        &f.content_type,
        f.content,
    ))
}

/// The person's threads with unread counts.
pub async fn my_threads(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let threads = svc::my_threads(&state.db, user).await?;
    let body = html! {
        h1 { (ctx.t("conv-mine-title")) }
        @if threads.is_empty() { p class="muted" { (ctx.t("conv-mine-none")) } }
        @else {
            div class="table-wrap" { table {
                thead { tr {
                    th { (ctx.t("field-conv-title")) }
                    th { (ctx.t("conv-about")) }
                    th { (ctx.t("conv-last")) }
                } }
                tbody { @for (t, subject_title) in &threads { tr {
                    td {
                        a href={ "/threads/" (t.thread.id) } { (t.thread.title) }
                        (unread_pill(&ctx, t.unread))
                        br; span class="muted" { (i18n::t_args(ctx.lang, "conv-messages-count", &[("n", t.messages.to_string())])) }
                    }
                    td {
                        span class="pill" { (kind_label(&ctx, t.thread.subject_kind)) } " "
                        @if let Some(s) = Subject::of_kind(t.thread.subject_kind) {
                            a href=(s.link(t.thread.subject_id)) { (subject_title) }
                        }
                    }
                    td class="muted" { (datetime(t.last_at)) }
                } } }
            } }
        }
    };
    Ok(page(&ctx, &ctx.t("conv-mine-title"), body))
}

/// The person's notices.
pub async fn notifications(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = svc::notices_of(&state.db, user).await?;
    let any_unread = list.iter().any(|n| n.read_at.is_none());
    let body = html! {
        h1 { (ctx.t("notif-title")) }
        @if any_unread {
            form method="post" action="/notifications/read-all" class="inline" {
                (csrf_field(&ctx))
                button type="submit" class="secondary" { (ctx.t("notif-mark-all")) }
            }
        }
        @if list.is_empty() { p class="muted" { (ctx.t("notif-none")) } }
        @else {
            div class="table-wrap" { table {
                tbody { @for n in &list { tr class={ "notice-row" @if n.read_at.is_none() { " unread" } } {
                    td {
                        @if n.read_at.is_none() { span class="pill" { (ctx.t("notif-unread")) } " " }
                        (n.body)
                    }
                    td { @if n.link.starts_with('/') { a href=(n.link) { (ctx.t("notif-open")) } } }
                    td class="muted" { (datetime(n.created_at)) }
                    td { @if n.read_at.is_none() {
                        form method="post" action={ "/notifications/" (n.id) "/read" } class="inline" {
                            (csrf_field(&ctx))
                            button type="submit" class="small secondary" { (ctx.t("notif-mark-read")) }
                        }
                    } }
                } } }
            } }
        }
    };
    Ok(page(&ctx, &ctx.t("notif-title"), body))
}

pub async fn mark_read(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::mark_notice_read(&state.db, user, id, now()).await?;
    Ok(see_other("/notifications"))
}

pub async fn mark_all_read(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::mark_all_notices_read(&state.db, user, now()).await?;
    Ok(see_other("/notifications"))
}
