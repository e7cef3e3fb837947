//! The need catalogue pages: browse with filters and search, and one need with the solutions
//! that answer it side by side.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::html;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::{urlencode, WebError};
use crate::layout::{excerpt, page, refused};
use crate::AppState;
use drx_core::auth::authorization::{can, Permission, SubmissionView};
use drx_core::model::NeedFilter;
use drx_core::services::catalogue;
use drx_core::services::history::Subject;
use drx_core::services::needs as svc;
use drx_domain::{NeedStatus, Urgency};

pub const PAGE_SIZE: i64 = 30;

#[derive(Deserialize, Default)]
pub struct NeedQuery {
    #[serde(default)]
    field: String,
    #[serde(default)]
    hospital: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: String,
}

pub async fn list_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<NeedQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let filter = NeedFilter {
        field_id: q.field.parse().unwrap_or(0),
        organization_id: q.hospital.parse().unwrap_or(0),
        status: NeedStatus::parse(&q.status)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        search: q.q.chars().take(200).collect(),
    };
    let page_no = q.page.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let (needs, total) = svc::list(
        &state.db,
        user,
        &filter,
        PAGE_SIZE,
        (page_no - 1) * PAGE_SIZE,
    )
    .await?;
    let fields = catalogue::fields(&state.db).await?;
    let hospitals = catalogue::hospitals(&state.db).await?;
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let query = |p: i64| {
        format!(
            "/needs?field={}&hospital={}&status={}&q={}&page={p}",
            urlencode(&q.field),
            urlencode(&q.hospital),
            urlencode(&q.status),
            urlencode(&q.q)
        )
    };
    let body = html! {
        (super::teams::catalogue_tabs(&ctx, "needs"))
        h1 { (ctx.t("needs-title")) }
        (super::list_exports_links(&ctx, "needs", None))
        p class="muted" { (ctx.t("needs-lead")) }
        p {
            @if svc::can_create(user) { a class="button" href="/needs/new" { (ctx.t("need-new")) } " " }
            @if drx_core::auth::authorization::can_create_call(user) { a href="/needs/import" { (ctx.t("import-needs")) " →" } }
        }
        form method="get" action="/needs" class="filters" {
            label { (ctx.t("list-search")) br;
                input type="search" name="q" value=(q.q) maxlength="200"; }
            (super::named_filter(&ctx, "field-field", "field", &q.field, fields.iter().map(|f| (f.id, &*f.name_en, &*f.name_zh))))
            (super::named_filter(&ctx, "field-hospital", "hospital", &q.hospital, hospitals.iter().map(|h| (h.id, &*h.name_en, &*h.name_zh))))
            label { (ctx.t("field-status")) br;
                select name="status" { option value="" { (ctx.t("list-not-drafts")) }
                    @for s in NeedStatus::ALL { option value=(s.as_str()) selected[q.status == s.as_str()] { (ctx.t(&format!("need-status-{s}"))) } } } }
            button type="submit" { (ctx.t("list-apply")) }
            " " a href="/needs" { (ctx.t("list-reset")) }
        }
        p class="muted" { (drx_core::i18n::t_args(ctx.lang, "needs-count", &[("n", total.to_string())])) }
        @if needs.is_empty() { p class="muted" { (ctx.t("needs-none")) } }
        @else {
            div class="table-wrap" { table {
                thead { tr { th { "#" } th { (ctx.t("need")) } th { (ctx.t("field-field")) } th { (ctx.t("field-hospital")) }
                    th { (ctx.t("need-urgency")) } th { (ctx.t("field-status")) } th { (ctx.t("need-answers")) } } }
                tbody { @for n in &needs { tr {
                    td { (n.id) }
                    td { a href={ "/needs/" (n.id) } { (svc::statement(ctx.lang, n)) } }
                    td { (ctx.pick(&n.field_en, &n.field_zh)) }
                    td { (ctx.pick(&n.organization_en, &n.organization_zh)) }
                    td { (ctx.t(&format!("urgency-{}", n.urgency))) }
                    td { span class="pill" { (ctx.t(&format!("need-status-{}", n.status))) } }
                    td { (n.answers) }
                } } }
            } }
        }
        @if pages > 1 {
            nav class="pager" {
                @if page_no > 1 { a href=(query(page_no - 1)) { "← " (ctx.t("list-prev")) } }
                span { (drx_core::i18n::t_args(ctx.lang, "list-page", &[("page", page_no.to_string()), ("pages", pages.to_string())])) }
                @if page_no < pages { a href=(query(page_no + 1)) { (ctx.t("list-next")) " →" } }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("needs-title"), body))
}

