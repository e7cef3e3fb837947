//! Sign in and out, language switch, password reset by emailed link, accepting an invitation.
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::{safe_next, set_cookie, Ctx, LANG_COOKIE, SESSION_COOKIE};
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, notice, page};
use crate::{see_other, AppState};
use drx_core::i18n::{self as i18n, Lang};
use drx_core::now;
use drx_core::services::{accounts, ServiceError};

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

fn login_form(
    ctx: &Ctx,
    state: &AppState,
    email: &str,
    next: &str,
    error: Option<String>,
) -> Markup {
    html! {
        h1 { (ctx.t("login-title")) }
        @if let Some(e) = error { (notice("error", &e)) }
        form method="post" action="/login" class="stacked card" {
            (csrf_field(ctx))
            input type="hidden" name="next" value=(next);
            label for="email" { (ctx.t("field-email")) }
            input type="email" id="email" name="email" value=(email) required autocomplete="username" maxlength="254" autofocus;
            label for="password" { (ctx.t("field-password")) }
            input type="password" id="password" name="password" required autocomplete="current-password" maxlength="200";
            button type="submit" { (ctx.t("login-submit")) }
            p { a href="/password/forgot" { (ctx.t("login-forgot")) } }
            p { (ctx.t("login-no-account")) " " a href="/register" { (ctx.t("register-title")) } " · " a href="/open-calls" { (ctx.t("open-calls-title")) } }
        }
        @if !state.config.demo_logins.is_empty() {
            div class="card demo-logins" {
                h2 { (ctx.t("demo-logins")) }
                table {
                    @for (who, email) in &state.config.demo_logins {
                        tr { td { (who) } td { code { (email) } } }
                    }
                }
                p class="muted" { (ctx.t("demo-password")) " " code { (state.config.demo_password) } }
            }
        }
    }
}

pub async fn login_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<NextQuery>,
) -> Response {
    let next = safe_next(q.next.as_deref());
    if ctx.user.is_some() {
        return see_other(&next);
    }
    let title = ctx.t("login-title");
    page(&ctx, &title, login_form(&ctx, &state, "", &next, None))
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// The answer to a sign-in (login, or an accepted invitation): the new session's cookie and a
/// redirect to `next`. Whatever session this browser had ends: one sign-in, one session.
pub(crate) async fn signed_in(
    ctx: &Ctx,
    state: &AppState,
    ok: &accounts::LoggedIn,
    next: &str,
) -> Result<Response, WebError> {
    if let Some(previous) = &ctx.session_token {
        accounts::logout(&state.db, previous).await?;
    }
    let mut res = see_other(next);
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            &ok.session_token,
            Some(accounts::SESSION_IDLE_SECONDS),
            ctx.secure_cookies,
        ),
    );
    Ok(res)
}

pub async fn login(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<LoginForm>,
) -> Result<Response, WebError> {
    let next = safe_next(f.next.as_deref());
    match accounts::login(&state.db, &f.email, &f.password, &ctx.client_key, now()).await {
        Ok(ok) => signed_in(&ctx, &state, &ok, &next).await,
        Err(ServiceError::Invalid(m)) => {
            let title = ctx.t("login-title");
            let msg = i18n::msg(ctx.lang, &m);
            let mut res = page(
                &ctx,
                &title,
                login_form(&ctx, &state, &f.email, &next, Some(msg)),
            );
            *res.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    if let Some(token) = &ctx.session_token {
        accounts::logout(&state.db, token).await?;
    }
    let mut res = see_other("/");
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", Some(0), ctx.secure_cookies),
    );
    Ok(res)
}

/// Remembers the language in a cookie (and on the account), then goes back.
pub async fn switch_language(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(&code).ok_or(WebError::NotFound)?;
    if let Some(user) = &ctx.user {
        drx_core::services::accounts::set_locale(&state.db, user, lang.code()).await?;
    }
    let mut res = see_other(&safe_next(q.next.as_deref()));
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            LANG_COOKIE,
            lang.code(),
            Some(365 * 24 * 3600),
            ctx.secure_cookies,
        ),
    );
    Ok(res)
}

fn forgot_form(ctx: &Ctx, sent: bool) -> Markup {
    html! {
        h1 { (ctx.t("forgot-title")) }
        @if sent { (notice("ok", &ctx.t("forgot-sent"))) }
        form method="post" action="/password/forgot" class="stacked card" {
            (csrf_field(ctx))
            p class="muted" { (ctx.t("forgot-explain")) }
            label for="email" { (ctx.t("field-email")) }
            input type="email" id="email" name="email" required maxlength="254";
            button type="submit" { (ctx.t("forgot-submit")) }
        }
    }
}

