//! Call administration pages: the create/edit form (texts, fields, phases, rubric, review
//! settings), and the organizer's controls on the call page (move phase, extend the deadline).
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::auth::authorization::can_create_call;
use drx_core::i18n;
use drx_core::model::{CallSettings, Criterion};
use drx_core::now;
use drx_core::services::calls::{self as svc, format_local, parse_local};
use drx_core::services::catalogue;
use drx_core::services::history::Subject;
use drx_core::services::steps::{self, Step, StepKind, StepState};
use drx_core::services::ServiceError;
use drx_domain::{BlindMode, CoReviews, Phase};

/// The call form as posted (kept whole so a refused post shows it again).
#[derive(Deserialize, Default, Clone)]
pub struct CallForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_zh: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    description_zh: String,
    #[serde(default)]
    eligibility_en: String,
    #[serde(default)]
    eligibility_zh: String,
    #[serde(default)]
    faq_en: String,
    #[serde(default)]
    faq_zh: String,
    #[serde(default)]
    reviews_per_submission: String,
    #[serde(default)]
    judge_min_load: String,
    #[serde(default)]
    judge_max_load: String,
    #[serde(default)]
    finalists: String,
    #[serde(default)]
    blind_mode: String,
    #[serde(default)]
    grace_minutes: String,
    /// "named" or "lettered": how the call's organizers see the judges on reviews.
    #[serde(default)]
    organizer_judge_names: String,
    #[serde(default)]
    co_reviews: String,
    /// "named" or "lettered": how judges see each other on reviews.
    #[serde(default)]
    judge_judge_names: String,
    #[serde(default)]
    field: Vec<String>,
    #[serde(default)]
    open_start: String,
    #[serde(default)]
    open_end: String,
    #[serde(default)]
    review_start: String,
    #[serde(default)]
    review_end: String,
    #[serde(default)]
    decision_start: String,
    #[serde(default)]
    decision_end: String,
    #[serde(default)]
    matchmaking_start: String,
    #[serde(default)]
    matchmaking_end: String,
    #[serde(default)]
    incubation_start: String,
    #[serde(default)]
    incubation_end: String,
    #[serde(default)]
    crit_en: Vec<String>,
    #[serde(default)]
    crit_zh: Vec<String>,
    #[serde(default)]
    crit_weight: Vec<String>,
    #[serde(default)]
    crit_min: Vec<String>,
    #[serde(default)]
    crit_max: Vec<String>,
}

const TZ: &str = "Asia/Shanghai";

impl CallForm {
    fn phase_values(&self) -> [(Phase, &String, &String); 5] {
        [
            (Phase::Open, &self.open_start, &self.open_end),
            (Phase::Review, &self.review_start, &self.review_end),
            (Phase::Decision, &self.decision_start, &self.decision_end),
            (
                Phase::Matchmaking,
                &self.matchmaking_start,
                &self.matchmaking_end,
            ),
            (
                Phase::Incubation,
                &self.incubation_start,
                &self.incubation_end,
            ),
        ]
    }

