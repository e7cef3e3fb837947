//! Engineering teams kept through the product: the form to create one (an engineer leads it;
//! organizers and admins name its lead), the lead's page to edit its profile and past projects,
//! and the membership forms (invite, remove, hand over the lead, leave, answer an invitation).
//! A refused form comes back with what was typed and the reason (422).
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::auth::authorization::{can_create_team, can_name_team_lead};
use drx_core::i18n;
use drx_core::model::{Field, Organization, PastProject, Person};
use drx_core::now;
use drx_core::services::teams::{
    self as svc, Invitee, MemberAction, PastProjectInput, TeamInput, MAX_CAPABILITIES,
    MAX_CAPACITY, MAX_NAME, MAX_TECHNOLOGIES,
};
use drx_core::services::{catalogue, organizations, ServiceError};

/// What the team form sends (the profile, on creation also the lead and a first past project).
#[derive(Deserialize, Default)]
pub struct TeamForm {
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_zh: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    capabilities: String,
    #[serde(default)]
    technologies: String,
    #[serde(default)]
    field: Vec<String>,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    lead: String,
    #[serde(default)]
    project_title: String,
    #[serde(default)]
    project_year: String,
    #[serde(default)]
    project_description: String,
}

/// One past project as the form sends it.
#[derive(Deserialize, Default, Clone)]
pub struct ProjectForm {
    #[serde(default)]
    project_title: String,
    #[serde(default)]
    project_year: String,
    #[serde(default)]
    project_description: String,
}

impl ProjectForm {
    fn input(&self) -> PastProjectInput {
        PastProjectInput {
            title: self.project_title.clone(),
            year: self.project_year.clone(),
            description: self.project_description.clone(),
        }
    }

