//! Organizations for admins: the list (with the records asked for at sign-up first), adding one,
//! a page per record to edit, deactivate, accept or merge it, with its history, and importing
//! many from a file. A refused form comes back with what was typed and the reason.
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::CsrfForm;
use crate::layout::{csrf_field, notice, page, refused};
use crate::{see_other, AppState};
use drx_core::i18n;
use drx_core::model::{Organization, Person};
use drx_core::now;
use drx_core::services::history::Subject;
use drx_core::services::organizations::{self as svc, OrganizationInput};
use drx_core::services::{imports, ServiceError};
use drx_domain::{OrganizationKind, OrganizationStatus};

/// The name in the reader's language, the other one when that is empty.
pub fn name(ctx: &Ctx, o: &Organization) -> String {
    ctx.pick(&o.name_en, &o.name_zh).to_string()
}

fn fields(ctx: &Ctx, f: &OrganizationInput) -> Markup {
    let text = |id: &str, value: &str, max: u32| {
        html! {
            label for=(id) { (ctx.t(&format!("field-{id}"))) }
            input type="text" id=(id) name=(id) value=(value) maxlength=(max);
        }
    };
    html! {
        label for="kind" { (ctx.t("field-kind")) }
        select id="kind" name="kind" required {
            @for k in OrganizationKind::ALL {
                option value=(k.as_str()) selected[f.kind == k.as_str()] { (ctx.t(&format!("org-kind-{k}"))) }
            }
        }
        (text("name_zh", &f.name_zh, 200))
        (text("name_en", &f.name_en, 200))
        p class="hint" { (ctx.t("org-name-hint")) }
        (text("short_name_zh", &f.short_name_zh, 40))
        (text("short_name_en", &f.short_name_en, 40))
        (text("city", &f.city, 100))
    }
}

fn status_pill(ctx: &Ctx, s: OrganizationStatus) -> Markup {
    let class = match s {
        OrganizationStatus::Active => "pill",
        _ => "pill muted",
    };
    html! { span class=(class) { (ctx.t(&format!("org-status-{s}"))) } }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
}

async fn list_body(
    ctx: &Ctx,
    state: &AppState,
    actor: &Person,
    form: &OrganizationInput,
    filter: &str,
    message: Option<Markup>,
) -> Result<Markup, WebError> {
    let mut orgs = svc::list(&state.db, actor).await?;
    // Records waiting for a check first, then active, deactivated and merged ones.
    orgs.sort_by_key(|o| {
        let rank = match o.status {
            OrganizationStatus::Requested => 0,
            OrganizationStatus::Active => 1,
            OrganizationStatus::Inactive => 2,
            OrganizationStatus::Merged => 3,
        };
        (rank, o.kind)
    });
    let shown: Vec<&Organization> = orgs
        .iter()
        .filter(|o| filter.is_empty() || o.kind.as_str() == filter)
        .collect();
    let waiting = orgs
        .iter()
        .filter(|o| o.status == OrganizationStatus::Requested)
        .count();
    Ok(html! {
        h1 { (ctx.t("org-title")) }
        @if let Some(m) = message { (m) }
        @if waiting > 0 {
            (notice("info", &i18n::t_args(ctx.lang, "org-requested-waiting", &[("count", waiting.to_string())])))
        }
        div class="grid" {
            form method="post" action="/admin/organizations" class="stacked card" {
                h2 { (ctx.t("org-create")) }
                (csrf_field(ctx))
                (fields(ctx, form))
                button type="submit" { (ctx.t("org-create")) }
            }
            div {
                h2 { (ctx.t("org-import-title")) }
                (super::imports::form(ctx, "/admin/organizations/import", "org-import-explain", None))
            }
        }
        h2 { (ctx.t("org-all")) " (" (shown.len()) ")" }
        form method="get" action="/admin/organizations" class="inline" {
            label for="filter-kind" { (ctx.t("org-filter")) " " }
            select id="filter-kind" name="kind" {
                option value="" { (ctx.t("org-filter-all")) }
                @for k in OrganizationKind::ALL {
                    option value=(k.as_str()) selected[filter == k.as_str()] { (ctx.t(&format!("org-kind-{k}"))) }
                }
            }
            " " button type="submit" class="small secondary" { (ctx.t("org-filter")) }
        }
        @if shown.is_empty() {
            p class="muted" { (ctx.t("org-none")) }
        } @else {
            div class="table-wrap" {
                table {
                    thead { tr {
                        th { (ctx.t("field-name_zh")) } th { (ctx.t("field-name_en")) } th { (ctx.t("field-kind")) }
                        th { (ctx.t("field-city")) } th { (ctx.t("field-status")) }
                    } }
                    tbody {
                        @for o in &shown {
                            tr {
                                td { a href={ "/admin/organizations/" (o.id) } { (o.name_zh) }
                                    @if !o.short_name_zh.is_empty() { " " span class="muted" { "(" (o.short_name_zh) ")" } } }
                                td { a href={ "/admin/organizations/" (o.id) } { (o.name_en) }
                                    @if !o.short_name_en.is_empty() { " " span class="muted" { "(" (o.short_name_en) ")" } } }
                                td { (ctx.t(&format!("org-kind-{}", o.kind))) }
                                td { (o.city) }
                                td { (status_pill(ctx, o.status)) }
                            }
                        }
                    }
                }
            }
        }
    })
}

