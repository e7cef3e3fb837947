//! The organizer's matching of engineering teams with finalists: run (teams per finalist, team
//! capacities), inspect each pair's affinity and reason, pin or remove pairs and re-run,
//! publish. Shares the run tables, the pair parsing and the call check with judge assignment.
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
use crate::layout::{csrf_field, page};
use crate::pages::matching::score_bar;
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::model::{CallJudging, RunPair};
use drx_core::now;
use drx_core::services::runs;
use drx_core::services::team_matching::{self as svc, TeamParams};
use drx_core::services::{Msg, ServiceError};
use drx_domain::RunKind;

fn base(call_id: i64) -> String {
    format!("/calls/{call_id}/team-matching")
}

fn per_finalist_field(ctx: &Ctx, n: u32) -> Markup {
    html! {
        label { (ctx.t("team-match-per-finalist-label")) " "
            input type="number" name="teams_per_finalist" min="1" max=(svc::MAX_TEAMS_PER_FINALIST) value=(n); }
    }
}

async fn overview(
    ctx: &Ctx,
    state: &AppState,
    call: &CallJudging,
    problems_met: &[Msg],
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = runs::of_call(&state.db, user, call.id, RunKind::Teams).await?;
    let st = svc::setting(&state.db, call.id).await?;
    let published = svc::published(&state.db, user, call.id).await?;
    let body = html! {
        p class="muted" { a href={ "/calls/" (call.id) } { (ctx.pick(&call.title_en, &call.title_zh)) } }
        h1 { (ctx.t("team-match-title")) }
        (problems(ctx, problems_met))
        div class="card" {
            p { (i18n::t_args(ctx.lang, "team-match-setting", &[
                ("finalists", st.finalists.len().to_string()),
                ("teams", st.model.teams.len().to_string()),
                ("room", st.room.iter().map(|r| *r as u64).sum::<u64>().to_string()),
            ])) }
            @if st.finalists.is_empty() {
                p class="muted" { (ctx.t("team-match-no-finalists")) " " a href={ "/calls/" (call.id) "/ranking" } { (ctx.t("ranking-title")) " →" } }
            }
            @if st.model.teams.is_empty() {
                p class="notice error" role="alert" id="no-teams" { (ctx.t("team-match-no-teams")) " " a href={ "/calls/" (call.id) "/committee" } { (ctx.t("committee-title")) " →" } }
            }
            form method="post" action=(base(call.id)) {
                (csrf_field(ctx))
                (per_finalist_field(ctx, 1))
                " "
                button type="submit" { (ctx.t("team-match-run")) }
            }
        }
        (runs_table(ctx, &list, &base(call.id)))
        h2 { (ctx.t("team-match-published")) }
        @if published.is_empty() { p class="muted" { (ctx.t("team-match-published-none")) } } @else {
            ul { @for m in &published {
                li { "#" (m.submission_id) " " (m.title) " → " a href={ "/teams/" (m.team_id) } { (ctx.pick(&m.team_en, &m.team_zh)) } }
            } }
        }
    };
    Ok(page(ctx, &ctx.t("team-match-title"), body))
}

/// `GET /calls/{id}/team-matching`.
pub async fn overview_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    overview(&ctx, &state, &call, &[]).await
}

/// `POST /calls/{id}/team-matching`: a run (or a re-run with pins and removals).
pub async fn run(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    CsrfForm(f): CsrfForm<RunForm>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    let user = ctx.require_user()?;
    let per: u32 = match f.teams_per_finalist.trim() {
        "" => 1,
        v => v.parse().unwrap_or(0),
    };
    let (pinned, forbidden) = f.pinned_and_forbidden()?;
    let params = TeamParams {
        teams_per_finalist: per,
        pinned,
        forbidden,
    };
    let outcome = svc::run_teams(&state.db, user, call_id, &params, now()).await;
    match after_run(outcome, &base(call_id))? {
        Ok(saved) => Ok(saved),
        Err(reasons) => overview(&ctx, &state, &call, &reasons).await,
    }
}

