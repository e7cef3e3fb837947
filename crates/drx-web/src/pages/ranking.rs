//! The organizer's judging pages: review progress with reminders, and the ranking table (raw
//! beside calibrated, with intervals and cut flags) that is also the finalist selection form.
use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, datetime, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::now;
use drx_core::services::ranking::{self as svc, RankRow, Ranking};
use drx_core::services::ServiceError;
use drx_domain::SubmissionStatus;

pub async fn progress_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let v = svc::progress(&state.db, user, call_id, now()).await?;
    let pending = v.judges.iter().filter(|(p, _)| p.unfinished() > 0).count();
    let body = html! {
        p class="muted" { a href={ "/calls/" (call_id) } { (ctx.pick(&v.call.title_en, &v.call.title_zh)) } " · " a href={ "/calls/" (call_id) "/ranking" } { (ctx.t("ranking-title")) } " · " a href={ "/calls/" (call_id) "/reviews" } { (ctx.t("reviews-title")) } }
        h1 { (ctx.t("progress-title")) }
        (super::list_exports_links(&ctx, "progress", Some(call_id)))
        @if let Some(d) = v.deadline { p class="muted" { (ctx.t("progress-deadline")) " " (datetime(d)) } }
        @if v.judges.is_empty() { p class="muted" { (ctx.t("progress-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("progress-judge")) } th { (ctx.t("review-assigned")) } th { (ctx.t("review-in_progress")) } th { (ctx.t("review-submitted")) } th {} } }
                tbody { @for (p, late) in &v.judges { tr {
                    td { (p.name) " " span class="muted" { (p.email) } }
                    td { (p.assigned) } td { (p.in_progress) } td { (p.submitted) }
                    td { @if *late { span class="pill status-withdrawn" { (ctx.t("progress-late")) } } @else if p.unfinished() == 0 { span class="pill status-finalist" { (ctx.t("progress-done")) } } }
                } } }
            } }
            @if v.call.phase == drx_domain::Phase::Review && pending > 0 {
                form method="post" action={ "/calls/" (call_id) "/reminders" } class="inline" {
                    (csrf_field(&ctx))
                    button type="submit" { (i18n::t_args(ctx.lang, "progress-remind", &[("n", pending.to_string())])) }
                }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("progress-title"), body))
}

pub async fn send_reminders(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let back = format!("/calls/{call_id}/progress");
    svc::send_reminders(&state.db, user, call_id, &state.config.base_url, now())
        .await
        .map_err(WebError::back_to(&ctx, &back))?;
    Ok(see_other(&back))
}

fn num(v: f64) -> String {
    format!("{v:.2}")
}

fn signed(v: f64) -> String {
    format!("{v:+.2}")
}

/// Why the calibrated score differs from the raw mean: the judges whose severity or spread
/// moved it most, then the pull towards the call's mean.
fn why(ctx: &Ctx, x: &RankRow) -> Markup {
    html! {
        ul class="why" {
            @for m in x.movers.iter().filter(|m| m.shift.abs() >= 0.005).take(3) {
                li { (i18n::t_args(ctx.lang, "ranking-mover", &[("judge", m.label(ctx.lang)), ("severity", signed(m.severity)), ("shift", signed(m.shift))])) }
            }
            @if x.estimate.shrinkage.abs() >= 0.005 {
                li class="muted" { (i18n::t_args(ctx.lang, "ranking-shrinkage", &[("shift", signed(x.estimate.shrinkage))])) }
            }
        }
    }
}

fn flags(ctx: &Ctx, x: &RankRow) -> Markup {
    html! {
        @if x.fewer_than_planned { span class="pill status-withdrawn" { (i18n::t_args(ctx.lang, "ranking-fewer", &[("n", x.estimate.n.to_string()), ("planned", x.planned.to_string())])) } " " }
        @if x.disagreement { span class="pill status-withdrawn" { (ctx.t("reviews-disagreement")) } " " }
        @if x.estimate.at_cut_tie { span class="pill status-under_review" { (ctx.t("ranking-at-cut")) } }
    }
}

fn ranking_body(
    ctx: &Ctx,
    r: &Ranking,
    typed: Option<&HashMap<i64, (bool, String)>>,
    message: Option<String>,
) -> Markup {
    let decided = r.rows.iter().any(|x| {
        matches!(
            x.status,
            SubmissionStatus::Finalist | SubmissionStatus::NotSelected
        )
    });
    let call_id = r.call.id;
    html! {
        p class="muted" { a href={ "/calls/" (call_id) } { (ctx.pick(&r.call.title_en, &r.call.title_zh)) } " · " a href={ "/calls/" (call_id) "/progress" } { (ctx.t("progress-title")) } " · " a href={ "/calls/" (call_id) "/reviews" } { (ctx.t("reviews-title")) } }
        h1 { (ctx.t("ranking-title")) }
        (super::list_exports_links(&ctx, "ranking", Some(call_id)))
        @if let Some(m) = message { (notice("error", &m)) }
        p class="muted" { (i18n::t_args(ctx.lang, "ranking-help", &[("n", r.finalists.to_string())])) }
        @if !r.rows.is_empty() { p class="muted" id="calibration-state" { (i18n::t_args(ctx.lang, "ranking-computed", &[("at", datetime(r.computed_at)), ("mcse", format!("{:.3}", r.mc_error))])) } }
        form method="post" action={ "/calls/" (call_id) "/decisions" } {
            (csrf_field(ctx))
            div class="table-wrap" { table {
                thead { tr {
                    th { (ctx.t("ranking-rank")) } th { "#" } th { (ctx.t("field-submission-title")) } th { (ctx.t("ranking-reviews")) }
                    th { (ctx.t("ranking-raw")) } th { (ctx.t("ranking-calibrated")) } th { (ctx.t("ranking-why")) } th { (ctx.t("ranking-cut")) }
                    th { (ctx.t("field-status")) } th { (ctx.t("ranking-finalist")) } th { (ctx.t("ranking-reason")) }
                } }
                tbody { @for x in &r.rows {
                    @let (checked, reason) = match typed.and_then(|t| t.get(&x.submission_id)) {
                        Some((c, why)) => (*c, why.clone()),
                        None => (if decided { x.status == SubmissionStatus::Finalist } else { x.preselected }, String::new()),
                    };
                    tr {
                        td { (x.estimate.rank) " " span class="muted" { "[" (x.estimate.rank_lo) "–" (x.estimate.rank_hi) "]" } }
                        td { (x.submission_id) }
                        td { a href={ "/submissions/" (x.submission_id) } { (x.title) } }
                        td { (x.estimate.n) " / " (x.planned) }
                        td { @if let Some(m) = x.estimate.raw_mean { (num(m)) " " span class="muted" { "(" (x.estimate.raw_rank.unwrap_or(0)) ")" } } @else { span class="muted" { "—" } } }
                        td { (num(x.estimate.quality)) " " span class="muted" { "[" (num(x.estimate.lo)) ", " (num(x.estimate.hi)) "]" } }
                        td { (why(ctx, x)) }
                        td { (flags(ctx, x)) }
                        td { span class={ "pill status-" (x.status) } { (ctx.t(&format!("status-{}", x.status))) } }
                        td { input type="checkbox" name="select" value=(x.submission_id) checked[checked] aria-label=(ctx.t("ranking-finalist")); }
                        td { input type="text" name={ "reason_" (x.submission_id) } value=(reason) aria-label=(ctx.t("ranking-reason")); }
                    }
                } }
            } }
            @if svc::decides_now(r.call.phase) && !r.rows.is_empty() {
                p class="muted" { (ctx.t("ranking-decide-help")) }
                button type="submit" { (ctx.t("ranking-decide")) }
            }
        }
    }
}

pub async fn ranking_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = svc::ranking(&state.db, user, call_id).await?;
    Ok(page(
        &ctx,
        &ctx.t("ranking-title"),
        ranking_body(&ctx, &r, None, None),
    ))
}

