//! The organizer's matching runs, one module for both kinds: judges -> submissions
//! (`judges`, the review assignment) and engineering teams -> finalists (`teams`). Both run the
//! assignment engine, list their runs, show each pair with its affinity and reason, take pins
//! and removals for a re-run, and publish; what they share is here.
pub mod judges;
pub mod teams;

use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::{csrf_field, datetime, notice};
use crate::{see_other, AppState};
use axum::response::Response;
use drx_core::i18n;
use drx_core::model::{CallJudging, Run};
use drx_core::services::assignment::RunOutcome;
use drx_core::services::{Msg, ServiceError};

/// The call, when the signed-in person runs it (Forbidden, or NotFound when there is none).
pub async fn managed_call(
    ctx: &Ctx,
    state: &AppState,
    call_id: i64,
) -> Result<CallJudging, WebError> {
    let user = ctx.require_user()?;
    Ok(drx_core::services::require_call_manager(&state.db, user, call_id).await?)
}

/// What a run's post comes to: the saved run's page (`base/{run}`), or the reasons no run was
/// saved (an infeasible problem, or a refused request), which both kinds show on their overview.
pub fn after_run(
    outcome: Result<RunOutcome, ServiceError>,
    base: &str,
) -> Result<Result<Response, Vec<Msg>>, WebError> {
    match outcome {
        Ok(RunOutcome::Saved { run_id, .. }) => Ok(Ok(see_other(&format!("{base}/{run_id}")))),
        Ok(RunOutcome::Infeasible(reasons)) => Ok(Err(reasons)),
        Err(ServiceError::Invalid(m)) => Ok(Err(vec![m])),
        Err(e) => Err(e.into()),
    }
}

/// Pairs as the pair tables post them: "submission-assignee".
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

/// A run form of either kind as posted: the kind's options, and the pins and removals a re-run
/// carries (those kept from the run shown and the new ticks).
#[derive(Deserialize, Default)]
pub struct RunForm {
    /// Judges: raise the worst-served submission first.
    #[serde(default)]
    fairness: Option<String>,
    /// Judges: at most one judge of an organization per submission.
    #[serde(default)]
    one_per_org: Option<String>,
    /// Teams: how many teams each finalist gets ("" is one).
    #[serde(default)]
    teams_per_finalist: String,
    #[serde(default)]
    keep_pin: Vec<String>,
    #[serde(default)]
    keep_forbid: Vec<String>,
    #[serde(default)]
    pin: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
}

impl RunForm {
    /// (pinned, forbidden). A pair both pinned and removed: the removal, the later decision, wins.
    pub fn pinned_and_forbidden(&self) -> Result<(Vec<(i64, i64)>, Vec<(i64, i64)>), WebError> {
        let mut pinned = parse_pairs(&self.keep_pin)?;
        pinned.extend(parse_pairs(&self.pin)?);
        let mut forbidden = parse_pairs(&self.keep_forbid)?;
        forbidden.extend(parse_pairs(&self.forbid)?);
        pinned.retain(|p| !forbidden.contains(p));
        pinned.dedup();
        forbidden.dedup();
        Ok((pinned, forbidden))
    }
}

/// The hidden fields that carry a run's pins and removals into its re-run.
pub fn kept_pairs(pinned: &[(i64, i64)], forbidden: &[(i64, i64)]) -> Markup {
    html! {
        @for (s, a) in pinned { input type="hidden" name="keep_pin" value={ (s) "-" (a) }; }
        @for (s, a) in forbidden { input type="hidden" name="keep_forbid" value={ (s) "-" (a) }; }
    }
}

/// The pin and remove boxes of one pair.
pub fn pair_boxes(ctx: &Ctx, pinned: &[(i64, i64)], s: i64, a: i64) -> Markup {
    html! {
        td { @if pinned.contains(&(s, a)) { "📌" } @else { input type="checkbox" name="pin" value={ (s) "-" (a) } aria-label=(ctx.t("assign-pin")); } }
        td { input type="checkbox" name="forbid" value={ (s) "-" (a) } aria-label=(ctx.t("assign-remove")); }
    }
}

/// The list of a call's runs of one kind, each linking to `{base}/{id}`.
pub fn runs_table(ctx: &Ctx, runs: &[Run], base: &str) -> Markup {
    html! {
        h2 { (ctx.t("assign-runs")) }
        @if runs.is_empty() { p class="muted" { (ctx.t("assign-runs-none")) } } @else {
            table {
                thead { tr { th { "#" } th { (ctx.t("field-status")) } th { (ctx.t("assign-total")) } th { (ctx.t("updated")) } } }
                tbody { @for r in runs {
                    tr {
                        td { a href={ (base) "/" (r.id) } { "#" (r.id) } }
                        td { span class="pill" { (ctx.t(&format!("run-{}", r.status))) } }
                        td { (format!("{:.3}", r.objective.unwrap_or(0.0))) }
                        td class="muted" { (datetime(r.created_at)) }
                    }
                } }
            }
        }
    }
}

/// The problems a run or publication met, in the reader's language.
pub fn problems(ctx: &Ctx, problems: &[Msg]) -> Markup {
    html! { @for m in problems { (notice("error", &i18n::msg(ctx.lang, m))) } }
}

/// A run's heading: the page's title, the run's number and its status.
pub fn run_heading(ctx: &Ctx, title_key: &str, run: &Run) -> Markup {
    html! {
        h1 { (ctx.t(title_key)) " #" (run.id) " " span class="pill" { (ctx.t(&format!("run-{}", run.status))) } }
    }
}

/// A run's summary card content: its total and pair count, the options it ran with (`options`,
/// then its pins and removals), and for a draft the button that posts to `{here}/publish`.
pub fn run_summary(
    ctx: &Ctx,
    run: &Run,
    pairs: usize,
    options: Markup,
    (pinned, forbidden): (usize, usize),
    here: &str,
    publish_key: &str,
) -> Markup {
    html! {
        div class="stat" { (format!("{:.2}", run.objective.unwrap_or(0.0))) }
        div class="stat-label" { (ctx.t("assign-total")) " · " (pairs) " " (ctx.t("assign-pairs")) }
        p class="muted" {
            (options)
            " · " (ctx.t("assign-pinned")) ": " (pinned) " · " (ctx.t("assign-removed")) ": " (forbidden)
        }
        @if run.status == drx_domain::RunStatus::Draft {
            form method="post" action={ (here) "/publish" } {
                (csrf_field(ctx))
                button type="submit" { (ctx.t(publish_key)) }
            }
        }
    }
}

/// The head of a run's pair table: what is matched (`what_key`) with whom (`who_key`), then the
/// affinity, the reasons and the pin and remove columns.
pub fn pairs_head(ctx: &Ctx, what_key: &str, who_key: &str) -> Markup {
    html! {
        thead { tr {
            th { (ctx.t(what_key)) } th { (ctx.t(who_key)) } th { (ctx.t("affinity")) }
            th { (ctx.t("reasons")) } th { (ctx.t("assign-pin")) } th { (ctx.t("assign-remove")) }
        } }
    }
}
