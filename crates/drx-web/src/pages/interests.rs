//! Expressions of interest: the form either side uses, the list of a person's incoming and
//! outgoing interests with the answer buttons, and the answer itself.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, datetime, page};
use crate::{see_other, AppState};
use drx_core::model::Target;
use drx_core::now;
use drx_core::services::interests::{self as svc, Side};

/// The small form that expresses interest for `side` between `team_id` and `target`; after
/// posting, the browser comes back to `next`.
pub fn interest_form(
    ctx: &Ctx,
    side: Side,
    team_id: i64,
    target: Target,
    next: &str,
    label: &str,
) -> Markup {
    let (need, sub) = match target {
        Target::Need(n) => (n.to_string(), String::new()),
        Target::Submission(s) => (String::new(), s.to_string()),
    };
    html! {
        details class="interest-form" { summary { (label) }
        form method="post" action="/interests" {
            (csrf_field(ctx))
            input type="hidden" name="side" value=(side.as_str());
            input type="hidden" name="team" value=(team_id);
            input type="hidden" name="need" value=(need);
            input type="hidden" name="submission" value=(sub);
            input type="hidden" name="next" value=(next);
            label { span class="muted small" { (ctx.t("interest-message")) } br;
                textarea name="message" rows="2" maxlength=(svc::MESSAGE_MAX) {} }
            br;
            button type="submit" { (label) }
        }
        }
    }
}

/// The state of a live interest in place of the form that would create it again.
pub fn interest_state(ctx: &Ctx, i: &drx_core::model::Interest) -> Markup {
    html! {
        div class="small" {
            span class={ "pill interest-" (i.status) } { (ctx.t(&format!("interest-status-{}", i.status))) }
            " " span class="muted" { (ctx.t(&format!("interest-from-{}", i.from_side))) }
            " · " a href="/interests" { (ctx.t("interests-title")) " →" }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct ExpressForm {
    #[serde(default)]
    side: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    submission: String,
    /// "need-ID" or "submission-ID", from a select (instead of `need`/`submission`).
    #[serde(default)]
    about: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    next: String,
}

fn bad_choice() -> WebError {
    WebError::BadRequest {
        en: "Choose a team and a need or a submission.".into(),
        zh: "请选择团队以及需求或方案。".into(),
    }
}

/// A local path to come back to, or the interests page.
fn back_to(next: &str) -> String {
    crate::ctx::local_path(next).unwrap_or_else(|| "/interests".to_string())
}

/// `POST /interests`: either side expresses interest.
pub async fn express(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<ExpressForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let side = Side::parse(f.side.trim()).ok_or_else(bad_choice)?;
    let team: i64 = f.team.trim().parse().map_err(|_| bad_choice())?;
    let (need, submission) = match f.about.split_once('-') {
        Some(("need", id)) => (id, ""),
        Some(("submission", id)) => ("", id),
        _ => (f.need.as_str(), f.submission.as_str()),
    };
    let target = match (need.trim().parse::<i64>(), submission.trim().parse::<i64>()) {
        (Ok(n), Err(_)) => Target::Need(n),
        (Err(_), Ok(s)) => Target::Submission(s),
        _ => return Err(bad_choice()),
    };
    svc::express(
        &state.db,
        user,
        side,
        target,
        team,
        &f.message,
        &state.config.base_url,
        now(),
    )
    .await?;
    Ok(see_other(&back_to(&f.next)))
}

/// An answer to an interest or an invitation: `accept` or `decline`.
#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    pub answer: String,
}

impl AnswerForm {
    /// True to accept, false to decline, None for anything else.
    pub fn accepts(&self) -> Option<bool> {
        match self.answer.as_str() {
            "accept" => Some(true),
            "decline" => Some(false),
            _ => None,
        }
    }
}

/// The two buttons that post an [`AnswerForm`] to `action`, labelled by the i18n keys given.
pub fn answer_buttons(ctx: &Ctx, action: &str, accept_key: &str, decline_key: &str) -> Markup {
    html! {
        form method="post" action=(action) class="inline" {
            (csrf_field(ctx))
            button type="submit" name="answer" value="accept" class="small" { (ctx.t(accept_key)) }
            " "
            button type="submit" name="answer" value="decline" class="small secondary" { (ctx.t(decline_key)) }
        }
    }
}

/// `POST /interests/{id}/answer`: the other side accepts or declines.
pub async fn answer(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AnswerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let Some(accept) = f.accepts() else {
        return Err(WebError::BadRequest {
            en: "Accept or decline.".into(),
            zh: "请选择接受或婉拒。".into(),
        });
    };
    svc::answer(&state.db, user, id, accept, &state.config.base_url, now())
        .await
        .map_err(WebError::back_to(&ctx, "/interests"))?;
    Ok(see_other("/interests"))
}

fn target_link(ctx: &Ctx, i: &drx_core::model::Interest) -> Markup {
    html! {
        @match (i.need_id, i.submission_id) {
            (Some(n), _) => { span class="pill" { (ctx.t("need")) } " " a href={ "/needs/" (n) } { (i.target) } }
            (None, Some(s)) => { span class="pill" { (ctx.t("interest-submission")) } " " a href={ "/submissions/" (s) } { (i.target) } }
            _ => {}
        }
    }
}

/// `GET /interests`: the person's incoming and outgoing interests.
pub async fn list_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let all = svc::mine(&state.db, user).await?;
    let (incoming, outgoing): (Vec<_>, Vec<_>) = all.iter().partition(|m| m.incoming);
    let table = |rows: &[&svc::MyInterest]| {
        html! {
            @if rows.is_empty() { p class="muted" { (ctx.t("interests-none")) } } @else {
                div class="table-wrap" { table {
                    thead { tr {
                        th { (ctx.t("interest-about")) } th { (ctx.t("team")) } th { (ctx.t("field-interest-message")) }
                        th { (ctx.t("field-status")) } th { (ctx.t("updated")) } th {}
                    } }
                    tbody { @for m in rows {
                        @let i = &m.interest;
                        tr {
                            td { (target_link(&ctx, i)) br; span class="muted small" { (ctx.t(&format!("interest-from-{}", i.from_side))) } }
                            td { a href={ "/teams/" (i.team_id) } { (ctx.pick(&i.team_en, &i.team_zh)) } }
                            td class="prewrap" { (i.message) }
                            td { span class={ "pill interest-" (i.status) } { (ctx.t(&format!("interest-status-{}", i.status))) } }
                            td class="muted" { (datetime(i.answered_at.unwrap_or(i.created_at))) }
                            td {
                                @if m.can_answer {
                                    form method="post" action={ "/interests/" (i.id) "/answer" } class="inline" {
                                        (csrf_field(&ctx))
                                        button type="submit" name="answer" value="accept" { (ctx.t("interest-accept")) }
                                        " "
                                        button type="submit" name="answer" value="decline" class="secondary" { (ctx.t("interest-decline")) }
                                    }
                                }
                            }
                        }
                    } }
                } }
            }
        }
    };
    let body = html! {
        (super::teams::catalogue_tabs(&ctx, "interests"))
        h1 { (ctx.t("interests-title")) }
        p class="muted" { (ctx.t("interests-lead")) }
        h2 { (ctx.t("interests-incoming")) }
        (table(&incoming))
        h2 { (ctx.t("interests-outgoing")) }
        (table(&outgoing))
    };
    Ok(page(&ctx, &ctx.t("interests-title"), body))
}
