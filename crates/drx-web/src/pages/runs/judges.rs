//! The organizer's assignment of judges: run, inspect (each pair's reason, the load histogram,
//! the worst-served submissions), pin or remove pairs and re-run, publish.
use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use super::{
    after_run, kept_pairs, managed_call, pair_boxes, pairs_head, problems, run_heading,
    run_summary, runs_table, RunForm,
};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{bar, csrf_field, page};
use crate::pages::matching::score_bar;
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::model::{CallJudging, RunPair};
use drx_core::now;
use drx_core::services::assignment::{self, AssignParams};
use drx_core::services::runs;
use drx_core::services::{Msg, ServiceError};
use drx_domain::RunKind;

fn options_fields(ctx: &Ctx, p: &AssignParams) -> Markup {
    html! {
        label { input type="checkbox" name="fairness" value="on" checked[p.fairness]; " " (ctx.t("assign-fairness")) }
        br;
        label { input type="checkbox" name="one_per_org" value="on" checked[p.one_judge_per_org]; " " (ctx.t("assign-one-per-org")) }
    }
}

async fn overview(
    ctx: &Ctx,
    state: &AppState,
    call: &CallJudging,
    problems_met: &[Msg],
) -> Result<Response, WebError> {
    let runs = runs::of_call(&state.db, ctx.require_user()?, call.id, RunKind::Judges).await?;
    let defaults = AssignParams {
        one_judge_per_org: true,
        ..AssignParams::default()
    };
    let unprofiled = drx_core::services::profiles::judges_without_profile(
        &state.db,
        ctx.require_user()?,
        call.id,
    )
    .await?;
    let (pool, _) =
        assignment::people_and_submissions(&state.db, ctx.require_user()?, call.id).await?;
    let body = html! {
        p class="muted" { a href="/" { (ctx.t("nav-home")) } " / " (ctx.pick(&call.title_en, &call.title_zh)) }
        h1 { (ctx.t("assign-title")) }
        (problems(ctx, problems_met))
        @if pool.is_empty() {
            div class="notice error" role="alert" id="empty-pool" {
                p { (ctx.t("assign-no-judges")) " " a href={ "/calls/" (call.id) "/committee" } { (ctx.t("committee-title")) " →" } }
            }
        } @else {
            p { (i18n::t_args(ctx.lang, "assign-pool", &[("n", pool.len().to_string())])) " "
                a href={ "/calls/" (call.id) "/committee" } { (ctx.t("committee-title")) " →" } }
        }
        p { a id="bid-coverage-link" href={ "/calls/" (call.id) "/bids/coverage" } { (ctx.t("bids-coverage-title")) " →" } }
        @if !unprofiled.is_empty() {
            div class="notice error" role="alert" id="judges-without-profile" {
                p { strong { (i18n::t_args(ctx.lang, "assign-unprofiled", &[("n", unprofiled.len().to_string())])) } }
                ul { @for j in &unprofiled { li { (j.name) } } }
                p { a href="/admin/profiles/import" { (ctx.t("profile-import-title")) } }
            }
        }
        div class="card" {
            p { (i18n::t_args(ctx.lang, "assign-constraints", &[
                ("reviews", call.reviews_per_submission.to_string()),
                ("min", call.judge_min_load.to_string()),
                ("max", call.judge_max_load.to_string()),
            ])) }
            form method="post" action={ "/calls/" (call.id) "/assignment" } {
                (csrf_field(ctx))
                (options_fields(ctx, &defaults))
                br;
                button type="submit" { (ctx.t("assign-run")) }
            }
        }
        (runs_table(ctx, &runs, &format!("/calls/{}/assignment", call.id)))
    };
    Ok(page(ctx, &ctx.t("assign-title"), body))
}

pub async fn assignment_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    overview(&ctx, &state, &call, &[]).await
}

pub async fn run(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<RunForm>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    let user = ctx.require_user()?;
    let (pinned, forbidden) = f.pinned_and_forbidden()?;
    let params = AssignParams {
        fairness: f.fairness.is_some(),
        one_judge_per_org: f.one_per_org.is_some(),
        pinned,
        forbidden,
    };
    let outcome = assignment::run_judges(&state.db, user, call_id, &params, now(), &|_| {}).await;
    match after_run(outcome, &format!("/calls/{call_id}/assignment"))? {
        Ok(saved) => Ok(saved),
        Err(reasons) => overview(&ctx, &state, &call, &reasons).await,
    }
}