    fn is_empty(&self) -> bool {
        [
            &self.project_title,
            &self.project_year,
            &self.project_description,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// A number typed in a form; anything else is -1, which the service refuses by name.
fn number(v: &str) -> i64 {
    v.trim().parse().unwrap_or(-1)
}

impl TeamForm {
    /// The first past project typed on the creation form.
    fn project(&self) -> ProjectForm {
        ProjectForm {
            project_title: self.project_title.clone(),
            project_year: self.project_year.clone(),
            project_description: self.project_description.clone(),
        }
    }

    fn input(&self) -> TeamInput {
        TeamInput {
            name_en: self.name_en.clone(),
            name_zh: self.name_zh.clone(),
            organization_id: (!self.organization.trim().is_empty())
                .then(|| number(&self.organization)),
            capabilities: self.capabilities.clone(),
            technologies: self.technologies.clone(),
            field_ids: self.field.iter().map(|f| number(f)).collect(),
            capacity: number(&self.capacity),
        }
    }
}

/// What the profile part of the form shows.
struct Choices {
    organizations: Vec<Organization>,
    fields: Vec<Field>,
}

impl Choices {
    async fn load(state: &AppState, user: &Person) -> Result<Choices, WebError> {
        Ok(Choices {
            organizations: organizations::list(&state.db, user).await?,
            fields: catalogue::fields(&state.db).await?,
        })
    }
}

/// The profile's inputs: names, organization, capabilities, technologies, fields, capacity.
fn profile_fields(ctx: &Ctx, c: &Choices, f: &TeamInput) -> Markup {
    html! {
        label for="name_zh" { (ctx.t("field-team-name_zh")) }
        input type="text" id="name_zh" name="name_zh" value=(f.name_zh) maxlength=(MAX_NAME);
        label for="name_en" { (ctx.t("field-team-name_en")) }
        input type="text" id="name_en" name="name_en" value=(f.name_en) maxlength=(MAX_NAME);
        p class="hint" { (ctx.t("team-name-hint")) }
        label for="organization" { (ctx.t("field-organization")) }
        select id="organization" name="organization" required {
            @for o in &c.organizations {
                option value=(o.id) selected[f.organization_id == Some(o.id)] { (ctx.pick(&o.name_en, &o.name_zh)) }
            }
        }
        label for="capabilities" { (ctx.t("field-team-capabilities")) }
        textarea id="capabilities" name="capabilities" rows="5" maxlength=(MAX_CAPABILITIES) required { (f.capabilities) }
        p class="hint" { (ctx.t("team-capabilities-hint")) }
        label for="technologies" { (ctx.t("field-team-technologies")) }
        input type="text" id="technologies" name="technologies" value=(f.technologies) maxlength=(MAX_TECHNOLOGIES);
        p class="hint" { (ctx.t("team-technologies-hint")) }
        fieldset {
            legend { (ctx.t("team-fields")) }
            @for field in &c.fields {
                label { input type="checkbox" name="field" value=(field.id) checked[f.field_ids.contains(&field.id)]; " " (ctx.pick(&field.name_en, &field.name_zh)) }
                br;
            }
        }
        label for="capacity" { (ctx.t("field-team-capacity")) }
        input type="number" id="capacity" name="capacity" min="1" max=(MAX_CAPACITY) value=(f.capacity) required;
        p class="hint" { (ctx.t("team-capacity-hint")) }
    }
}

/// The inputs of one past project.
fn project_fields(ctx: &Ctx, p: &ProjectForm, required: bool) -> Markup {
    html! {
        label for="project_title" { (ctx.t("team-project-title")) }
        input type="text" id="project_title" name="project_title" value=(p.project_title) maxlength="500" required[required];
        label for="project_year" { (ctx.t("team-project-year")) }
        input type="text" id="project_year" name="project_year" value=(p.project_year) inputmode="numeric" maxlength="10";
        label for="project_description" { (ctx.t("team-project-description")) }
        textarea id="project_description" name="project_description" rows="3" { (p.project_description) }
    }
}

// ---- creating ----

async fn new_body(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    f: &TeamInput,
    lead: &str,
    project: &ProjectForm,
    message: Option<Markup>,
) -> Result<Markup, WebError> {
    let choices = Choices::load(state, user).await?;
    let names_lead = can_name_team_lead(user);
    let engineers = if names_lead {
        svc::engineers(&state.db, user, None).await?
    } else {
        Vec::new()
    };
    Ok(html! {
        p class="muted" { a href="/teams" { "← " (ctx.t("teams-title")) } }
        h1 { (ctx.t("team-new-title")) }
        p class="muted" { (ctx.t(if names_lead { "team-new-lead-staff" } else { "team-new-lead-engineer" })) }
        @if let Some(m) = message { (m) }
        form method="post" action="/teams/new" class="stacked card" {
            (csrf_field(ctx))
            (profile_fields(ctx, &choices, f))
            @if names_lead {
                label for="lead" { (ctx.t("team-lead-choose")) }
                select id="lead" name="lead" {
                    option value="" { (ctx.t("team-lead-self")) }
                    @for e in &engineers {
                        option value=(e.id) selected[lead == e.id.to_string()] { (e.name) " · " (e.email) @if !e.organization_zh.is_empty() { " · " (ctx.pick(&e.organization_en, &e.organization_zh)) } }
                    }
                }
            }
            fieldset {
                legend { (ctx.t("team-project-first")) }
                (project_fields(ctx, project, false))
            }
            button type="submit" { (ctx.t("team-create")) }
        }
    })
}

/// `GET /teams/new`.
pub async fn new_page(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    if !can_create_team(user) {
        return Err(WebError::Forbidden);
    }
    let start = TeamInput {
        organization_id: user.organization_id,
        capacity: 1,
        ..TeamInput::default()
    };
    let body = new_body(
        &ctx,
        &state,
        user,
        &start,
        "",
        &ProjectForm::default(),
        None,
    )
    .await?;
    Ok(page(&ctx, &ctx.t("team-new-title"), body))
}

/// `POST /teams/new`.
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<TeamForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let input = f.input();
    let lead = (!f.lead.trim().is_empty()).then(|| number(&f.lead));
    let project = f.project();
    let projects: Vec<PastProjectInput> = if project.is_empty() {
        Vec::new()
    } else {
        vec![project.input()]
    };
    match svc::create(&state.db, user, &input, lead, &projects, now()).await {
        Ok(id) => Ok(see_other(&format!("/teams/{id}?done=created"))),
        Err(ServiceError::Invalid(m)) => {
            let message = notice("error", &i18n::msg(ctx.lang, &m));
            let body =
                new_body(&ctx, &state, user, &input, &f.lead, &project, Some(message)).await?;
            Ok(refused(&ctx, &ctx.t("team-new-title"), body))
        }
        Err(e) => Err(e.into()),
    }
}

// ---- editing ----

async fn edit_body(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    id: i64,
    f: Option<&TeamInput>,
    project: &ProjectForm,
    message: Option<Markup>,
) -> Result<Markup, WebError> {
    let stored = svc::editable(&state.db, user, id).await?;
    let current = TeamInput::of(&stored);
    let f = f.unwrap_or(&current);
    let choices = Choices::load(state, user).await?;
    let projects = svc::page(&state.db, user, id).await?.past_projects;
    let base = format!("/teams/{id}");
    Ok(html! {
        p class="muted" { a href=(base) { "← " (ctx.pick(&stored.name_en, &stored.name_zh)) } }
        h1 { (ctx.t("team-edit-title")) }
        @if let Some(m) = message { (m) }
        form method="post" action={ (base) "/edit" } class="stacked card" {
            (csrf_field(ctx))
            (profile_fields(ctx, &choices, f))
            button type="submit" { (ctx.t("save")) }
        }
        h2 id="projects" { (ctx.t("team-projects")) }
        (projects_table(ctx, &projects, Some(id)))
        h3 { (ctx.t("team-project-add")) }
        form method="post" action={ (base) "/projects" } class="stacked card" {
            (csrf_field(ctx))
            (project_fields(ctx, project, true))
            button type="submit" { (ctx.t("team-project-add")) }
        }
    })
}

/// A team's past projects; with `removable`, a remove button on each (the edit page).
pub fn projects_table(ctx: &Ctx, projects: &[PastProject], removable: Option<i64>) -> Markup {
    html! {
        @if projects.is_empty() { p class="muted" { (ctx.t("team-projects-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("team-project-title")) } th { (ctx.t("team-project-year")) } @if removable.is_some() { th {} } } }
                tbody { @for p in projects { tr {
                    td { (p.title) @if !p.description.is_empty() { br; span class="muted" { (p.description) } } }
                    td { @if let Some(y) = p.year { (y) } }
                    @if let Some(team) = removable {
                        td { form method="post" action={ "/teams/" (team) "/projects/" (p.id) "/delete" } {
                            (csrf_field(ctx))
                            button type="submit" class="secondary" { (ctx.t("team-project-remove")) }
                        } }
                    }
                } } }
            } }
        }
    }
}

/// The edit page again with a refusal (422), or the error as it is.
async fn edit_refused(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    f: Option<&TeamInput>,
    project: &ProjectForm,
    e: ServiceError,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match e {
        ServiceError::Invalid(m) => {
            let message = notice("error", &i18n::msg(ctx.lang, &m));
            let body = edit_body(ctx, state, user, id, f, project, Some(message)).await?;
            Ok(refused(ctx, &ctx.t("team-edit-title"), body))
        }
        e => Err(e.into()),
    }
}

/// `GET /teams/{id}/edit`.
pub async fn edit_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let body = edit_body(&ctx, &state, user, id, None, &ProjectForm::default(), None).await?;
    Ok(page(&ctx, &ctx.t("team-edit-title"), body))
}

/// `POST /teams/{id}/edit`: the profile.
pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TeamForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let input = f.input();
    match svc::update(&state.db, user, id, &input, None, now()).await {
        Ok(()) => Ok(see_other(&format!("/teams/{id}?done=saved"))),
        Err(e) => edit_refused(&ctx, &state, id, Some(&input), &ProjectForm::default(), e).await,
    }
}

/// `POST /teams/{id}/projects`: one more past project.
pub async fn add_project(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(p): CsrfForm<ProjectForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::add_past_project(&state.db, user, id, &p.input(), now()).await {
        Ok(_) => Ok(see_other(&format!("/teams/{id}/edit#projects"))),
        Err(e) => edit_refused(&ctx, &state, id, None, &p, e).await,
    }
}

/// `POST /teams/{id}/projects/{project}/delete`.
pub async fn remove_project(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, project)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::remove_past_project(&state.db, user, id, project, now()).await {
        Ok(()) => Ok(see_other(&format!("/teams/{id}/edit#projects"))),
        Err(e) => edit_refused(&ctx, &state, id, None, &ProjectForm::default(), e).await,
    }
}

