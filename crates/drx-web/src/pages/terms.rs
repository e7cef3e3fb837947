//! Confidentiality terms: a call's terms for everyone signed in, the organizer's form to set a
//! new version, the acceptance form shown in place of a need's confidential part, and the post
//! that records an acceptance.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, datetime, notice, page};
use crate::{see_other, AppState};
use drx_core::now;
use drx_core::services::confidentiality::{self as svc, Gate};
use drx_core::services::ServiceError;

/// What stands in place of a need's confidential part when it is closed to the person.
pub fn gate_box(ctx: &Ctx, need_id: i64, g: &Gate) -> Markup {
    html! {
        div class="card gate" {
            p { strong { (ctx.t("gate-closed")) } }
            ul {
                li { @if g.interest_accepted { "✓ " } @else { "✗ " } (ctx.t("gate-needs-interest")) }
                li { @if g.accepted_at.is_some() { "✓ " } @else { "✗ " } (ctx.t("gate-needs-terms")) }
            }
            @match &g.terms {
                None => { p class="muted" { (ctx.t("terms-none")) } }
                Some(t) => {
                    @if let Some(at) = g.accepted_at {
                        p class="muted" { (drx_core::i18n::t_args(ctx.lang, "terms-accepted-on", &[("version", t.version.clone()), ("at", datetime(at))])) }
                    } @else {
                        details open {
                            summary { (drx_core::i18n::t_args(ctx.lang, "terms-title-version", &[("version", t.version.clone())])) }
                            div class="prewrap terms-text" { (ctx.pick(&t.text_en, &t.text_zh)) }
                        }
                        form method="post" action={ "/needs/" (need_id) "/terms" } {
                            (csrf_field(ctx))
                            input type="hidden" name="version" value=(t.version);
                            label { input type="checkbox" name="agree" value="on" required; " " (ctx.t("terms-agree")) }
                            br;
                            button type="submit" { (ctx.t("terms-accept")) }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct AcceptForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    agree: String,
}

/// `POST /needs/{id}/terms`: the person accepts the terms governing the need.
pub async fn accept(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(need_id): Path<i64>,
    CsrfForm(f): CsrfForm<AcceptForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    if f.agree != "on" {
        return Err(WebError::BadRequest {
            en: "Tick the box to accept the terms.".into(),
            zh: "请勾选以接受保密条款。".into(),
        });
    }
    let back = format!("/needs/{need_id}");
    svc::accept_for_need(&state.db, user, need_id, &f.version, now())
        .await
        .map_err(WebError::back_to(&ctx, &back))?;
    Ok(see_other(&back))
}

#[derive(Deserialize, Default, Clone)]
pub struct TermsForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    text_en: String,
    #[serde(default)]
    text_zh: String,
}

async fn terms_page(
    ctx: &Ctx,
    state: &AppState,
    call_id: i64,
    form: Option<TermsForm>,
    error: Option<String>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let svc::TermsView {
        call,
        manager,
        current,
        accepted_at: accepted,
    } = svc::terms_view(&state.db, user, call_id).await?;
    let f = form.unwrap_or_else(|| TermsForm {
        version: svc::next_version(current.as_ref().map(|t| t.version.as_str())),
        text_en: current
            .as_ref()
            .map(|t| t.text_en.clone())
            .unwrap_or_default(),
        text_zh: current
            .as_ref()
            .map(|t| t.text_zh.clone())
            .unwrap_or_default(),
    });
    let body = html! {
        p class="muted" { a href={ "/calls/" (call_id) } { (ctx.pick(&call.title_en, &call.title_zh)) } }
        h1 { (ctx.t("terms-page-title")) }
        @if let Some(e) = &error { (notice("error", e)) }
        @match &current {
            None => { p class="muted" { (ctx.t("terms-none")) } }
            Some(t) => {
                p { span class="pill" { (drx_core::i18n::t_args(ctx.lang, "terms-title-version", &[("version", t.version.clone())])) } " "
                    span class="muted" { (datetime(t.updated_at)) } }
                div class="card prewrap terms-text" { (ctx.pick(&t.text_en, &t.text_zh)) }
                @if let Some(at) = accepted {
                    p class="muted" { (drx_core::i18n::t_args(ctx.lang, "terms-accepted-on", &[("version", t.version.clone()), ("at", datetime(at))])) }
                }
            }
        }
        @if manager {
            h2 { (ctx.t("terms-edit")) }
            p class="hint" { (ctx.t("terms-edit-hint")) }
            form method="post" action={ "/calls/" (call_id) "/terms" } class="stacked card" {
                (csrf_field(ctx))
                label for="version" { (ctx.t("field-terms-version")) }
                input type="text" id="version" name="version" value=(f.version) required maxlength=(svc::VERSION_MAX);
                label for="text_zh" { (ctx.t("field-terms-text-zh")) }
                textarea id="text_zh" name="text_zh" rows="8" required { (f.text_zh) }
                label for="text_en" { (ctx.t("field-terms-text-en")) }
                textarea id="text_en" name="text_en" rows="8" required { (f.text_en) }
                button type="submit" { (ctx.t("save")) }
            }
        }
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, page(ctx, &ctx.t("terms-page-title"), body)).into_response())
}

/// `GET /calls/{id}/terms`.
pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
) -> Result<Response, WebError> {
    terms_page(&ctx, &state, call_id, None, None).await
}

/// `POST /calls/{id}/terms`: the organizer sets a new version.
pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<TermsForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::save_terms(
        &state.db,
        user,
        call_id,
        &f.version,
        &f.text_en,
        &f.text_zh,
        now(),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!("/calls/{call_id}/terms"))),
        Err(ServiceError::Invalid(m)) => {
            let msg = drx_core::i18n::msg(ctx.lang, &m);
            terms_page(&ctx, &state, call_id, Some(f), Some(msg)).await
        }
        Err(e) => Err(e.into()),
    }
}
