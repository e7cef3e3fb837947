//! The organizer's list of a call's submissions: filters, search, sorting, counts per field and
//! hospital, pages, and the CSV and XLSX exports of the same selection.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::html;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::{urlencode, WebError};
use crate::layout::{bar, datetime, page};
use crate::AppState;
use drx_core::model::{ListFilter, ListSort};
use drx_core::services::catalogue;
use drx_core::services::exports;
use drx_domain::{Stage, SubmissionStatus};

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default, Clone)]
pub struct ListQuery {
    #[serde(default)]
    field: String,
    #[serde(default)]
    hospital: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
}

impl ListQuery {
    fn filter(&self) -> ListFilter {
        // Unknown values mean "no filter" rather than an error: these come from links.
        ListFilter {
            status: SubmissionStatus::parse(&self.status)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            field_id: self.field.parse().unwrap_or(0),
            organization_id: self.hospital.parse().unwrap_or(0),
            stage: Stage::parse(&self.stage)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            search: self.q.chars().take(200).collect(),
        }
    }
    fn page(&self) -> i64 {
        self.page.parse::<i64>().unwrap_or(1).clamp(1, 100_000)
    }
    /// The query string with one parameter replaced (and the page reset unless it is the page).
    fn with(&self, key: &str, value: &str) -> String {
        let mut pairs = vec![
            ("field", self.field.clone()),
            ("hospital", self.hospital.clone()),
            ("stage", self.stage.clone()),
            ("status", self.status.clone()),
            ("q", self.q.clone()),
            ("sort", self.sort.clone()),
            ("page", String::new()),
        ];
        for p in pairs.iter_mut() {
            if p.0 == key {
                p.1 = value.to_string();
            }
        }
        pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", urlencode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

pub async fn list_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let filter = q.filter();
    let sort = ListSort::parse(&q.sort);
    let page_no = q.page();
    let (call, rows, total) = exports::list(
        &state.db,
        user,
        id,
        &filter,
        sort,
        PAGE_SIZE,
        (page_no - 1) * PAGE_SIZE,
    )
    .await?;
    let (by_field, by_org) = exports::counts(&state.db, user, id).await?;
    let max_f = by_field.iter().map(|x| x.n).max().unwrap_or(0);
    let max_o = by_org.iter().map(|x| x.n).max().unwrap_or(0);
    let fields = catalogue::call_fields(&state.db, id).await?;
    let hospitals = catalogue::hospitals(&state.db).await?;
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let base = format!("/calls/{id}/submissions");
    let title = ctx.pick(&call.title_en, &call.title_zh).to_string();
    let body = html! {
        h1 { (ctx.t("sub-list-title")) }
        p { a href={ "/calls/" (id) } { (title) } " · "
            a href={ "/calls/" (id) "/export/csv?" (q.with("page", "")) } { (ctx.t("list-export-csv")) } " · "
            a href={ "/calls/" (id) "/export/xlsx?" (q.with("page", "")) } { (ctx.t("list-export-xlsx")) } " · "
            a href={ "/calls/" (id) "/overlaps" } { (ctx.t("overlaps-title")) } " · "
            a href={ "/calls/" (id) "/import" } { (ctx.t("import-submissions")) } }
        form method="get" action=(base) class="filters" {
            label { (ctx.t("list-search")) br;
                input type="search" name="q" value=(q.q) maxlength="200" placeholder=(ctx.t("list-search-hint")); }
            (super::named_filter(&ctx, "field-field", "field", &q.field, fields.iter().map(|f| (f.id, &*f.name_en, &*f.name_zh))))
            (super::named_filter(&ctx, "field-hospital", "hospital", &q.hospital, hospitals.iter().map(|h| (h.id, &*h.name_en, &*h.name_zh))))
            label { (ctx.t("field-stage")) br;
                select name="stage" { option value="" { (ctx.t("list-all")) }
                    @for s in Stage::ALL { option value=(s.as_str()) selected[q.stage == s.as_str()] { (ctx.t(&format!("stage-{s}"))) } } } }
            label { (ctx.t("field-status")) br;
                select name="status" { option value="" { (ctx.t("list-not-drafts")) }
                    @for s in SubmissionStatus::ALL { option value=(s.as_str()) selected[q.status == s.as_str()] { (ctx.t(&format!("status-{s}"))) } } } }
            label { (ctx.t("list-sort")) br;
                select name="sort" {
                    @for s in [ListSort::Newest, ListSort::Oldest, ListSort::Title, ListSort::Hospital, ListSort::Stage] {
                        option value=(s.as_str()) selected[sort == s] { (ctx.t(&format!("sort-{}", s.as_str()))) }
                    } } }
            button type="submit" { (ctx.t("list-apply")) }
            " " a href=(base) { (ctx.t("list-reset")) }
        }
        div class="layout-side" {
            div {
                p class="muted" { (drx_core::i18n::t_args(ctx.lang, "list-count", &[("n", total.to_string())])) }
                @if rows.is_empty() { p class="muted" { (ctx.t("submissions-none")) } }
                @else {
                    div class="table-wrap" { table {
                        thead { tr {
                            th { "#" } th { (ctx.t("field-submission-title")) } th { (ctx.t("field-fields")) }
                            th { (ctx.t("field-hospital")) } th { (ctx.t("field-stage")) } th { (ctx.t("field-status")) } th { (ctx.t("updated")) }
                        } }
                        tbody { @for r in &rows { tr {
                            td { (r.id) }
                            td { a href={ "/submissions/" (r.id) } { (r.title) } br; span class="muted" { (r.lead) } }
                            td { (ctx.pick(&r.fields_en, &r.fields_zh)) }
                            td { (ctx.pick(&r.organization_en, &r.organization_zh)) }
                            td { (ctx.t(&format!("stage-{}", r.stage))) }
                            td { span class={ "pill status-" (r.status) } { (ctx.t(&format!("status-{}", r.status))) } }
                            td class="muted" { (datetime(r.updated_at)) }
                        } } }
                    } }
                }
                @if pages > 1 {
                    nav class="pager" {
                        @if page_no > 1 { a href={ (base) "?" (q.with("page", &(page_no - 1).to_string())) } { "← " (ctx.t("list-prev")) } }
                        span { (drx_core::i18n::t_args(ctx.lang, "list-page", &[("page", page_no.to_string()), ("pages", pages.to_string())])) }
                        @if page_no < pages { a href={ (base) "?" (q.with("page", &(page_no + 1).to_string())) } { (ctx.t("list-next")) " →" } }
                    }
                }
            }
            aside {
                div class="card" {
                    h3 { (ctx.t("by-field")) }
                    table { @for c in &by_field { tr {
                        td { a href={ (base) "?" (q.with("field", &c.id.to_string())) } { (ctx.pick(&c.name_en, &c.name_zh)) } }
                        td { (bar(c.n, max_f)) } } } }
                }
                div class="card" {
                    h3 { (ctx.t("by-hospital")) }
                    table { @for c in &by_org { tr {
                        td { a href={ (base) "?" (q.with("hospital", &c.id.to_string())) } { (ctx.pick(&c.name_en, &c.name_zh)) } }
                        td { (bar(c.n, max_o)) } } } }
                }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("sub-list-title"), body))
}

/// A file name from the call's slug: ASCII only, safe in a header.
fn export_name(slug: &str, ext: &str) -> String {
    let s: String = slug
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!(
        "{}-submissions.{ext}",
        if s.is_empty() { "call" } else { &s }
    )
}

pub async fn export_csv(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    export(&ctx, &state, id, &q, Format::Csv).await
}

pub async fn export_xlsx(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    export(&ctx, &state, id, &q, Format::Xlsx).await
}

enum Format {
    Csv,
    Xlsx,
}

/// The call's submissions as the list shows them (filter and order of `q`), as a file.
async fn export(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    q: &ListQuery,
    format: Format,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (call, rows) =
        exports::export_rows(&state.db, user, id, &q.filter(), ListSort::parse(&q.sort)).await?;
    Ok(match format {
        Format::Csv => crate::download::export(
            exports::to_csv(&rows, ctx.lang),
            crate::download::CSV,
            &export_name(&call.slug, "csv"),
        ),
        Format::Xlsx => crate::download::export(
            exports::to_xlsx(&rows, ctx.lang).map_err(WebError::internal)?,
            crate::download::XLSX,
            &export_name(&call.slug, "xlsx"),
        ),
    })
}

/// Overlap hints for the call's organizers: close pairs and why.
pub async fn overlaps_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (call, pairs) = drx_core::services::overlaps::of_call(&state.db, user, id).await?;
    let body = html! {
        h1 { (ctx.t("overlaps-title")) }
        p { a href={ "/calls/" (id) "/submissions" } { "← " (ctx.t("sub-list-title")) } }
        p class="muted" { (ctx.t("overlaps-lead")) }
        @if pairs.is_empty() { p class="muted" { (ctx.t("overlaps-none")) } }
        @for o in &pairs {
            div class="card" {
                p {
                    strong { (format!("{:.0}%", o.score * 100.0)) } " · "
                    a href={ "/submissions/" (o.a.id) } { "#" (o.a.id) " " (o.a.title) }
                    " ↔ "
                    a href={ "/submissions/" (o.b.id) } { "#" (o.b.id) " " (o.b.title) }
                    @if o.b.call_id != call.id {
                        " " span class="pill" { (ctx.t("overlaps-earlier")) ": " (ctx.pick(&o.b.call_title_en, &o.b.call_title_zh)) }
                    }
                }
                p class="muted" {
                    @if o.same_need { span class="pill" { (ctx.t("overlaps-same-need")) } " " }
                    (ctx.t("overlaps-shared")) ": "
                    @for w in &o.shared { span class="pill" { (w) } }
                }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("overlaps-title"), body))
}
