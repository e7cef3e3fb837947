//! A call's committee page (`/calls/{id}/committee`): the judge pool with each judge's own
//! maximum load, the organizers (creator and co-organizers), the engineering teams taking part;
//! adding people already on the platform, inviting by email, removing, editing a load. Every
//! change goes through `services::committees`, which decides who may make it.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::now;
use drx_core::services::committees::{self as svc, Change, Invited, MAX_LOAD};
use drx_core::services::ServiceError;
use drx_domain::CallRole;

fn base(call_id: i64) -> String {
    format!("/calls/{call_id}/committee")
}

/// A one-button form posting one change.
fn change_button(ctx: &Ctx, call_id: i64, op: &str, id: i64, label: &str) -> Markup {
    html! {
        form method="post" action=(base(call_id)) class="inline" {
            (csrf_field(ctx))
            input type="hidden" name="op" value=(op);
            input type="hidden" name="id" value=(id);
            button type="submit" class="secondary" { (ctx.t(label)) }
        }
    }
}

async fn body(
    ctx: &Ctx,
    state: &AppState,
    call_id: i64,
    message: Option<String>,
) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    let c = svc::get(&state.db, user, call_id).await?;
    let cand = svc::candidates(&state.db, &c).await?;
    let pending = svc::pending_invitations(&state.db, user, call_id, now()).await?;
    let title = ctx.pick(&c.call.title_en, &c.call.title_zh).to_string();
    let editable = c.call.archived_at.is_none();
    let org = |en: &str, zh: &str| ctx.pick(en, zh).to_string();
    Ok(html! {
        p class="muted" { a href={ "/calls/" (call_id) } { (title) } }
        h1 { (ctx.t("committee-title")) }
        @if let Some(m) = message { (notice("error", &m)) }
        @if !editable { (notice("info", &ctx.t("error-call-archived"))) }
        section class="card" id="judges" {
            h2 { (ctx.t("committee-judges")) " (" (c.judges.len()) ")" }
            p class="hint" { (i18n::t_args(ctx.lang, "committee-load-hint", &[("max", c.call.judge_max_load.to_string())])) }
            @if c.judges.is_empty() { p class="muted" { (ctx.t("committee-no-judges")) } } @else {
                div class="table-wrap" { table {
                    thead { tr { th { (ctx.t("field-name")) } th { (ctx.t("field-organization")) } th { (ctx.t("committee-max-load")) } th {} } }
                    tbody { @for j in &c.judges { tr {
                        td { a href={ "/admin/people/" (j.person_id) } { (j.name) } br; span class="muted" { (j.email) } }
                        td { (org(&j.organization_en, &j.organization_zh)) }
                        td {
                            @if editable {
                                form method="post" action=(base(call_id)) class="inline" {
                                    (csrf_field(ctx))
                                    input type="hidden" name="op" value="set_load";
                                    input type="hidden" name="id" value=(j.person_id);
                                    input type="number" name="max_load" min="1" max=(MAX_LOAD) size="4"
                                        value=(j.max_load.map(|l| l.to_string()).unwrap_or_default())
                                        placeholder=(c.call.judge_max_load) aria-label=(ctx.t("committee-max-load"));
                                    " " button type="submit" class="secondary" { (ctx.t("save")) }
                                }
                            } @else {
                                (j.max_load.unwrap_or(c.call.judge_max_load))
                            }
                        }
                        td { @if editable { (change_button(ctx, call_id, "remove_judge", j.person_id, "committee-remove")) } }
                    } } }
                } }
            }
            @if editable {
                div class="grid" {
                    form method="post" action=(base(call_id)) class="stacked" {
                        (csrf_field(ctx))
                        input type="hidden" name="op" value="add_judge";
                        label for="add-judge" { (ctx.t("committee-add-judge")) }
                        select id="add-judge" name="id" {
                            @for p in &cand.judges { option value=(p.id) { (p.name) " · " (p.email) } }
                        }
                        button type="submit" disabled[cand.judges.is_empty()] { (ctx.t("committee-add")) }
                    }
                    (invite_form(ctx, call_id, CallRole::Judge))
                }
            }
        }
        section class="card" id="pending-invitations" {
            h2 { (ctx.t("committee-pending-invitations")) " (" (pending.len()) ")" }
            p class="hint" { (ctx.t("invitations-explain")) }
            (super::people::invitations_table(ctx, &pending, &|_| format!("{}/invitations", base(call_id))))
        }
        section class="card" id="organizers" {
            h2 { (ctx.t("committee-organizers")) }
            ul { @for o in &c.organizers {
                li {
                    (o.name) " · " span class="muted" { (o.email) }
                    @if Some(o.person_id) == c.creator_id { " " span class="pill" { (ctx.t("committee-creator")) } }
                    @else if editable && c.may_change_organizers {
                        " " (change_button(ctx, call_id, "remove_organizer", o.person_id, "committee-remove"))
                    }
                }
            } }
            @if !c.may_change_organizers { p class="hint" { (ctx.t("committee-organizers-hint")) } }
            @if editable && c.may_change_organizers {
                div class="grid" {
                    form method="post" action=(base(call_id)) class="stacked" {
                        (csrf_field(ctx))
                        input type="hidden" name="op" value="add_organizer";
                        label for="add-organizer" { (ctx.t("committee-add-organizer")) }
                        select id="add-organizer" name="id" {
                            @for p in &cand.organizers { option value=(p.id) { (p.name) " · " (p.email) } }
                        }
                        button type="submit" disabled[cand.organizers.is_empty()] { (ctx.t("committee-add")) }
                    }
                    (invite_form(ctx, call_id, CallRole::Organizer))
                }
            }
        }
        section class="card" id="teams" {
            h2 { (ctx.t("committee-teams")) " (" (c.teams.len()) ")" }
            @if c.teams.is_empty() { p class="muted" { (ctx.t("committee-no-teams")) } }
            ul { @for t in &c.teams {
                li {
                    a href={ "/teams/" (t.id) } { (ctx.pick(&t.name_en, &t.name_zh)) }
                    @if editable { " " (change_button(ctx, call_id, "remove_team", t.id, "committee-remove")) }
                }
            } }
            @if editable {
                form method="post" action=(base(call_id)) class="stacked" {
                    (csrf_field(ctx))
                    input type="hidden" name="op" value="add_team";
                    label for="add-team" { (ctx.t("committee-add-team")) }
                    select id="add-team" name="id" {
                        @for t in &cand.teams { option value=(t.id) { (ctx.pick(&t.name_en, &t.name_zh)) } }
                    }
                    button type="submit" disabled[cand.teams.is_empty()] { (ctx.t("committee-add")) }
                }
            }
        }
    })
}