pub async fn need_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (n, answers) = svc::compare(&state.db, user, id).await?;
    let open_calls = if can(user, Permission::Submit) {
        catalogue::open_calls(&state.db).await?
    } else {
        Vec::new()
    };
    let title = svc::statement(ctx.lang, &n);
    let (gate, secret) = drx_core::services::confidentiality::gate(&state.db, user, id).await?;
    let teams = super::teams::need_teams_section(&ctx, &state.db, user, id, n.created_by).await?;
    let history = super::history::section(&ctx, &state.db, user, Subject::Need(id)).await?;
    let conversations = super::conversations::section(
        &ctx,
        &state.db,
        user,
        drx_core::services::conversations::Subject::Need,
        id,
    )
    .await?;
    let body = html! {
        p { a href="/needs" { "← " (ctx.t("needs-title")) } }
        h1 { (title) }
        p {
            span class="pill" { (ctx.pick(&n.field_en, &n.field_zh)) }
            span class="pill" { (ctx.pick(&n.organization_en, &n.organization_zh)) }
            span class="pill" { (ctx.t("need-urgency")) ": " (ctx.t(&format!("urgency-{}", n.urgency))) }
            span class="pill" { (ctx.t(&format!("need-status-{}", n.status))) }
        }
        div class="table-wrap" { table class="meta" { tbody {
            tr { th { (ctx.t("need-problem")) } td { (n.problem) } }
            tr { th { (ctx.t("need-population")) } td { (n.population) } }
            tr { th { (ctx.t("need-outcome")) } td { (n.outcome) } }
            tr { th { (ctx.t("need-current-practice")) } td class="prewrap" { (n.current_practice) } }
            @if gate.owner && !n.confidential_details.is_empty() {
                tr { th { (ctx.t("need-confidential")) } td class="prewrap" { (n.confidential_details) } }
            } @else if let Some(secret) = secret.as_ref().filter(|_| gate.has_confidential) {
                tr { th { (ctx.t("need-confidential")) } td class="prewrap" { (secret) } }
            } @else if gate.has_confidential {
                tr { th { (ctx.t("need-confidential")) } td { (super::terms::gate_box(&ctx, n.id, &gate)) } }
            }
        } } }
        @for c in &open_calls {
            p { a class="button" href={ "/calls/" (c.id) "/submit?need=" (n.id) } { (ctx.t("need-answer")) ": " (ctx.pick(&c.name_en, &c.name_zh)) } }
        }
        h2 { (ctx.t("need-solutions")) " (" (answers.len()) ")" }
        @if answers.is_empty() { p class="muted" { (ctx.t("need-solutions-none")) } }
        div class="compare" {
            @for (s, view) in &answers {
                div class="card" {
                    h3 { a href={ "/submissions/" (s.id) } { (s.title) } }
                    p {
                        span class={ "pill status-" (s.status) } { (ctx.t(&format!("status-{}", s.status))) }
                        span class="pill" { (ctx.t(&format!("stage-{}", s.stage))) }
                    }
                    table class="meta" { tbody {
                        @if *view == SubmissionView::Full {
                            tr { th { (ctx.t("field-hospital")) } td { (ctx.pick(&s.organization_en, &s.organization_zh)) } }
                        }
                        tr { th { (ctx.t("field-solution")) } td { (excerpt(&s.solution, 400)) } }
                        tr { th { (ctx.t("field-evidence")) } td { (excerpt(&s.evidence, 300)) } }
                        tr { th { (ctx.t("field-ip-status")) } td { (ctx.t(&format!("ip-{}", s.ip_status))) } }
                        tr { th { (ctx.t("field-keywords")) } td { (s.keywords) } }
                    } }
                }
            }
        }
        (teams)
        @if let Some(c) = conversations { (c) }
        @if let Some(h) = history { (h) }
    };
    Ok(page(&ctx, &title, body))
}

