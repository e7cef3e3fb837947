//! Roadshow pages: the list, one event with its agenda, registration and registrants, the
//! organizer's forms, and the calendar file (`/events/{id}.ics`).
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, datetime, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::model::Event;
use drx_core::now;
use drx_core::services::roadshows::{self as svc, clock, local_input, EventInput};
use drx_core::services::ServiceError;

fn when(e: &Event) -> String {
    format!("{} – {}", datetime(e.starts_at), clock(e.ends_at))
}

fn event_row(ctx: &Ctx, e: &Event) -> Markup {
    html! { tr {
        td { a href={ "/events/" (e.id) } { (e.title) } br; span class="muted" { (ctx.pick(&e.call_en, &e.call_zh)) } }
        td { (when(e)) }
        td { (e.location) }
        td { (i18n::t_args(ctx.lang, "roadshow-count", &[("n", e.registrations.to_string())])) }
    } }
}

/// Every roadshow, upcoming first, for anyone.
pub async fn list(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let events = svc::list(&state.db).await?;
    let can_create = match &ctx.user {
        Some(u) => !svc::calls_for_events(&state.db, u).await?.is_empty(),
        None => false,
    };
    let t = now();
    let (upcoming, past): (Vec<&Event>, Vec<&Event>) = events.iter().partition(|e| e.ends_at > t);
    let table = |rows: &[&Event]| {
        html! { div class="table-wrap" { table {
            thead { tr { th { (ctx.t("field-roadshow-title")) } th { (ctx.t("roadshow-when")) } th { (ctx.t("roadshow-where")) } th { (ctx.t("roadshow-registrants")) } } }
            tbody { @for e in rows { (event_row(&ctx, e)) } }
        } } }
    };
    let body = html! {
        h1 { (ctx.t("roadshows-title")) }
        p class="muted" { (ctx.t("roadshow-help")) }
        @if can_create { p { a class="button" href="/events/new" { (ctx.t("roadshow-new")) } } }
        h2 { (ctx.t("roadshow-upcoming")) }
        @if upcoming.is_empty() { p class="muted" { (ctx.t("roadshow-none")) } } @else { (table(&upcoming)) }
        @if !past.is_empty() {
            h2 { (ctx.t("roadshow-past")) }
            (table(&past))
        }
    };
    Ok(page(&ctx, &ctx.t("roadshows-title"), body))
}

/// The event form as posted (shown again whole when refused).
#[derive(Deserialize, Default, Clone)]
pub struct EventForm {
    #[serde(default)]
    call: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
}

async fn new_form(
    ctx: &Ctx,
    state: &AppState,
    f: &EventForm,
    error: Option<String>,
) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    let calls = svc::calls_for_events(&state.db, user).await?;
    if calls.is_empty() {
        return Err(WebError::Forbidden);
    }
    Ok(html! {
        p { a href="/events" { "← " (ctx.t("roadshows-title")) } }
        h1 { (ctx.t("roadshow-new")) }
        @if let Some(e) = &error { (notice("error", e)) }
        form method="post" action="/events" class="stacked card" {
            (csrf_field(ctx))
            label for="call" { (ctx.t("roadshow-call")) }
            select id="call" name="call" {
                @for (id, en, zh) in &calls {
                    option value=(id) selected[f.call == id.to_string()] { (ctx.pick(en, zh)) }
                }
            }
            label for="title" { (ctx.t("field-roadshow-title")) }
            input type="text" id="title" name="title" required maxlength="200" value=(f.title);
            label for="location" { (ctx.t("field-roadshow-location")) }
            input type="text" id="location" name="location" maxlength="200" value=(f.location);
            label for="starts" { (ctx.t("roadshow-starts")) }
            input type="datetime-local" id="starts" name="starts" required value=(f.starts);
            label for="ends" { (ctx.t("roadshow-ends")) }
            input type="datetime-local" id="ends" name="ends" required value=(f.ends);
            p class="hint" { (ctx.t("roadshow-time-hint")) }
            label for="description" { (ctx.t("field-roadshow-description")) }
            textarea id="description" name="description" rows="4" maxlength="4000" { (f.description) }
            button type="submit" { (ctx.t("roadshow-create")) }
        }
    })
}

