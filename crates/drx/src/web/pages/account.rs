//! One's own account: who you are, your roles, and changing your password.
use axum::extract::State;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::i18n;
use crate::services::{accounts, ServiceError};
use crate::store::now;
use crate::web::ctx::Ctx;
use crate::web::error::WebError;
use crate::web::form::CsrfForm;
use crate::web::layout::{csrf_field, notice, page};
use crate::web::AppState;

fn account_body(ctx: &Ctx, message: Option<(&str, String)>) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    Ok(html! {
        h1 { (ctx.t("account-title")) }
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        div class="card" {
            p { strong { (user.name) } " · " (user.email) }
            @if !user.title.is_empty() { p class="muted" { (user.title) } }
            p { (ctx.pick(&user.organization_en, &user.organization_zh)) }
            p { @for r in &user.roles { span class="pill" { (ctx.t(&format!("role-{r}"))) } } }
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
    })
}

pub async fn account_page(ctx: Ctx) -> Result<Response, WebError> {
    let body = account_body(&ctx, None)?;
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
    let body = account_body(&ctx, Some(message))?;
    Ok(page(&ctx, &ctx.t("account-title"), body))
}