pub async fn run_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((call_id, run_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    let user = ctx.require_user()?;
    let (run, pairs) = runs::get(&state.db, user, call_id, run_id, RunKind::Judges).await?;
    let params: AssignParams = serde_json::from_str(&run.parameters).unwrap_or_default();
    let labels = crate::pages::matching::FieldLabels::load(&state.db).await?;
    let (judges, subs) = assignment::people_and_submissions(&state.db, user, call_id).await?;
    let judge_name: HashMap<i64, &str> = judges.iter().map(|(id, n)| (*id, n.as_str())).collect();
    let mut by_sub: BTreeMap<i64, Vec<&RunPair>> = BTreeMap::new();
    let mut load: HashMap<i64, usize> = judges.iter().map(|(id, _)| (*id, 0)).collect();
    for p in &pairs {
        by_sub.entry(p.submission_id).or_default().push(p);
        *load.entry(p.assignee_id).or_default() += 1;
    }
    let mut histogram: BTreeMap<usize, i64> = BTreeMap::new();
    for n in load.values() {
        *histogram.entry(*n).or_default() += 1;
    }
    let max_hist = histogram.values().copied().max().unwrap_or(0);
    let total = |v: &[&RunPair]| v.iter().map(|p| p.affinity).sum::<f64>();
    let mut worst: Vec<(i64, f64)> = by_sub.iter().map(|(s, v)| (*s, total(v))).collect();
    worst.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let best = pairs.iter().map(|p| p.affinity).fold(0.0, f64::max);
    let title_of: HashMap<i64, &str> = subs.iter().map(|(id, t)| (*id, t.as_str())).collect();
    let body = html! {
        p class="muted" {
            a href="/" { (ctx.t("nav-home")) } " / "
            a href={ "/calls/" (call_id) "/assignment" } { (ctx.t("assign-title")) } " / #" (run.id)
        }
        (run_heading(&ctx, "assign-run-title", &run))
        div class="grid" {
            div class="card" {
                (run_summary(
                    &ctx,
                    &run,
                    pairs.len(),
                    html! { @if params.fairness { (ctx.t("assign-fairness")) } @else { (ctx.t("assign-max-total")) } },
                    (params.pinned.len(), params.forbidden.len()),
                    &format!("/calls/{call_id}/assignment/{}", run.id),
                    "assign-publish",
                ))
            }
            div class="card" {
                h3 { (ctx.t("assign-load-histogram")) }
                table { @for (n, judges_with) in &histogram {
                    tr { td { (i18n::t_args(ctx.lang, "assign-load-n", &[("n", n.to_string())])) } td { (bar(*judges_with, max_hist)) } }
                } }
            }
            div class="card" {
                h3 { (ctx.t("assign-worst")) }
                table { @for (s, t) in worst.iter().take(8) {
                    tr { td { "#" (s) " " (title_of.get(s).copied().unwrap_or("")) } td { (format!("{t:.2}")) } }
                } }
            }
        }
        h2 { (ctx.t("assign-pairs-title")) }
        form method="post" action={ "/calls/" (call_id) "/assignment" } {
            (csrf_field(&ctx))
            (kept_pairs(&params.pinned, &params.forbidden))
            div class="card" { (options_fields(&ctx, &params)) br; button type="submit" { (ctx.t("assign-rerun")) } }
            div class="table-wrap" { table {
                (pairs_head(&ctx, "field-submission-title", "role-judge"))
                tbody { @for (s, v) in &by_sub { @for (i, p) in v.iter().enumerate() {
                    tr {
                        @if i == 0 { td rowspan=(v.len()) { "#" (s) " " (title_of.get(s).copied().unwrap_or("")) br; span class="muted" { (ctx.t("assign-sum")) " " (format!("{:.2}", total(v))) } } }
                        td { (judge_name.get(&p.assignee_id).copied().unwrap_or("?")) }
                        td { (score_bar(p.affinity, best)) }
                        td class="small" { (crate::pages::matching::stored_reason(&ctx, &p.reason, &labels)) }
                        (pair_boxes(&ctx, &params.pinned, *s, p.assignee_id))
                    }
                } } }
            } }
            button type="submit" { (ctx.t("assign-rerun")) }
        }
    };
    let _ = call;
    Ok(page(&ctx, &ctx.t("assign-run-title"), body))
}

pub async fn publish(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((call_id, run_id)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (run, _) = runs::get(&state.db, user, call_id, run_id, RunKind::Judges).await?;
    match assignment::publish(&state.db, user, run.id, &state.config.base_url, now()).await {
        Ok(_) => Ok(see_other(&format!("/calls/{call_id}/assignment/{run_id}"))),
        Err(ServiceError::Invalid(m)) => {
            let call = managed_call(&ctx, &state, call_id).await?;
            overview(&ctx, &state, &call, &[m]).await
        }
        Err(e) => Err(e.into()),
    }
}