/// The organizer's form for a new roadshow.
pub async fn new_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let body = new_form(&ctx, &state, &EventForm::default(), None).await?;
    Ok(page(&ctx, &ctx.t("roadshow-new"), body))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<EventForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let input = EventInput {
        call_id: f.call.trim().parse().unwrap_or(0),
        title: f.title.clone(),
        location: f.location.clone(),
        description: f.description.clone(),
        starts: f.starts.clone(),
        ends: f.ends.clone(),
    };
    match svc::create(&state.db, user, &input, now()).await {
        Ok(id) => Ok(see_other(&format!("/events/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            let body = new_form(&ctx, &state, &f, Some(i18n::msg(ctx.lang, &m))).await?;
            Ok(refused(&ctx, &ctx.t("roadshow-new"), body))
        }
        Err(e) => Err(e.into()),
    }
}

/// What the agenda form sends.
#[derive(Deserialize, Default, Clone)]
pub struct AgendaForm {
    #[serde(default)]
    submission: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
}

async fn event_body(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    typed: &AgendaForm,
    error: Option<String>,
) -> Result<(String, Markup), WebError> {
    let v = svc::view(&state.db, ctx.user.as_ref(), id).await?;
    let e = &v.event;
    let over = e.ends_at <= now();
    let slot_start = if typed.starts.is_empty() {
        local_input(v.agenda.last().map(|a| a.ends_at).unwrap_or(e.starts_at))
    } else {
        typed.starts.clone()
    };
    let body = html! {
        p { a href="/events" { "← " (ctx.t("roadshows-title")) } }
        h1 { (e.title) }
        div class="table-wrap" { table class="meta" { tbody {
            tr { th { (ctx.t("roadshow-call")) } td { (ctx.pick(&e.call_en, &e.call_zh)) } }
            tr { th { (ctx.t("roadshow-when")) } td { (when(e)) " " span class="muted" { (ctx.t("roadshow-time-hint")) } } }
            @if !e.location.is_empty() { tr { th { (ctx.t("roadshow-where")) } td { (e.location) } } }
        } } }
        @if !e.description.is_empty() { p class="prewrap" { (e.description) } }
        p { a href={ "/events/" (e.id) ".ics" } { (ctx.t("roadshow-ics")) } }
        div class="card" {
            @match &ctx.user {
                Some(_) if v.registered => {
                    p { (ctx.t("roadshow-registered")) }
                    form method="post" action={ "/events/" (e.id) "/unregister" } class="inline" {
                        (csrf_field(ctx)) button type="submit" class="secondary" { (ctx.t("roadshow-unregister")) }
                    }
                }
                Some(_) if !over => {
                    form method="post" action={ "/events/" (e.id) "/register" } class="inline" {
                        (csrf_field(ctx)) button type="submit" { (ctx.t("roadshow-register")) }
                    }
                }
                Some(_) => {}
                None => { p { a href={ "/login?next=/events/" (e.id) } { (ctx.t("roadshow-login-to-register")) } } }
            }
            " " span class="muted" { (i18n::t_args(ctx.lang, "roadshow-count", &[("n", e.registrations.to_string())])) }
        }
        h2 { (ctx.t("roadshow-agenda")) }
        @if v.names_hidden { p class="muted" { (ctx.t("roadshow-blind")) } }
        @if v.agenda.is_empty() { p class="muted" { (ctx.t("roadshow-agenda-none")) } }
        @else {
            div class="table-wrap" { table class="agenda" {
                thead { tr {
                    th { (ctx.t("roadshow-slot")) }
                    th { (ctx.t("roadshow-finalist")) }
                    @if !v.names_hidden { th { (ctx.t("roadshow-presenter")) } }
                    @if v.manage { th {} }
                } }
                tbody { @for a in &v.agenda { tr {
                    td class="slot" { (clock(a.starts_at)) "–" (clock(a.ends_at)) }
                    td { @if v.manage { a href={ "/submissions/" (a.submission_id) } { (a.title) } } @else { (a.title) } }
                    @if !v.names_hidden { td { (a.presenter) " · " span class="muted" { (ctx.pick(&a.organization_en, &a.organization_zh)) } } }
                    @if v.manage { td {
                        form method="post" action={ "/events/" (e.id) "/agenda/" (a.id) "/delete" } class="inline" {
                            (csrf_field(ctx)) button type="submit" class="small secondary" { (ctx.t("roadshow-remove")) }
                        }
                    } }
                } } }
            } }
        }
        @if v.manage {
            div class="card" id="agenda-form" {
                h3 { (ctx.t("roadshow-agenda-add")) }
                @if let Some(err) = &error { (notice("error", err)) }
                @if v.finalists.is_empty() { p class="muted" { (ctx.t("roadshow-no-finalists")) } }
                @else {
                    form method="post" action={ "/events/" (e.id) "/agenda" } class="stacked" {
                        (csrf_field(ctx))
                        label for="submission" { (ctx.t("roadshow-finalist")) }
                        select id="submission" name="submission" {
                            @for (sid, title) in &v.finalists {
                                option value=(sid) selected[typed.submission == sid.to_string()] { "#" (sid) " " (title) }
                            }
                        }
                        label for="starts" { (ctx.t("roadshow-starts")) }
                        input type="datetime-local" id="starts" name="starts" required value=(slot_start);
                        label for="ends" { (ctx.t("roadshow-ends")) }
                        input type="datetime-local" id="ends" name="ends" required value=(typed.ends);
                        p class="hint" { (ctx.t("roadshow-time-hint")) }
                        button type="submit" { (ctx.t("roadshow-agenda-add")) }
                    }
                }
            }
            h2 { (ctx.t("roadshow-registrants")) }
            @if v.registrants.is_empty() { p class="muted" { (ctx.t("roadshow-registrants-none")) } }
            @else {
                div class="table-wrap" { table {
                    thead { tr { th { (ctx.t("field-name")) } th { (ctx.t("roadshow-email")) } th { (ctx.t("roadshow-organization")) } th { (ctx.t("roadshow-registered-at")) } } }
                    tbody { @for r in &v.registrants { tr {
                        td { (r.name) } td { (r.email) }
                        td { (ctx.pick(&r.organization_en, &r.organization_zh)) }
                        td class="muted" { (datetime(r.registered_at)) }
                    } } }
                } }
            }
        }
    };
    Ok((e.title.clone(), body))
}

/// `/events/{id}`: the event page; `/events/{id}.ics`: its calendar file. Open to everyone.
pub async fn event_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, WebError> {
    if let Some(id) = raw.strip_suffix(".ics") {
        let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
        return calendar(&ctx, &state, id).await;
    }
    let id: i64 = raw.parse().map_err(|_| WebError::NotFound)?;
    let (title, body) = event_body(&ctx, &state, id, &AgendaForm::default(), None).await?;
    Ok(page(&ctx, &title, body))
}

async fn calendar(ctx: &Ctx, state: &AppState, id: i64) -> Result<Response, WebError> {
    let text = svc::calendar(
        &state.db,
        ctx.user.as_ref(),
        id,
        ctx.lang,
        &state.config.base_url,
        now(),
    )
    .await?;
    Ok(crate::download::attachment(
        text,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
        crate::download::plain_disposition(&format!("drx-roadshow-{id}.ics")),
        false,
    ))
}

pub async fn register(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let back = format!("/events/{id}");
    svc::register(&state.db, user, id, &state.config.base_url, now())
        .await
        .map_err(WebError::back_to(&ctx, &back))?;
    Ok(see_other(&back))
}

pub async fn unregister(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let back = format!("/events/{id}");
    svc::unregister(&state.db, user, id)
        .await
        .map_err(WebError::back_to(&ctx, &back))?;
    Ok(see_other(&back))
}

pub async fn add_to_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AgendaForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let submission: i64 = f.submission.trim().parse().unwrap_or(0);
    match svc::add_to_agenda(&state.db, user, id, submission, &f.starts, &f.ends, now()).await {
        Ok(_) => Ok(see_other(&format!("/events/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            let (title, body) =
                event_body(&ctx, &state, id, &f, Some(i18n::msg(ctx.lang, &m))).await?;
            Ok(refused(&ctx, &title, body))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_from_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, item)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let back = format!("/events/{id}");
    svc::remove_from_agenda(&state.db, user, id, item, now())
        .await
        .map_err(WebError::back_to(&ctx, &back))?;
    Ok(see_other(&back))
}