// ---- members ----

/// The team page again with a refusal (422) of a membership form.
async fn team_refused(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    e: ServiceError,
) -> Result<Response, WebError> {
    match e {
        ServiceError::Invalid(m) => {
            let message = notice("error", &i18n::msg(ctx.lang, &m));
            super::teams::team_response(ctx, state, id, Some(message), true).await
        }
        e => Err(e.into()),
    }
}

/// The controls of those who keep the team: members' buttons, the invitation form, pending
/// invitations (for the team page).
pub async fn keeper_section(
    ctx: &Ctx,
    state: &AppState,
    user: &Person,
    id: i64,
    p: &svc::TeamPage,
) -> Result<Markup, WebError> {
    let engineers = svc::engineers(&state.db, user, Some(id)).await?;
    let base = format!("/teams/{id}");
    Ok(html! {
        p { a class="button" href={ (base) "/edit" } { (ctx.t("team-edit-title")) } }
        @let others: Vec<_> = p.members.iter().filter(|m| !m.lead).collect();
        @if !others.is_empty() {
            h3 { (ctx.t("team-members-keep")) }
            ul { @for m in &others {
                li { (m.name) " "
                    form method="post" action={ (base) "/members" } class="inline" {
                        (csrf_field(ctx))
                        input type="hidden" name="person" value=(m.person_id);
                        button type="submit" name="do" value="lead" class="small secondary" { (ctx.t("team-make-lead")) }
                        " "
                        button type="submit" name="do" value="remove" class="small secondary" { (ctx.t("team-remove-member")) }
                    }
                }
            } }
        }
        h3 { (ctx.t("team-invite")) }
        form method="post" action={ (base) "/invitations" } class="stacked card" {
            (csrf_field(ctx))
            p class="hint" { (ctx.t("team-invite-hint")) }
            label for="email" { (ctx.t("field-email")) }
            input type="email" id="email" name="email" maxlength="254";
            @if !engineers.is_empty() {
                label for="person" { (ctx.t("team-invite-pick")) }
                select id="person" name="person" {
                    option value="" { "—" }
                    @for e in &engineers {
                        option value=(e.id) { (e.name) @if !e.organization_zh.is_empty() { " · " (ctx.pick(&e.organization_en, &e.organization_zh)) } }
                    }
                }
            }
            button type="submit" { (ctx.t("team-invite-send")) }
        }
        @if !p.invitations.is_empty() {
            h3 { (ctx.t("team-invitations-pending")) }
            ul { @for i in &p.invitations {
                li {
                    (i.person_name) " · " span class="muted" { (i.person_email) } " "
                    form method="post" action={ (base) "/invitations/cancel" } class="inline" {
                        (csrf_field(ctx))
                        input type="hidden" name="invitation" value=(i.id);
                        button type="submit" class="small secondary" { (ctx.t("team-invitation-cancel")) }
                    }
                }
            } }
        }
    })
}

