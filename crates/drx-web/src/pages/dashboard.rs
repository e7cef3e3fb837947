//! The organizers' dashboard and the printable call report: figures as server-rendered SVG
//! (presentation attributes and classes only, so the strict style-src CSP holds), each with its
//! table, and the tables' CSV and XLSX exports.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::download::{export, CSV, XLSX};
use crate::error::WebError;
use crate::layout::{datetime, page};
use crate::AppState;
use drx_core::now;
use drx_core::services::dashboard::{self as svc, bin_label, Dashboard};
use drx_core::services::reports;

const LABEL_W: i64 = 230;
const BAR_W: i64 = 360;
const ROW_H: i64 = 24;

fn short(label: &str) -> String {
    let n = label.chars().count();
    if n <= 22 {
        label.to_string()
    } else {
        label.chars().take(21).collect::<String>() + "…"
    }
}

/// A horizontal bar chart: one bar per (label, value), the value written after the bar.
pub fn bar_chart(title: &str, rows: &[(String, f64, String)]) -> Markup {
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max);
    let height = ROW_H * rows.len().max(1) as i64 + 8;
    let width = LABEL_W + BAR_W + 70;
    html! {
        figure class="chart" {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (width) " " (height) }
                width=(width) height=(height) role="img" aria-label=(title) {
                title { (title) }
                @for (i, (label, v, shown)) in rows.iter().enumerate() {
                    @let y = 4 + i as i64 * ROW_H;
                    @let w = if max > 0.0 { (v / max * BAR_W as f64).round() as i64 } else { 0 };
                    text x=(LABEL_W - 8) y=(y + 16) text-anchor="end" class="chart-label" { (short(label)) }
                    rect x=(LABEL_W) y=(y + 3) width=(w.max(1)) height=(ROW_H - 8) rx="2" class="chart-bar" fill="#0b6e99" {}
                    text x=(LABEL_W + w + 6) y=(y + 16) class="chart-value" { (shown) }
                }
            }
            figcaption { (title) }
        }
    }
}

fn counts(rows: &[svc::Count], ctx: &Ctx) -> Vec<(String, f64, String)> {
    rows.iter()
        .map(|c| {
            (
                ctx.pick(&c.en, &c.zh).to_string(),
                c.n as f64,
                c.n.to_string(),
            )
        })
        .collect()
}

/// The figures of a call: charts, each followed by its table.
pub fn figures(ctx: &Ctx, d: &Dashboard) -> Markup {
    let funnel: Vec<_> = d
        .funnel
        .iter()
        .map(|(k, n)| (ctx.t(k), *n as f64, n.to_string()))
        .collect();
    let stages: Vec<_> = d
        .stages
        .iter()
        .map(|s| {
            (
                ctx.t(&format!("pstage-{}", s.stage)),
                s.projects as f64,
                s.projects.to_string(),
            )
        })
        .collect();
    let days: Vec<_> = d
        .stages
        .iter()
        .map(|s| {
            let v = s.mean_days.unwrap_or(0.0);
            (
                ctx.t(&format!("pstage-{}", s.stage)),
                v,
                s.mean_days
                    .map(|v| format!("{v:.1}"))
                    .unwrap_or_else(|| "–".into()),
            )
        })
        .collect();
    let judges: Vec<_> = d
        .judges
        .iter()
        .map(|j| {
            (
                j.name.clone(),
                j.done as f64,
                format!("{} / {}", j.done, j.assigned),
            )
        })
        .collect();
    let scores: Vec<_> = d
        .score_bins
        .iter()
        .enumerate()
        .map(|(i, n)| (bin_label(i), *n as f64, n.to_string()))
        .collect();
    let tables = reports_tables(ctx, d);
    html! {
        section class="dash-section" {
            h2 { (ctx.t("dash-funnel")) }
            (bar_chart(&ctx.t("dash-funnel"), &funnel))
            (bar_chart(&ctx.t("dash-stages"), &stages))
        }
        div class="grid" {
            section class="dash-section" { h2 { (ctx.t("dash-by-field")) } (bar_chart(&ctx.t("dash-by-field"), &counts(&d.by_field, ctx))) }
            section class="dash-section" { h2 { (ctx.t("dash-by-hospital")) } (bar_chart(&ctx.t("dash-by-hospital"), &counts(&d.by_hospital, ctx))) }
        }
        section class="dash-section" {
            h2 { (ctx.t("dash-judges")) }
            @if judges.is_empty() { p class="muted" { (ctx.t("dash-no-reviews")) } }
            @else { (bar_chart(&ctx.t("dash-judges"), &judges)) }
        }
        section class="dash-section" {
            h2 { (ctx.t("dash-scores")) }
            @if d.score_bins.iter().all(|n| *n == 0) { p class="muted" { (ctx.t("dash-no-scores")) } }
            @else { (bar_chart(&ctx.t("dash-scores"), &scores)) }
        }
        section class="dash-section" {
            h2 { (ctx.t("dash-mean-days")) }
            (bar_chart(&ctx.t("dash-mean-days"), &days))
        }
        section class="dash-section" {
            h2 { (ctx.t("dash-tables")) }
            div class="grid" {
                @for tb in &tables {
                    div class="card" {
                        h3 { (tb.name) }
                        table {
                            thead { tr { @for h in &tb.headers { th { (h) } } } }
                            tbody { @for r in &tb.rows { tr { @for c in r { td { (cell_text(c)) } } } } }
                        }
                    }
                }
            }
        }
    }
}

