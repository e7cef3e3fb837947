//! Submission pages: the call page, the submission form (new and edit), the detail page with
//! attachments, submit and withdraw, and the revision history with a difference view.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{read_multipart, CsrfForm, Empty, MultipartBody};
use crate::layout::{csrf_field, datetime, file_size, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::auth::authorization::{can, Permission, SubmissionView};
use drx_core::i18n;
use drx_core::model::Person;
use drx_core::model::{CallInfo, Submission};
use drx_core::now;
use drx_core::services::catalogue;
use drx_core::services::diff::{diff, Chunk};
use drx_core::services::history::Subject;
use drx_core::services::submissions::{
    self as svc, check_window, deadline_text, last_edit_at, MemberInput, SubmissionInput,
    SubmissionText, CONFIDENTIALITY, IP_STATUSES,
};
use drx_core::services::ServiceError;
use drx_domain::Stage;

/// Largest upload request: the file limit plus room for the form's other parts.
pub const UPLOAD_BODY_LIMIT: usize = svc::MAX_ATTACHMENT_BYTES + 512 * 1024;

fn bad_number() -> WebError {
    WebError::BadRequest {
        en: "A number in the form is not valid.".into(),
        zh: "表单中的数字无效。".into(),
    }
}

fn opt_id(v: &str) -> Result<Option<i64>, WebError> {
    let v = v.trim();
    if v.is_empty() {
        Ok(None)
    } else {
        v.parse().map(Some).map_err(|_| bad_number())
    }
}

async fn call_or_404(state: &AppState, id: i64) -> Result<CallInfo, WebError> {
    Ok(drx_core::services::calls::info(&state.db, id).await?)
}

/// The call as `user` may see it (a draft only for those who run it), else 404.
async fn visible_call(state: &AppState, user: &Person, id: i64) -> Result<CallInfo, WebError> {
    Ok(drx_core::services::calls::info_for(&state.db, user, id).await?)
}

// ---------------------------------------------------------------------------------------------
// The call page.

#[derive(Deserialize, Default)]
pub struct CallsQuery {
    /// "archived" lists the archived calls instead of the others.
    #[serde(default)]
    show: String,
}

pub async fn calls_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<CallsQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let archived = q.show == "archived";
    let calls = catalogue::calls_listed(&state.db, user, archived).await?;
    let body = html! {
        h1 { (ctx.t("calls")) @if archived { " · " (ctx.t("calls-archived")) } }
        (super::calls::new_call_link(&ctx, user))
        p { @if archived { a href="/calls" { (ctx.t("calls-current")) " →" } }
            @else { a href="/calls?show=archived" { (ctx.t("calls-archived")) " →" } } }
        @if calls.is_empty() { p class="muted" { (ctx.t("calls-none")) } }
        div class="table-wrap" { table {
            thead { tr { th { (ctx.t("call")) } th { (ctx.t("field-phase")) } th { (ctx.t("submissions")) } } }
            tbody { @for c in &calls { tr {
                td { a href={ "/calls/" (c.id) } { (ctx.pick(&c.title_en, &c.title_zh)) } }
                td { span class="pill" { (ctx.t(&format!("phase-{}", c.phase))) } }
                td { (c.submissions) }
            } } }
        } }
    };
    Ok(page(&ctx, &ctx.t("calls"), body))
}