    fn settings(&self) -> Result<CallSettings, ServiceError> {
        let num = |v: &str| {
            v.trim()
                .parse::<i64>()
                .map_err(|_| ServiceError::invalid("error-call-number"))
        };
        let mut phases = Vec::new();
        for (p, s, e) in self.phase_values() {
            match (s.trim().is_empty(), e.trim().is_empty()) {
                (true, true) => {}
                (false, false) => {
                    let s = parse_local(s, TZ)
                        .ok_or_else(|| ServiceError::invalid("error-call-date"))?;
                    let e = parse_local(e, TZ)
                        .ok_or_else(|| ServiceError::invalid("error-call-date"))?;
                    phases.push((p, s, e));
                }
                _ => return Err(ServiceError::invalid("error-call-date")),
            }
        }
        let mut criteria = Vec::new();
        for i in 0..self.crit_en.len() {
            let get = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
            let (en, zh) = (get(&self.crit_en), get(&self.crit_zh));
            if en.trim().is_empty() && zh.trim().is_empty() {
                continue;
            }
            criteria.push(Criterion {
                name_en: en,
                name_zh: zh,
                weight: get(&self.crit_weight)
                    .trim()
                    .parse::<f64>()
                    .map_err(|_| ServiceError::invalid("error-call-criterion-weight"))?,
                scale_min: num(&get(&self.crit_min))?,
                scale_max: num(&get(&self.crit_max))?,
            });
        }
        let mut field_ids = Vec::new();
        for f in &self.field {
            field_ids.push(num(f)?);
        }
        Ok(CallSettings {
            slug: self.slug.clone(),
            title_en: self.title_en.clone(),
            title_zh: self.title_zh.clone(),
            description_en: self.description_en.clone(),
            description_zh: self.description_zh.clone(),
            eligibility_en: self.eligibility_en.clone(),
            eligibility_zh: self.eligibility_zh.clone(),
            faq_en: self.faq_en.clone(),
            faq_zh: self.faq_zh.clone(),
            timezone: TZ.into(),
            reviews_per_submission: num(&self.reviews_per_submission)?,
            judge_min_load: num(&self.judge_min_load)?,
            judge_max_load: num(&self.judge_max_load)?,
            finalists: num(&self.finalists)?,
            blind_mode: BlindMode::parse(&self.blind_mode)
                .ok_or_else(|| ServiceError::invalid("error-bad-choice"))?,
            grace_seconds: num(&self.grace_minutes)? * 60,
            organizers_see_judges: self.organizer_judge_names != "lettered",
            // Judges read the other reviews once their own is submitted, unless the call says otherwise.
            co_reviews: match self.co_reviews.trim() {
                "" => CoReviews::AfterOwn,
                t => {
                    CoReviews::parse(t).ok_or_else(|| ServiceError::invalid("error-bad-choice"))?
                }
            },
            judges_see_judges: self.judge_judge_names == "named",
            field_ids,
            phases,
            criteria,
        })
    }

    fn from_settings(c: &CallSettings) -> CallForm {
        let names = |named: bool| if named { "named" } else { "lettered" }.to_string();
        let phase = |p: Phase, start: bool| {
            c.phases
                .iter()
                .find(|x| x.0 == p)
                .map(|x| format_local(if start { x.1 } else { x.2 }, &c.timezone))
                .unwrap_or_default()
        };
        CallForm {
            slug: c.slug.clone(),
            title_en: c.title_en.clone(),
            title_zh: c.title_zh.clone(),
            description_en: c.description_en.clone(),
            description_zh: c.description_zh.clone(),
            eligibility_en: c.eligibility_en.clone(),
            eligibility_zh: c.eligibility_zh.clone(),
            faq_en: c.faq_en.clone(),
            faq_zh: c.faq_zh.clone(),
            reviews_per_submission: c.reviews_per_submission.to_string(),
            judge_min_load: c.judge_min_load.to_string(),
            judge_max_load: c.judge_max_load.to_string(),
            finalists: c.finalists.to_string(),
            blind_mode: c.blind_mode.as_str().into(),
            grace_minutes: (c.grace_seconds / 60).to_string(),
            organizer_judge_names: names(c.organizers_see_judges),
            co_reviews: c.co_reviews.as_str().into(),
            judge_judge_names: names(c.judges_see_judges),
            field: c.field_ids.iter().map(|f| f.to_string()).collect(),
            open_start: phase(Phase::Open, true),
            open_end: phase(Phase::Open, false),
            review_start: phase(Phase::Review, true),
            review_end: phase(Phase::Review, false),
            decision_start: phase(Phase::Decision, true),
            decision_end: phase(Phase::Decision, false),
            matchmaking_start: phase(Phase::Matchmaking, true),
            matchmaking_end: phase(Phase::Matchmaking, false),
            incubation_start: phase(Phase::Incubation, true),
            incubation_end: phase(Phase::Incubation, false),
            crit_en: c.criteria.iter().map(|k| k.name_en.clone()).collect(),
            crit_zh: c.criteria.iter().map(|k| k.name_zh.clone()).collect(),
            crit_weight: c.criteria.iter().map(|k| k.weight.to_string()).collect(),
            crit_min: c.criteria.iter().map(|k| k.scale_min.to_string()).collect(),
            crit_max: c.criteria.iter().map(|k| k.scale_max.to_string()).collect(),
        }
    }
}

