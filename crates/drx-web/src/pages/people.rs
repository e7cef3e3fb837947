//! The page of one person for admins and organizers (organization, roles, calls, sessions,
//! invitations) and the invitations list (state, send again, revoke). A refused form comes back
//! on the same page with its reason (422).
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, datetime, notice, page, refused};
use crate::AppState;
use drx_core::i18n;
use drx_core::now;
use drx_core::services::catalogue;
use drx_core::services::people::{self, Invitation, PersonPage};
use drx_core::services::ServiceError;
use drx_domain::Role;

/// What the person form had, so a refused post shows it again.
#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    organization: String,
    #[serde(default)]
    role: Vec<String>,
}

impl PersonForm {
    fn of(p: &PersonPage) -> PersonForm {
        PersonForm {
            organization: p
                .person
                .organization_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            role: p
                .person
                .roles
                .iter()
                .map(|r| r.as_str().to_string())
                .collect(),
        }
    }
}

fn state_label(ctx: &Ctx, inv: &Invitation) -> Markup {
    let key = format!("invitation-state-{}", inv.state.as_str());
    html! { span class={ "pill state-" (inv.state.as_str()) } { (ctx.t(&key)) } }
}

/// The invitations as a table, with their actions: each row's form posts `do` (resend or
/// revoke) and `invitation` (its id) to `post_to(id)`.
pub(crate) fn invitations_table(
    ctx: &Ctx,
    invitations: &[Invitation],
    post_to: &dyn Fn(i64) -> String,
) -> Markup {
    html! {
        @if invitations.is_empty() {
            p class="muted" { (ctx.t("invitations-none")) }
        } @else {
            div class="table-wrap" {
                table {
                    thead { tr {
                        th { (ctx.t("field-email")) } th { (ctx.t("field-role")) }
                        th { (ctx.t("field-organization")) } th { (ctx.t("invitations-by")) }
                        th { (ctx.t("invitations-sent")) } th { (ctx.t("field-status")) } th {}
                    } }
                    tbody {
                        @for inv in invitations {
                            @let row = &inv.row;
                            tr {
                                td { (row.email) }
                                td { (ctx.t(&format!("role-{}", row.role))) }
                                td { (ctx.pick(&row.organization_en, &row.organization_zh)) }
                                td { (row.invited_by_name) }
                                td { (datetime(row.sent_at)) }
                                td {
                                    (state_label(ctx, inv))
                                    @if inv.state == people::InvitationState::Pending {
                                        br; span class="muted" { (ctx.t("invitations-until")) " " (datetime(row.expires_at)) }
                                    }
                                }
                                td {
                                    @if inv.state.may_resend() || inv.state.may_revoke() {
                                        form method="post" action=(post_to(row.id)) class="inline" {
                                            (csrf_field(ctx))
                                            input type="hidden" name="invitation" value=(row.id);
                                            @if inv.state.may_resend() {
                                                button type="submit" name="do" value="resend" class="small secondary" { (ctx.t("invitations-resend")) }
                                            }
                                            " "
                                            @if inv.state.may_revoke() {
                                                button type="submit" name="do" value="revoke" class="small secondary" { (ctx.t("invitations-revoke")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn invitations_body(
    ctx: &Ctx,
    state: &AppState,
    message: Option<(&str, String)>,
) -> Result<Markup, WebError> {
    let actor = ctx.require_user()?;
    let invitations = people::invitations(&state.db, actor, now()).await?;
    Ok(html! {
        p { a href="/admin/people" { "← " (ctx.t("people-title")) } }
        h1 { (ctx.t("invitations-title")) }
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        p class="muted" { (ctx.t("invitations-explain")) }
        (invitations_table(ctx, &invitations, &|id| format!("/admin/invitations/{id}")))
    })
}

pub async fn invitations_page(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Response, WebError> {
    let body = invitations_body(&ctx, &state, None).await?;
    Ok(page(&ctx, &ctx.t("invitations-title"), body))
}

/// An action's outcome as the notice above its page, and whether it was refused.
fn outcome_notice(
    ctx: &Ctx,
    outcome: Result<String, ServiceError>,
) -> Result<((&'static str, String), bool), WebError> {
    match outcome {
        Ok(text) => Ok((("ok", text), false)),
        Err(ServiceError::Invalid(m)) => Ok((("error", i18n::msg(ctx.lang, &m)), true)),
        Err(e) => Err(e.into()),
    }
}

/// A page after its form: 200, or 422 when the form was refused (the reason is in `body`).
fn shown(ctx: &Ctx, title: &str, body: Markup, was_refused: bool) -> Response {
    if was_refused {
        refused(ctx, title, body)
    } else {
        page(ctx, title, body)
    }
}

/// The invitations page after an action: its outcome above the list.
async fn after_invitation_action(
    ctx: &Ctx,
    state: &AppState,
    outcome: Result<String, ServiceError>,
) -> Result<Response, WebError> {
    let (message, was_refused) = outcome_notice(ctx, outcome)?;
    let body = invitations_body(ctx, state, Some(message)).await?;
    Ok(shown(ctx, &ctx.t("invitations-title"), body, was_refused))
}

/// The person page after one of its forms: the outcome above it, and the form as typed when
/// it was refused.
async fn after_person_action(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    outcome: Result<String, ServiceError>,
    typed: Option<PersonForm>,
) -> Result<Response, WebError> {
    let actor = ctx.require_user()?;
    let (message, was_refused) = outcome_notice(ctx, outcome)?;
    let p = people::person_page(&state.db, actor, id, now()).await?;
    let form = match typed {
        Some(f) if was_refused => f,
        _ => PersonForm::of(&p),
    };
    let body = person_body(ctx, state, &p, &form, Some(message)).await?;
    Ok(shown(ctx, &p.person.name, body, was_refused))
}

#[derive(Deserialize)]
pub struct InvitationAction {
    /// "resend" or "revoke".
    #[serde(default, rename = "do")]
    action: String,
}

/// Sends an invitation again (a new link; the old one stops working) or revokes it.
pub async fn invitation_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<InvitationAction>,
) -> Result<Response, WebError> {
    let actor = ctx.require_user()?;
    let base_url = &state.config.base_url;
    let outcome = match f.action.as_str() {
        "resend" => people::resend_invitation(&state.db, actor, id, base_url, now())
            .await
            .map(|token| {
                let link = format!("{}/invite/{}", base_url.trim_end_matches('/'), token);
                i18n::t_args(ctx.lang, "invitations-resent", &[("link", link)])
            }),
        "revoke" => people::revoke_invitation(&state.db, actor, id, now())
            .await
            .map(|()| ctx.t("invitations-revoked")),
        _ => Err(ServiceError::invalid("error-bad-choice")),
    };
    after_invitation_action(&ctx, &state, outcome).await
}

async fn person_body(
    ctx: &Ctx,
    state: &AppState,
    p: &PersonPage,
    form: &PersonForm,
    message: Option<(&str, String)>,
) -> Result<Markup, WebError> {
    let person = &p.person;
    let orgs = catalogue::organizations(&state.db).await?;
    // The current organization stays offered even when it is no longer active.
    let current_missing = person
        .organization_id
        .filter(|id| !orgs.iter().any(|o| o.id == *id));
    let call_role_key = |role: &str| format!("people-call-{role}");
    Ok(html! {
        p { a href="/admin/people" { "← " (ctx.t("people-title")) } }
        h1 { (person.name) }
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        dl class="facts" {
            dt { (ctx.t("field-email")) } dd { (person.email) }
            @if !person.title.is_empty() { dt { (ctx.t("field-title")) } dd { (person.title) } }
            dt { (ctx.t("field-organization")) } dd { (ctx.pick(&person.organization_en, &person.organization_zh)) }
            dt { (ctx.t("field-roles")) }
            dd { @for r in &person.roles { span class="pill" { (ctx.t(&format!("role-{r}"))) } " " } }
            dt { (ctx.t("field-status")) }
            dd { @if person.active { (ctx.t("status-active")) } @else { (ctx.t("status-inactive")) } }
        }
        @if p.may_change {
            form method="post" action={ "/admin/people/" (person.id) } class="stacked card" {
                h2 { (ctx.t("people-change")) }
                (csrf_field(ctx))
                label for="organization" { (ctx.t("field-organization")) }
                select name="organization" id="organization" {
                    option value="" { "—" }
                    @if let Some(id) = current_missing {
                        option value=(id) selected[form.organization == id.to_string()] {
                            (ctx.pick(&person.organization_en, &person.organization_zh))
                        }
                    }
                    @for o in &orgs {
                        option value=(o.id) selected[form.organization == o.id.to_string()] { (ctx.pick(&o.name_en, &o.name_zh)) }
                    }
                }
                fieldset {
                    legend { (ctx.t("field-roles")) }
                    @for r in &p.grantable {
                        label { input type="checkbox" name="role" value=(r.as_str()) checked[form.role.iter().any(|x| x == r.as_str())]; " " (ctx.t(&format!("role-{r}"))) }
                    }
                }
                button type="submit" { (ctx.t("save")) }
            }
        } @else {
            p class="muted" { (ctx.t("people-admin-only")) }
        }
        h2 { (ctx.t("people-calls")) }
        @if p.calls.is_empty() {
            p class="muted" { (ctx.t("people-no-calls")) }
        } @else {
            ul {
                @for c in &p.calls {
                    li {
                        a href={ "/calls/" (c.call_id) } { (ctx.pick(&c.title_en, &c.title_zh)) }
                        " · " (ctx.t(&call_role_key(&c.role)))
                    }
                }
            }
        }
        h2 { (ctx.t("people-sessions")) }
        p { (i18n::t_args(ctx.lang, "people-live-sessions", &[("n", p.live_sessions.to_string())])) }
        @if p.may_deactivate {
            div class="actions" {
                form method="post" action={ "/admin/people/" (person.id) "/sessions" } class="inline" {
                    (csrf_field(ctx))
                    button type="submit" class="secondary" { (ctx.t("people-sign-out-everywhere")) }
                }
                " "
                form method="post" action={ "/admin/people/" (person.id) "/active" } class="inline" {
                    (csrf_field(ctx))
                    input type="hidden" name="active" value=(if person.active { "0" } else { "1" });
                    input type="hidden" name="back" value="person";
                    button type="submit" class="secondary" {
                        @if person.active { (ctx.t("deactivate")) } @else { (ctx.t("activate")) }
                    }
                }
            }
        }
        h2 { (ctx.t("invitations-title")) }
        (invitations_table(ctx, &p.invitations, &|id| format!("/admin/invitations/{id}")))
    })
}

pub async fn person_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let actor = ctx.require_user()?;
    let p = people::person_page(&state.db, actor, id, now()).await?;
    let body = person_body(&ctx, &state, &p, &PersonForm::of(&p), None).await?;
    Ok(page(&ctx, &p.person.name, body))
}

fn organization_id(value: &str) -> Result<Option<i64>, ServiceError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<i64>()
        .map(Some)
        .map_err(|_| ServiceError::invalid("people-refused-organization"))
}

fn roles_of(names: &[String]) -> Result<Vec<Role>, ServiceError> {
    names
        .iter()
        .map(|r| Role::parse(r).ok_or(ServiceError::invalid("error-bad-choice")))
        .collect()
}

pub async fn save_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PersonForm>,
) -> Result<Response, WebError> {
    let actor = ctx.require_user()?;
    let outcome = match (organization_id(&f.organization), roles_of(&f.role)) {
        (Ok(org), Ok(roles)) => people::update_person(&state.db, actor, id, org, &roles, now())
            .await
            .map(|()| ctx.t("people-saved")),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    after_person_action(&ctx, &state, id, outcome, Some(f)).await
}

pub async fn sign_out_everywhere(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let actor = ctx.require_user()?;
    let ended = people::sign_out_everywhere(&state.db, actor, id, now()).await?;
    let text = i18n::t_args(ctx.lang, "people-signed-out", &[("n", ended.to_string())]);
    after_person_action(&ctx, &state, id, Ok(text), None).await
}
