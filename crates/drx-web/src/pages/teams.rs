//! The capability catalogue beside the need catalogue: teams searched in Chinese or English and
//! filtered by field, and one team's page (capabilities, members, load, the needs and finalists
//! that fit it best with their reasons, and the forms to express interest).
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use super::interests::{interest_form, interest_state};
use super::matching::{fit_table, FieldLabels};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::{csrf_field, excerpt, notice, page};
use crate::AppState;
use drx_core::auth::authorization::can_create_team;
use drx_core::model::{Target, TeamCard};
use drx_core::services::history::Subject;
use drx_core::services::interests::Side;
use drx_core::services::matching::{NeedModel, TeamModel};
use drx_core::services::teams::{self as svc, TeamQuery};
use drx_core::services::{catalogue, interests};
use drx_domain::SubmissionStatus;

/// The links between the two catalogues and the interests page.
pub fn catalogue_tabs(ctx: &Ctx, current: &str) -> Markup {
    html! {
        nav class="tabs" {
            @for (n, (key, href, label)) in [("needs", "/needs", "needs-title"), ("teams", "/teams", "teams-title"), ("interests", "/interests", "interests-title")].into_iter().enumerate() {
                @if n > 0 { " · " }
                @if key == current { strong { (ctx.t(label)) } } @else { a href=(href) { (ctx.t(label)) } }
            }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct TeamSearch {
    #[serde(default)]
    q: String,
    #[serde(default)]
    field: String,
}

fn capacity_cell(ctx: &Ctx, t: &TeamCard) -> Markup {
    html! {
        (drx_core::i18n::t_args(ctx.lang, "team-load-of", &[("load", t.load.to_string()), ("capacity", t.capacity.to_string())]))
    }
}

/// `GET /teams`: the catalogue.
pub async fn list_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<TeamSearch>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let query = TeamQuery {
        text: q.q.chars().take(200).collect(),
        field_id: q.field.parse().unwrap_or(0),
    };
    let teams = svc::search(&state.db, user, &query).await?;
    let fields = catalogue::fields(&state.db).await?;
    let body = html! {
        (catalogue_tabs(&ctx, "teams"))
        h1 { (ctx.t("teams-title")) }
        p class="muted" { (ctx.t("teams-lead")) }
        @if can_create_team(user) { p { a class="button" href="/teams/new" { (ctx.t("team-new-title")) } } }
        form method="get" action="/teams" class="filters" {
            label { (ctx.t("list-search")) br;
                input type="search" name="q" value=(q.q) maxlength="200" placeholder=(ctx.t("teams-search-hint")); }
            (super::named_filter(&ctx, "field-field", "field", &q.field, fields.iter().map(|f| (f.id, &*f.name_en, &*f.name_zh))))
            button type="submit" { (ctx.t("list-apply")) }
            " " a href="/teams" { (ctx.t("list-reset")) }
        }
        p class="muted" { (drx_core::i18n::t_args(ctx.lang, "teams-count", &[("n", teams.len().to_string())])) }
        @if teams.is_empty() { p class="muted" { (ctx.t("teams-catalogue-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr {
                    th { (ctx.t("team")) } th { (ctx.t("team-capabilities")) } th { (ctx.t("team-technologies")) }
                    th { (ctx.t("field-field")) } th { (ctx.t("capacity")) }
                } }
                tbody { @for t in &teams { tr {
                    td { a href={ "/teams/" (t.id) } { (ctx.pick(&t.name_en, &t.name_zh)) } br;
                        span class="muted small" { (ctx.pick(&t.organization_en, &t.organization_zh)) } }
                    td { (excerpt(&t.capabilities, 160)) }
                    td class="small" { (excerpt(&t.technologies, 160)) }
                    td { @for f in &t.fields { span class="pill" { (ctx.pick(&f.name_en, &f.name_zh)) } } }
                    td { (capacity_cell(&ctx, t)) }
                } } }
            } }
        }
    };
    Ok(page(&ctx, &ctx.t("teams-title"), body))
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

/// `GET /teams/{id}`: one team.
pub async fn team_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let message = match q.done.as_str() {
        "created" | "saved" | "invited" | "members" | "joined" => {
            Some(notice("ok", &ctx.t(&format!("team-done-{}", q.done))))
        }
        _ => None,
    };
    team_response(&ctx, &state, id, message, false).await
}

/// The team page, with a message above it; `refused`: a form on it was refused (422).
pub async fn team_response(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    message: Option<Markup>,
    refused: bool,
) -> Result<Response, WebError> {
    let ctx = ctx.clone();
    let user = ctx.require_user()?;
    let p = svc::page(&state.db, user, id).await?;
    let keeper = if p.can_edit {
        Some(super::team_edit::keeper_section(&ctx, state, user, id, &p).await?)
    } else {
        None
    };
    let history = super::history::section(&ctx, &state.db, user, Subject::Team(id)).await?;
    let t = &p.team;
    let labels = FieldLabels::load(&state.db).await?;
    let here = format!("/teams/{id}");

    // The open needs that fit the team best.
    let needs = NeedModel::shared(&state.db).await?;
    let best_needs = needs
        .team_index(id)
        .map(|i| needs.top_needs(i, 6))
        .unwrap_or_default();

    // The current call's finalists that fit it best (every submission in review for those who
    // run the call; titles only).
    let mut best_subs = Vec::new();
    let mut manager = false;
    let mut subs_model = None;
    if let Some(call_id) = catalogue::current_call(&state.db).await? {
        manager = drx_core::services::manages_call(&state.db, user, call_id).await?;
        let m = TeamModel::load(&state.db, call_id).await?;
        if let Some(i) = m.team_index(id) {
            best_subs = m
                .top_submissions(i, 60)
                .into_iter()
                .filter(|f| {
                    manager || m.submissions[f.document].status == SubmissionStatus::Finalist
                })
                .take(6)
                .collect();
        }
        subs_model = Some(m);
    }

    // Live interests of the team, shown in place of the forms that would repeat them.
    let live = interests::live_of_team(&state.db, id).await?;
    let live_for = |t: Target| live.iter().find(|i| interests::target_of(i) == t);

    // What the person may offer this team from the clinical side.
    let my_needs = interests::my_open_needs(&state.db, user).await?;
    let my_subs: Vec<_> = catalogue::my_submissions(&state.db, user)
        .await?
        .into_iter()
        .filter(|s| interests::open_for_interest(s.status))
        .collect();

    let body = html! {
        (catalogue_tabs(&ctx, "teams"))
        h1 { (ctx.pick(&t.name_en, &t.name_zh)) }
        @if let Some(m) = message { (m) }
        p {
            span class="pill" { (ctx.pick(&t.organization_en, &t.organization_zh)) }
            @for f in &t.fields { span class="pill" { (ctx.pick(&f.name_en, &f.name_zh)) } }
            span class="pill" { (ctx.t("capacity")) ": " (capacity_cell(&ctx, t)) }
        }
        div class="table-wrap" { table class="meta" { tbody {
            tr { th { (ctx.t("team-capabilities")) } td class="prewrap" { (t.capabilities) } }
            tr { th { (ctx.t("team-technologies")) } td { (t.technologies) } }
        } } }
        h2 { (ctx.t("team-members")) }
        ul { @for m in &p.members {
            li { (m.name) @if !m.title.is_empty() { " · " span class="muted" { (m.title) } } @if m.lead { " " span class="pill" { (ctx.t("team-lead")) } } }
        } }
        @if p.can_leave {
            form method="post" action={ "/teams/" (id) "/leave" } class="inline" {
                (csrf_field(&ctx))
                button type="submit" class="small secondary" { (ctx.t("team-leave")) }
            }
        }
        @if let Some(k) = keeper { (k) }
        h2 { (ctx.t("team-projects")) }
        (super::team_edit::projects_table(&ctx, &p.past_projects, None))
        @if !p.matches.is_empty() {
            h2 { (ctx.t("team-matched")) }
            ul { @for m in &p.matches {
                li { "#" (m.submission_id) " " (m.title) " " span class="small" { (crate::pages::matching::stored_reason(&ctx, &m.reason, &labels)) } }
            } }
        }
        h2 { (ctx.t("team-best-needs")) }
        @if best_needs.is_empty() { p class="muted" { (ctx.t("team-best-none")) } } @else {
            (fit_table(&ctx, "need", &best_needs, &labels, |f| {
                let n = &needs.needs[f.document];
                html! {
                    a href={ "/needs/" (n.id) } { (n.problem) } br;
                    span class="muted small" { (ctx.pick(&n.field_en, &n.field_zh)) " · " (ctx.pick(&n.organization_en, &n.organization_zh)) }
                    @if let Some(i) = live_for(Target::Need(n.id)).filter(|_| p.is_member) { (interest_state(&ctx, i)) }
                    @else if p.is_member { (interest_form(&ctx, Side::Team, id, Target::Need(n.id), &here, &ctx.t("interest-express-team"))) }
                }
            }))
        }
        h2 { (ctx.t("team-best-finalists")) }
        @if best_subs.is_empty() { p class="muted" { (ctx.t("team-best-none")) } } @else if let Some(m) = &subs_model {
            (fit_table(&ctx, "field-submission-title", &best_subs, &labels, |f| {
                let s = &m.submissions[f.document];
                html! {
                    @if manager { a href={ "/submissions/" (s.id) } { "#" (s.id) " " (s.title) } } @else { "#" (s.id) " " (s.title) }
                    br; span class="muted small" { (ctx.t(&format!("status-{}", s.status))) }
                    @if let Some(i) = live_for(Target::Submission(s.id)).filter(|_| p.is_member) { (interest_state(&ctx, i)) }
                    @else if p.is_member && s.status == SubmissionStatus::Finalist {
                        (interest_form(&ctx, Side::Team, id, Target::Submission(s.id), &here, &ctx.t("interest-express-team")))
                    }
                }
            }))
        }
        @if !my_needs.is_empty() || !my_subs.is_empty() {
            h2 { (ctx.t("interest-in-team")) }
            form method="post" action="/interests" class="card" {
                (csrf_field(&ctx))
                input type="hidden" name="side" value="clinical";
                input type="hidden" name="team" value=(id);
                input type="hidden" name="next" value=(here);
                label { (ctx.t("interest-about")) br;
                    select name="about" required {
                        @for (nid, problem) in &my_needs { option value={ "need-" (nid) } { (ctx.t("need")) ": " (excerpt(problem, 80)) } }
                        @for s in &my_subs { option value={ "submission-" (s.id) } { (ctx.t("interest-submission")) ": #" (s.id) " " (excerpt(&s.title, 80)) } }
                    } }
                br;
                label { (ctx.t("interest-message")) br; textarea name="message" rows="3" maxlength="2000" {} }
                br;
                button type="submit" { (ctx.t("interest-express-clinical")) }
            }
        }
    };
    let title = ctx.pick(&t.name_en, &t.name_zh);
    let body = html! { (body) @if let Some(h) = history { (h) } };
    Ok(if refused {
        crate::layout::refused(&ctx, title, body)
    } else {
        page(&ctx, title, body)
    })
}

/// For a need's page: the teams that fit it best with their reasons, the forms to express
/// interest (the need's side for each team; a team member's side for each of their teams), and
/// the interests so far for those who speak for the need.
pub async fn need_teams_section(
    ctx: &Ctx,
    db: &drx_core::Db,
    user: &drx_core::model::Person,
    need_id: i64,
    need_created_by: Option<i64>,
) -> Result<Markup, WebError> {
    let speaks = drx_core::auth::authorization::can_speak_for_need(user, need_created_by);
    let here = format!("/needs/{need_id}");
    let m = NeedModel::shared(db).await?;
    let labels = FieldLabels::load(db).await?;
    let top = m
        .need_index(need_id)
        .map(|n| m.top_teams(n, 5))
        .unwrap_or_default();
    let my_teams = catalogue::my_teams(db, user).await?;
    let open_need = m.need_index(need_id).is_some();
    let all_interests = interests::of_need(db, need_id).await?;
    let interests = if speaks {
        all_interests.clone()
    } else {
        Vec::new()
    };
    Ok(html! {
        h2 { (ctx.t("need-best-teams")) }
        @if top.is_empty() { p class="muted" { (ctx.t("team-best-none")) } } @else {
            (fit_table(ctx, "team", &top, &labels, |f| {
                let t = &m.teams[f.profile];
                html! {
                    a href={ "/teams/" (t.team_id) } { (ctx.pick(&t.name_en, &t.name_zh)) } br;
                    span class="muted small" { (ctx.t("capacity")) ": " (t.capacity) }
                    @if speaks { (interest_form(ctx, Side::Clinical, t.team_id, Target::Need(need_id), &here, &ctx.t("interest-express-clinical"))) }
                }
            }))
        }
        @if open_need && !my_teams.is_empty() {
            h3 { (ctx.t("interest-from-my-team")) }
            @for t in &my_teams {
                div class="card" {
                    strong { (ctx.pick(&t.name_en, &t.name_zh)) }
                    @if let Some(i) = all_interests.iter().find(|i| i.team_id == t.id && i.status != drx_domain::InterestStatus::Declined) {
                        " " span class={ "pill interest-" (i.status) } { (ctx.t(&format!("interest-status-{}", i.status))) }
                        " " a href="/interests" { (ctx.t("interests-title")) " →" }
                    } @else {
                        (interest_form(ctx, Side::Team, t.id, Target::Need(need_id), &here, &ctx.t("interest-express-team")))
                    }
                }
            }
        }
        @if !interests.is_empty() {
            h3 { (ctx.t("interests-title")) }
            ul { @for i in &interests {
                li {
                    a href={ "/teams/" (i.team_id) } { (ctx.pick(&i.team_en, &i.team_zh)) } " · "
                    span class="muted" { (ctx.t(&format!("interest-from-{}", i.from_side))) } " · "
                    span class={ "pill interest-" (i.status) } { (ctx.t(&format!("interest-status-{}", i.status))) }
                }
            } }
            p { a href="/interests" { (ctx.t("interests-title")) " →" } }
        }
    })
}

/// For a submission's page, to its team only: the engineering teams that fit it best with their
/// reasons, and the form to express interest in each (once submitted).
pub async fn submission_teams_section(
    ctx: &Ctx,
    db: &drx_core::Db,
    user: &drx_core::model::Person,
    s: &drx_core::model::Submission,
    access: &drx_core::auth::authorization::SubmissionAccess,
) -> Result<Markup, WebError> {
    let open = interests::open_for_interest(s.status);
    if !open || !drx_core::auth::authorization::can_speak_for_submission(user, access) {
        return Ok(html! {});
    }
    let m = TeamModel::load(db, s.call_id).await?;
    let Some(d) = m.submissions.iter().position(|x| x.id == s.id) else {
        return Ok(html! {});
    };
    let labels = FieldLabels::load(db).await?;
    let top = m.top_teams(d, 5);
    let here = format!("/submissions/{}", s.id);
    Ok(html! {
        h2 { (ctx.t("matches-teams")) }
        (fit_table(ctx, "team", &top, &labels, |f| {
            let t = &m.teams[f.profile];
            html! {
                a href={ "/teams/" (t.team_id) } { (ctx.pick(&t.name_en, &t.name_zh)) } br;
                span class="muted small" { (ctx.t("capacity")) ": " (t.capacity) }
                (interest_form(ctx, Side::Clinical, t.team_id, Target::Submission(s.id), &here, &ctx.t("interest-express-clinical")))
            }
        }))
    })
}