fn default_form() -> CallForm {
    CallForm::from_settings(&CallSettings {
        slug: String::new(),
        title_en: String::new(),
        title_zh: String::new(),
        description_en: String::new(),
        description_zh: String::new(),
        eligibility_en: String::new(),
        eligibility_zh: String::new(),
        faq_en: String::new(),
        faq_zh: String::new(),
        timezone: TZ.into(),
        reviews_per_submission: 3,
        judge_min_load: 0,
        judge_max_load: 20,
        finalists: 16,
        blind_mode: BlindMode::Double,
        grace_seconds: 15 * 60,
        organizers_see_judges: true,
        co_reviews: CoReviews::AfterOwn,
        judges_see_judges: false,
        criteria: vec![
            Criterion {
                name_en: "Clinical need and impact".into(),
                name_zh: "临床需求与价值".into(),
                weight: 0.4,
                scale_min: 1,
                scale_max: 10,
            },
            Criterion {
                name_en: "Innovation".into(),
                name_zh: "创新性".into(),
                weight: 0.3,
                scale_min: 1,
                scale_max: 10,
            },
            Criterion {
                name_en: "Feasibility".into(),
                name_zh: "可行性".into(),
                weight: 0.3,
                scale_min: 1,
                scale_max: 10,
            },
        ],
        field_ids: Vec::new(),
        phases: Vec::new(),
    })
}

