//! The public side of calls, readable without an account: `/open-calls` (open and past calls)
//! and `/open-calls/{id}` (one call: texts, phases and dates in the call's zone, rubric, fields,
//! eligibility, FAQ, how to take part, and its results once published). What is shown is
//! decided by `services::open_calls`; these pages only render it.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::page;
use crate::AppState;
use drx_core::model::CallSummary;
use drx_core::services::calls::{minute_text, zone_offset};
use drx_core::services::open_calls::{self as svc, PublicCall, ShownFinalist};
use drx_domain::Role;

pub async fn list_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let lists = svc::lists(&state.db).await?;
    let title = ctx.t("open-calls-title");
    let body = html! {
        h1 { (title) }
        p class="muted" { (ctx.t("open-calls-lead")) }
        h2 { (ctx.t("open-calls-open")) }
        (calls_list(&ctx, &lists.open, "open-calls-none-open"))
        h2 { (ctx.t("open-calls-past")) }
        (calls_list(&ctx, &lists.past, "open-calls-none-past"))
    };
    Ok(page(&ctx, &title, body))
}

/// A list of calls linking to their public pages.
pub fn calls_list(ctx: &Ctx, calls: &[CallSummary], none: &str) -> Markup {
    html! {
        @if calls.is_empty() {
            p class="muted" { (ctx.t(none)) }
        } @else {
            ul class="call-cards" {
                @for c in calls {
                    li { a href={ "/open-calls/" (c.id) } { (ctx.pick(&c.title_en, &c.title_zh)) }
                         " " span class="pill" { (ctx.t(&format!("phase-{}", c.phase))) } }
                }
            }
        }
    }
}

/// A time in the call's own zone, with the zone named.
fn local_time(ts: i64, timezone: &str) -> String {
    format!(
        "{} ({timezone})",
        minute_text(ts + zone_offset(timezone), ' ')
    )
}

pub async fn call_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let call = svc::call(&state.db, id).await?;
    let title = ctx
        .pick(&call.info.title_en, &call.info.title_zh)
        .to_string();
    let s = &call.settings;
    let eligibility = ctx.pick(&s.eligibility_en, &s.eligibility_zh);
    let faq = ctx.pick(&s.faq_en, &s.faq_zh);
    let body = html! {
        p { a href="/open-calls" { "← " (ctx.t("open-calls-title")) } }
        h1 { (title) }
        p { span class="pill" id="phase" { (ctx.t(&format!("phase-{}", call.info.phase))) }
            @if call.info.archived_at.is_some() { " " span class="pill" { (ctx.t("call-archived")) } } }
        p class="prewrap" { (ctx.pick(&call.info.description_en, &call.info.description_zh)) }
        @if let Some(results) = &call.results { (results_section(&ctx, results)) }
        (take_part(&ctx, &call))
        (dates(&ctx, &call))
        @if !call.fields.is_empty() {
            h2 { (ctx.t("field-fields")) }
            p { @for f in &call.fields { span class="pill" { (ctx.pick(&f.name_en, &f.name_zh)) } " " } }
        }
        @if !eligibility.is_empty() {
            h2 { (ctx.t("open-calls-eligibility")) }
            p class="prewrap" id="eligibility" { (eligibility) }
        }
        @if !s.criteria.is_empty() {
            h2 { (ctx.t("open-calls-rubric")) }
            div class="table-wrap" { table id="rubric" {
                thead { tr { th { (ctx.t("open-calls-criterion")) } th { (ctx.t("open-calls-weight")) } th { (ctx.t("open-calls-scale")) } } }
                tbody { @for k in &s.criteria {
                    tr { td { (ctx.pick(&k.name_en, &k.name_zh)) } td { (k.weight) } td { (k.scale_min) "–" (k.scale_max) } }
                } }
            } }
        }
        @if !faq.is_empty() {
            h2 { (ctx.t("open-calls-faq")) }
            p class="prewrap" id="faq" { (faq) }
        }
    };
    Ok(page(&ctx, &title, body))
}

fn dates(ctx: &Ctx, call: &PublicCall) -> Markup {
    let tz = &call.settings.timezone;
    html! {
        @if !call.settings.phases.is_empty() {
            h2 { (ctx.t("open-calls-dates")) }
            div class="table-wrap" { table id="phases" {
                thead { tr { th { (ctx.t("field-phase")) } th { (ctx.t("open-calls-from")) } th { (ctx.t("open-calls-until")) } } }
                tbody { @for (phase, start, end) in &call.settings.phases {
                    tr { td { (ctx.t(&format!("phase-{phase}"))) } td { (local_time(*start, tz)) } td { (local_time(*end, tz)) } }
                } }
            } }
        }
    }
}

/// How to take part: register or sign in, then submit (while the call is open).
fn take_part(ctx: &Ctx, call: &PublicCall) -> Markup {
    let id = call.info.id;
    let open = call.info.phase == drx_domain::Phase::Open && call.info.archived_at.is_none();
    html! {
        @if open {
            section class="card" id="take-part" {
                h2 { (ctx.t("open-calls-how")) }
                @match &ctx.user {
                    Some(u) if u.roles.contains(&Role::Clinician) => {
                        p { a class="button" href={ "/calls/" (id) "/submit" } { (ctx.t("sub-new")) } }
                    }
                    Some(_) => { p { a href={ "/calls/" (id) } { (ctx.t("open-calls-signed-in")) } } }
                    None => {
                        p { (ctx.t("open-calls-how-steps")) }
                        p { a class="button" href={ "/register?call=" (id) } { (ctx.t("register-title")) }
                            " " a href={ "/login?next=/calls/" (id) } { (ctx.t("nav-login")) } }
                    }
                }
            }
        }
    }
}

fn results_section(ctx: &Ctx, results: &[ShownFinalist]) -> Markup {
    html! {
        section id="results" {
            h2 { (ctx.t("open-calls-results")) }
            ol {
                @for f in results {
                    li {
                        @match &f.title { Some(t) => { strong { (t) } } None => { em { (ctx.t("open-calls-confidential")) } } }
                        @if let Some((en, zh)) = &f.organization { " · " (ctx.pick(en, zh)) }
                        @if !f.members.is_empty() { " · " span class="muted" { (f.members.join(", ")) } }
                    }
                }
            }
        }
    }
}
