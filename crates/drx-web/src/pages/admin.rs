//! Accounts administration: the people list, creating accounts, invitations, roles, deactivation.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, notice, page};
use crate::{see_other, AppState};
use drx_core::auth::authorization::{can, Permission};
use drx_core::i18n;
use drx_core::model::Person;
use drx_core::now;
use drx_core::services::catalogue;
use drx_core::services::{accounts, ServiceError};
use drx_domain::Role;

/// What the create-account form had, so a refused post shows it again (nothing typed is lost).
#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role: Vec<String>,
}

fn roles_from(names: &[String]) -> Result<Vec<Role>, WebError> {
    names
        .iter()
        .map(|r| {
            Role::parse(r).ok_or(WebError::BadRequest {
                en: format!("Unknown role {r:?}."),
                zh: format!("未知角色 {r:?}。"),
            })
        })
        .collect()
}

fn organization_id(value: &str) -> Result<Option<i64>, WebError> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    value
        .trim()
        .parse::<i64>()
        .map(Some)
        .map_err(|_| WebError::BadRequest {
            en: "Unknown organization.".into(),
            zh: "未知机构。".into(),
        })
}

async fn people_body(
    ctx: &Ctx,
    state: &AppState,
    actor: &Person,
    form: &PersonForm,
    message: Option<(&str, String)>,
) -> Result<Markup, WebError> {
    let people = accounts::people(&state.db, actor).await?;
    let orgs = catalogue::organizations(&state.db).await?;
    let grantable: Vec<Role> = Role::ALL
        .iter()
        .copied()
        .filter(|r| can(actor, Permission::GrantRole(*r)))
        .collect();
    let org_select = |name: &str, selected: &str| {
        html! {
            select name=(name) id=(name) {
                option value="" { "—" }
                @for o in &orgs {
                    option value=(o.id) selected[selected == o.id.to_string()] { (ctx.pick(&o.name_en, &o.name_zh)) }
                }
            }
        }
    };
    Ok(html! {
        h1 { (ctx.t("people-title")) }
        (super::list_exports_links(ctx, "people", None))
        p { a href="/admin/invitations" { (ctx.t("invitations-title")) } }
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        div class="grid" {
            form method="post" action="/admin/people" class="stacked card" {
                h2 { (ctx.t("people-create")) }
                (csrf_field(ctx))
                label for="email" { (ctx.t("field-email")) }
                input type="email" id="email" name="email" value=(form.email) required maxlength="254";
                label for="name" { (ctx.t("field-name")) }
                input type="text" id="name" name="name" value=(form.name) required maxlength="100";
                label for="title" { (ctx.t("field-title")) }
                input type="text" id="title" name="title" value=(form.title) maxlength="200";
                label for="organization" { (ctx.t("field-organization")) }
                (org_select("organization", &form.organization))
                fieldset {
                    legend { (ctx.t("field-roles")) }
                    @for r in &grantable {
                        label { input type="checkbox" name="role" value=(r.as_str()) checked[form.role.iter().any(|x| x == r.as_str())]; " " (ctx.t(&format!("role-{r}"))) }
                    }
                }
                label for="password" { (ctx.t("field-initial-password")) }
                input type="password" id="password" name="password" required minlength="10" maxlength="200" autocomplete="new-password";
                p class="hint" { (ctx.t("password-hint")) }
                button type="submit" { (ctx.t("people-create")) }
            }
            form method="post" action="/admin/invitations" class="stacked card" {
                h2 { (ctx.t("invite-create")) }
                (csrf_field(ctx))
                p class="muted" { (ctx.t("invite-explain")) }
                label for="inv-email" { (ctx.t("field-email")) }
                input type="email" id="inv-email" name="email" required maxlength="254";
                label for="inv-role" { (ctx.t("field-role")) }
                select name="role" id="inv-role" {
                    @for r in &grantable { option value=(r.as_str()) { (ctx.t(&format!("role-{r}"))) } }
                }
                label for="inv-organization" { (ctx.t("field-organization")) }
                (org_select("organization", ""))
                button type="submit" { (ctx.t("invite-create")) }
            }
        }
        h2 { (ctx.t("people-all")) " (" (people.len()) ")" }
        div class="table-wrap" {
            table {
                thead { tr {
                    th { (ctx.t("field-name")) } th { (ctx.t("field-email")) } th { (ctx.t("field-organization")) }
                    th { (ctx.t("field-roles")) } th { (ctx.t("field-status")) }
                } }
                tbody {
                    @for p in &people {
                        tr {
                            td { a href={ "/admin/people/" (p.id) } { (p.name) } @if !p.title.is_empty() { br; span class="muted" { (p.title) } } }
                            td { (p.email) }
                            td { (ctx.pick(&p.organization_en, &p.organization_zh)) }
                            td { @for r in &p.roles { span class="pill" { (ctx.t(&format!("role-{r}"))) } } }
                            td {
                                @if p.active { (ctx.t("status-active")) } @else { span class="muted" { (ctx.t("status-inactive")) } }
                                @if can(actor, Permission::DeactivateAccounts) && p.id != actor.id {
                                    form method="post" action={ "/admin/people/" (p.id) "/active" } class="inline" {
                                        (csrf_field(ctx))
                                        input type="hidden" name="active" value=(if p.active { "0" } else { "1" });
                                        " "
                                        button type="submit" class="small secondary" {
                                            @if p.active { (ctx.t("deactivate")) } @else { (ctx.t("activate")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    })
}

fn require_admin_page(ctx: &Ctx) -> Result<&Person, WebError> {
    let user = ctx.require_user()?;
    if !can(user, Permission::ListAccounts) {
        return Err(WebError::Forbidden);
    }
    Ok(user)
}

pub async fn people_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let actor = require_admin_page(&ctx)?;
    let body = people_body(&ctx, &state, actor, &PersonForm::default(), None).await?;
    Ok(page(&ctx, &ctx.t("people-title"), body))
}

pub async fn create_person(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<PersonForm>,
) -> Result<Response, WebError> {
    let actor = require_admin_page(&ctx)?;
    let roles = roles_from(&f.role)?;
    let org = organization_id(&f.organization)?;
    let account = accounts::NewAccount {
        email: &f.email,
        name: &f.name,
        title: &f.title,
        organization_id: org,
        password: &f.password,
        locale: ctx.lang.code(),
        roles: &roles,
    };
    let (form, message) =
        match accounts::create_account(&state.db, Some(actor), &account, now()).await {
            Ok(_) => (
                PersonForm::default(),
                (
                    "ok",
                    i18n::t_args(ctx.lang, "people-created", &[("email", f.email.clone())]),
                ),
            ),
            Err(ServiceError::Invalid(m)) => (
                PersonForm {
                    password: String::new(),
                    ..f.clone()
                },
                ("error", i18n::msg(ctx.lang, &m)),
            ),
            Err(e) => return Err(e.into()),
        };
    let body = people_body(&ctx, &state, actor, &form, Some(message)).await?;
    Ok(page(&ctx, &ctx.t("people-title"), body))
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organization: String,
}

pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<InviteForm>,
) -> Result<Response, WebError> {
    let actor = require_admin_page(&ctx)?;
    let role = *roles_from(std::slice::from_ref(&f.role))?
        .first()
        .ok_or(WebError::NotFound)?;
    let org = organization_id(&f.organization)?;
    let message = match accounts::invite(
        &state.db,
        actor,
        &f.email,
        role,
        org,
        &state.config.base_url,
        now(),
    )
    .await
    {
        Ok(token) => {
            let link = format!(
                "{}/invite/{}",
                state.config.base_url.trim_end_matches('/'),
                token
            );
            (
                "ok",
                i18n::t_args(
                    ctx.lang,
                    "invite-created",
                    &[("email", f.email.clone()), ("link", link)],
                ),
            )
        }
        Err(ServiceError::Invalid(m)) => ("error", i18n::msg(ctx.lang, &m)),
        Err(e) => return Err(e.into()),
    };
    let body = people_body(&ctx, &state, actor, &PersonForm::default(), Some(message)).await?;
    Ok(page(&ctx, &ctx.t("people-title"), body))
}

#[derive(Deserialize)]
pub struct RolesForm {
    #[serde(default)]
    role: Vec<String>,
}

pub async fn set_roles(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<RolesForm>,
) -> Result<Response, WebError> {
    let actor = require_admin_page(&ctx)?;
    let roles = roles_from(&f.role)?;
    accounts::set_roles(&state.db, actor, id, &roles, now()).await?;
    Ok(see_other("/admin/people"))
}

#[derive(Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    active: String,
    /// "person" when the form is on the person's own page (it goes back there).
    #[serde(default)]
    back: String,
}

pub async fn set_active(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response, WebError> {
    let actor = require_admin_page(&ctx)?;
    accounts::set_active(&state.db, actor, id, f.active == "1", now()).await?;
    if f.back == "person" {
        return Ok(see_other(&format!("/admin/people/{id}")));
    }
    Ok(see_other("/admin/people"))
}
