//! One's own account: who you are, your roles, changing your password, and personal API tokens.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, datetime, notice, page};
use crate::AppState;
use drx_core::i18n;
use drx_core::model::ApiToken;
use drx_core::now;
use drx_core::services::{accounts, api_tokens, ServiceError};

async fn account_body(
    ctx: &Ctx,
    state: &AppState,
    message: Option<(&str, String)>,
    new_token: Option<&str>,
) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    let tokens = api_tokens::list(&state.db, user).await?;
    Ok(html! {
        h1 { (ctx.t("account-title")) }
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        div class="card" {
            p { strong { (user.name) } " · " (user.email) }
            @if !user.title.is_empty() { p class="muted" { (user.title) } }
            p { (ctx.pick(&user.organization_en, &user.organization_zh)) }
            p { @for r in &user.roles { span class="pill" { (ctx.t(&format!("role-{r}"))) } } }
            @if drx_core::auth::authorization::can_keep_profile(user) {
                p { a href="/account/profile" { (ctx.t("profile-link")) " →" } }
            }
        }
        h2 { (ctx.t("password-change")) }
        form method="post" action="/account/password" class="stacked card" {
            (csrf_field(ctx))
            label for="current" { (ctx.t("field-current-password")) }
            input type="password" id="current" name="current" required autocomplete="current-password" maxlength="200";
            label for="password" { (ctx.t("field-new-password")) }
            input type="password" id="password" name="password" required minlength="10" maxlength="200" autocomplete="new-password";
            p class="hint" { (ctx.t("password-hint")) }
            button type="submit" { (ctx.t("save")) }
        }
        (tokens_section(ctx, &tokens, new_token))
    })
}

fn tokens_section(ctx: &Ctx, tokens: &[ApiToken], new_token: Option<&str>) -> Markup {
    let when = |t: Option<i64>| t.map(datetime).unwrap_or_else(|| ctx.t("api-token-never"));
    html! {
        h2 id="api-tokens" { (ctx.t("api-tokens")) }
        p class="muted" { (ctx.t("api-tokens-help")) " "
            a href="/api/v1/openapi.json" { (ctx.t("api-docs")) } }
        @if let Some(secret) = new_token {
            (notice("ok", &ctx.t("api-token-created")))
            p { code class="token" { (secret) } }
        }
        @if tokens.is_empty() { p class="muted" { (ctx.t("api-token-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("api-token-name")) } th { (ctx.t("api-token-created-at")) }
                    th { (ctx.t("api-token-last-used")) } th {} } }
                tbody { @for t in tokens { tr {
                    td { (t.name) }
                    td { (datetime(t.created_at)) }
                    td { (when(t.last_used_at)) }
                    td { @if let Some(r) = t.revoked_at {
                        span class="pill" { (ctx.t("api-token-revoked")) " " (datetime(r)) }
                    } @else {
                        form method="post" action={ "/account/tokens/" (t.id) "/revoke" } {
                            (csrf_field(ctx))
                            button type="submit" class="secondary" { (ctx.t("api-token-revoke")) }
                        }
                    } }
                } } }
            } }
        }
        form method="post" action="/account/tokens" class="stacked card" {
            (csrf_field(ctx))
            label for="token-name" { (ctx.t("api-token-name")) }
            input type="text" id="token-name" name="name" required maxlength="100";
            button type="submit" { (ctx.t("api-token-create")) }
        }
    }
}

#[derive(Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
}

pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<NewToken>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (message, secret) = match api_tokens::create(&state.db, user, &f.name, now()).await {
        Ok((_, secret)) => (None, Some(secret)),
        Err(ServiceError::Invalid(m)) => (Some(("error", i18n::msg(ctx.lang, &m))), None),
        Err(e) => return Err(e.into()),
    };
    let body = account_body(&ctx, &state, message, secret.as_deref()).await?;
    Ok(page(&ctx, &ctx.t("account-title"), body))
}

pub async fn revoke_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Only one's own tokens can be revoked; any other id is simply not among them.
    let message = match api_tokens::revoke(&state.db, user, id, now()).await {
        Ok(()) => ("ok", ctx.t("api-token-revoked-ok")),
        Err(ServiceError::NotFound) => ("error", ctx.t("api-token-not-found")),
        Err(e) => return Err(e.into()),
    };
    let body = account_body(&ctx, &state, Some(message), None).await?;
    Ok(page(&ctx, &ctx.t("account-title"), body))
}

pub async fn account_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let body = account_body(&ctx, &state, None, None).await?;
    Ok(page(&ctx, &ctx.t("account-title"), body))
}

#[derive(Deserialize)]
pub struct PasswordChange {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
}

pub async fn change_password(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<PasswordChange>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let token = ctx.session_token.clone().unwrap_or_default();
    let message =
        match accounts::change_password(&state.db, user, &f.current, &f.password, &token, now())
            .await
        {
            Ok(()) => ("ok", ctx.t("password-changed")),
            Err(ServiceError::Invalid(m)) => ("error", i18n::msg(ctx.lang, &m)),
            Err(e) => return Err(e.into()),
        };
    let body = account_body(&ctx, &state, Some(message), None).await?;
    Ok(page(&ctx, &ctx.t("account-title"), body))
}
