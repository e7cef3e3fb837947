//! The pipeline pages: the board of projects by stage, a project's gate checklist, decisions,
//! pathway, milestones and history, making a project, and the projects list's exports.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::download::{export, CSV, XLSX};
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, datetime, notice, page};
use crate::{see_other, AppState};
use drx_core::auth::authorization::can_oversee_projects;
use drx_core::i18n;
use drx_core::model::ProjectRow;
use drx_core::now;
use drx_core::services::projects::{self as svc, checklist, DECISIONS, PATHWAYS, STAGES};
use drx_core::services::reports;
use drx_core::services::ServiceError;
use drx_domain::{AuditAction, ProjectStage, ProjectStatus};

/// A date (YYYY-MM-DD) shown in China time.
pub fn date(ts: i64) -> String {
    datetime(ts).chars().take(10).collect()
}

/// The end of a calendar day (YYYY-MM-DD) in China time, as Unix seconds.
pub fn parse_due(s: &str) -> Option<i64> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let d: u8 = it.next()?.parse().ok()?;
    let month = time::Month::try_from(m).ok()?;
    let day = time::Date::from_calendar_date(y, month, d).ok()?;
    let midnight_utc = day.midnight().assume_utc().unix_timestamp();
    Some(midnight_utc + 24 * 3600 - 1 - 8 * 3600)
}

fn status_pill(ctx: &Ctx, status: ProjectStatus) -> Markup {
    html! { span class={ "pill pstatus-" (status) } { (ctx.t(&format!("pstatus-{status}"))) } }
}

fn card(ctx: &Ctx, p: &ProjectRow) -> Markup {
    html! {
        div class={ "card project-card" @if p.overdue > 0 { " overdue" } } {
            a href={ "/projects/" (p.id) } { (p.title) }
            br;
            span class="muted" { (ctx.pick(&p.team_en, &p.team_zh)) }
            @if p.poc_centre_id.is_some() { br; span class="muted" { (ctx.pick(&p.poc_en, &p.poc_zh)) } }
            br;
            (status_pill(ctx, p.status))
            @if p.overdue > 0 {
                span class="pill overdue-pill" { (drx_core::i18n::t_args(ctx.lang, "milestones-overdue", &[("n", p.overdue.to_string())])) }
            }
        }
    }
}