/// The need form as posted (shown again whole when refused).
#[derive(Deserialize, Default, Clone)]
pub struct NeedForm {
    #[serde(default)]
    organization: String,
    #[serde(default)]
    field: String,
    #[serde(default)]
    problem: String,
    #[serde(default)]
    population: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    current_practice: String,
    #[serde(default)]
    confidential_details: String,
    #[serde(default)]
    urgency: String,
}

async fn need_form(
    ctx: &Ctx,
    state: &AppState,
    f: &NeedForm,
    message: Option<String>,
) -> Result<maud::Markup, WebError> {
    let fields = catalogue::fields(&state.db).await?;
    let hospitals = catalogue::hospitals(&state.db).await?;
    Ok(html! {
        @if let Some(m) = message { (crate::layout::notice("error", &m)) }
        form method="post" action="/needs/new" class="stacked card" {
            (crate::layout::csrf_field(ctx))
            p class="hint" { (ctx.t("need-form-hint")) }
            label for="problem" { (ctx.t("need-problem")) }
            input type="text" id="problem" name="problem" value=(f.problem) required maxlength="1000";
            label for="population" { (ctx.t("need-population")) }
            input type="text" id="population" name="population" value=(f.population) required maxlength="1000";
            label for="outcome" { (ctx.t("need-outcome")) }
            input type="text" id="outcome" name="outcome" value=(f.outcome) required maxlength="1000";
            label for="current_practice" { (ctx.t("need-current-practice")) }
            textarea id="current_practice" name="current_practice" rows="3" maxlength="4000" { (f.current_practice) }
            label for="confidential_details" { (ctx.t("need-confidential")) }
            p class="hint" { (ctx.t("need-confidential-hint")) }
            textarea id="confidential_details" name="confidential_details" rows="3" maxlength="4000" { (f.confidential_details) }
            label for="field" { (ctx.t("field-field")) }
            select id="field" name="field" {
                @for fl in &fields { option value=(fl.id) selected[f.field == fl.id.to_string()] { (ctx.pick(&fl.name_en, &fl.name_zh)) } }
            }
            label for="organization" { (ctx.t("field-hospital")) }
            select id="organization" name="organization" {
                option value="" { "—" }
                @for h in &hospitals { option value=(h.id) selected[f.organization == h.id.to_string()] { (ctx.pick(&h.name_en, &h.name_zh)) } }
            }
            label for="urgency" { (ctx.t("need-urgency")) }
            select id="urgency" name="urgency" {
                @for u in Urgency::ALL { option value=(u.as_str()) selected[f.urgency == u.as_str()] { (ctx.t(&format!("urgency-{u}"))) } }
            }
            button type="submit" { (ctx.t("save")) }
        }
    })
}

pub async fn new_need_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    if !svc::can_create(user) {
        return Err(WebError::Forbidden);
    }
    let f = NeedForm {
        organization: user
            .organization_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        urgency: Urgency::Medium.as_str().into(),
        ..Default::default()
    };
    let body = html! { h1 { (ctx.t("need-new")) } (need_form(&ctx, &state, &f, None).await?) };
    Ok(page(&ctx, &ctx.t("need-new"), body))
}

pub async fn create_need(
    ctx: Ctx,
    State(state): State<AppState>,
    crate::form::CsrfForm(f): crate::form::CsrfForm<NeedForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let input = svc::NeedInput {
        organization_id: f.organization.trim().parse().ok(),
        field_id: f.field.trim().parse().unwrap_or(0),
        problem: f.problem.clone(),
        population: f.population.clone(),
        outcome: f.outcome.clone(),
        current_practice: f.current_practice.clone(),
        confidential_details: f.confidential_details.clone(),
        urgency: f.urgency.clone(),
    };
    match svc::create(&state.db, user, &input, drx_core::now()).await {
        Ok(id) => Ok(crate::see_other(&format!("/needs/{id}"))),
        Err(drx_core::services::ServiceError::Invalid(m)) => {
            let msg = drx_core::i18n::msg(ctx.lang, &m);
            let body = html! { h1 { (ctx.t("need-new")) } (need_form(&ctx, &state, &f, Some(msg)).await?) };
            Ok(refused(&ctx, &ctx.t("need-new"), body))
        }
        Err(e) => Err(e.into()),
    }
}