pub async fn call_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let call = visible_call(&state, user, id).await?;
    let organizer = drx_core::services::manages_call(&state.db, user, id).await?;
    let window = check_window(&call, now());
    let fields = catalogue::call_fields(&state.db, id).await?;
    let title = ctx.pick(&call.title_en, &call.title_zh).to_string();
    let bidding = drx_core::services::bids::open_for(&state.db, user)
        .await?
        .iter()
        .any(|c| c.id == id);
    let body = html! {
        h1 { (title) }
        p { span class="pill" { (ctx.t(&format!("phase-{}", call.phase))) }
            " " span class="pill" { (ctx.t(&format!("blind-{}", call.blind_mode))) }
            @if call.archived_at.is_some() { " " span class="pill" id="archived" { (ctx.t("call-archived")) } }
            @if drx_core::services::open_calls::is_public(call.phase) { " " a href={ "/open-calls/" (id) } { (ctx.t("open-calls-public-page")) } } }
        p class="prewrap" { (ctx.pick(&call.description_en, &call.description_zh)) }
        @if let (Some(end), Some(last)) = (call.open_ends_at, last_edit_at(&call)) {
            p { strong { (ctx.t("sub-deadline")) ": " } (deadline_text(&call, end))
                @if last > end { " " span class="muted" { (i18n::t_args(ctx.lang, "sub-grace", &[("minutes", ((last - end) / 60).to_string())])) } } }
        }
        @if !fields.is_empty() {
            p { strong { (ctx.t("field-fields")) ": " } @for f in &fields { span class="pill" { (ctx.pick(&f.name_en, &f.name_zh)) } } }
        }
        @match &window {
            Ok(()) => {
                @if can(user, Permission::Submit) {
                    a class="button" href={ "/calls/" (id) "/submit" } { (ctx.t("sub-new")) }
                }
            }
            Err(ServiceError::Invalid(m)) => { (notice("info", &i18n::msg(ctx.lang, m))) }
            Err(_) => {}
        }
        @if bidding { p { a class="button" id="bid-link" href={ "/calls/" (id) "/bids" } { (ctx.t("bids-link")) } } }
        @if organizer {
            (super::calls::organizer_section(&ctx, &state, id).await?)
        }
    };
    Ok(page(&ctx, &title, body))
}

// ---------------------------------------------------------------------------------------------
// The form.

/// The submission form as posted; kept whole so that a refused post shows every word again.
#[derive(Deserialize, Default, Clone)]
pub struct SubmissionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    need_statement: String,
    #[serde(default)]
    solution: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    keywords: String,
    #[serde(default)]
    ip_status: String,
    #[serde(default)]
    confidentiality: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    field: Vec<String>,
    #[serde(default)]
    member_name: Vec<String>,
    #[serde(default)]
    member_email: Vec<String>,
    #[serde(default)]
    member_org: Vec<String>,
    /// "save" or "submit".
    #[serde(default)]
    action: String,
}

impl SubmissionForm {
    fn input(&self) -> Result<SubmissionInput, WebError> {
        let mut field_ids = Vec::new();
        for f in &self.field {
            field_ids.push(f.trim().parse::<i64>().map_err(|_| bad_number())?);
        }
        let mut members = Vec::new();
        for (i, name) in self.member_name.iter().enumerate() {
            members.push(MemberInput {
                name: name.clone(),
                email: self.member_email.get(i).cloned().unwrap_or_default(),
                organization_id: opt_id(self.member_org.get(i).map(String::as_str).unwrap_or(""))?,
            });
        }
        Ok(SubmissionInput {
            text: SubmissionText {
                title: self.title.clone(),
                need_statement: self.need_statement.clone(),
                solution: self.solution.clone(),
                evidence: self.evidence.clone(),
                stage: self.stage.clone(),
                keywords: self.keywords.clone(),
                ip_status: self.ip_status.clone(),
                confidentiality: self.confidentiality.clone(),
            },
            need_id: opt_id(&self.need)?,
            organization_id: opt_id(&self.organization)?,
            field_ids,
            members,
        })
    }

    fn from_input(i: &SubmissionInput) -> SubmissionForm {
        let t = i.text.clone();
        SubmissionForm {
            title: t.title,
            need_statement: t.need_statement,
            solution: t.solution,
            evidence: t.evidence,
            stage: t.stage,
            keywords: t.keywords,
            ip_status: t.ip_status,
            confidentiality: t.confidentiality,
            need: i.need_id.map(|n| n.to_string()).unwrap_or_default(),
            organization: i.organization_id.map(|n| n.to_string()).unwrap_or_default(),
            field: i.field_ids.iter().map(|f| f.to_string()).collect(),
            member_name: i.members.iter().map(|m| m.name.clone()).collect(),
            member_email: i.members.iter().map(|m| m.email.clone()).collect(),
            member_org: i
                .members
                .iter()
                .map(|m| m.organization_id.map(|n| n.to_string()).unwrap_or_default())
                .collect(),
            action: String::new(),
        }
    }
}

