//! Affinity shown to people: the best judges and teams for a submission (organizers), the
//! submissions that fit a judge, the needs that fit an engineering team, each with its reasons.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::page;
use crate::AppState;
use drx_core::model::Field;
use drx_core::model::Person;
use drx_core::services::matching::{Fit, JudgeModel, NeedModel, TeamModel};
use drx_core::services::{catalogue, reviews};
use drx_core::Db;
use drx_domain::Bid;
use drx_engine::affinity::Explanation;

/// A score as a number and a bar relative to `best` (the highest score in the list), since
/// lexical affinities are small numbers whose order matters more than their size.
pub fn score_bar(score: f64, best: f64) -> Markup {
    let pct = if best > 0.0 {
        (score / best).clamp(0.0, 1.0) * 100.0
    } else {
        0.0
    }
    .round() as i64;
    html! { span class="bar" title=(format!("{score:.3}")) { span class={ "fill w" (pct / 5 * 5) } {} } " " (format!("{score:.2}")) }
}

/// The reasons of a score: shared terms, matched fields and keywords, the nearest past work.
pub fn reasons(ctx: &Ctx, e: &Explanation, labels: &FieldLabels) -> Markup {
    html! {
        div class="reasons" {
            @let terms = shown_terms(e, labels);
            @if !terms.is_empty() {
                span class="muted" { (ctx.t("reason-terms")) ": " }
                @for t in &terms { span class="pill term" { (t) } }
            }
            @if !e.matched_fields.is_empty() {
                br;
                span class="muted" { (ctx.t("reason-fields")) ": " }
                @for f in &e.matched_fields { span class="pill" { (labels.label(ctx, f)) } }
            }
            @if !e.matched_keywords.is_empty() {
                br;
                span class="muted" { (ctx.t("reason-keywords")) ": " }
                @for k in &e.matched_keywords { span class="pill" { (k) } }
            }
            @if let Some(w) = &e.nearest_work {
                br;
                span class="muted" { (ctx.t("reason-nearest")) ": " } (w.title)
            }
        }
    }
}

/// A reason stored with an assignment pair (`services::matching::reason_line`: "terms: a, b |
/// fields: rehabilitation | keywords: .. | nearest: title", and the judge's "bid: eager"), shown
/// with the reader's labels, field names and bid names. Text in another shape is shown as it is.
pub fn stored_reason(ctx: &Ctx, reason: &str, labels: &FieldLabels) -> Markup {
    let parts: Vec<(&str, &str)> = reason
        .split(" | ")
        .filter_map(|part| part.split_once(": "))
        .collect();
    let known = |k: &str| matches!(k, "terms" | "fields" | "keywords" | "nearest" | "bid");
    if parts.is_empty() || !parts.iter().all(|(k, _)| known(k)) {
        return html! { (reason) };
    }
    html! {
        @for (i, (kind, value)) in parts.iter().enumerate() {
            @if i > 0 { " · " }
            span class="muted" { (ctx.t(&format!("reason-{kind}"))) ": " }
            @if *kind == "fields" {
                @for (j, code) in value.split(", ").enumerate() {
                    @if j > 0 { ", " }
                    (labels.label(ctx, code))
                }
            } @else if let Some(bid) = Bid::parse(value).filter(|_| *kind == "bid") {
                (ctx.t(&format!("bid-{bid}")))
            } @else {
                (value)
            }
        }
    }
}

/// The shared terms worth showing: not a field code (fields have their own line), and not a
/// piece of a longer shown term (Chinese segmentation yields both 传感器 and 传感).
fn shown_terms<'a>(e: &'a Explanation, labels: &FieldLabels) -> Vec<&'a str> {
    let candidates: Vec<&str> = e
        .shared_terms
        .iter()
        .map(|t| t.surface.as_str())
        .filter(|t| !labels.0.iter().any(|f| f.code.eq_ignore_ascii_case(t)))
        .collect();
    let mut shown: Vec<&str> = Vec::new();
    for t in &candidates {
        let inside_other = candidates
            .iter()
            .any(|o| o != t && o.chars().count() > t.chars().count() && o.contains(t));
        if !inside_other && !shown.contains(t) {
            shown.push(t);
        }
    }
    shown.truncate(6);
    shown
}

/// Field names by code, from the taxonomy in the database.
pub struct FieldLabels(Vec<Field>);

impl FieldLabels {
    pub async fn load(db: &Db) -> Result<FieldLabels, WebError> {
        Ok(FieldLabels(catalogue::fields(db).await?))
    }
    pub fn label(&self, ctx: &Ctx, code: &str) -> String {
        match self.0.iter().find(|f| f.code == code) {
            Some(f) => ctx.pick(&f.name_en, &f.name_zh).to_string(),
            None => code.to_string(),
        }
    }
}