pub async fn decide(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let mut selected = Vec::new();
    let mut reasons = HashMap::new();
    for (k, v) in &fields {
        if k == "select" {
            if let Ok(id) = v.parse::<i64>() {
                selected.push(id);
            }
        } else if let Some(id) = k
            .strip_prefix("reason_")
            .and_then(|i| i.parse::<i64>().ok())
        {
            reasons.insert(id, v.clone());
        }
    }
    match svc::decide(
        &state.db,
        user,
        call_id,
        &selected,
        &reasons,
        &state.config.base_url,
        now(),
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!("/calls/{call_id}/ranking"))),
        Err(ServiceError::Invalid(m)) => {
            let r = svc::ranking(&state.db, user, call_id).await?;
            let typed: HashMap<i64, (bool, String)> = r
                .rows
                .iter()
                .map(|x| {
                    (
                        x.submission_id,
                        (
                            selected.contains(&x.submission_id),
                            reasons.get(&x.submission_id).cloned().unwrap_or_default(),
                        ),
                    )
                })
                .collect();
            let body = ranking_body(&ctx, &r, Some(&typed), Some(i18n::msg(ctx.lang, &m)));
            Ok(refused(&ctx, &ctx.t("ranking-title"), body))
        }
        Err(e) => Err(e.into()),
    }
}