/// Rows for extra team members beyond those already filled in.
const EMPTY_MEMBER_ROWS: usize = 3;

async fn form_body(
    ctx: &Ctx,
    state: &AppState,
    call: &CallInfo,
    action: &str,
    f: &SubmissionForm,
    message: Option<(&str, String)>,
    is_draft: bool,
) -> Result<Markup, WebError> {
    let fields = catalogue::call_fields(&state.db, call.id).await?;
    let hospitals = catalogue::hospitals(&state.db).await?;
    let needs = catalogue::open_needs(&state.db, 500).await?;
    let rows = f.member_name.len() + EMPTY_MEMBER_ROWS;
    let hospital_select = |name: &str, id: &str, selected: &str| {
        html! {
            select name=(name) id=(id) {
                option value="" { "—" }
                @for h in &hospitals {
                    option value=(h.id) selected[selected == h.id.to_string()] { (ctx.pick(&h.name_en, &h.name_zh)) }
                }
            }
        }
    };
    Ok(html! {
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        form method="post" action=(action) class="stacked card" {
            (csrf_field(ctx))
            p class="muted" { (ctx.pick(&call.title_en, &call.title_zh))
                @if let Some(end) = call.open_ends_at { " · " (ctx.t("sub-deadline")) ": " (deadline_text(call, end)) } }
            label for="title" { (ctx.t("field-submission-title")) }
            input type="text" id="title" name="title" value=(f.title) required maxlength="200";
            label for="need" { (ctx.t("field-need")) }
            select name="need" id="need" {
                option value="" { (ctx.t("sub-no-need")) }
                @for n in &needs {
                    option value=(n.id) selected[f.need == n.id.to_string()] { "#" (n.id) " " (n.problem) " — " (n.population) " (" (n.organization) ")" }
                }
            }
            label for="need_statement" { (ctx.t("field-need-statement")) }
            p class="hint" { (ctx.t("sub-need-statement-hint")) }
            textarea id="need_statement" name="need_statement" rows="3" maxlength="4000" { (f.need_statement) }
            label for="solution" { (ctx.t("field-solution")) }
            textarea id="solution" name="solution" rows="8" maxlength="10000" { (f.solution) }
            label for="evidence" { (ctx.t("field-evidence")) }
            textarea id="evidence" name="evidence" rows="5" maxlength="10000" { (f.evidence) }
            label for="stage" { (ctx.t("field-stage")) }
            select name="stage" id="stage" {
                @for s in Stage::ALL { option value=(s.as_str()) selected[f.stage == s.as_str()] { (ctx.t(&format!("stage-{s}"))) } }
            }
            @if !fields.is_empty() {
                fieldset {
                    legend { (ctx.t("field-fields")) }
                    @for c in &fields {
                        label { input type="checkbox" name="field" value=(c.id) checked[f.field.iter().any(|x| x == &c.id.to_string())]; " " (ctx.pick(&c.name_en, &c.name_zh)) }
                    }
                }
            }
            label for="keywords" { (ctx.t("field-keywords")) }
            input type="text" id="keywords" name="keywords" value=(f.keywords) maxlength="500";
            label for="organization" { (ctx.t("sub-lead-hospital")) }
            (hospital_select("organization", "organization", &f.organization))
            fieldset {
                legend { (ctx.t("field-team")) }
                p class="hint" { (ctx.t("sub-team-hint")) }
                div class="member-rows" {
                    @for i in 0..rows {
                        div class="member-row" {
                            input type="text" name="member_name" value=(f.member_name.get(i).cloned().unwrap_or_default()) placeholder=(ctx.t("field-name")) aria-label=(ctx.t("field-name")) maxlength="100";
                            input type="email" name="member_email" value=(f.member_email.get(i).cloned().unwrap_or_default()) placeholder=(ctx.t("field-email")) aria-label=(ctx.t("field-email")) maxlength="254";
                            (hospital_select("member_org", &format!("member_org_{i}"), f.member_org.get(i).map(String::as_str).unwrap_or("")))
                        }
                    }
                }
            }
            label for="ip_status" { (ctx.t("field-ip-status")) }
            select name="ip_status" id="ip_status" {
                @for v in IP_STATUSES { option value=(v) selected[f.ip_status == *v] { (ctx.t(&format!("ip-{v}"))) } }
            }
            label for="confidentiality" { (ctx.t("field-confidentiality")) }
            select name="confidentiality" id="confidentiality" {
                @for v in CONFIDENTIALITY { option value=(v) selected[f.confidentiality == *v] { (ctx.t(&format!("conf-{v}"))) } }
            }
            div class="actions" {
                button type="submit" name="action" value="save" { (ctx.t(if is_draft { "sub-save-draft" } else { "sub-save-revision" })) }
                @if is_draft {
                    " " button type="submit" name="action" value="submit" class="secondary" { (ctx.t("sub-save-submit")) }
                }
            }
        }
    })
}

