//! The judge's pages: the review workspace (the submission in the judge's view, the rubric
//! form, draft and submit, conflict declaration), the per-submission discussion, and the
//! feedback section that authors see on their submission after the decision; and reading the
//! reviews: a submission's reviews (organizers, co-judges) and the call's list of reviews.
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, datetime, notice, page};
use crate::{see_other, AppState};
use drx_core::auth::authorization::{can_see_feedback, SubmissionAccess, SubmissionView};
use drx_core::i18n;
use drx_core::model::Person;
use drx_core::model::Submission;
use drx_core::services::review_reading::{self as reading, ReadReview, ReviewFilter};
use drx_core::services::reviews::{self as svc, RawReview, Workspace};
use drx_core::services::submissions::shown_filename;
use drx_core::services::ServiceError;
use drx_core::{now, Db};
use drx_domain::ReviewStatus;

/// The submission as this viewer may see it: never authors, hospitals or file names in the
/// blind view.
pub async fn submission_content(
    ctx: &Ctx,
    db: &Db,
    user: &Person,
    s: &Submission,
    view: SubmissionView,
) -> Result<Markup, WebError> {
    let attachments = drx_core::services::submissions::attachments(db, user, s.id).await?;
    let full = view == SubmissionView::Full;
    Ok(html! {
        div class="table-wrap" { table class="meta" { tbody {
            tr { th { (ctx.t("field-stage")) } td { (ctx.t(&format!("stage-{}", s.stage))) } }
            tr { th { (ctx.t("field-fields")) } td { @for f in &s.fields { span class="pill" { (ctx.pick(&f.name_en, &f.name_zh)) } } } }
            tr { th { (ctx.t("field-keywords")) } td { (s.keywords) } }
            @if full {
                tr { th { (ctx.t("sub-lead-hospital")) } td { (ctx.pick(&s.organization_en, &s.organization_zh)) } }
                tr { th { (ctx.t("field-team")) } td { ul class="plain" { @for m in &s.members { li { (m.name) } } } } }
            } @else {
                tr { th { (ctx.t("field-team")) } td class="muted" { (ctx.t("review-blind-note")) } }
            }
        } } }
        h2 { (ctx.t("field-need-statement")) }
        p class="prewrap" { (s.need_statement) }
        h2 { (ctx.t("field-solution")) }
        p class="prewrap" { (s.solution) }
        @if !s.evidence.is_empty() {
            h2 { (ctx.t("field-evidence")) }
            p class="prewrap" { (s.evidence) }
        }
        @if !attachments.is_empty() {
            h2 { (ctx.t("sub-attachments")) }
            ul class="plain" { @for a in &attachments {
                li { a href={ "/attachments/" (a.id) } { (shown_filename(a, view)) } }
            } }
        }
    })
}

fn review_form(ctx: &Ctx, w: &Workspace, raw: &RawReview) -> Markup {
    let total_w: f64 = w.criteria.iter().map(|c| c.weight.max(0.0)).sum();
    let disabled = !w.editable;
    html! {
        form method="post" action={ "/reviews/" (w.review.id) } class="stacked card" {
            (csrf_field(ctx))
            h2 { (ctx.t("review-rubric")) }
            @for c in &w.criteria {
                @let name = format!("score_{}", c.id);
                @let pct = if total_w > 0.0 { (c.weight / total_w * 100.0).round() as i64 } else { 0 };
                label for=(name) { (ctx.pick(&c.name_en, &c.name_zh)) " " span class="muted" { "(" (c.scale_min) "–" (c.scale_max) ", " (pct) "%)" } }
                input type="number" id=(name) name=(name) min=(c.scale_min) max=(c.scale_max) step="0.5"
                    value=(raw.scores.get(&c.id).cloned().unwrap_or_default()) disabled[disabled];
            }
            label for="confidence" { (ctx.t("review-confidence")) }
            select id="confidence" name="confidence" disabled[disabled] {
                option value="" { "—" }
                @for v in 1..=5 {
                    @let s = v.to_string();
                    option value=(s) selected[raw.confidence.trim() == s] { (s) " · " (ctx.t(&format!("review-confidence-{v}"))) }
                }
            }
            label for="comments_for_authors" { (ctx.t("review-for-authors")) }
            p class="muted" { (ctx.t("review-for-authors-help")) }
            textarea id="comments_for_authors" name="comments_for_authors" rows="6" disabled[disabled] { (raw.comments_for_authors) }
            label for="comments_for_committee" { (ctx.t("review-for-committee")) }
            p class="muted" { (ctx.t("review-for-committee-help")) }
            textarea id="comments_for_committee" name="comments_for_committee" rows="4" disabled[disabled] { (raw.comments_for_committee) }
            @if w.editable {
                div class="actions" {
                    @if w.review.status != ReviewStatus::Submitted {
                        button type="submit" name="action" value="save" class="secondary" { (ctx.t("review-save")) }
                    }
                    button type="submit" name="action" value="submit" { (ctx.t("review-submit")) }
                }
            }
        }
    }
}

