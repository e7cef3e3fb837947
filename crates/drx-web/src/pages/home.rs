//! The home page: a public landing for visitors, and for a signed-in person one section per role.
use axum::extract::State;
use axum::response::Response;
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::{bar, datetime, page};
use crate::AppState;
use drx_core::model::{CallSummary, Person, SubmissionRow};
use drx_core::services::catalogue;
use drx_core::Db;
use drx_domain::Role;

pub async fn not_found() -> WebError {
    WebError::NotFound
}

pub async fn home(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let body = match &ctx.user {
        None => landing(&ctx, &state.db).await?,
        Some(user) => dashboard(&ctx, &state.db, user).await?,
    };
    Ok(page(&ctx, &ctx.t("home-title"), body))
}

async fn landing(ctx: &Ctx, db: &Db) -> Result<Markup, WebError> {
    let lists = drx_core::services::open_calls::lists(db).await?;
    Ok(html! {
        section class="hero" {
            h1 { (ctx.t("landing-title")) }
            p { (ctx.t("landing-lead")) }
            a class="button" href="/login" { (ctx.t("nav-login")) }
            " " a class="button secondary" href="/register" { (ctx.t("register-title")) }
        }
        h2 { (ctx.t("open-calls-open")) }
        (super::open_calls::calls_list(ctx, &lists.open, "open-calls-none-open"))
        p { a href="/open-calls" { (ctx.t("open-calls-all")) } }
    })
}

fn calls_table(ctx: &Ctx, calls: &[CallSummary]) -> Markup {
    html! {
        @if calls.is_empty() {
            p class="muted" { (ctx.t("calls-none")) }
        } @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("call")) } th { (ctx.t("field-phase")) } th { (ctx.t("submissions")) } th { (ctx.t("finalists")) } } }
                tbody { @for c in calls {
                    tr {
                        td { a href={ "/calls/" (c.id) } { (ctx.pick(&c.title_en, &c.title_zh)) } }
                        td { span class="pill" { (ctx.t(&format!("phase-{}", c.phase))) } }
                        td { (c.submissions) }
                        td { (c.finalists) }
                    }
                } }
            } }
        }
    }
}

async fn dashboard(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let mut sections = Vec::new();
    for role in &user.roles {
        sections.push(match role {
            Role::Admin => admin_section(ctx, db, user).await?,
            Role::Organizer => organizer_section(ctx, db, user).await?,
            Role::Clinician => clinician_section(ctx, db, user).await?,
            Role::Judge => super::matching::judge_section(ctx, db, user).await?,
            Role::Engineer => engineer_section(ctx, db, user).await?,
            Role::Poc => poc_section(ctx),
        });
    }
    let team_invitations = super::submissions::team_invitations_section(ctx, db, user).await?;
    Ok(html! {
        h1 { (drx_core::i18n::t_args(ctx.lang, "welcome", &[("name", user.name.clone())])) }
        p class="muted" { @for r in &user.roles { span class="pill" { (ctx.t(&format!("role-{r}"))) } } }
        (team_invitations)
        @for s in sections { (s) }
    })
}

async fn admin_section(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let stats = catalogue::platform_counts(db, user).await?;
    Ok(html! {
        section {
            h2 { (ctx.t("role-admin")) }
            div class="grid" {
                @for (key, n) in &stats {
                    div class="card" { div class="stat" { (n) } div class="stat-label" { (ctx.t(key)) } }
                }
            }
            p { a href="/admin/people" { (ctx.t("nav-people")) " →" } }
        }
    })
}

async fn organizer_section(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let calls = catalogue::calls_seen_by(db, user).await?;
    let mut detail = html! {};
    // The latest call's submissions only for those who run it (its organizers and admins).
    if let Some(glance) = catalogue::newest_call_run_by(db, user).await? {
        let (call, by_field, by_org, recent) = (
            &glance.call,
            &glance.by_field,
            &glance.by_organization,
            &glance.recent,
        );
        let max_f = by_field.iter().map(|x| x.n).max().unwrap_or(0);
        let max_o = by_org.iter().map(|x| x.n).max().unwrap_or(0);
        detail = html! {
            h2 { (ctx.pick(&call.title_en, &call.title_zh)) }
            p { a href={ "/calls/" (call.id) "/submissions" } { (ctx.t("sub-list-title")) " →" } }
            p { a class="button" href={ "/calls/" (call.id) "/assignment" } { (ctx.t("assign-title")) } }
            p { a href={ "/calls/" (call.id) "/progress" } { (ctx.t("progress-title")) } " · " a href={ "/calls/" (call.id) "/ranking" } { (ctx.t("ranking-title")) } }
            div class="grid" {
                div class="card" {
                    h3 { (ctx.t("by-field")) }
                    table { @for c in by_field { tr { td { (ctx.pick(&c.name_en, &c.name_zh)) } td { (bar(c.n, max_f)) } } } }
                }
                div class="card" {
                    h3 { (ctx.t("by-hospital")) }
                    table { @for c in by_org { tr { td { (ctx.pick(&c.name_en, &c.name_zh)) } td { (bar(c.n, max_o)) } } } }
                }
            }
            h3 { (ctx.t("recent-submissions")) }
            (submissions_table(ctx, recent, true))
        };
    }
    Ok(html! {
        section {
            h2 { (ctx.t("role-organizer")) ": " (ctx.t("calls")) }
            p { a href="/calls" { (ctx.t("calls")) " →" } " · " a href="/needs" { (ctx.t("needs-title")) " →" } }
            (calls_table(ctx, &calls))
            (detail)
        }
    })
}