async fn form_body(
    ctx: &Ctx,
    state: &AppState,
    action: &str,
    f: &CallForm,
    message: Option<String>,
) -> Result<Markup, WebError> {
    let fields = catalogue::fields(&state.db).await?;
    let crit_rows = f.crit_en.len() + 2;
    Ok(html! {
        @if let Some(m) = message { (notice("error", &m)) }
        form method="post" action=(action) class="stacked card" {
            (csrf_field(ctx))
            label for="slug" { (ctx.t("call-slug")) }
            input type="text" id="slug" name="slug" value=(f.slug) required maxlength="60" pattern="[a-z0-9-]+";
            p class="hint" { (ctx.t("call-slug-hint")) }
            div class="grid" {
                div { label for="title_zh" { (ctx.t("field-call-title-zh")) }
                      input type="text" id="title_zh" name="title_zh" value=(f.title_zh) required maxlength="200"; }
                div { label for="title_en" { (ctx.t("field-call-title-en")) }
                      input type="text" id="title_en" name="title_en" value=(f.title_en) required maxlength="200"; }
            }
            div class="grid" {
                div { label for="description_zh" { (ctx.t("field-call-description-zh")) }
                      textarea id="description_zh" name="description_zh" rows="5" { (f.description_zh) } }
                div { label for="description_en" { (ctx.t("field-call-description-en")) }
                      textarea id="description_en" name="description_en" rows="5" { (f.description_en) } }
            }
            div class="grid" {
                div { label for="eligibility_zh" { (ctx.t("field-call-eligibility-zh")) }
                      textarea id="eligibility_zh" name="eligibility_zh" rows="3" { (f.eligibility_zh) } }
                div { label for="eligibility_en" { (ctx.t("field-call-eligibility-en")) }
                      textarea id="eligibility_en" name="eligibility_en" rows="3" { (f.eligibility_en) } }
            }
            div class="grid" {
                div { label for="faq_zh" { (ctx.t("field-call-faq-zh")) }
                      textarea id="faq_zh" name="faq_zh" rows="4" { (f.faq_zh) } }
                div { label for="faq_en" { (ctx.t("field-call-faq-en")) }
                      textarea id="faq_en" name="faq_en" rows="4" { (f.faq_en) } }
            }
            p class="hint" { (ctx.t("call-public-texts-hint")) }
            fieldset {
                legend { (ctx.t("field-fields")) }
                @for fl in &fields {
                    label { input type="checkbox" name="field" value=(fl.id) checked[f.field.contains(&fl.id.to_string())]; " " (ctx.pick(&fl.name_en, &fl.name_zh)) }
                }
            }
            fieldset {
                legend { (ctx.t("call-phases")) " (UTC+8)" }
                div class="table-wrap" { table {
                    thead { tr { th { (ctx.t("field-phase")) } th { (ctx.t("call-starts")) } th { (ctx.t("call-ends")) } } }
                    tbody { @for (p, s, e) in f.phase_values() { tr {
                        td { (ctx.t(&format!("phase-{p}"))) }
                        td { input type="datetime-local" name={ (p) "_start" } value=(s) aria-label={ (p) " start" }; }
                        td { input type="datetime-local" name={ (p) "_end" } value=(e) aria-label={ (p) " end" }; }
                    } } }
                } }
                label for="grace_minutes" { (ctx.t("field-call-grace")) }
                input type="number" id="grace_minutes" name="grace_minutes" value=(f.grace_minutes) min="0" max="1440";
            }
            fieldset {
                legend { (ctx.t("call-review-settings")) }
                div class="grid" {
                    div { label for="reviews_per_submission" { (ctx.t("field-call-reviews")) }
                          input type="number" id="reviews_per_submission" name="reviews_per_submission" value=(f.reviews_per_submission) min="1" max="20"; }
                    div { label for="judge_min_load" { (ctx.t("field-call-min-load")) }
                          input type="number" id="judge_min_load" name="judge_min_load" value=(f.judge_min_load) min="0"; }
                    div { label for="judge_max_load" { (ctx.t("field-call-max-load")) }
                          input type="number" id="judge_max_load" name="judge_max_load" value=(f.judge_max_load) min="1"; }
                    div { label for="finalists" { (ctx.t("field-finalists")) }
                          input type="number" id="finalists" name="finalists" value=(f.finalists) min="0"; }
                }
                label for="blind_mode" { (ctx.t("call-blind-mode")) }
                select id="blind_mode" name="blind_mode" {
                    @for b in BlindMode::ALL { option value=(b.as_str()) selected[f.blind_mode == b.as_str()] { (ctx.t(&format!("blind-{b}"))) } }
                }
                (review_reading_fields(ctx, f))
            }
            fieldset {
                legend { (ctx.t("call-rubric")) }
                p class="hint" { (ctx.t("call-rubric-hint")) }
                div class="table-wrap" { table {
                    thead { tr { th { (ctx.t("call-criterion-zh")) } th { (ctx.t("call-criterion-en")) } th { (ctx.t("call-weight")) } th { (ctx.t("call-scale-min")) } th { (ctx.t("call-scale-max")) } } }
                    tbody { @for i in 0..crit_rows {
                        @let get = |v: &Vec<String>, d: &str| v.get(i).cloned().unwrap_or_else(|| d.to_string());
                        tr {
                            td { input type="text" name="crit_zh" value=(get(&f.crit_zh, "")) maxlength="200" aria-label=(ctx.t("call-criterion-zh")); }
                            td { input type="text" name="crit_en" value=(get(&f.crit_en, "")) maxlength="200" aria-label=(ctx.t("call-criterion-en")); }
                            td { input type="text" inputmode="decimal" name="crit_weight" value=(get(&f.crit_weight, "")) size="5" aria-label=(ctx.t("call-weight")); }
                            td { input type="number" name="crit_min" value=(get(&f.crit_min, "1")) min="0" max="100" aria-label=(ctx.t("call-scale-min")); }
                            td { input type="number" name="crit_max" value=(get(&f.crit_max, "10")) min="1" max="100" aria-label=(ctx.t("call-scale-max")); }
                        }
                    } }
                } }
            }
            button type="submit" { (ctx.t("save")) }
        }
    })
}

/// Who reads the reviews: judge names for organizers, co-reviews, judge names for judges.
fn review_reading_fields(ctx: &Ctx, f: &CallForm) -> Markup {
    let names = |name: &str, chosen: &str| {
        html! {
            select id=(name) name=(name) {
                @for v in ["named", "lettered"] { option value=(v) selected[chosen == v] { (ctx.t(&format!("call-judges-{v}"))) } }
            }
        }
    };
    html! {
        label for="organizer_judge_names" { (ctx.t("call-organizer-judge-names")) }
        (names("organizer_judge_names", &f.organizer_judge_names))
        label for="co_reviews" { (ctx.t("call-co-reviews")) }
        select id="co_reviews" name="co_reviews" {
            @for c in CoReviews::ALL { option value=(c.as_str()) selected[f.co_reviews == c.as_str()] { (ctx.t(&format!("co-reviews-{c}"))) } }
        }
        label for="judge_judge_names" { (ctx.t("call-judge-judge-names")) }
        (names("judge_judge_names", &f.judge_judge_names))
    }
}