async fn workspace_page(
    ctx: &Ctx,
    state: &AppState,
    w: &Workspace,
    raw: &RawReview,
    message: Option<(&str, String)>,
) -> Result<Markup, WebError> {
    let s = &w.submission;
    let user = ctx.require_user()?;
    let content = submission_content(ctx, &state.db, user, s, w.view).await?;
    // The others' reviews, once the call's co-review rule opens them to this judge.
    let others = reading::visibility(&state.db, user, s.id).await.is_ok();
    Ok(html! {
        p class="muted" { a href="/" { (ctx.t("nav-home")) } " / " (ctx.t("my-reviews")) }
        h1 { (ctx.t("review-title")) ": #" (s.id) " " (s.title) }
        p {
            span class="pill" { (ctx.t(&format!("review-{}", w.review.status))) }
            " " span class="muted" { (ctx.t("updated")) " " (datetime(w.review.updated_at)) }
            @if w.review.status == ReviewStatus::Submitted {
                " · " a href={ "/submissions/" (s.id) "/discussion" } { (ctx.t("discussion-title")) }
            }
            @if others { " · " a href={ "/submissions/" (s.id) "#reviews" } { (ctx.t("reviews-others")) } }
        }
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        @if !w.editable { (notice("info", &ctx.t("review-phase-closed"))) }
        div class="layout-side" {
            div { (content) }
            div {
                (review_form(ctx, w, raw))
                @if w.editable && w.review.status != ReviewStatus::Submitted {
                    form method="post" action={ "/reviews/" (w.review.id) "/conflict" } class="stacked card" {
                        (csrf_field(ctx))
                        h2 { (ctx.t("conflict-title")) }
                        p class="muted" { (ctx.t("conflict-help")) }
                        label for="reason" { (ctx.t("conflict-reason")) }
                        textarea id="reason" name="reason" rows="3" required {}
                        button type="submit" class="secondary" { (ctx.t("conflict-declare")) }
                    }
                }
            }
        }
    })
}

pub async fn review_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let w = svc::workspace(&state.db, user, id).await?;
    let raw = RawReview::of(&w);
    let body = workspace_page(&ctx, &state, &w, &raw, None).await?;
    Ok(page(&ctx, &ctx.t("review-title"), body))
}

/// The workspace again with the refusal's message (422), showing `typed` or the stored review.
async fn refused(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    id: i64,
    typed: Option<RawReview>,
    m: &drx_core::services::Msg,
) -> Result<Response, WebError> {
    let w = svc::workspace(&state.db, user, id).await?;
    let raw = typed.unwrap_or_else(|| RawReview::of(&w));
    let message = Some(("error", i18n::msg(ctx.lang, m)));
    let body = workspace_page(ctx, state, &w, &raw, message).await?;
    let title = ctx.t("review-title");
    Ok(crate::layout::refused(ctx, &title, body))
}

/// The typed review from the posted fields (`score_<criterion id>` and the rest).
fn raw_of(fields: &[(String, String)]) -> (RawReview, bool) {
    let mut raw = RawReview::default();
    let mut submit = false;
    for (k, v) in fields {
        match k.as_str() {
            "confidence" => raw.confidence = v.clone(),
            "comments_for_authors" => raw.comments_for_authors = v.clone(),
            "comments_for_committee" => raw.comments_for_committee = v.clone(),
            "action" => submit = v == "submit",
            _ => {
                if let Some(id) = k.strip_prefix("score_").and_then(|i| i.parse().ok()) {
                    raw.scores.insert(id, v.clone());
                }
            }
        }
    }
    (raw, submit)
}