/// `/submissions/{id}/matches`: the organizer's view of who fits a submission.
pub async fn submission_matches(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let call_id =
        drx_core::services::matching::managed_call_of_submission(&state.db, user, id).await?;
    let judges = JudgeModel::load(&state.db, call_id).await?;
    let s = judges.submission_index(id).ok_or(WebError::NotFound)?;
    let teams = TeamModel::load(&state.db, call_id).await?;
    let sub = &judges.submissions[s];
    let top_judges = judges.top_judges(s, 10);
    let top_teams = teams.top_teams(s, 5);
    let labels = FieldLabels::load(&state.db).await?;
    let body = html! {
        p class="muted" { a href="/" { (ctx.t("nav-home")) } " / #" (sub.id) }
        h1 { (sub.title) }
        p { (sub.need_statement) }
        h2 { (ctx.t("matches-judges")) }
        (fit_table(&ctx, "role-judge", &top_judges, &labels, |f| {
            let j = &judges.judges[f.profile];
            html! {
                strong { (j.name) } br;
                span class="muted" { (j.title) } br;
                span class="muted" { (ctx.pick(&j.organization_en, &j.organization_zh)) }
                @if let Some(c) = judges.conflict(f.profile, s) {
                    br; span class="pill conflict" { (ctx.t(c.key())) }
                }
            }
        }))
        h2 { (ctx.t("matches-teams")) }
        (fit_table(&ctx, "team", &top_teams, &labels, |f| {
            let t = &teams.teams[f.profile];
            html! {
                strong { a href={ "/teams/" (t.team_id) } { (ctx.pick(&t.name_en, &t.name_zh)) } } br; span class="muted" { (ctx.t("capacity")) ": " (t.capacity) }
            }
        }))
    };
    Ok(page(&ctx, &sub.title, body))
}

fn fits_table(
    ctx: &Ctx,
    fits: &[Fit],
    labels: &FieldLabels,
    title_of: impl Fn(usize) -> (String, String),
) -> Markup {
    fit_table(ctx, "field-submission-title", fits, labels, |f| {
        let (title, sub) = title_of(f.document);
        html! { (title) @if !sub.is_empty() { br; span class="muted" { (sub) } } }
    })
}

/// A table of fits, best first: `who` fills the first column (headed by the text `head`), then
/// the score as a bar against the best one, then the reasons.
pub fn fit_table(
    ctx: &Ctx,
    head: &str,
    fits: &[Fit],
    labels: &FieldLabels,
    who: impl Fn(&Fit) -> Markup,
) -> Markup {
    let best = fits.first().map_or(0.0, |f| f.score);
    html! {
        div class="table-wrap" { table {
            thead { tr { th { (ctx.t(head)) } th { (ctx.t("affinity")) } th { (ctx.t("reasons")) } } }
            tbody { @for f in fits {
                tr {
                    td { (who(f)) }
                    td { (score_bar(f.score, best)) }
                    td { (reasons(ctx, &f.explanation, labels)) }
                }
            } }
        } }
    }
}

/// For a judge's home: their assigned reviews, then the submissions of the current call that fit
/// their expertise (titles only: no authors or hospitals, whatever the blind mode).
pub async fn judge_section(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let reviews = reviews::mine(db, user).await?;
    let mut fits = html! {};
    if let Some(call_id) = catalogue::current_call(db).await? {
        let m = JudgeModel::load(db, call_id).await?;
        if let Some(j) = m.judge_index(user.id) {
            let labels = FieldLabels::load(db).await?;
            let top = m.top_submissions(j, 8);
            fits = html! {
                h3 { (ctx.t("fits-judge")) }
                (fits_table(ctx, &top, &labels, |d| (format!("#{} {}", m.submissions[d].id, m.submissions[d].title), String::new())))
            };
        }
    }
    let bidding = drx_core::services::bids::open_for(db, user).await?;
    Ok(html! {
        @if !bidding.is_empty() {
            section id="bidding" {
                h2 { (ctx.t("bids-title")) }
                ul { @for c in &bidding {
                    li { a href={ "/calls/" (c.id) "/bids" } { (ctx.t("bids-link")) ": " (ctx.pick(&c.title_en, &c.title_zh)) } }
                } }
            }
        }
        section {
            h2 { (ctx.t("my-reviews")) }
            @if reviews.is_empty() {
                p class="muted" { (ctx.t("reviews-none")) }
            } @else {
                div class="table-wrap" { table {
                    thead { tr { th { "#" } th { (ctx.t("field-submission-title")) } th { (ctx.t("field-status")) } } }
                    tbody { @for r in &reviews {
                        tr { td { (r.submission_id) } td { a href={ "/reviews/" (r.id) } { (r.submission_title) } } td { span class="pill" { (ctx.t(&format!("review-{}", r.status))) } } }
                    } }
                } }
            }
            (fits)
            p { a href="/account/profile" { (ctx.t("profile-link")) " →" } }
        }
    })
}

/// For an engineer's home: the open needs that fit each of their teams.
pub async fn team_needs_section(ctx: &Ctx, db: &Db, user: &Person) -> Result<Markup, WebError> {
    let mine = catalogue::my_teams(db, user).await?;
    if mine.is_empty() {
        return Ok(html! {});
    }
    let m = NeedModel::shared(db).await?;
    let labels = FieldLabels::load(db).await?;
    Ok(html! {
        @for team in &mine {
            @if let Some(t) = m.team_index(team.id) {
                h3 { (ctx.t("fits-team")) ": " (ctx.pick(&team.name_en, &team.name_zh)) }
                (fits_table(ctx, &m.top_needs(t, 6), &labels, |d| {
                    let n = &m.needs[d];
                    (format!("{} — {}", n.problem, n.population), format!("{} · {}", ctx.pick(&n.field_en, &n.field_zh), ctx.pick(&n.organization_en, &n.organization_zh)))
                }))
            }
        }
    })
}