/// `GET /calls/{id}/team-matching/{run}`: the pairs with their affinity and reasons.
pub async fn run_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((call_id, run_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (run, pairs) = runs::get(&state.db, user, call_id, run_id, RunKind::Teams).await?;
    let params: TeamParams = serde_json::from_str(&run.parameters).unwrap_or_default();
    let st = svc::setting(&state.db, call_id).await?;
    let labels = crate::pages::matching::FieldLabels::load(&state.db).await?;
    let team_name: HashMap<i64, String> = st
        .model
        .teams
        .iter()
        .map(|t| (t.team_id, ctx.pick(&t.name_en, &t.name_zh).to_string()))
        .collect();
    let room: HashMap<i64, u32> = st
        .model
        .teams
        .iter()
        .zip(&st.room)
        .map(|(t, r)| (t.team_id, *r))
        .collect();
    let title_of: HashMap<i64, &str> = st
        .model
        .submissions
        .iter()
        .map(|s| (s.id, s.title.as_str()))
        .collect();
    let mut by_finalist: BTreeMap<i64, Vec<&RunPair>> = BTreeMap::new();
    for p in &pairs {
        by_finalist.entry(p.submission_id).or_default().push(p);
    }
    let best = pairs.iter().map(|p| p.affinity).fold(0.0, f64::max);
    let here = format!("{}/{}", base(call_id), run.id);
    let body = html! {
        p class="muted" { a href=(base(call_id)) { (ctx.t("team-match-title")) } " / #" (run.id) }
        (run_heading(&ctx, "team-match-run-title", &run))
        div class="card" {
            (run_summary(
                &ctx,
                &run,
                pairs.len(),
                html! { (i18n::t_args(ctx.lang, "team-match-per-finalist", &[("n", params.teams_per_finalist.to_string())])) },
                (params.pinned.len(), params.forbidden.len()),
                &here,
                "team-match-publish",
            ))
        }
        h2 { (ctx.t("assign-pairs-title")) }
        form method="post" action=(base(call_id)) {
            (csrf_field(&ctx))
            (kept_pairs(&params.pinned, &params.forbidden))
            div class="table-wrap" { table {
                (pairs_head(&ctx, "team-match-finalist", "team"))
                tbody { @for (s, v) in &by_finalist { @for (i, p) in v.iter().enumerate() {
                    tr {
                        @if i == 0 { td rowspan=(v.len()) { a href={ "/submissions/" (s) } { "#" (s) " " (title_of.get(s).copied().unwrap_or("")) } } }
                        td {
                            a href={ "/teams/" (p.assignee_id) } { (team_name.get(&p.assignee_id).cloned().unwrap_or_default()) }
                            br; span class="muted small" { (ctx.t("team-match-room")) ": " (room.get(&p.assignee_id).copied().unwrap_or(0)) }
                        }
                        td { (score_bar(p.affinity, best)) }
                        td class="small" { (crate::pages::matching::stored_reason(&ctx, &p.reason, &labels)) }
                        (pair_boxes(&ctx, &params.pinned, *s, p.assignee_id))
                    }
                } } }
            } }
            (per_finalist_field(&ctx, params.teams_per_finalist))
            " "
            button type="submit" { (ctx.t("assign-rerun")) }
        }
    };
    Ok(page(&ctx, &ctx.t("team-match-run-title"), body))
}

/// `POST /calls/{id}/team-matching/{run}/publish`.
pub async fn publish(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((call_id, run_id)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let call = managed_call(&ctx, &state, call_id).await?;
    let user = ctx.require_user()?;
    runs::get(&state.db, user, call_id, run_id, RunKind::Teams).await?;
    match svc::publish(&state.db, user, run_id, &state.config.base_url, now()).await {
        Ok(_) => Ok(see_other(&format!("{}/{run_id}", base(call_id)))),
        Err(ServiceError::Invalid(m)) => overview(&ctx, &state, &call, &[m]).await,
        Err(e) => Err(e.into()),
    }
}