fn require_clinician(ctx: &Ctx) -> Result<&Person, WebError> {
    let user = ctx.require_user()?;
    if !can(user, Permission::Submit) {
        return Err(WebError::Forbidden);
    }
    Ok(user)
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    need: Option<i64>,
}

pub async fn new_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let user = require_clinician(&ctx)?;
    let call = visible_call(&state, user, id).await?;
    let message = check_window(&call, now()).err().and_then(|e| match e {
        ServiceError::Invalid(m) => Some(("error", i18n::msg(ctx.lang, &m))),
        _ => None,
    });
    let form = SubmissionForm {
        organization: user
            .organization_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        need: q.need.map(|n| n.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let action = format!("/calls/{id}/submit");
    let body = html! {
        h1 { (ctx.t("sub-new")) }
        (form_body(&ctx, &state, &call, &action, &form, message, true).await?)
    };
    Ok(page(&ctx, &ctx.t("sub-new"), body))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<SubmissionForm>,
) -> Result<Response, WebError> {
    let user = require_clinician(&ctx)?;
    let call = visible_call(&state, user, id).await?;
    let input = f.input()?;
    let t = now();
    let result = match svc::create_draft(&state.db, user, id, &input, t).await {
        Ok(sid) if f.action == "submit" => {
            svc::submit(&state.db, user, sid, &state.config.base_url, t)
                .await
                .map(|_| sid)
                .or_else(|e| match e {
                    // The draft is saved; show it with the reason it could not be submitted.
                    ServiceError::Invalid(_) => Ok(sid),
                    e => Err(e),
                })
        }
        other => other,
    };
    match result {
        Ok(sid) => Ok(see_other(&format!("/submissions/{sid}"))),
        Err(ServiceError::Invalid(m)) => {
            let action = format!("/calls/{id}/submit");
            let body = html! {
                h1 { (ctx.t("sub-new")) }
                (form_body(&ctx, &state, &call, &action, &f, Some(("error", i18n::msg(ctx.lang, &m))), true).await?)
            };
            Ok(refused(&ctx, &ctx.t("sub-new"), body))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (s, _, access) = svc::load(&state.db, user, id).await?;
    if !drx_core::auth::authorization::can_edit_submission(user, &access) {
        return Err(WebError::Forbidden);
    }
    let call = call_or_404(&state, s.call_id).await?;
    let message = check_window(&call, now()).err().and_then(|e| match e {
        ServiceError::Invalid(m) => Some(("error", i18n::msg(ctx.lang, &m))),
        _ => None,
    });
    let form = SubmissionForm::from_input(&svc::input_of(&s));
    let body = html! {
        h1 { (ctx.t("sub-edit")) ": " (s.title) }
        p class="muted" { (ctx.t("sub-version")) " " (s.version) " · " (ctx.t("sub-edit-keeps")) }
        (form_body(&ctx, &state, &call, &format!("/submissions/{id}/edit"), &form, message, s.status == drx_domain::SubmissionStatus::Draft).await?)
    };
    Ok(page(&ctx, &ctx.t("sub-edit"), body))
}

pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<SubmissionForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let input = f.input()?;
    let t = now();
    let mut result = svc::save(&state.db, user, id, &input, t).await.map(|_| ());
    if result.is_ok() && f.action == "submit" {
        result = svc::submit(&state.db, user, id, &state.config.base_url, t)
            .await
            .map(|_| ());
    }
    match result {
        Ok(()) => Ok(see_other(&format!("/submissions/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            // Nothing typed is lost: the page shows the posted text with the reason.
            let (s, _, _) = svc::load(&state.db, user, id).await?;
            let call = call_or_404(&state, s.call_id).await?;
            let body = html! {
                h1 { (ctx.t("sub-edit")) ": " (s.title) }
                (form_body(&ctx, &state, &call, &format!("/submissions/{id}/edit"), &f, Some(("error", i18n::msg(ctx.lang, &m))), s.status == drx_domain::SubmissionStatus::Draft).await?)
            };
            Ok(refused(&ctx, &ctx.t("sub-edit"), body))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The detail page.

async fn detail_body(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    s: &Submission,
    view: SubmissionView,
    access: &drx_core::auth::authorization::SubmissionAccess,
    message: Option<(&str, String)>,
) -> Result<Markup, WebError> {
    let call = call_or_404(state, s.call_id).await?;
    let attachments = svc::attachments(&state.db, user, s.id).await?;
    let editable = drx_core::auth::authorization::can_edit_submission(user, access);
    let history = super::history::section(ctx, &state.db, user, Subject::Submission(s.id)).await?;
    let withdrawable = drx_core::auth::authorization::can_withdraw_submission(user, access);
    let organizer = drx_core::auth::authorization::can_manage_submission_call(user, access);
    let window = check_window(&call, now());
    let full = view == SubmissionView::Full;
    let notices = if access.on_team {
        catalogue::my_notices(&state.db, user, 20)
            .await?
            .into_iter()
            .filter(|n| n.link == format!("/submissions/{}", s.id))
            .take(1)
            .collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    let feedback = crate::pages::reviews::feedback_section(ctx, &state.db, user, s, access).await?;
    let reviews = crate::pages::reviews::reviews_section(ctx, &state.db, user, s.id).await?;
    let teams = super::teams::submission_teams_section(ctx, &state.db, user, s, access).await?;
    let conversations = super::conversations::section(
        ctx,
        &state.db,
        user,
        drx_core::services::conversations::Subject::Submission,
        s.id,
    )
    .await?;
    Ok(html! {
        @if let Some((kind, text)) = message { (notice(kind, &text)) }
        @for n in &notices { div class="notice ok receipt" { (n.body) " " span class="muted" { (datetime(n.created_at)) } } }
        h1 { (s.title) }
        p {
            span class={ "pill status-" (s.status) } { (ctx.t(&format!("status-{}", s.status))) }
            " " span class="muted" { (ctx.t("sub-version")) " " (s.version) " · " (ctx.t("updated")) " " (datetime(s.updated_at)) }
        }
        div class="sub-actions" {
            @if editable && window.is_ok() {
                a class="button" href={ "/submissions/" (s.id) "/edit" } { (ctx.t("sub-edit")) }
                @if s.status == drx_domain::SubmissionStatus::Draft {
                    form method="post" action={ "/submissions/" (s.id) "/submit" } class="inline" {
                        (csrf_field(ctx)) " " button type="submit" { (ctx.t("sub-submit")) }
                    }
                }
            }
            @if withdrawable {
                form method="post" action={ "/submissions/" (s.id) "/withdraw" } class="inline" {
                    (csrf_field(ctx)) " " button type="submit" class="secondary" { (ctx.t("sub-withdraw")) }
                }
            }
            " " a href={ "/submissions/" (s.id) "/revisions" } { (ctx.t("sub-revisions")) }
            @if organizer {
                " · " a href={ "/submissions/" (s.id) "/matches" } { (ctx.t("sub-matches")) }
            }
        }
        @if editable {
            @match &window {
                Ok(()) => { @if let (Some(end), Some(_)) = (call.open_ends_at, last_edit_at(&call)) {
                    p class="muted" { (ctx.t("sub-edit-until")) " " (deadline_text(&call, end)) } } }
                Err(ServiceError::Invalid(m)) => { (notice("info", &i18n::msg(ctx.lang, m))) }
                Err(_) => {}
            }
        }
        div class="table-wrap" { table class="meta" { tbody {
            tr { th { (ctx.t("call")) } td { a href={ "/calls/" (call.id) } { (ctx.pick(&call.title_en, &call.title_zh)) } } }
            tr { th { (ctx.t("field-stage")) } td { (ctx.t(&format!("stage-{}", s.stage))) } }
            tr { th { (ctx.t("field-fields")) } td { @for f in &s.fields { span class="pill" { (ctx.pick(&f.name_en, &f.name_zh)) } } } }
            tr { th { (ctx.t("field-keywords")) } td { (s.keywords) } }
            @if full {
                tr { th { (ctx.t("sub-lead-hospital")) } td { (ctx.pick(&s.organization_en, &s.organization_zh)) } }
                tr { th { (ctx.t("field-team")) } td {
                    ul class="plain" { @for m in &s.members { li {
                        (m.name)
                        @if m.invited_person_id.is_some() { " " span class="pill" { (ctx.t("sub-team-invited")) } }
                        @if !m.organization_en.is_empty() { " · " span class="muted" { (ctx.pick(&m.organization_en, &m.organization_zh)) } }
                        @if m.role == "lead" { " " span class="pill" { (ctx.t("sub-lead")) } }
                    } } }
                } }
                @if let Some(n) = s.need_id { tr { th { (ctx.t("field-need")) } td { a href={ "/needs/" (n) } { "#" (n) } } } }
            }
            tr { th { (ctx.t("field-ip-status")) } td { (ctx.t(&format!("ip-{}", s.ip_status))) } }
            tr { th { (ctx.t("field-confidentiality")) } td { (ctx.t(&format!("conf-{}", s.confidentiality))) } }
            @if let Some(at) = s.submitted_at { tr { th { (ctx.t("sub-submitted-at")) } td { (datetime(at)) } } }
        } } }
        h2 { (ctx.t("field-need-statement")) }
        p class="prewrap" { (s.need_statement) }
        h2 { (ctx.t("field-solution")) }
        p class="prewrap" { (s.solution) }
        @if !s.evidence.is_empty() {
            h2 { (ctx.t("field-evidence")) }
            p class="prewrap" { (s.evidence) }
        }
        (feedback)
        (reviews)
        h2 { (ctx.t("sub-attachments")) }
        @if attachments.is_empty() { p class="muted" { (ctx.t("sub-attachments-none")) } }
        @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("sub-file")) } th { (ctx.t("sub-size")) } th { "SHA-256" } @if editable { th {} } } }
                tbody { @for a in &attachments { tr {
                    td { a href={ "/attachments/" (a.id) } { (svc::shown_filename(a, view)) } }
                    td { (file_size(a.size_bytes)) }
                    td { code title=(a.sha256) { (a.sha256[..16]) "…" } }
                    @if editable { td { @if window.is_ok() {
                        form method="post" action={ "/attachments/" (a.id) "/delete" } class="inline" {
                            (csrf_field(ctx)) button type="submit" class="small secondary" { (ctx.t("sub-remove")) }
                        }
                    } } }
                } } }
            } }
        }
        @if editable && window.is_ok() {
            form method="post" action={ "/submissions/" (s.id) "/attachments" } enctype="multipart/form-data" class="stacked card" {
                (csrf_field(ctx))
                label for="file" { (ctx.t("sub-upload")) }
                input type="file" id="file" name="file" required accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx";
                p class="hint" { (i18n::t_args(ctx.lang, "sub-upload-hint", &[("max", (svc::MAX_ATTACHMENT_BYTES / (1024 * 1024)).to_string())])) }
                button type="submit" { (ctx.t("sub-upload-button")) }
            }
        }
        (teams)
        @if let Some(c) = conversations { (c) }
        @if let Some(h) = history { (h) }
    })
}

pub async fn detail(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (s, view, access) = svc::load(&state.db, user, id).await?;
    let body = detail_body(&ctx, &state, user, &s, view, &access, None).await?;
    Ok(page(&ctx, &s.title, body))
}

/// Shows the detail page with a message (after a refused action), or redirects to it.
async fn after_action(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    id: i64,
    result: Result<(), ServiceError>,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(see_other(&format!("/submissions/{id}"))),
        Err(ServiceError::Invalid(m)) => {
            let (s, view, access) = svc::load(&state.db, user, id).await?;
            let text = i18n::msg(ctx.lang, &m);
            let body =
                detail_body(ctx, state, user, &s, view, &access, Some(("error", text))).await?;
            Ok(refused(ctx, &s.title, body))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = svc::submit(&state.db, user, id, &state.config.base_url, now())
        .await
        .map(|_| ());
    after_action(&ctx, &state, user, id, r).await
}

pub async fn withdraw(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = svc::withdraw(&state.db, user, id, now()).await;
    after_action(&ctx, &state, user, id, r).await
}

// ---------------------------------------------------------------------------------------------
// Attachments.

/// Reads a form with one file (`read_multipart`'s checks): the file's name and bytes, or None
/// when no file was chosen.
pub(crate) async fn read_file_upload(
    ctx: &Ctx,
    body: MultipartBody,
    max_bytes: usize,
) -> Result<Option<(String, Vec<u8>)>, WebError> {
    Ok(read_multipart(&ctx.csrf, body, max_bytes)
        .await?
        .file("file"))
}

/// Takes an attachment upload.
pub async fn upload(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: MultipartBody,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let file = read_file_upload(&ctx, multipart, svc::MAX_ATTACHMENT_BYTES).await?;
    let Some((name, bytes)) = file else {
        return after_action(
            &ctx,
            &state,
            user,
            id,
            Err(ServiceError::invalid("error-file-empty")),
        )
        .await;
    };
    let r = svc::attach(&state.db, user, id, &name, &bytes, now())
        .await
        .map(|_| ());
    after_action(&ctx, &state, user, id, r).await
}

pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (name, content_type, bytes) = svc::download(&state.db, user, id).await?;
    Ok(crate::download::uploaded_file(&name, &content_type, bytes))
}

pub async fn delete_attachment(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let sid = svc::detach(&state.db, user, id, now()).await?;
    Ok(see_other(&format!("/submissions/{sid}")))
}

// ---------------------------------------------------------------------------------------------
// Revisions.

#[derive(Deserialize, Default)]
pub struct RevisionQuery {
    #[serde(default)]
    a: Option<i64>,
    #[serde(default)]
    b: Option<i64>,
}

fn render_diff(chunks: &[Chunk]) -> Markup {
    html! {
        @for c in chunks {
            @match c {
                Chunk::Same(t) => { (t) }
                Chunk::Deleted(t) => { del { (t) } }
                Chunk::Inserted(t) => { ins { (t) } }
            }
        }
    }
}

pub async fn revisions(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<RevisionQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (s, view, revs) = svc::revisions(&state.db, user, id).await?;
    let latest = revs.last().map(|r| r.0.version).unwrap_or(1);
    let b = q.b.unwrap_or(latest);
    let a = q.a.unwrap_or((b - 1).max(1));
    let find = |v: i64| revs.iter().find(|r| r.0.version == v);
    let (Some(ra), Some(rb)) = (find(a), find(b)) else {
        return Err(WebError::NotFound);
    };
    let full = view == SubmissionView::Full;
    // The blind view never compares the parts that name people or hospitals.
    let hidden = ["field-hospital", "field-team"];
    let parts: Vec<(&str, String, String)> =
        ra.1.parts()
            .into_iter()
            .zip(rb.1.parts())
            .filter(|((k, _), _)| full || !hidden.contains(k))
            .map(|((k, x), (_, y))| (k, x, y))
            .collect();
    let body = html! {
        h1 { (ctx.t("sub-revisions")) ": " a href={ "/submissions/" (s.id) } { (s.title) } }
        div class="table-wrap" { table {
            thead { tr { th { (ctx.t("sub-version")) } @if full { th { (ctx.t("sub-by")) } } th { (ctx.t("updated")) } th {} } }
            tbody { @for (r, _) in &revs { tr {
                td { (r.version) }
                @if full { td { (r.author) } }
                td { (datetime(r.created_at)) }
                td { @if r.version > 1 { a href={ "/submissions/" (s.id) "/revisions?a=" (r.version - 1) "&b=" (r.version) } { (ctx.t("sub-compare-previous")) } } }
            } } }
        } }
        form method="get" action={ "/submissions/" (s.id) "/revisions" } class="filters" {
            label { (ctx.t("sub-compare")) " "
                select name="a" { @for (r, _) in &revs { option value=(r.version) selected[r.version == a] { (r.version) } } } }
            label { " ↔ "
                select name="b" { @for (r, _) in &revs { option value=(r.version) selected[r.version == b] { (r.version) } } } }
            " " button type="submit" class="small" { (ctx.t("sub-show")) }
        }
        h2 { (i18n::t_args(ctx.lang, "sub-diff-title", &[("a", a.to_string()), ("b", b.to_string())])) }
        @let changed: Vec<_> = parts.iter().filter(|p| p.1 != p.2).collect();
        @if changed.is_empty() { p class="muted" { (ctx.t("sub-no-changes")) } }
        @for (k, x, y) in &changed {
            div class="card diff" {
                h3 { (ctx.t(k)) }
                p class="prewrap" { (render_diff(&diff(x, y))) }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("sub-revisions"), body))
}

/// The submission teams the person was named on and has not answered: accept or decline.
pub async fn team_invitations_section(
    ctx: &Ctx,
    db: &drx_core::Db,
    user: &Person,
) -> Result<Markup, WebError> {
    let invitations = svc::team_invitations(db, user).await?;
    Ok(html! {
        @if !invitations.is_empty() {
            section id="submission-team-invitations" {
                h2 { (ctx.t("sub-team-invitations")) }
                @for i in &invitations {
                    div class="notice info" {
                        (i18n::t_args(ctx.lang, "sub-team-invitation-line", &[("title", i.title.clone()), ("lead", i.lead.clone())]))
                        " "
                        (super::interests::answer_buttons(ctx, &format!("/submissions/{}/team-invitation", i.submission_id), "sub-team-accept", "sub-team-decline"))
                    }
                }
            }
        }
    })
}

/// `POST /submissions/{id}/team-invitation`: the invited person joins the team or declines.
pub async fn answer_team_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<super::interests::AnswerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let accept = match f.answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => {
            return Err(WebError::back_to(&ctx, "/")(ServiceError::invalid(
                "error-bad-choice",
            )))
        }
    };
    svc::answer_team_invitation(&state.db, user, id, accept, now())
        .await
        .map_err(WebError::back_to(&ctx, "/"))?;
    Ok(see_other(&if accept {
        format!("/submissions/{id}")
    } else {
        "/".to_string()
    }))
}
