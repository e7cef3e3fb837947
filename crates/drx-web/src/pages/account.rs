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
use drx_core::services::{accounts, api_tokens, Msg, ServiceError};

async fn account_body(
    ctx: &Ctx,
    state: &AppState,
    message: Option<(&str, String)>,
    new_token: Option<&str>,
) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    let tokens = api_tokens::list(&state.db, user).await?;
    let older = api_tokens::older_than_password(&state.db, user)
        .await?
        .len();
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
        (tokens_section(ctx, &tokens, new_token, older))
    })
}

fn tokens_section(ctx: &Ctx, tokens: &[ApiToken], new_token: Option<&str>, older: usize) -> Markup {
    let when = |t: Option<i64>| t.map(datetime).unwrap_or_else(|| ctx.t("api-token-never"));
    let now = now();
    html! {
        h2 id="api-tokens" { (ctx.t("api-tokens")) }
        p class="muted" { (ctx.t("api-tokens-help")) " "
            a href="/api/v1/openapi.json" { (ctx.t("api-docs")) } }
        @if let Some(secret) = new_token {
            (notice("ok", &ctx.t("api-token-created")))
            p { code class="token" { (secret) } }
        }
        @if older > 0 {
            div class="notice warn" id="older-tokens" {
                p { (i18n::msg(ctx.lang, &Msg::new("api-token-older").arg("count", older))) }
                form method="post" action="/account/tokens/revoke-older" {
                    (csrf_field(ctx))
                    button type="submit" { (ctx.t("api-token-revoke-older")) }
                }
            }
        }
        @if tokens.is_empty() { p class="muted" { (ctx.t("api-token-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("api-token-name")) } th { (ctx.t("api-token-scope")) }
                    th { (ctx.t("api-token-created-at")) } th { (ctx.t("api-token-last-used")) }
                    th { (ctx.t("api-token-expires")) } th {} } }
                tbody { @for t in tokens { tr {
                    td { (t.name) }
                    td { (ctx.t(&format!("api-token-scope-{}", t.scope))) }
                    td { (datetime(t.created_at)) }
                    td { (when(t.last_used_at)) }
                    td { (when(t.expires_at)) }
                    td { @if let Some(r) = t.revoked_at {
                        span class="pill" { (ctx.t("api-token-revoked")) " " (datetime(r)) }
                    } @else if t.expires_at.is_some_and(|e| e <= now) {
                        span class="pill" { (ctx.t("api-token-expired")) }
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
            label for="token-scope" { (ctx.t("api-token-scope")) }
            select id="token-scope" name="scope" {
                option value="read" { (ctx.t("api-token-scope-read")) }
                option value="write" selected { (ctx.t("api-token-scope-write")) }
            }
            label for="token-days" { (ctx.t("api-token-days")) }
            input type="number" id="token-days" name="days" min="1" max=(api_tokens::MAX_DAYS)
                value=(api_tokens::DEFAULT_DAYS) required;
            button type="submit" { (ctx.t("api-token-create")) }
        }
    }
}

#[derive(Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    days: String,
}

impl NewToken {
    /// What the form asks for; a missing field takes the default, a wrong one is refused.
    fn grant(&self) -> Result<api_tokens::Grant, ServiceError> {
        let mut grant = api_tokens::Grant::default();
        if !self.scope.is_empty() {
            grant.scope = drx_domain::TokenScope::parse(&self.scope)
                .ok_or_else(|| ServiceError::invalid("error-bad-choice"))?;
        }
        if !self.days.trim().is_empty() {
            grant.days = self.days.trim().parse().map_err(|_| {
                ServiceError::Invalid(
                    Msg::new("api-token-bad-days").arg("max", api_tokens::MAX_DAYS),
                )
            })?;
        }
        Ok(grant)
    }
}

pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<NewToken>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let created = match f.grant() {
        Ok(grant) => api_tokens::create(&state.db, user, &f.name, grant, now()).await,
        Err(e) => Err(e),
    };
    let (message, secret) = match created {
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

/// Revokes the tokens made before the password last changed (the account page's offer).
pub async fn revoke_older_tokens(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let n = api_tokens::revoke_older_than_password(&state.db, user, now()).await?;
    let message = i18n::msg(
        ctx.lang,
        &Msg::new("api-token-revoked-older").arg("count", n),
    );
    let body = account_body(&ctx, &state, Some(("ok", message)), None).await?;
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