pub async fn board(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let projects = svc::visible(&state.db, user, now()).await?;
    let oversee = can_oversee_projects(user);
    let body = html! {
        h1 { (ctx.t("projects-title")) }
        p class="sub-actions" {
            @if oversee {
                a class="button" href="/projects/new" { (ctx.t("project-new")) }
                a href="/dashboard" { (ctx.t("dashboard-title")) }
                a href="/projects/export/csv" { (ctx.t("list-export-csv")) }
                a href="/projects/export/xlsx" { (ctx.t("list-export-xlsx")) }
            }
        }
        @if projects.is_empty() { p class="muted" { (ctx.t("projects-none")) } }
        div class="board" {
            @for s in STAGES {
                section class="board-column" {
                    h2 { (ctx.t(&format!("pstage-{s}"))) " "
                        span class="muted" { (projects.iter().filter(|(p, _)| p.stage == *s).count()) } }
                    @for (p, _) in projects.iter().filter(|(p, _)| p.stage == *s) { (card(&ctx, p)) }
                }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("projects-title"), body))
}

/// The proof-of-concept centre a new project may name (none by default).
fn poc_select(ctx: &Ctx, centres: &[drx_core::model::Organization]) -> Markup {
    html! {
        select name="poc" aria-label=(ctx.t("project-poc")) {
            option value="" { (ctx.t("project-no-poc")) }
            @for o in centres { option value=(o.id) { (ctx.pick(&o.name_en, &o.name_zh)) } }
        }
    }
}

pub async fn new_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let svc::NewProjectChoices {
        candidates,
        teams,
        centres,
        // Published team matches of the person's calls: one click makes the project.
        matched,
    } = svc::new_project_choices(&state.db, user).await?;
    let labels = crate::pages::matching::FieldLabels::load(&state.db).await?;
    let body = html! {
        h1 { (ctx.t("project-new")) }
        @if !matched.is_empty() {
            h2 { (ctx.t("project-from-matches")) }
            div class="table-wrap" { table { tbody { @for m in &matched { tr {
                td { "#" (m.submission_id) " " (m.title) }
                td { (ctx.pick(&m.team_en, &m.team_zh)) }
                td class="small" { (crate::pages::matching::stored_reason(&ctx, &m.reason, &labels)) }
                td { form method="post" action="/projects/new" class="inline" {
                    (csrf_field(&ctx))
                    input type="hidden" name="submission" value=(m.submission_id);
                    input type="hidden" name="team" value=(m.team_id);
                    (poc_select(&ctx, &centres))
                    " "
                    button type="submit" { (ctx.t("project-from-match")) }
                } }
            } } } } }
        }
        @if candidates.is_empty() { p class="muted" { (ctx.t("project-no-candidates")) } }
        @else {
            form method="post" action="/projects/new" class="card" {
                (csrf_field(&ctx))
                label { (ctx.t("project-submission")) br;
                    select name="submission" required {
                        @for c in &candidates {
                            option value=(c.id) { "#" (c.id) " " (c.title) " (" (ctx.t(&format!("status-{}", c.status))) ")" }
                        } } }
                br;
                label { (ctx.t("project-team")) br;
                    select name="team" required {
                        @for t in &teams { option value=(t.id) { (ctx.pick(&t.name_en, &t.name_zh)) } } } }
                br;
                label { (ctx.t("project-poc")) br; (poc_select(&ctx, &centres)) }
                br;
                button type="submit" { (ctx.t("project-create")) }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("project-new"), body))
}

#[derive(Deserialize)]
pub struct NewForm {
    #[serde(default)]
    submission: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    poc: String,
}

fn bad_choice() -> WebError {
    WebError::from(drx_core::services::ServiceError::invalid(
        "error-bad-choice",
    ))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<NewForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Who may, before what they sent (the service checks the call of the submission too).
    if !can_oversee_projects(user) {
        return Err(WebError::Forbidden);
    }
    let submission: i64 = f.submission.parse().map_err(|_| bad_choice())?;
    let team: i64 = f.team.parse().map_err(|_| bad_choice())?;
    let poc = if f.poc.is_empty() {
        None
    } else {
        Some(f.poc.parse::<i64>().map_err(|_| bad_choice())?)
    };
    let id = svc::create(&state.db, user, submission, team, poc, now()).await?;
    Ok(see_other(&format!("/projects/{id}")))
}

fn event_text(ctx: &Ctx, action: AuditAction, detail: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(detail).unwrap_or_default();
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
    match action {
        AuditAction::GateDecision => format!(
            "{} · {} → {}{}",
            ctx.t(&format!("pstage-{}", s("gate"))),
            ctx.t(&format!("decision-{}", s("decision"))),
            ctx.t(&format!(
                "pstage-{}",
                v["to"]["stage"]
                    .as_str()
                    .unwrap_or(ProjectStage::Concept.as_str())
            )),
            if s("reason").is_empty() {
                String::new()
            } else {
                format!(" · {}", s("reason"))
            }
        ),
        AuditAction::Check | AuditAction::Uncheck => {
            let gate = s("gate");
            let item = s("item");
            ProjectStage::parse(&gate)
                .map(checklist)
                .unwrap_or_default()
                .iter()
                .find(|(k, _, _)| *k == item)
                .map(|(_, en, zh)| ctx.pick(en, zh).to_string())
                .unwrap_or(item)
        }
        AuditAction::Pathway => ctx.t(&format!("pathway-{}", s("to"))),
        AuditAction::MilestoneAdd | AuditAction::MilestoneDone => s("title"),
        _ => String::new(),
    }
}

pub async fn detail(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    detail_with(&ctx, &state, id, None).await
}

/// After a change on the project page: back to the page, or the page again (422) with the
/// reason the change was refused, so that a refused gate decision is read where it was made.
async fn back(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    done: Result<(), ServiceError>,
) -> Result<Response, WebError> {
    match done {
        Ok(()) => Ok(see_other(&format!("/projects/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            let reason = notice("error", &i18n::msg(ctx.lang, &m));
            let shown = detail_with(ctx, state, id, Some(reason)).await?;
            let (mut parts, body) = shown.into_parts();
            parts.status = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(Response::from_parts(parts, body))
        }
        Err(e) => Err(e.into()),
    }
}

async fn detail_with(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    refusal: Option<Markup>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let t = now();
    let svc::ProjectDetail {
        project: p,
        powers,
        ticks,
        decisions,
        milestones,
        owners,
        documents,
        history,
    } = svc::detail(&state.db, user, id, t).await?;
    let conversations = super::conversations::section(
        &ctx,
        &state.db,
        user,
        drx_core::services::conversations::Subject::Project,
        id,
    )
    .await?;
    let open = !svc::is_closed(p.status);
    let items = checklist(p.stage);
    let ticked = |k: &str| ticks.iter().find(|c| c.gate == p.stage && c.item == k);
    let body = html! {
        p { a href="/projects" { "← " (ctx.t("projects-title")) } }
        h1 { (p.title) }
        @if let Some(r) = &refusal { (r) }
        table class="meta" {
            tr { th { (ctx.t("project-submission")) } td { a href={ "/submissions/" (p.submission_id) } { "#" (p.submission_id) } } }
            tr { th { (ctx.t("project-team")) } td { (ctx.pick(&p.team_en, &p.team_zh)) } }
            tr { th { (ctx.t("project-poc")) } td { @if p.poc_centre_id.is_some() { (ctx.pick(&p.poc_en, &p.poc_zh)) } @else { span class="muted" { (ctx.t("project-no-poc")) } } } }
            tr { th { (ctx.t("project-stage")) } td { (ctx.t(&format!("pstage-{}", p.stage))) " " (status_pill(&ctx, p.status))
                " " span class="muted" { (ctx.t("project-since")) " " (date(p.stage_since)) } } }
            tr { th { (ctx.t("project-pathway")) } td {
                @if p.pathway.is_empty() { span class="muted" { (ctx.t("pathway-none")) } } @else { (ctx.t(&format!("pathway-{}", p.pathway))) } } }
        }
        ol class="gates" {
            @for s in STAGES {
                li class={ @if *s == p.stage { "current" } @else if *s < p.stage { "passed" } } {
                    (ctx.t(&format!("pstage-{s}"))) }
            }
        }
        div class="grid" {
            div class="card" {
                h2 { (ctx.t("gate-checklist")) ": " (ctx.t(&format!("pstage-{}", p.stage))) }
                ul class="plain checklist" {
                    @for (k, en, zh) in items {
                        li {
                            @if let Some(c) = ticked(k) {
                                span class="tick done" { "☑" } " " (ctx.pick(en, zh))
                                " " span class="muted" { "(" (c.checked_by) ", " (date(c.checked_at)) ")" }
                            } @else {
                                span class="tick" { "☐" } " " (ctx.pick(en, zh))
                            }
                            @if powers.work && open {
                                form method="post" action={ "/projects/" (p.id) "/check" } class="inline" {
                                    (csrf_field(&ctx))
                                    input type="hidden" name="item" value=(k);
                                    @if ticked(k).is_some() {
                                        input type="hidden" name="on" value="0";
                                        button type="submit" class="link" { (ctx.t("gate-untick")) }
                                    } @else {
                                        input type="hidden" name="on" value="1";
                                        button type="submit" class="small" { (ctx.t("gate-tick")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if powers.decide && open {
                div class="card" {
                    h2 { (ctx.t("gate-decide")) }
                    form method="post" action={ "/projects/" (p.id) "/decision" } {
                        (csrf_field(&ctx))
                        @for d in DECISIONS {
                            label class="choice" { input type="radio" name="decision" value=(d) required; " " (ctx.t(&format!("decision-{d}"))) }
                            " "
                        }
                        br;
                        label { (ctx.t("gate-reason")) br; textarea name="reason" rows="3" maxlength="2000" {} }
                        br;
                        span class="muted" { (ctx.t("gate-rules")) }
                        br;
                        button type="submit" { (ctx.t("gate-record")) }
                    }
                    h3 { (ctx.t("project-pathway")) }
                    form method="post" action={ "/projects/" (p.id) "/pathway" } {
                        (csrf_field(&ctx))
                        select name="pathway" {
                            @for w in PATHWAYS { option value=(w) selected[p.pathway == *w] { (ctx.t(&format!("pathway-{w}"))) } }
                        }
                        " " button type="submit" class="small" { (ctx.t("pathway-set")) }
                    }
                }
            }
        }
        div class="card" {
            h2 { (ctx.t("milestones")) }
            @if milestones.is_empty() { p class="muted" { (ctx.t("milestones-none")) } }
            @else {
                div class="table-wrap" { table {
                    thead { tr { th { (ctx.t("milestone-title")) } th { (ctx.t("milestone-owner")) } th { (ctx.t("milestone-due")) } th { (ctx.t("milestone-state")) } } }
                    tbody { @for m in &milestones {
                        @let late = m.done_at.is_none() && m.due_at < t;
                        tr class=[late.then_some("overdue")] {
                            td { (m.title) }
                            td { (m.owner) }
                            td { (date(m.due_at)) }
                            td {
                                @if let Some(d) = m.done_at { (ctx.t("milestone-done")) " " (date(d)) }
                                @else {
                                    @if late { span class="pill overdue-pill" { (ctx.t("milestone-overdue")) } " " }
                                    @if powers.work || m.owner_id == Some(user.id) {
                                        form method="post" action={ "/milestones/" (m.id) "/done" } class="inline" {
                                            (csrf_field(&ctx))
                                            button type="submit" class="small" { (ctx.t("milestone-mark-done")) }
                                        }
                                    }
                                }
                            }
                        }
                    } }
                } }
            }
            @if powers.decide && open {
                form method="post" action={ "/projects/" (p.id) "/milestones" } class="filters" {
                    (csrf_field(&ctx))
                    label { (ctx.t("milestone-title")) br; input type="text" name="title" required maxlength="300"; }
                    label { (ctx.t("milestone-owner")) br; select name="owner" {
                        option value="" { "—" }
                        @for (oid, name) in &owners { option value=(oid) { (name) } } } }
                    label { (ctx.t("milestone-due")) br; input type="date" name="due" required; }
                    button type="submit" { (ctx.t("milestone-add")) }
                }
            }
        }
        div class="card" {
            h2 { (ctx.t("project-documents")) }
            @if documents.is_empty() { p class="muted" { (ctx.t("project-documents-none")) } }
            @else { table {
                thead { tr { th { (ctx.t("project-document")) } th { (ctx.t("project-document-size")) } th { "SHA-256" } th { (ctx.t("updated")) } } }
                tbody { @for d in &documents { tr {
                    td { a href={ "/project-documents/" (d.id) } { (d.filename) } }
                    td { ((d.size_bytes + 1023) / 1024) " KB" }
                    td { code { (&d.sha256[..12]) "…" } }
                    td class="muted" { (datetime(d.created_at)) }
                } } }
            } }
            @if powers.work && open {
                form method="post" action={ "/projects/" (p.id) "/documents" } enctype="multipart/form-data" class="stacked" {
                    (csrf_field(&ctx))
                    label for="file" { (ctx.t("project-document-add")) }
                    input type="file" id="file" name="file" required;
                    p class="hint" { (ctx.t("project-document-hint")) }
                    button type="submit" { (ctx.t("project-document-upload")) }
                }
            }
        }
        div class="card" {
            h2 { (ctx.t("gate-decisions")) }
            @if decisions.is_empty() { p class="muted" { (ctx.t("gate-decisions-none")) } }
            @else { table {
                thead { tr { th { (ctx.t("project-gate")) } th { (ctx.t("gate-decision")) } th { (ctx.t("gate-reason")) } th { (ctx.t("gate-decider")) } th { (ctx.t("updated")) } } }
                tbody { @for d in &decisions { tr {
                    td { (ctx.t(&format!("pstage-{}", d.gate))) }
                    td { span class={ "pill decision-" (d.decision) } { (ctx.t(&format!("decision-{}", d.decision))) } }
                    td class="prewrap" { (d.reason) }
                    td { (d.decided_by) }
                    td class="muted" { (datetime(d.decided_at)) }
                } } }
            } }
        }
        @if let Some(c) = conversations { (c) }
        div class="card" {
            h2 { (ctx.t("project-history")) }
            ol class="history" {
                @for e in &history {
                    li {
                        span class="muted" { (datetime(e.at)) } " "
                        (e.actor.clone().unwrap_or_default()) " · "
                        strong { (ctx.t(&format!("audit-project-{}", e.action))) }
                        " " (event_text(&ctx, e.action, &e.detail))
                    }
                }
            }
        }
    };
    Ok(page(&ctx, &p.title, body))
}

#[derive(Deserialize)]
pub struct CheckForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    on: String,
}

pub async fn check(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<CheckForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let done = svc::set_check(&state.db, user, id, &f.item, f.on == "1", now()).await;
    back(&ctx, &state, id, done).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<DecisionForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let done = svc::decide(&state.db, user, id, &f.decision, &f.reason, now())
        .await
        .map(|_| ());
    back(&ctx, &state, id, done).await
}

#[derive(Deserialize)]
pub struct PathwayForm {
    #[serde(default)]
    pathway: String,
}

pub async fn pathway(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PathwayForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let done = svc::set_pathway(&state.db, user, id, &f.pathway, now()).await;
    back(&ctx, &state, id, done).await
}

#[derive(Deserialize)]
pub struct MilestoneForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
}

pub async fn add_milestone(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<MilestoneForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Who may, before what they sent.
    let (_, powers) = svc::get(&state.db, user, id, now()).await?;
    if !powers.decide {
        return Err(WebError::Forbidden);
    }
    let due = parse_due(&f.due).ok_or_else(|| {
        WebError::from(drx_core::services::ServiceError::invalid(
            "error-milestone-date",
        ))
    })?;
    let owner = if f.owner.is_empty() {
        None
    } else {
        Some(f.owner.parse::<i64>().map_err(|_| bad_choice())?)
    };
    svc::add_milestone(&state.db, user, id, &f.title, owner, due, now()).await?;
    Ok(see_other(&format!("/projects/{id}")))
}

pub async fn milestone_done(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_f): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let project = svc::milestone_done(&state.db, user, id, now()).await?;
    Ok(see_other(&format!("/projects/{project}")))
}

pub async fn export_csv(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let table = reports::projects_table(&state.db, user, ctx.lang, now()).await?;
    Ok(export(table.to_csv(), CSV, "projects.csv"))
}

pub async fn export_xlsx(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let table = reports::projects_table(&state.db, user, ctx.lang, now()).await?;
    let bytes = reports::to_xlsx(&[table]).map_err(WebError::internal)?;
    Ok(export(bytes, XLSX, "projects.xlsx"))
}

/// Takes a document upload for a project.
pub async fn upload_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: crate::form::MultipartBody,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let max = drx_core::services::submissions::MAX_ATTACHMENT_BYTES;
    let file = super::submissions::read_file_upload(&ctx, multipart, max).await?;
    let Some((name, bytes)) = file else {
        return Err(drx_core::services::ServiceError::invalid("error-file-empty").into());
    };
    svc::attach_document(&state.db, user, id, &name, &bytes, now()).await?;
    Ok(crate::see_other(&format!("/projects/{id}")))
}

/// Sends a project document to someone who may see the project.
pub async fn download_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (name, content_type, bytes) = svc::download_document(&state.db, user, id, now()).await?;
    Ok(crate::download::attachment(
        bytes,
        crate::download::stored_type(&content_type),
        crate::download::plain_disposition(&name),
        true,
    ))
}