pub async fn save_review(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (raw, submit) = raw_of(&fields);
    match svc::save(&state.db, user, id, &raw, submit, now()).await {
        Ok(()) => Ok(see_other(&format!("/reviews/{id}"))),
        // Keep what was typed so nothing is lost when the save is refused.
        Err(ServiceError::Invalid(m)) => refused(&ctx, &state, user, id, Some(raw), &m).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
pub struct ConflictForm {
    #[serde(default)]
    reason: String,
}

pub async fn declare_conflict(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ConflictForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::declare_conflict(
        &state.db,
        user,
        id,
        &f.reason,
        &state.config.base_url,
        now(),
    )
    .await
    {
        Ok(_) => Ok(see_other("/")),
        Err(ServiceError::Invalid(m)) => refused(&ctx, &state, user, id, None, &m).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn discussion_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let d = svc::discussion(&state.db, user, id).await?;
    let body = html! {
        p class="muted" { a href="/" { (ctx.t("nav-home")) } }
        h1 { (ctx.t("discussion-title")) ": #" (d.submission.id) " " (d.submission.title) }
        p class="muted" { (ctx.t("discussion-help")) }
        @if d.messages.is_empty() { p class="muted" { (ctx.t("discussion-empty")) } }
        @for m in &d.messages {
            div class="card" {
                p class="muted" { (m.author) " · " (datetime(m.created_at)) }
                p class="prewrap" { (m.body) }
            }
        }
        form method="post" action={ "/submissions/" (id) "/discussion" } class="stacked card" {
            (csrf_field(&ctx))
            label for="body" { (ctx.t("discussion-post")) }
            textarea id="body" name="body" rows="4" required {}
            button type="submit" { (ctx.t("discussion-send")) }
        }
    };
    Ok(page(&ctx, &ctx.t("discussion-title"), body))
}

#[derive(serde::Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    body: String,
}

pub async fn post_message(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<MessageForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::post_message(&state.db, user, id, &f.body, now()).await?;
    Ok(see_other(&format!("/submissions/{id}/discussion")))
}

/// The judges' comments for the authors, on the team's submission page after the decision.
/// Never the committee comments, never who wrote them.
pub async fn feedback_section(
    ctx: &Ctx,
    db: &Db,
    user: &Person,
    s: &Submission,
    access: &SubmissionAccess,
) -> Result<Markup, WebError> {
    if !can_see_feedback(user, access) {
        return Ok(html! {});
    }
    let Some(comments) = svc::feedback(db, user, s.id).await? else {
        return Ok(html! {});
    };
    Ok(html! {
        h2 { (ctx.t("feedback-title")) }
        @if comments.is_empty() { p class="muted" { (ctx.t("feedback-none")) } }
        @for (i, c) in comments.iter().enumerate() {
            div class="card" {
                p class="muted" { (ctx.t("feedback-judge")) " " (i + 1) }
                p class="prewrap" { (c) }
            }
        }
    })
}

fn score_text(s: Option<f64>) -> String {
    s.map(|v| {
        format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    })
    .unwrap_or_else(|| "—".into())
}

/// A review's state as pills: its status, missing, late, the reader's own.
fn review_state(ctx: &Ctx, r: &ReadReview) -> Markup {
    html! {
        span class="pill" { (ctx.t(&format!("review-{}", r.status))) }
        @if r.missing { " " span class="pill status-draft" { (ctx.t("reviews-missing")) } }
        @if r.late { " " span class="pill status-withdrawn" { (ctx.t("progress-late")) } }
        @if r.own { " " span class="pill" { (ctx.t("reviews-yours")) } }
    }
}

/// One review in full: scores per criterion, total, confidence, both kinds of comments, times.
fn review_card(ctx: &Ctx, criteria: &[drx_core::model::ReviewCriterion], r: &ReadReview) -> Markup {
    html! {
        div class="card" id={ "review-" (r.id) } {
            h3 { (r.judge_label(ctx.lang)) " " (review_state(ctx, r)) }
            div class="table-wrap" { table class="meta" { tbody {
                @for (c, s) in criteria.iter().zip(&r.scores) {
                    tr { th { (ctx.pick(&c.name_en, &c.name_zh)) } td { (score_text(*s)) } }
                }
                tr { th { (ctx.t("reviews-total")) } td { strong { (score_text(r.total)) } } }
                tr { th { (ctx.t("reviews-confidence")) } td { (r.confidence.map(|c| c.to_string()).unwrap_or_else(|| "—".into())) } }
            } } }
            p class="muted" { (ctx.t("review-for-authors")) }
            p class="prewrap" { (r.comments_for_authors) }
            p class="muted" { (ctx.t("review-for-committee")) }
            p class="prewrap" { (r.comments_for_committee) }
            p class="muted" {
                (ctx.t("reviews-assigned-at")) " " (datetime(r.assigned_at))
                " · " (ctx.t("updated")) " " (datetime(r.updated_at))
                @if let Some(at) = r.submitted_at { " · " (ctx.t("sub-submitted-at")) " " (datetime(at)) }
            }
        }
    }
}

/// The judges' reviews on a submission's page, for those who run its call and, under the
/// call's co-review rule, its other judges; nothing for anyone else.
pub async fn reviews_section(
    ctx: &Ctx,
    db: &Db,
    user: &Person,
    submission_id: i64,
) -> Result<Markup, WebError> {
    let v = match reading::of_submission(db, user, submission_id, now()).await {
        Ok(v) => v,
        Err(ServiceError::Forbidden | ServiceError::NotFound) => return Ok(html! {}),
        Err(e) => return Err(e.into()),
    };
    Ok(html! {
        h2 id="reviews" { (ctx.t("reviews-title")) }
        @if let Some(spread) = v.spread {
            p class="muted" {
                (ctx.t("reviews-spread")) " " (score_text(Some(spread)))
                @if v.disagreement { " " span class="pill status-withdrawn" { (ctx.t("reviews-disagreement")) } }
            }
        }
        @if v.reviews.is_empty() { p class="muted" { (ctx.t("reviews-read-none")) } }
        @for r in &v.reviews { (review_card(ctx, &v.criteria, r)) }
        @if !v.conflicts.is_empty() {
            h3 { (ctx.t("reviews-conflicts")) }
            ul { @for c in &v.conflicts {
                li {
                    (c.judge.clone().unwrap_or_else(|| ctx.t("reviews-a-judge")))
                    " · " (datetime(c.declared_at)) ": " (c.reason)
                }
            } }
        }
    })
}

#[derive(serde::Deserialize, Default)]
pub struct ReviewsQuery {
    #[serde(default)]
    show: String,
}

/// `/calls/{id}/reviews`: every review of the call with its scores, for those who run it,
/// filtered to the missing, the late or the submissions in high disagreement.
pub async fn call_reviews_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(call_id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<ReviewsQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let filter = ReviewFilter::parse(&q.show);
    let v = reading::of_call(&state.db, user, call_id, filter, now()).await?;
    let share = format!("{:.0}", reading::DISAGREEMENT_SHARE * 100.0);
    let body = html! {
        p class="muted" {
            a href={ "/calls/" (call_id) } { (ctx.pick(&v.call.title_en, &v.call.title_zh)) }
            " · " a href={ "/calls/" (call_id) "/progress" } { (ctx.t("progress-title")) }
            " · " a href={ "/calls/" (call_id) "/ranking" } { (ctx.t("ranking-title")) }
        }
        h1 { (ctx.t("reviews-title")) }
        p class="muted" { (i18n::t_args(ctx.lang, "reviews-help", &[("share", share)])) }
        p {
            @for f in ReviewFilter::ALL {
                @if *f == filter { strong { (ctx.t(&format!("reviews-show-{}", f.as_str()))) } }
                @else { a href={ "/calls/" (call_id) "/reviews?show=" (f.as_str()) } { (ctx.t(&format!("reviews-show-{}", f.as_str()))) } }
                " "
            }
        }
        (super::list_exports_links(&ctx, "reviews", Some(call_id)))
        p class="muted" { (ctx.t("decisions-title")) ": "
            a href={ "/exports/decisions/csv?call=" (call_id) } { "CSV" } " · "
            a href={ "/exports/decisions/xlsx?call=" (call_id) } { "XLSX" } }
        @if let Some(d) = v.deadline { p class="muted" { (ctx.t("progress-deadline")) " " (datetime(d)) } }
        @if v.reviews.is_empty() { p class="muted" { (ctx.t("reviews-read-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr {
                    th { (ctx.t("field-submission-title")) } th { (ctx.t("progress-judge")) } th { (ctx.t("field-status")) }
                    @for c in &v.criteria { th { (ctx.pick(&c.name_en, &c.name_zh)) } }
                    th { (ctx.t("reviews-total")) } th { (ctx.t("reviews-confidence")) } th { (ctx.t("reviews-spread")) }
                    th { (ctx.t("sub-submitted-at")) }
                } }
                tbody { @for (r, spread, disagreement) in &v.reviews { tr class="review-row" data-review=(r.id) {
                    td { a href={ "/submissions/" (r.submission_id) "#review-" (r.id) } { "#" (r.submission_id) " " (r.submission_title) } }
                    td { (r.judge_label(ctx.lang)) }
                    td { (review_state(&ctx, r)) }
                    @for s in &r.scores { td { (score_text(*s)) } }
                    td { (score_text(r.total)) }
                    td { (r.confidence.map(|c| c.to_string()).unwrap_or_default()) }
                    td { (score_text(*spread)) @if *disagreement { " " span class="pill status-withdrawn" { (ctx.t("reviews-disagreement")) } } }
                    td { @if let Some(at) = r.submitted_at { (datetime(at)) } }
                } } }
            } }
        }
    };
    Ok(page(&ctx, &ctx.t("reviews-title"), body))
}
