//! Import pages: needs into the catalogue, submissions into a call, from CSV or XLSX. A refused
//! file lists every bad row by line; nothing of it is stored.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::{csrf_field, notice, page};
use crate::AppState;
use drx_core::auth::authorization::can_create_call;
use drx_core::i18n;
use drx_core::now;
use drx_core::services::imports::{self as svc, RowError};

use super::submissions::read_file_upload;

pub(super) fn form(ctx: &Ctx, action: &str, columns_key: &str, outcome: Option<Markup>) -> Markup {
    html! {
        @if let Some(o) = outcome { (o) }
        form method="post" action=(action) enctype="multipart/form-data" class="stacked card" {
            (csrf_field(ctx))
            p class="muted" { (ctx.t("import-lead")) }
            p class="hint" { (ctx.t(columns_key)) }
            label for="file" { (ctx.t("import-file")) }
            input type="file" id="file" name="file" required accept=".csv,.xlsx,text/csv";
            button type="submit" { (ctx.t("import-button")) }
        }
    }
}

fn errors_markup(ctx: &Ctx, errors: &[RowError]) -> Markup {
    html! {
        div class="notice error" role="alert" {
            p { strong { (i18n::t_args(ctx.lang, "import-refused", &[("n", errors.len().to_string())])) } }
            ul {
                @for e in errors.iter().take(500) {
                    li {
                        @if e.line > 0 { (i18n::t_args(ctx.lang, "import-line", &[("line", e.line.to_string())])) ": " }
                        (i18n::msg(ctx.lang, &e.msg))
                    }
                }
            }
        }
    }
}

pub(super) fn outcome(ctx: &Ctx, r: Result<usize, Vec<RowError>>) -> (StatusCode, Markup) {
    match r {
        Ok(n) => (
            StatusCode::OK,
            notice(
                "ok",
                &i18n::t_args(ctx.lang, "import-done", &[("n", n.to_string())]),
            ),
        ),
        Err(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors_markup(ctx, &errors),
        ),
    }
}

pub(super) fn no_file() -> Result<usize, Vec<RowError>> {
    Err(vec![RowError {
        line: 0,
        msg: drx_core::services::Msg::new("error-file-empty"),
    }])
}

pub async fn needs_page(ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    if !can_create_call(user) {
        return Err(WebError::Forbidden);
    }
    let body = html! {
        h1 { (ctx.t("import-needs")) }
        (form(&ctx, "/needs/import", "import-needs-columns", None))
    };
    Ok(page(&ctx, &ctx.t("import-needs"), body))
}

pub async fn import_needs(
    ctx: Ctx,
    State(state): State<AppState>,
    multipart: crate::form::MultipartBody,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    if !can_create_call(user) {
        return Err(WebError::Forbidden);
    }
    let file = read_file_upload(&ctx, multipart, svc::MAX_IMPORT_BYTES).await?;
    let result = match file {
        Some((_, bytes)) => svc::import_needs(&state.db, user, &bytes, now()).await?,
        None => no_file(),
    };
    let (status, o) = outcome(&ctx, result);
    let body = html! {
        h1 { (ctx.t("import-needs")) }
        (form(&ctx, "/needs/import", "import-needs-columns", Some(o)))
        p { a href="/needs" { (ctx.t("needs-title")) " →" } }
    };
    Ok((status, page(&ctx, &ctx.t("import-needs"), body)).into_response())
}

async fn require_manager(ctx: &Ctx, state: &AppState, id: i64) -> Result<(), WebError> {
    let user = ctx.require_user()?;
    Ok(drx_core::services::calls::authorize_manager(&state.db, user, id).await?)
}

pub async fn submissions_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    require_manager(&ctx, &state, id).await?;
    let body = html! {
        h1 { (ctx.t("import-submissions")) }
        (form(&ctx, &format!("/calls/{id}/import"), "import-submissions-columns", None))
    };
    Ok(page(&ctx, &ctx.t("import-submissions"), body))
}

pub async fn import_submissions(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: crate::form::MultipartBody,
) -> Result<Response, WebError> {
    require_manager(&ctx, &state, id).await?;
    let user = ctx.require_user()?;
    let file = read_file_upload(&ctx, multipart, svc::MAX_IMPORT_BYTES).await?;
    let result = match file {
        Some((_, bytes)) => svc::import_submissions(&state.db, user, id, &bytes, now()).await?,
        None => no_file(),
    };
    let (status, o) = outcome(&ctx, result);
    let body = html! {
        h1 { (ctx.t("import-submissions")) }
        (form(&ctx, &format!("/calls/{id}/import"), "import-submissions-columns", Some(o)))
        p { a href={ "/calls/" (id) "/submissions" } { (ctx.t("sub-list-title")) " →" } }
    };
    Ok((status, page(&ctx, &ctx.t("import-submissions"), body)).into_response())
}
