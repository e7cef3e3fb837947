//! Bidding before assignment: a judge's sheet (`/calls/{id}/bids`, every submission with a
//! four-way choice, filtered by field and text, saved in one form) and the organizer's coverage
//! (`/calls/{id}/bids/coverage`). `services::bids` decides who may and when.
use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, excerpt, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::auth::authorization::SubmissionView;
use drx_core::i18n;
use drx_core::now;
use drx_core::services::bids as svc;
use drx_core::services::ServiceError;
use drx_domain::Bid;

const CHOICES: [Option<Bid>; 5] = [
    None,
    Some(Bid::Eager),
    Some(Bid::Willing),
    Some(Bid::NotWilling),
    Some(Bid::Conflict),
];

fn choice_key(b: Option<Bid>) -> String {
    format!("bid-{}", b.map_or("none", |b| b.as_str()))
}

#[derive(Deserialize, Default)]
pub struct SheetQuery {
    #[serde(default)]
    field: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    saved: Option<usize>,
}

async fn sheet_body(
    ctx: &Ctx,
    state: &AppState,
    call_id: i64,
    q: &SheetQuery,
    message: Option<String>,
) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    let s = svc::sheet(&state.db, user, call_id).await?;
    let mut fields: Vec<&String> = s.items.iter().flat_map(|(x, _)| &x.fields).collect();
    fields.sort();
    fields.dedup();
    let needle = q.q.trim().to_lowercase();
    let shown: Vec<_> = s
        .items
        .iter()
        .filter(|(x, _)| q.field.is_empty() || x.fields.contains(&q.field))
        .filter(|(x, _)| {
            needle.is_empty()
                || [&x.title, &x.solution, &x.need_statement, &x.keywords]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&needle))
        })
        .collect();
    let base = format!("/calls/{call_id}/bids");
    Ok(html! {
        p class="muted" { a href="/" { (ctx.t("nav-home")) } " / " a href={ "/calls/" (call_id) } { (ctx.pick(&s.call.title_en, &s.call.title_zh)) } }
        h1 { (ctx.t("bids-title")) }
        p class="hint" { (ctx.t("bids-hint")) }
        @if let Some(n) = q.saved { (notice("success", &i18n::t_args(ctx.lang, "bids-saved", &[("n", n.to_string())]))) }
        @if let Some(m) = message { (notice("error", &m)) }
        @if let Some(key) = s.closed { div class="notice info" id="bids-closed" { (ctx.t(key)) } }
        @if s.view == SubmissionView::Blind { p class="muted" id="blind-note" { (ctx.t("bids-blind")) } }
        form method="get" action=(base) class="inline" id="bids-filter" {
            label for="bid-field" { (ctx.t("bids-filter-field")) } " "
            select id="bid-field" name="field" {
                option value="" { (ctx.t("bids-all-fields")) }
                @for f in &fields { option value=(f) selected[**f == q.field] { (f) } }
            }
            " "
            input type="search" name="q" value=(q.q) placeholder=(ctx.t("bids-search")) aria-label=(ctx.t("bids-search"));
            " " button type="submit" class="secondary" { (ctx.t("bids-filter")) }
        }
        @if shown.is_empty() { p class="muted" { (ctx.t("bids-none")) } } @else {
            form method="post" action=(base) {
                (csrf_field(ctx))
                div class="table-wrap" { table {
                    thead { tr { th { (ctx.t("bids-submission")) } @for c in CHOICES { th { (ctx.t(&choice_key(c))) } } } }
                    tbody { @for (x, bid) in &shown { tr id={ "sub-" (x.id) } {
                        td {
                            strong { "#" (x.id) " " (x.title) }
                            @if let Some(a) = s.authors.get(&x.id) {
                                br; span class="authors" { (a.names.join(", ")) @if !a.names.is_empty() { " · " } (ctx.pick(&a.organization_en, &a.organization_zh)) }
                            }
                            @if !x.fields.is_empty() { br; span class="muted" { (x.fields.join(", ")) } }
                            br; (excerpt(&x.solution, 400))
                        }
                        @for c in CHOICES { td {
                            input type="radio" name={ "bid-" (x.id) } value=(c.map_or("", |b| b.as_str()))
                                checked[*bid == c] disabled[s.closed.is_some()]
                                aria-label=(ctx.t(&choice_key(c)));
                        } }
                    } } }
                } }
                @if s.closed.is_none() { button type="submit" { (ctx.t("bids-save")) } }
            }
        }
    })
}

/// `GET /calls/{id}/bids`: the judge's own bids.
pub async fn sheet_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    Query(q): Query<SheetQuery>,
) -> Result<Response, WebError> {
    let b = sheet_body(&ctx, &state, call_id, &q, None).await?;
    Ok(page(&ctx, &ctx.t("bids-title"), b))
}

fn bad_bid() -> WebError {
    WebError::BadRequest {
        en: "The bidding form is not valid.".into(),
        zh: "投标表单无效。".into(),
    }
}

/// `POST /calls/{id}/bids`: every `bid-{submission}` of the form in one save.
pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let mut choices = Vec::new();
    for (k, v) in &f {
        let Some(id) = k.strip_prefix("bid-") else {
            continue;
        };
        let id: i64 = id.parse().map_err(|_| bad_bid())?;
        let bid = match v.as_str() {
            "" => None,
            v => Some(Bid::parse(v).ok_or_else(bad_bid)?),
        };
        choices.push((id, bid));
    }
    choices.sort_by_key(|c| c.0);
    match svc::save(&state.db, user, call_id, &choices, now()).await {
        Ok(n) => Ok(see_other(&format!("/calls/{call_id}/bids?saved={n}"))),
        Err(ServiceError::Invalid(m)) => {
            let msg = i18n::msg(ctx.lang, &m);
            let b = sheet_body(&ctx, &state, call_id, &SheetQuery::default(), Some(msg)).await?;
            Ok(refused(&ctx, &ctx.t("bids-title"), b))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /calls/{id}/bids/coverage`: per submission the bids counted, those short of positive
/// bids flagged, the judges who have not bid.
pub async fn coverage_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let c = svc::coverage(&state.db, user, call_id).await?;
    let body = html! {
        p class="muted" { a href={ "/calls/" (call_id) "/assignment" } { (ctx.t("assign-title")) } }
        h1 { (ctx.t("bids-coverage-title")) }
        p class="hint" { (i18n::t_args(ctx.lang, "bids-coverage-hint", &[("n", c.reviews_per_submission.to_string())])) }
        (super::list_exports_links(&ctx, "bids", Some(call_id)))
        div class="table-wrap" { table id="coverage" {
            thead { tr {
                th { (ctx.t("bids-submission")) }
                @for c in &CHOICES[1..] { th { (ctx.t(&choice_key(*c))) } }
            } }
            tbody { @for r in &c.submissions { tr id={ "cov-" (r.submission_id) } class=[r.short.then_some("short")] {
                td {
                    a href={ "/submissions/" (r.submission_id) } { "#" (r.submission_id) " " (r.title) }
                    @if r.short { " " span class="pill warn" { (ctx.t("bids-short")) } }
                }
                td { (r.eager) } td { (r.willing) } td { (r.not_willing) } td { (r.conflict) }
            } } }
        } }
        section class="card" id="no-bids" {
            h2 { (ctx.t("bids-judges-without")) " (" (c.judges_without_bids.len()) ")" }
            ul { @for (_, name) in &c.judges_without_bids { li { (name) } } }
        }
    };
    Ok(page(&ctx, &ctx.t("bids-coverage-title"), body))
}