fn require_admin(ctx: &Ctx) -> Result<&Person, WebError> {
    let user = ctx.require_user()?;
    if !drx_core::auth::authorization::can(
        user,
        drx_core::auth::authorization::Permission::ManageOrganizations,
    ) {
        return Err(WebError::Forbidden);
    }
    Ok(user)
}

pub async fn list_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let actor = require_admin(&ctx)?;
    let body = list_body(
        &ctx,
        &state,
        actor,
        &OrganizationInput::default(),
        &q.kind,
        None,
    )
    .await?;
    Ok(page(&ctx, &ctx.t("org-title"), body))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<OrganizationInput>,
) -> Result<Response, WebError> {
    let actor = require_admin(&ctx)?;
    match svc::create(&state.db, actor, &f, now()).await {
        Ok(id) => Ok(see_other(&format!(
            "/admin/organizations/{id}?done=created"
        ))),
        Err(ServiceError::Invalid(m)) => {
            let message = notice("error", &i18n::msg(ctx.lang, &m));
            let body = list_body(&ctx, &state, actor, &f, "", Some(message)).await?;
            Ok(refused(&ctx, &ctx.t("org-title"), body))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn import(
    ctx: Ctx,
    State(state): State<AppState>,
    multipart: crate::form::MultipartBody,
) -> Result<Response, WebError> {
    let actor = require_admin(&ctx)?;
    let file =
        super::submissions::read_file_upload(&ctx, multipart, imports::MAX_IMPORT_BYTES).await?;
    let result = match file {
        Some((_, bytes)) => svc::import(&state.db, actor, &bytes, now()).await?,
        None => super::imports::no_file(),
    };
    let (status, outcome) = super::imports::outcome(&ctx, result);
    let body = list_body(
        &ctx,
        &state,
        actor,
        &OrganizationInput::default(),
        "",
        Some(outcome),
    )
    .await?;
    Ok((status, page(&ctx, &ctx.t("org-title"), body)).into_response())
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
    #[serde(default)]
    moved: Option<u64>,
}

async fn detail_body(
    ctx: &Ctx,
    state: &AppState,
    actor: &Person,
    org: &Organization,
    form: &OrganizationInput,
    message: Option<Markup>,
) -> Result<Markup, WebError> {
    let others: Vec<Organization> = svc::list(&state.db, actor)
        .await?
        .into_iter()
        .filter(|o| o.id != org.id && o.status != OrganizationStatus::Merged)
        .collect();
    let merged_into = match org.merged_into {
        Some(id) => svc::get(&state.db, actor, id).await.ok(),
        None => None,
    };
    let history =
        super::history::section(ctx, &state.db, actor, Subject::Organization(org.id)).await?;
    let base = format!("/admin/organizations/{}", org.id);
    Ok(html! {
        p { a href="/admin/organizations" { "← " (ctx.t("org-title")) } }
        h1 { (name(ctx, org)) " " (status_pill(ctx, org.status)) }
        @if let Some(m) = message { (m) }
        @if let Some(target) = &merged_into {
            p { a href={ "/admin/organizations/" (target.id) } { (i18n::t_args(ctx.lang, "org-merged-into", &[("name", name(ctx, target))])) } }
        }
        @if org.status != OrganizationStatus::Merged {
            div class="grid" {
                form method="post" action=(base) class="stacked card" {
                    h2 { (ctx.t("org-edit-title")) }
                    (csrf_field(ctx))
                    input type="hidden" name="do" value="save";
                    (fields(ctx, form))
                    button type="submit" { (ctx.t("org-save")) }
                }
                div {
                    form method="post" action=(base) class="stacked card" {
                        (csrf_field(ctx))
                        @if org.status == OrganizationStatus::Active {
                            p class="muted" { (ctx.t("org-deactivate-explain")) }
                            input type="hidden" name="do" value="deactivate";
                            button type="submit" class="secondary" { (ctx.t("org-deactivate")) }
                        } @else {
                            input type="hidden" name="do" value="activate";
                            button type="submit" {
                                @if org.status == OrganizationStatus::Requested { (ctx.t("org-accept")) }
                                @else { (ctx.t("org-activate")) }
                            }
                        }
                    }
                    form method="post" action=(base) class="stacked card" {
                        h2 { (ctx.t("org-merge-title")) }
                        (csrf_field(ctx))
                        input type="hidden" name="do" value="merge";
                        p class="muted" { (ctx.t("org-merge-explain")) }
                        label for="into" { (ctx.t("org-merge-into")) }
                        select id="into" name="into" required {
                            option value="" { "—" }
                            @for o in &others {
                                option value=(o.id) { (name(ctx, o)) " · " (ctx.t(&format!("org-kind-{}", o.kind))) @if !o.city.is_empty() { " · " (o.city) } " (#" (o.id) ")" }
                            }
                        }
                        button type="submit" class="secondary" { (ctx.t("org-merge")) }
                    }
                }
            }
        }
        @if let Some(h) = history { (h) }
    })
}

pub async fn detail_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let actor = require_admin(&ctx)?;
    let org = svc::get(&state.db, actor, id).await?;
    let message = match q.done.as_str() {
        "created" => Some(notice(
            "ok",
            &i18n::t_args(ctx.lang, "org-created", &[("name", name(&ctx, &org))]),
        )),
        "saved" => Some(notice("ok", &ctx.t("org-saved"))),
        "merged" => Some(notice(
            "ok",
            &i18n::t_args(
                ctx.lang,
                "org-merged",
                &[
                    ("count", q.moved.unwrap_or(0).to_string()),
                    ("name", name(&ctx, &org)),
                ],
            ),
        )),
        _ => None,
    };
    let body = detail_body(
        &ctx,
        &state,
        actor,
        &org,
        &OrganizationInput::of(&org),
        message,
    )
    .await?;
    Ok(page(&ctx, &name(&ctx, &org), body))
}

/// The record's page again with the refusal's reason (and, for the edit form, what was typed).
async fn refused_detail(
    ctx: &Ctx,
    state: &AppState,
    actor: &Person,
    id: i64,
    form: Option<&OrganizationInput>,
    error: ServiceError,
) -> Result<Response, WebError> {
    let ServiceError::Invalid(m) = error else {
        return Err(error.into());
    };
    let org = svc::get(&state.db, actor, id).await?;
    let form = form.cloned().unwrap_or_else(|| OrganizationInput::of(&org));
    let message = notice("error", &i18n::msg(ctx.lang, &m));
    let body = detail_body(ctx, state, actor, &org, &form, Some(message)).await?;
    Ok(refused(ctx, &name(ctx, &org), body))
}

/// What the record's page posts: its edit form (`do=save`), activate, deactivate or merge.
#[derive(Deserialize)]
pub struct RecordForm {
    #[serde(default, rename = "do")]
    action: String,
    #[serde(default)]
    into: String,
    #[serde(flatten)]
    organization: OrganizationInput,
}

pub async fn change(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<RecordForm>,
) -> Result<Response, WebError> {
    let actor = require_admin(&ctx)?;
    let db = &state.db;
    let done = match f.action.as_str() {
        "save" => svc::update(db, actor, id, &f.organization, now())
            .await
            .map(|()| format!("/admin/organizations/{id}?done=saved")),
        "activate" | "deactivate" => svc::set_active(db, actor, id, f.action == "activate", now())
            .await
            .map(|()| format!("/admin/organizations/{id}?done=saved")),
        "merge" => match f.into.trim().parse::<i64>() {
            Ok(into) => svc::merge(db, actor, id, into, now()).await.map(|moved| {
                format!(
                    "/admin/organizations/{into}?done=merged&moved={}",
                    moved.total()
                )
            }),
            Err(_) => Err(ServiceError::invalid("org-error-merge-self")),
        },
        _ => return Err(WebError::NotFound),
    };
    match done {
        Ok(location) => Ok(see_other(&location)),
        Err(e) => {
            let typed = (f.action == "save").then_some(&f.organization);
            refused_detail(&ctx, &state, actor, id, typed, e).await
        }
    }
}