fn invite_form(ctx: &Ctx, call_id: i64, role: CallRole) -> Markup {
    let id = format!("invite-{role}");
    html! {
        form method="post" action={ (base(call_id)) "/invite" } class="stacked" {
            (csrf_field(ctx))
            input type="hidden" name="role" value=(role.as_str());
            label for=(id) { (ctx.t(&format!("committee-invite-{role}"))) }
            input type="email" id=(id) name="email" required maxlength="254";
            p class="hint" { (ctx.t("committee-invite-hint")) }
            button type="submit" { (ctx.t("committee-invite")) }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    invited: Option<String>,
    /// After an invitation was sent again (`resent`) or revoked (`revoked`).
    #[serde(default)]
    done: Option<String>,
}

/// `GET /calls/{id}/committee`.
pub async fn committee_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let b = body(&ctx, &state, call_id, None).await?;
    let b = html! {
        @if q.invited.is_some() { (notice("success", &ctx.t("committee-invited"))) }
        @match q.done.as_deref() {
            Some("resent") => (notice("success", &ctx.t("committee-invitation-resent"))),
            Some("revoked") => (notice("success", &ctx.t("invitations-revoked"))),
            _ => {},
        }
        (b)
    };
    Ok(page(&ctx, &ctx.t("committee-title"), b))
}

/// The page again with the refusal's reason (422), or the error.
async fn refused_with(
    ctx: &Ctx,
    state: &AppState,
    call_id: i64,
    e: ServiceError,
) -> Result<Response, WebError> {
    match e {
        ServiceError::Invalid(m) => {
            let b = body(ctx, state, call_id, Some(i18n::msg(ctx.lang, &m))).await?;
            Ok(refused(ctx, &ctx.t("committee-title"), b))
        }
        e => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    max_load: String,
}

fn bad_form() -> WebError {
    WebError::BadRequest {
        en: "The committee form is not valid.".into(),
        zh: "委员会表单无效。".into(),
    }
}

impl ChangeForm {
    fn change(&self) -> Result<Result<Change, ServiceError>, WebError> {
        let id: i64 = self.id.trim().parse().map_err(|_| bad_form())?;
        let load = match self.max_load.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => return Ok(Err(ServiceError::invalid("error-call-number"))),
            },
        };
        Ok(Ok(match self.op.as_str() {
            "add_judge" => Change::AddJudge(id),
            "remove_judge" => Change::RemoveJudge(id),
            "set_load" => Change::SetLoad(id, load),
            "add_organizer" => Change::AddOrganizer(id),
            "remove_organizer" => Change::RemoveOrganizer(id),
            "add_team" => Change::AddTeam(id),
            "remove_team" => Change::RemoveTeam(id),
            _ => return Err(bad_form()),
        }))
    }
}