fn require_creator(ctx: &Ctx) -> Result<&drx_core::model::Person, WebError> {
    let user = ctx.require_user()?;
    if !can_create_call(user) {
        return Err(WebError::Forbidden);
    }
    Ok(user)
}

pub async fn new_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    require_creator(&ctx)?;
    let body = html! {
        h1 { (ctx.t("call-new")) }
        (form_body(&ctx, &state, "/calls/new", &default_form(), None).await?)
    };
    Ok(page(&ctx, &ctx.t("call-new"), body))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<CallForm>,
) -> Result<Response, WebError> {
    let user = require_creator(&ctx)?;
    let result = match f.settings() {
        Ok(s) => svc::create(&state.db, user, &s, now()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other(&format!("/calls/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            let body = html! {
                h1 { (ctx.t("call-new")) }
                (form_body(&ctx, &state, "/calls/new", &f, Some(i18n::msg(ctx.lang, &m))).await?)
            };
            Ok(refused(&ctx, &ctx.t("call-new"), body))
        }
        Err(e) => Err(e.into()),
    }
}

async fn require_manager(ctx: &Ctx, state: &AppState, id: i64) -> Result<(), WebError> {
    let user = ctx.require_user()?;
    Ok(svc::authorize_manager(&state.db, user, id).await?)
}

pub async fn edit_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let s = svc::settings(&state.db, ctx.require_user()?, id).await?;
    let body = html! {
        h1 { (ctx.t("call-edit")) ": " (ctx.pick(&s.title_en, &s.title_zh)) }
        (form_body(&ctx, &state, &format!("/calls/{id}/edit"), &CallForm::from_settings(&s), None).await?)
    };
    Ok(page(&ctx, &ctx.t("call-edit"), body))
}

pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<CallForm>,
) -> Result<Response, WebError> {
    require_manager(&ctx, &state, id).await?;
    let user = ctx.require_user()?;
    let result = match f.settings() {
        Ok(s) => svc::update(&state.db, user, id, &s, now()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/calls/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            let body = html! {
                h1 { (ctx.t("call-edit")) }
                (form_body(&ctx, &state, &format!("/calls/{id}/edit"), &f, Some(i18n::msg(ctx.lang, &m))).await?)
            };
            Ok(refused(&ctx, &ctx.t("call-edit"), body))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PhaseForm {
    #[serde(default)]
    phase: String,
}

pub async fn set_phase(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PhaseForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let phase = Phase::parse(&f.phase).ok_or(WebError::BadRequest {
        en: "Unknown phase.".into(),
        zh: "未知阶段。".into(),
    })?;
    let back = format!("/calls/{id}");
    svc::set_phase(&state.db, user, id, phase, &state.config.base_url, now())
        .await
        .map_err(WebError::back_to(&ctx, &back))?;
    Ok(see_other(&back))
}

#[derive(Deserialize)]
pub struct ExtendForm {
    #[serde(default)]
    until: String,
}

pub async fn extend(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ExtendForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Who may, before what they sent: a stranger learns nothing from the form's errors.
    svc::authorize_manager(&state.db, user, id).await?;
    let back = format!("/calls/{id}");
    let refused = WebError::back_to(&ctx, &back);
    let until = match parse_local(&f.until, TZ) {
        Some(until) => until,
        None => return Err(refused(ServiceError::invalid("error-call-date"))),
    };
    svc::extend(&state.db, user, id, until, now())
        .await
        .map_err(refused)?;
    Ok(see_other(&back))
}

/// `GET /calls/{id}/delete`: the confirm step before a draft call is deleted.
pub async fn delete_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::authorize_manager(&state.db, user, id).await?;
    let call = svc::info(&state.db, id).await?;
    let title = ctx.pick(&call.title_en, &call.title_zh).to_string();
    let body = html! {
        p class="muted" { a href={ "/calls/" (id) } { (title) } }
        h1 { (ctx.t("call-delete")) }
        @if call.phase == Phase::Draft {
            (notice("error", &i18n::t_args(ctx.lang, "call-delete-confirm", &[("title", title.clone())])))
            form method="post" action={ "/calls/" (id) "/delete" } class="stacked" {
                (csrf_field(&ctx))
                button type="submit" class="danger" { (ctx.t("call-delete-button")) }
            }
        } @else {
            (notice("info", &ctx.t("error-call-delete-not-draft")))
        }
        p { a href={ "/calls/" (id) } { (ctx.t("call-delete-cancel")) } }
    };
    Ok(page(&ctx, &ctx.t("call-delete"), body))
}

/// `POST /calls/{id}/delete`.
pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::form::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::delete(&state.db, user, id, now()).await?;
    Ok(see_other("/calls"))
}

/// `POST /calls/{id}/archive`: out of the default lists, read-only.
pub async fn archive(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::form::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::set_archived(&state.db, user, id, true, now()).await?;
    Ok(see_other(&format!("/calls/{id}")))
}

/// `POST /calls/{id}/unarchive` (admins).
pub async fn unarchive(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::form::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::set_archived(&state.db, user, id, false, now()).await?;
    Ok(see_other(&format!("/calls/{id}")))
}

/// The call page's section for its organizers: settings, phases, rubric and controls.
pub async fn organizer_section(ctx: &Ctx, state: &AppState, id: i64) -> Result<Markup, WebError> {
    let user = ctx.require_user()?;
    let history = super::history::section(ctx, &state.db, user, Subject::Call(id)).await?;
    let s = svc::settings(&state.db, user, id).await?;
    let call = svc::info(&state.db, id).await?;
    let steps = steps::of_call(&state.db, user, id).await?;
    let default_until = call
        .open_ends_at
        .map(|e| format_local(e + 7 * 86_400, &s.timezone))
        .unwrap_or_default();
    Ok(html! {
        section class="card" {
            h2 { (ctx.t("call-manage")) }
            (steps_list(ctx, id, &steps, &s.timezone))
            p { a class="button" href={ "/calls/" (id) "/edit" } { (ctx.t("call-edit")) } " "
                a href={ "/calls/" (id) "/committee" } { (ctx.t("committee-title")) " →" } " · "
                a href={ "/calls/" (id) "/submissions" } { (ctx.t("sub-list-title")) " →" } " · "
                a href={ "/calls/" (id) "/import" } { (ctx.t("import-submissions")) " →" } " · "
                a href={ "/calls/" (id) "/overlaps" } { (ctx.t("overlaps-title")) " →" } " · "
                a href={ "/calls/" (id) "/assignment" } { (ctx.t("assign-title")) " →" } " · "
                a href={ "/calls/" (id) "/team-matching" } { (ctx.t("team-match-title")) " →" } " · "
                a href={ "/calls/" (id) "/terms" } { (ctx.t("terms-page-title")) " →" } }
            div class="grid" {
                form method="post" action={ "/calls/" (id) "/phase" } class="stacked" {
                    (csrf_field(ctx))
                    label for="phase" { (ctx.t("call-move-phase")) }
                    select id="phase" name="phase" {
                        @for p in Phase::ALL { option value=(p.as_str()) selected[call.phase == *p] { (ctx.t(&format!("phase-{p}"))) } }
                    }
                    button type="submit" { (ctx.t("call-move")) }
                }
                form method="post" action={ "/calls/" (id) "/extend" } class="stacked" {
                    (csrf_field(ctx))
                    label for="until" { (ctx.t("call-extend")) " (UTC+8)" }
                    input type="datetime-local" id="until" name="until" value=(default_until) required;
                    button type="submit" { (ctx.t("call-extend-button")) }
                }
            }
            p {
                @if call.phase == Phase::Draft {
                    a class="button danger" href={ "/calls/" (id) "/delete" } { (ctx.t("call-delete")) }
                } @else if call.archived_at.is_none() {
                    form method="post" action={ "/calls/" (id) "/archive" } class="inline" {
                        (csrf_field(ctx))
                        button type="submit" class="secondary" { (ctx.t("call-archive")) }
                    }
                } @else if drx_core::auth::authorization::can_unarchive_call(user) {
                    form method="post" action={ "/calls/" (id) "/unarchive" } class="inline" {
                        (csrf_field(ctx))
                        button type="submit" class="secondary" { (ctx.t("call-unarchive")) }
                    }
                }
            }
            h3 { (ctx.t("call-phases")) }
            div class="table-wrap" { table {
                tbody { @for (p, a, b) in &s.phases { tr {
                    td { (ctx.t(&format!("phase-{p}"))) }
                    td { (format_local(*a, &s.timezone).replace('T', " ")) " → " (format_local(*b, &s.timezone).replace('T', " ")) }
                } } }
            } }
            h3 { (ctx.t("call-rubric")) }
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("call-criterion")) } th { (ctx.t("call-weight")) } th { (ctx.t("call-scale-min")) " – " (ctx.t("call-scale-max")) } } }
                tbody { @for k in &s.criteria { tr {
                    td { (ctx.pick(&k.name_en, &k.name_zh)) }
                    td { (k.weight) }
                    td { (k.scale_min) " – " (k.scale_max) }
                } } }
            } }
            p class="muted" {
                (ctx.t("field-call-reviews")) ": " (s.reviews_per_submission) " · "
                (ctx.t("field-call-min-load")) "–" (ctx.t("field-call-max-load")) ": " (s.judge_min_load) "–" (s.judge_max_load) " · "
                (ctx.t("field-finalists")) ": " (s.finalists)
            }
        }
        @if let Some(h) = &history { (h) }
    })
}