fn submissions_table(ctx: &Ctx, rows: &[SubmissionRow], organizer: bool) -> Markup {
    html! {
        @if rows.is_empty() {
            p class="muted" { (ctx.t("submissions-none")) }
        } @else {
            div class="table-wrap" { table {
                thead { tr {
                    th { "#" } th { (ctx.t("field-submission-title")) } th { (ctx.t("field-field")) } th { (ctx.t("field-hospital")) }
                    th { (ctx.t("field-stage")) } th { (ctx.t("field-status")) } th { (ctx.t("updated")) }
                } }
                tbody { @for s in rows {
                    tr {
                        td { (s.id) }
                        td { a href={ "/submissions/" (s.id) } { (s.title) } @if organizer { " " a class="small" href={ "/submissions/" (s.id) "/matches" } { (ctx.t("matches-link")) } } }
                        td { (ctx.pick(&s.field_en, &s.field_zh)) }
                        td { (ctx.pick(&s.organization_en, &s.organization_zh)) }
                        td { (ctx.t(&format!("stage-{}", s.stage))) }
                        td { span class={ "pill status-" (s.status) } { (ctx.t(&format!("status-{}", s.status))) } }
                        td class="muted" { (datetime(s.updated_at)) }
                    }
                } }
            } }
        }
    }
}

async fn clinician_section(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let mine = catalogue::my_submissions(db, user).await?;
    let open = catalogue::open_calls(db).await?;
    let notices = catalogue::my_notices(db, user, 3).await?;
    Ok(html! {
        section {
            @for n in &notices {
                div class="notice info" { a href=(n.link) { (n.body) } " " span class="muted" { (datetime(n.created_at)) } }
            }
            @for c in &open {
                p { a class="button" href={ "/calls/" (c.id) "/submit" } { (ctx.t("sub-new")) ": " (ctx.pick(&c.name_en, &c.name_zh)) } }
            }
            p { a href="/needs" { (ctx.t("needs-title")) " →" } " · " a href="/calls" { (ctx.t("calls")) " →" } }
            h2 { (ctx.t("my-submissions")) }
            (submissions_table(ctx, &mine, false))
        }
    })
}

async fn engineer_section(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let teams = catalogue::my_teams(db, user).await?;
    let needs = catalogue::open_needs(db, 8).await?;
    let fitting_needs = super::matching::team_needs_section(ctx, db, user).await?;
    let invitations = super::team_edit::invitations_section(ctx, db, user).await?;
    Ok(html! {
        section {
            (invitations)
            h2 { (ctx.t("my-teams")) }
            @for t in &teams {
                div class="card" {
                    strong { a href={ "/teams/" (t.id) } { (ctx.pick(&t.name_en, &t.name_zh)) } }
                    " " span class="muted" { (ctx.t("capacity")) ": " (t.capacity) }
                    p { (t.capabilities) }
                }
            }
            @if teams.is_empty() { p class="muted" { (ctx.t("teams-none")) } }
            p { a class=(if teams.is_empty() { "button" } else { "small" }) href="/teams/new" { (ctx.t("team-new-title")) } }
            p { a href="/interests" { (ctx.t("interests-title")) " →" } " · " a href="/teams" { (ctx.t("teams-title")) " →" } }
            (fitting_needs)
            h2 { (ctx.t("open-needs")) }
            p { a href="/needs" { (ctx.t("needs-title")) " →" } }
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("need")) } th { (ctx.t("field-field")) } th { (ctx.t("field-hospital")) } } }
                tbody { @for n in &needs {
                    tr { td { a href={ "/needs/" (n.id) } { (n.problem) } " — " span class="muted" { (n.population) } } td { (ctx.pick(&n.field_en, &n.field_zh)) } td { (n.organization) } }
                } }
            } }
        }
    })
}

fn poc_section(ctx: &Ctx) -> Markup {
    html! {
        section {
            h2 { (ctx.t("role-poc")) }
            p { a href="/projects" { (ctx.t("projects-title")) } }
        }
    }
}
