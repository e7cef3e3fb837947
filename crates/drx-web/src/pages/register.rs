//! Self-registration: `/register` (the form; `?call=ID` remembers the call the person came
//! from), `/register/verify/{token}` (the emailed link: a page with one button, so that a mail
//! scanner opening the link does not use it) and `/terms` (the platform terms the form asks to
//! accept). The rules live in `services::registration`.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, notice, page};
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::model::Organization;
use drx_core::now;
use drx_core::services::registration::{self as svc, RegistrationInput};
use drx_core::services::{catalogue, open_calls, ServiceError};

#[derive(Deserialize, Default)]
pub struct CallQuery {
    /// The call the person came from; anything but a number is ignored.
    #[serde(default)]
    call: String,
}

fn call_of(raw: &str) -> Option<i64> {
    raw.trim().parse().ok().filter(|id| *id > 0)
}

fn form(
    ctx: &Ctx,
    orgs: &[Organization],
    f: &RegistrationInput,
    call: Option<i64>,
    error: Option<String>,
) -> Markup {
    html! {
        h1 { (ctx.t("register-title")) }
        p class="muted" { (ctx.t("register-lead")) }
        @if let Some(e) = error { (notice("error", &e)) }
        form method="post" action="/register" class="stacked card" {
            (csrf_field(ctx))
            @if let Some(id) = call { input type="hidden" name="call" value=(id); }
            label for="email" { (ctx.t("field-email")) }
            input type="email" id="email" name="email" value=(f.email) required maxlength="254" autocomplete="email";
            label for="name" { (ctx.t("field-name")) }
            input type="text" id="name" name="name" value=(f.name) required maxlength="100" autocomplete="name";
            label for="password" { (ctx.t("field-password")) }
            input type="password" id="password" name="password" required minlength="10" maxlength="200" autocomplete="new-password";
            p class="hint" { (ctx.t("password-hint")) }
            fieldset {
                legend { (ctx.t("field-role")) }
                @for role in ["clinician", "engineer"] {
                    label class="inline" {
                        input type="radio" name="role" value=(role) checked[f.role == role] required;
                        " " (ctx.t(&format!("role-{role}")))
                    }
                }
                p class="hint" { (ctx.t("register-role-hint")) }
            }
            label for="organization" { (ctx.t("field-organization")) }
            select id="organization" name="organization" {
                option value="" { (ctx.t("register-org-not-listed")) }
                @for o in orgs {
                    option value=(o.id) selected[f.organization == o.id.to_string()] { (ctx.pick(&o.name_en, &o.name_zh)) }
                }
            }
            label for="requested_organization" { (ctx.t("register-org-request")) }
            input type="text" id="requested_organization" name="requested_organization" value=(f.requested_organization) maxlength="200";
            p class="hint" { (ctx.t("register-org-request-hint")) }
            label class="inline" {
                input type="checkbox" name="terms" value="on" required checked[f.terms == "on"];
                " " (ctx.t("register-terms-accept")) " "
                a href="/terms" target="_blank" { (ctx.t("terms-platform-title")) }
            }
            button type="submit" { (ctx.t("register-submit")) }
            p { (ctx.t("register-have-account")) " " a href="/login" { (ctx.t("nav-login")) } }
        }
    }
}

pub async fn register_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<CallQuery>,
) -> Result<Response, WebError> {
    let call = open_calls::public_call_id(&state.db, call_of(&q.call)).await?;
    if ctx.user.is_some() {
        return Ok(see_other(
            &call.map_or("/".into(), |id| format!("/calls/{id}")),
        ));
    }
    let orgs = catalogue::organizations(&state.db).await?;
    let title = ctx.t("register-title");
    let input = RegistrationInput::default();
    Ok(page(&ctx, &title, form(&ctx, &orgs, &input, call, None)))
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(flatten)]
    input: RegistrationInput,
    #[serde(default)]
    call: String,
}

pub async fn register(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<RegisterForm>,
) -> Result<Response, WebError> {
    let call = call_of(&f.call);
    let title = ctx.t("register-title");
    let outcome = svc::register(
        &state.db,
        &f.input,
        ctx.lang.code(),
        call,
        &ctx.client_key,
        &state.config.base_url,
        now(),
    )
    .await;
    let (status, error) = match outcome {
        Ok(()) => {
            let body = html! {
                h1 { (title) }
                (notice("ok", &ctx.t("register-check-mail")))
                p { (ctx.t("register-check-mail-more")) }
            };
            return Ok(page(&ctx, &title, body));
        }
        Err(ServiceError::Invalid(m)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, i18n::msg(ctx.lang, &m))
        }
        Err(ServiceError::Throttled { minutes }) => (
            StatusCode::TOO_MANY_REQUESTS,
            i18n::t_args(
                ctx.lang,
                "register-throttled",
                &[("minutes", minutes.to_string())],
            ),
        ),
        Err(e) => return Err(e.into()),
    };
    let orgs = catalogue::organizations(&state.db).await?;
    let mut shown = f.input.clone();
    shown.password.clear();
    let body = form(&ctx, &orgs, &shown, call, Some(error));
    Ok((status, page(&ctx, &title, body)).into_response())
}

fn invalid_link(ctx: &Ctx) -> Response {
    let title = ctx.t("register-verify-title");
    let body = html! {
        h1 { (title) }
        (notice("error", &ctx.t("register-link-invalid")))
        p { a href="/register" { (ctx.t("register-title")) } " · " a href="/login" { (ctx.t("nav-login")) } }
    };
    // Gone rather than 404: the page exists, the link no longer works.
    (StatusCode::GONE, page(ctx, &title, body)).into_response()
}

pub async fn verify_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let pending = match svc::pending(&state.db, &token, now()).await {
        Ok(p) => p,
        Err(ServiceError::NotFound) => return Ok(invalid_link(&ctx)),
        Err(e) => return Err(e.into()),
    };
    let title = ctx.t("register-verify-title");
    let body = html! {
        h1 { (title) }
        form method="post" action={ "/register/verify/" (token) } class="stacked card" {
            (csrf_field(&ctx))
            p { (ctx.t("register-verify-for")) " " strong { (pending.email) } }
            button type="submit" { (ctx.t("register-verify-submit")) }
        }
    };
    Ok(page(&ctx, &title, body))
}

/// Follows the link: the account is created, the person signed in and sent on to the call
/// they came from (a number checked by the service, so never another site), else home.
pub async fn verify(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    match svc::verify(&state.db, &token, now()).await {
        Ok(v) => {
            let next = v.call_id.map_or("/".into(), |id| format!("/calls/{id}"));
            super::auth::signed_in(&ctx, &state, &v.logged_in, &next).await
        }
        Err(ServiceError::NotFound) => Ok(invalid_link(&ctx)),
        Err(ServiceError::Invalid(m)) => {
            let title = ctx.t("register-verify-title");
            let body = html! { h1 { (title) } (notice("error", &i18n::msg(ctx.lang, &m))) p { a href="/login" { (ctx.t("nav-login")) } } };
            Ok((StatusCode::CONFLICT, page(&ctx, &title, body)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The platform's terms of use, which every self-registered person accepts.
pub async fn terms_page(ctx: Ctx) -> Response {
    let title = ctx.t("terms-platform-title");
    let body = html! {
        h1 { (title) }
        div class="prewrap card" id="platform-terms" { (ctx.t("terms-platform-body")) }
        p { a href="/register" { (ctx.t("register-title")) } }
    };
    page(&ctx, &title, body)
}