/// Where each step of running the call is done, in order.
fn step_path(id: i64, kind: StepKind) -> String {
    match kind {
        StepKind::Setup => format!("/calls/{id}/edit"),
        StepKind::Submissions => format!("/calls/{id}/submissions"),
        StepKind::Assignment => format!("/calls/{id}/assignment"),
        StepKind::Reviews => format!("/calls/{id}/progress"),
        StepKind::Ranking => format!("/calls/{id}/ranking"),
        StepKind::Decisions => format!("/calls/{id}/decisions"),
        StepKind::TeamMatching => format!("/calls/{id}/team-matching"),
        StepKind::Projects => "/projects".to_string(),
        StepKind::Report => format!("/calls/{id}/report"),
    }
}

/// The call's steps as an ordered list: name (a link), state, figure.
fn steps_list(ctx: &Ctx, id: i64, steps: &[Step], timezone: &str) -> Markup {
    let when = |at: i64| format_local(at, timezone).replace('T', " ");
    html! {
        h3 { (ctx.t("call-steps")) }
        ol class="call-steps" {
            @for step in steps {
                @let (class, state) = match step.state {
                    StepState::Later => ("later", ctx.t("step-state-later")),
                    StepState::Open => ("open", ctx.t("step-state-open")),
                    StepState::Due(at) if at < now() => ("overdue", i18n::t_args(ctx.lang, "step-state-overdue", &[("when", when(at))])),
                    StepState::Due(at) => ("due", i18n::t_args(ctx.lang, "step-state-due", &[("when", when(at))])),
                    StepState::Done => ("done", ctx.t("step-state-done")),
                };
                li class={ "step step-" (class) } data-step=(step.kind.as_str()) {
                    a href=(step_path(id, step.kind)) { (ctx.t(&format!("step-{}", step.kind.as_str()))) }
                    " " span class={ "pill step-state-" (class) } { (state) }
                    @if let Some((done, of)) = step.figure {
                        " " span class="muted" {
                            (i18n::t_args(ctx.lang, &format!("step-count-{}", step.kind.as_str()), &[
                                ("done", done.to_string()),
                                ("of", of.map(|n| n.to_string()).unwrap_or_default()),
                            ]))
                        }
                    }
                }
            }
        }
    }
}

/// The "new call" link for those who may create calls.
pub fn new_call_link(ctx: &Ctx, user: &drx_core::model::Person) -> Markup {
    html! { @if can_create_call(user) { p { a class="button" href="/calls/new" { (ctx.t("call-new")) } } } }
}