fn cell_text(c: &reports::Cell) -> String {
    match c {
        reports::Cell::Text(s) => s.clone(),
        reports::Cell::Num(n) if n.fract() == 0.0 => format!("{}", *n as i64),
        reports::Cell::Num(n) => format!("{n:.1}"),
    }
}

fn reports_tables(ctx: &Ctx, d: &Dashboard) -> Vec<reports::Table> {
    svc::tables(d, ctx.lang)
}

#[derive(Deserialize, Default)]
pub struct DashQuery {
    #[serde(default)]
    call: String,
    #[serde(default)]
    table: String,
}

async fn call_of(state: &AppState, q: &DashQuery) -> Result<i64, WebError> {
    // The dashboard is for those who run calls (the route's rule); the calls anyone may know of
    // give the default.
    if let Ok(id) = q.call.parse::<i64>() {
        return Ok(id);
    }
    if let Some(id) = drx_core::services::catalogue::current_call(&state.db).await? {
        return Ok(id);
    }
    drx_core::services::catalogue::calls(&state.db)
        .await?
        .first()
        .map(|c| c.id)
        .ok_or(WebError::NotFound)
}

/// The dashboard of the asked (or current) call, for the signed-in person.
async fn load(ctx: &Ctx, state: &AppState, q: &DashQuery) -> Result<(i64, Dashboard), WebError> {
    let user = ctx.require_user()?;
    let call = call_of(state, q).await?;
    let d = svc::load(&state.db, user, call, now()).await?;
    Ok((call, d))
}

pub async fn dashboard(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<DashQuery>,
) -> Result<Response, WebError> {
    let (call, d) = load(&ctx, &state, &q).await?;
    let title = ctx.pick(&d.call.title_en, &d.call.title_zh).to_string();
    let body = html! {
        h1 { (ctx.t("dashboard-title")) }
        p class="sub-actions" {
            a href={ "/calls/" (call) } { (title) }
            a href="/projects" { (ctx.t("projects-title")) }
            a href={ "/calls/" (call) "/report" } { (ctx.t("report-title")) }
            a href={ "/dashboard/export/xlsx?call=" (call) } { (ctx.t("list-export-xlsx")) }
        }
        p class="muted" { (ctx.t("dash-csv-hint")) " "
            @for (i, tb) in svc::tables(&d, ctx.lang).iter().enumerate() {
                a href={ "/dashboard/export/csv?call=" (call) "&table=" (i) } { (tb.name) } " "
            }
        }
        (figures(&ctx, &d))
    };
    Ok(page(&ctx, &ctx.t("dashboard-title"), body))
}

pub async fn export_xlsx(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<DashQuery>,
) -> Result<Response, WebError> {
    let (call, d) = load(&ctx, &state, &q).await?;
    let bytes = reports::to_xlsx(&svc::tables(&d, ctx.lang)).map_err(WebError::internal)?;
    Ok(export(bytes, XLSX, &format!("dashboard-{call}.xlsx")))
}

pub async fn export_csv(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<DashQuery>,
) -> Result<Response, WebError> {
    let (call, d) = load(&ctx, &state, &q).await?;
    let i: usize = q.table.parse().unwrap_or(0);
    let tables = svc::tables(&d, ctx.lang);
    let table = tables.get(i).ok_or(WebError::NotFound)?;
    Ok(export(
        table.to_csv(),
        CSV,
        &format!("dashboard-{call}-{i}.csv"),
    ))
}

/// The printable report of a call: its description, the figures and the tables.
pub async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let t = now();
    let d = svc::load(&state.db, user, id, t).await?;
    let title = ctx.pick(&d.call.title_en, &d.call.title_zh).to_string();
    let body = html! {
        article class="report" {
            h1 { (ctx.t("report-title")) ": " (title) }
            p class="muted" { (ctx.t("report-made")) " " (datetime(t)) }
            p class="prewrap" { (ctx.pick(&d.call.description_en, &d.call.description_zh)) }
            p class="muted no-print" { (ctx.t("report-print-hint")) }
            (figures(&ctx, &d))
        }
    };
    Ok(page(&ctx, &ctx.t("report-title"), body))
}
