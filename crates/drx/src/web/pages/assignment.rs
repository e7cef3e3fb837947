//! The organizer's assignment of judges: run, inspect (each pair's reason, the load histogram,
//! the worst-served submissions), pin or remove pairs and re-run, publish.
use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::authorization::can_manage_call;
use crate::i18n;
use crate::services::assignment::{self, AssignParams, RunOutcome};
use crate::services::{Msg, ServiceError};
use crate::store::{catalogue, matching as store, now};
use crate::web::ctx::Ctx;
use crate::web::error::WebError;
use crate::web::form::CsrfForm;
use crate::web::layout::{bar, csrf_field, datetime, notice, page};
use crate::web::pages::matching::score_bar;
use crate::web::{see_other, AppState};

pub async fn managed_call(
    ctx: &Ctx,
    state: &AppState,
    call_id: i64,
) -> Result<catalogue::CallSettings, WebError> {
    let user = ctx.require_user()?;
    let call = catalogue::call_settings(&state.db, call_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let roles = catalogue::call_roles(&state.db, call_id, user.id).await?;
    if !can_manage_call(user, &roles) {
        return Err(WebError::Forbidden);
    }
    Ok(call)
}

fn params_fields(p: &AssignParams) -> Markup {
    html! {
        @for (s, j) in &p.pinned { input type="hidden" name="keep_pin" value={ (s) "-" (j) }; }
        @for (s, j) in &p.forbidden { input type="hidden" name="keep_forbid" value={ (s) "-" (j) }; }
    }
}

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
    call: &catalogue::CallSettings,
    problems: &[Msg],
) -> Result<Response, WebError> {
    let runs = store::runs_of_call(&state.db, call.id, "judges").await?;
    let defaults = AssignParams {
        one_judge_per_org: true,
        ..AssignParams::default()
    };
    let body = html! {
        p class="muted" { a href="/" { (ctx.t("nav-home")) } " / " (ctx.pick(&call.title_en, &call.title_zh)) }
        h1 { (ctx.t("assign-title")) }
        @for m in problems { (notice("error", &i18n::msg(ctx.lang, m))) }
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
        h2 { (ctx.t("assign-runs")) }
        @if runs.is_empty() { p class="muted" { (ctx.t("assign-runs-none")) } } @else {
            table {
                thead { tr { th { "#" } th { (ctx.t("field-status")) } th { (ctx.t("assign-total")) } th { (ctx.t("updated")) } } }
                tbody { @for r in &runs {
                    tr {
                        td { a href={ "/calls/" (call.id) "/assignment/" (r.id) } { "#" (r.id) } }
                        td { span class="pill" { (ctx.t(&format!("run-{}", r.status))) } }
                        td { (format!("{:.3}", r.objective.unwrap_or(0.0))) }
                        td class="muted" { (datetime(r.created_at)) }
                    }
                } }
            }
        }
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

#[derive(Deserialize, Default)]
pub struct RunForm {
    #[serde(default)]
    fairness: Option<String>,
    #[serde(default)]
    one_per_org: Option<String>,
    #[serde(default)]
    keep_pin: Vec<String>,
    #[serde(default)]
    keep_forbid: Vec<String>,
    #[serde(default)]
    pin: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
}

pub fn parse_pairs(values: &[String]) -> Result<Vec<(i64, i64)>, WebError> {
    let mut out = Vec::new();
    for v in values {
        let bad = || WebError::BadRequest {
            en: format!("Not a pair: {v:?}."),
            zh: format!("无效的配对：{v:?}。"),
        };
        let (s, j) = v.split_once('-').ok_or_else(bad)?;
        let pair = (s.parse().map_err(|_| bad())?, j.parse().map_err(|_| bad())?);
        if !out.contains(&pair) {
            out.push(pair);
        }
    }
    Ok(out)
}

pub async fn run(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<RunForm>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    let user = ctx.require_user()?;
    let mut pinned = parse_pairs(&f.keep_pin)?;
    pinned.extend(parse_pairs(&f.pin)?);
    let mut forbidden = parse_pairs(&f.keep_forbid)?;
    forbidden.extend(parse_pairs(&f.forbid)?);
    // A pair both pinned and removed: the removal, the later decision, wins.
    pinned.retain(|p| !forbidden.contains(p));
    pinned.dedup();
    forbidden.dedup();
    let params = AssignParams {
        fairness: f.fairness.is_some(),
        one_judge_per_org: f.one_per_org.is_some(),
        pinned,
        forbidden,
    };
    match assignment::run_judges(&state.db, user, call_id, &params, now(), &|_| {}).await {
        Ok(RunOutcome::Saved { run_id, .. }) => {
            Ok(see_other(&format!("/calls/{call_id}/assignment/{run_id}")))
        }
        Ok(RunOutcome::Infeasible(reasons)) => overview(&ctx, &state, &call, &reasons).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn run_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((call_id, run_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    let run = store::run(&state.db, run_id)
        .await?
        .filter(|r| r.call_id == call_id)
        .ok_or(WebError::NotFound)?;
    let params: AssignParams = serde_json::from_str(&run.parameters).unwrap_or_default();
    let pairs = store::run_pairs(&state.db, run_id).await?;
    let labels = crate::web::pages::matching::FieldLabels::load(&state.db).await?;
    let judges = store::judges_of_call(&state.db, call_id).await?;
    let subs = store::submissions_of_call(&state.db, call_id).await?;
    let judge_name: HashMap<i64, &str> = judges
        .iter()
        .map(|j| (j.person_id, j.name.as_str()))
        .collect();
    let mut by_sub: BTreeMap<i64, Vec<&store::RunPair>> = BTreeMap::new();
    let mut load: HashMap<i64, usize> = judges.iter().map(|j| (j.person_id, 0)).collect();
    for p in &pairs {
        by_sub.entry(p.submission_id).or_default().push(p);
        *load.entry(p.assignee_id).or_default() += 1;
    }
    let mut histogram: BTreeMap<usize, i64> = BTreeMap::new();
    for n in load.values() {
        *histogram.entry(*n).or_default() += 1;
    }
    let max_hist = histogram.values().copied().max().unwrap_or(0);
    let total = |v: &[&store::RunPair]| v.iter().map(|p| p.affinity).sum::<f64>();
    let mut worst: Vec<(i64, f64)> = by_sub.iter().map(|(s, v)| (*s, total(v))).collect();
    worst.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let best = pairs.iter().map(|p| p.affinity).fold(0.0, f64::max);
    let title_of: HashMap<i64, &str> = subs.iter().map(|s| (s.id, s.title.as_str())).collect();
    let is_pinned = |s: i64, j: i64| params.pinned.contains(&(s, j));
    let body = html! {
        p class="muted" {
            a href="/" { (ctx.t("nav-home")) } " / "
            a href={ "/calls/" (call_id) "/assignment" } { (ctx.t("assign-title")) } " / #" (run.id)
        }
        h1 { (ctx.t("assign-run-title")) " #" (run.id) " " span class="pill" { (ctx.t(&format!("run-{}", run.status))) } }
        div class="grid" {
            div class="card" {
                div class="stat" { (format!("{:.2}", run.objective.unwrap_or(0.0))) }
                div class="stat-label" { (ctx.t("assign-total")) " · " (pairs.len()) " " (ctx.t("assign-pairs")) }
                p class="muted" {
                    @if params.fairness { (ctx.t("assign-fairness")) } @else { (ctx.t("assign-max-total")) }
                    " · " (ctx.t("assign-pinned")) ": " (params.pinned.len()) " · " (ctx.t("assign-removed")) ": " (params.forbidden.len())
                }
                @if run.status == "draft" {
                    form method="post" action={ "/calls/" (call_id) "/assignment/" (run.id) "/publish" } {
                        (csrf_field(&ctx))
                        button type="submit" { (ctx.t("assign-publish")) }
                    }
                }
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
            (params_fields(&params))
            div class="card" { (options_fields(&ctx, &params)) br; button type="submit" { (ctx.t("assign-rerun")) } }
            div class="table-wrap" { table {
                thead { tr {
                    th { (ctx.t("field-submission-title")) } th { (ctx.t("role-judge")) } th { (ctx.t("affinity")) }
                    th { (ctx.t("reasons")) } th { (ctx.t("assign-pin")) } th { (ctx.t("assign-remove")) }
                } }
                tbody { @for (s, v) in &by_sub { @for (i, p) in v.iter().enumerate() {
                    tr {
                        @if i == 0 { td rowspan=(v.len()) { "#" (s) " " (title_of.get(s).copied().unwrap_or("")) br; span class="muted" { (ctx.t("assign-sum")) " " (format!("{:.2}", total(v))) } } }
                        td { (judge_name.get(&p.assignee_id).copied().unwrap_or("?")) }
                        td { (score_bar(p.affinity, best)) }
                        td class="small" { (crate::web::pages::matching::stored_reason(&ctx, &p.reason, &labels)) }
                        td { @if is_pinned(*s, p.assignee_id) { "📌" } @else { input type="checkbox" name="pin" value={ (s) "-" (p.assignee_id) } aria-label=(ctx.t("assign-pin")); } }
                        td { input type="checkbox" name="forbid" value={ (s) "-" (p.assignee_id) } aria-label=(ctx.t("assign-remove")); }
                    }
                } } }
            } }
            button type="submit" { (ctx.t("assign-rerun")) }
        }
    };
    let _ = call;
    Ok(page(&ctx, &ctx.t("assign-run-title"), body))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn publish(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((call_id, run_id)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    managed_call(&ctx, &state, call_id).await?;
    let user = ctx.require_user()?;
    let run = store::run(&state.db, run_id)
        .await?
        .filter(|r| r.call_id == call_id)
        .ok_or(WebError::NotFound)?;
    match assignment::publish(&state.db, user, run.id, &state.config.base_url, now()).await {
        Ok(_) => Ok(see_other(&format!("/calls/{call_id}/assignment/{run_id}"))),
        Err(ServiceError::Invalid(m)) => {
            let call = catalogue::call_settings(&state.db, call_id)
                .await?
                .ok_or(WebError::NotFound)?;
            overview(&ctx, &state, &call, &[m]).await
        }
        Err(e) => Err(e.into()),
    }
}