pub async fn forgot_page(ctx: Ctx) -> Response {
    let title = ctx.t("forgot-title");
    page(&ctx, &title, forgot_form(&ctx, false))
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub async fn forgot(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<ForgotForm>,
) -> Result<Response, WebError> {
    accounts::request_password_reset(
        &state.db,
        &f.email,
        &ctx.client_key,
        &state.config.base_url,
        now(),
    )
    .await?;
    let title = ctx.t("forgot-title");
    Ok(page(&ctx, &title, forgot_form(&ctx, true)))
}

fn new_password_form(
    ctx: &Ctx,
    action: &str,
    title: &str,
    intro: Markup,
    name: Option<&str>,
    error: Option<String>,
) -> Markup {
    html! {
        h1 { (title) }
        @if let Some(e) = error { (notice("error", &e)) }
        form method="post" action=(action) class="stacked card" {
            (csrf_field(ctx))
            (intro)
            @if let Some(name) = name {
                label for="name" { (ctx.t("field-name")) }
                input type="text" id="name" name="name" value=(name) required maxlength="100";
            }
            label for="password" { (ctx.t("field-new-password")) }
            input type="password" id="password" name="password" required minlength="10" maxlength="200" autocomplete="new-password";
            p class="hint" { (ctx.t("password-hint")) }
            button type="submit" { (ctx.t("save")) }
        }
    }
}

pub async fn reset_page(ctx: Ctx, Path(token): Path<String>) -> Response {
    let title = ctx.t("reset-title");
    let action = format!("/password/reset/{token}");
    page(
        &ctx,
        &title,
        new_password_form(&ctx, &action, &title, html! {}, None, None),
    )
}

#[derive(Deserialize)]
pub struct PasswordOnly {
    #[serde(default)]
    password: String,
}

pub async fn reset(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm(f): CsrfForm<PasswordOnly>,
) -> Result<Response, WebError> {
    let title = ctx.t("reset-title");
    match accounts::reset_password(&state.db, &token, &f.password, now()).await {
        Ok(()) => Ok(page(
            &ctx,
            &title,
            html! {
                h1 { (title) }
                (notice("ok", &ctx.t("reset-done")))
                p { a class="button" href="/login" { (ctx.t("nav-login")) } }
            },
        )),
        Err(ServiceError::NotFound) => Ok(page(
            &ctx,
            &title,
            html! {
                h1 { (title) }
                (notice("error", &ctx.t("reset-invalid")))
                p { a href="/password/forgot" { (ctx.t("login-forgot")) } }
            },
        )),
        Err(ServiceError::Invalid(m)) => {
            let action = format!("/password/reset/{token}");
            let msg = i18n::msg(ctx.lang, &m);
            Ok(page(
                &ctx,
                &title,
                new_password_form(&ctx, &action, &title, html! {}, None, Some(msg)),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn invitation_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let title = ctx.t("invite-title");
    let inv = match accounts::invitation(&state.db, &token, now()).await {
        Ok(inv) => inv,
        Err(ServiceError::NotFound) => {
            return Ok(page(
                &ctx,
                &title,
                html! { h1 { (title) } (notice("error", &ctx.t("invite-invalid"))) },
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let intro = html! {
        p { (ctx.t("invite-for")) " " strong { (inv.email) } " · " (ctx.t(&format!("role-{}", inv.role))) }
    };
    let action = format!("/invite/{token}");
    Ok(page(
        &ctx,
        &title,
        new_password_form(&ctx, &action, &title, intro, Some(""), None),
    ))
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
}

pub async fn accept_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm(f): CsrfForm<AcceptForm>,
) -> Result<Response, WebError> {
    let title = ctx.t("invite-title");
    match accounts::accept_invitation(
        &state.db,
        &token,
        &f.name,
        &f.password,
        ctx.lang.code(),
        now(),
    )
    .await
    {
        // Signed in at once, as after login.
        Ok(ok) => signed_in(&ctx, &state, &ok, "/").await,
        Err(ServiceError::NotFound) => Ok(page(
            &ctx,
            &title,
            html! { h1 { (title) } (notice("error", &ctx.t("invite-invalid"))) },
        )),
        Err(ServiceError::Invalid(m)) => {
            let msg = i18n::msg(ctx.lang, &m);
            let action = format!("/invite/{token}");
            Ok(page(
                &ctx,
                &title,
                new_password_form(&ctx, &action, &title, html! {}, Some(&f.name), Some(msg)),
            ))
        }
        Err(e) => Err(e.into()),
    }
}