#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    person: String,
}

/// `POST /teams/{id}/invitations`: by email, or the person picked from the list.
pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<InviteForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let who = if f.person.trim().is_empty() {
        Invitee::Email(f.email)
    } else {
        Invitee::Person(number(&f.person))
    };
    let base = &state.config.base_url;
    match svc::invite(&state.db, user, id, &who, base, now()).await {
        Ok(_) => Ok(see_other(&format!("/teams/{id}?done=invited"))),
        Err(e) => team_refused(&ctx, &state, id, e).await,
    }
}

#[derive(Deserialize, Default)]
pub struct MemberForm {
    #[serde(default, rename = "do")]
    what: String,
    #[serde(default)]
    person: String,
}

/// `POST /teams/{id}/members`: `do` = remove or lead, for the member `person`.
pub async fn member(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<MemberForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Whether the person keeps this team comes first: the choice is checked after.
    svc::editable(&state.db, user, id).await?;
    let result = match f.what.as_str() {
        "remove" => Ok(MemberAction::Remove),
        "lead" => Ok(MemberAction::MakeLead),
        _ => Err(ServiceError::invalid("team-error-member-action")),
    };
    let result = match result {
        Ok(what) => svc::member_action(&state.db, user, id, number(&f.person), what, now()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/teams/{id}?done=members"))),
        Err(e) => team_refused(&ctx, &state, id, e).await,
    }
}

#[derive(Deserialize, Default)]
pub struct CancelForm {
    #[serde(default)]
    invitation: String,
}

/// `POST /teams/{id}/invitations/cancel`: the lead takes back an invitation not answered yet.
pub async fn cancel_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<CancelForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    svc::editable(&state.db, user, id).await?;
    let invitation: i64 = f
        .invitation
        .trim()
        .parse()
        .map_err(|_| WebError::BadRequest {
            en: "Which invitation?".into(),
            zh: "请指定邀请。".into(),
        })?;
    match svc::cancel_invitation(&state.db, user, id, invitation, now()).await {
        Ok(()) => Ok(see_other(&format!("/teams/{id}?done=members"))),
        Err(e) => team_refused(&ctx, &state, id, e).await,
    }
}