/// `POST /calls/{id}/committee`: one change.
pub async fn change(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<ChangeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Who may, before what they sent: a stranger learns nothing from the form's errors.
    drx_core::services::calls::authorize_manager(&state.db, user, call_id).await?;
    let result = match f.change()? {
        Ok(c) => svc::change(&state.db, user, call_id, &[c], now()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&base(call_id))),
        Err(e) => refused_with(&ctx, &state, call_id, e).await,
    }
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// `POST /calls/{id}/committee/invite`: adds the person at that address, or invites them.
pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<InviteForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    drx_core::services::calls::authorize_manager(&state.db, user, call_id).await?;
    let role = CallRole::parse(&f.role).ok_or_else(bad_form)?;
    let base_url = state.config.base_url.clone();
    match svc::invite(&state.db, user, call_id, &f.email, role, &base_url, now()).await {
        Ok(Invited::Added(_)) => Ok(see_other(&base(call_id))),
        Ok(Invited::Sent(_)) => Ok(see_other(&format!("{}?invited=1", base(call_id)))),
        Err(e) => refused_with(&ctx, &state, call_id, e).await,
    }
}

#[derive(Deserialize)]
pub struct InvitationForm {
    #[serde(default, rename = "do")]
    action: String,
    #[serde(default)]
    invitation: String,
}

/// `POST /calls/{id}/committee/invitations`: sends one of the call's pending invitations again
/// (a new link; the old one stops working) or revokes it.
pub async fn invitation_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<InvitationForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    drx_core::services::calls::authorize_manager(&state.db, user, call_id).await?;
    let id: i64 = f.invitation.trim().parse().map_err(|_| bad_form())?;
    let base_url = &state.config.base_url;
    let result = match f.action.as_str() {
        "resend" => svc::resend_invitation(&state.db, user, call_id, id, base_url, now())
            .await
            .map(|_| "resent"),
        "revoke" => svc::revoke_invitation(&state.db, user, call_id, id, now())
            .await
            .map(|()| "revoked"),
        _ => return Err(bad_form()),
    };
    match result {
        Ok(done) => Ok(see_other(&format!("{}?done={done}", base(call_id)))),
        Err(e) => refused_with(&ctx, &state, call_id, e).await,
    }
}