/// `POST /teams/{id}/leave`.
pub async fn leave(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::leave(&state.db, user, id, now()).await {
        Ok(()) => Ok(see_other("/")),
        Err(e) => team_refused(&ctx, &state, id, e).await,
    }
}

/// `POST /team-invitations/{id}`: `answer` = accept or decline.
pub async fn answer(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<super::interests::AnswerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Whether the invitation is theirs comes first: the answer is checked after.
    if !svc::is_invited(&state.db, user, id).await? {
        return Err(WebError::Forbidden);
    }
    let Some(accept) = f.accepts() else {
        return Ok(answer_refused(&ctx, &ctx.t("team-error-answer")));
    };
    let base = &state.config.base_url;
    match svc::answer_invitation(&state.db, user, id, accept, base, now()).await {
        Ok(team) if accept => Ok(see_other(&format!("/teams/{team}?done=joined"))),
        Ok(_) => Ok(see_other("/")),
        Err(ServiceError::Invalid(m)) => Ok(answer_refused(&ctx, &i18n::msg(ctx.lang, &m))),
        Err(e) => Err(e.into()),
    }
}

/// An answer refused (422): the reason and the way home, where the invitations are.
fn answer_refused(ctx: &Ctx, reason: &str) -> Response {
    let body = html! { (notice("error", reason)) p { a href="/" { (ctx.t("home-title")) " →" } } };
    refused(ctx, &ctx.t("home-title"), body)
}

/// The person's pending invitations with their answer buttons (for the home page).
pub async fn invitations_section(
    ctx: &Ctx,
    db: &drx_core::Db,
    user: &Person,
) -> Result<Markup, WebError> {
    let invitations = svc::my_invitations(db, user).await?;
    Ok(html! {
        @for i in &invitations {
            div class="notice info" {
                (i18n::t_args(ctx.lang, "team-invited", &[("name", i.inviter_name.clone()), ("team", ctx.pick(&i.team_en, &i.team_zh).to_string())]))
                " "
                (super::interests::answer_buttons(ctx, &format!("/team-invitations/{}", i.id), "team-invitation-accept", "team-invitation-decline"))
            }
        }
    })
}
