//! Expertise profiles: a judge's or engineer's own (`/account/profile`: fields, keywords, bio,
//! past work by hand or from a BibTeX, RIS or table file) and the organizers' import of many
//! profiles at once (`/admin/profiles/import`).
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::form::{CsrfForm, Empty};
use crate::layout::{csrf_field, notice, page};
use crate::{see_other, AppState};
use drx_core::auth::authorization::can_import_profiles;
use drx_core::i18n;
use drx_core::now;
use drx_core::services::imports::MAX_IMPORT_BYTES;
use drx_core::services::profiles::{self as svc, ExpertProfile, ProfileInput};
use drx_core::services::{catalogue, ServiceError};

use super::imports::{form as import_form, no_file, outcome};
use super::submissions::read_file_upload;

async fn profile_page(
    ctx: &Ctx,
    state: &AppState,
    status: StatusCode,
    message: Option<Markup>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let profile = svc::mine(&state.db, user).await?;
    let fields = catalogue::fields(&state.db).await?;
    let body = html! {
        p class="muted" { a href="/account" { (ctx.t("account-title")) } }
        h1 { (ctx.t("profile-title")) }
        p class="muted" { (ctx.t("profile-lead")) }
        @if let Some(m) = message { (m) }
        @if profile.is_empty() { (notice("info", &ctx.t("profile-empty"))) }
        form method="post" action="/account/profile" class="stacked card" {
            (csrf_field(ctx))
            fieldset {
                legend { (ctx.t("profile-fields")) }
                @for f in &fields {
                    label { input type="checkbox" name="field" value=(f.id) checked[profile.field_ids.contains(&f.id)]; " " (ctx.pick(&f.name_en, &f.name_zh)) }
                    br;
                }
            }
            label for="keywords" { (ctx.t("profile-keywords")) }
            input type="text" id="keywords" name="keywords" value=(profile.keywords) maxlength=(svc::MAX_KEYWORDS);
            p class="hint" { (ctx.t("profile-keywords-hint")) }
            label for="bio" { (ctx.t("profile-bio")) }
            textarea id="bio" name="bio" rows="5" maxlength=(svc::MAX_BIO) { (profile.bio) }
            button type="submit" { (ctx.t("save")) }
        }
        (works_section(ctx, &profile))
    };
    Ok((status, page(ctx, &ctx.t("profile-title"), body)).into_response())
}

fn works_section(ctx: &Ctx, profile: &ExpertProfile) -> Markup {
    html! {
        h2 id="works" { (ctx.t("profile-works")) }
        @if profile.works.is_empty() { p class="muted" { (ctx.t("profile-works-none")) } } @else {
            div class="table-wrap" { table {
                thead { tr { th { (ctx.t("profile-work-title")) } th { (ctx.t("profile-work-year")) }
                    th { (ctx.t("profile-work-venue")) } th {} } }
                tbody { @for w in &profile.works { tr {
                    td { (w.title) @if !w.body.is_empty() { br; span class="muted" { (w.body.chars().take(200).collect::<String>()) } } }
                    td { @if let Some(y) = w.year { (y) } }
                    td { (w.venue) }
                    td { form method="post" action={ "/account/profile/works/" (w.id) "/delete" } {
                        (csrf_field(ctx))
                        button type="submit" class="secondary" { (ctx.t("profile-work-remove")) }
                    } }
                } } }
            } }
        }
        h3 { (ctx.t("profile-work-add")) }
        form method="post" action="/account/profile/works" class="stacked card" {
            (csrf_field(ctx))
            label for="title" { (ctx.t("profile-work-title")) }
            input type="text" id="title" name="title" required maxlength="500";
            label for="abstract" { (ctx.t("profile-work-abstract")) }
            textarea id="abstract" name="abstract" rows="4" {}
            label for="year" { (ctx.t("profile-work-year")) }
            input type="text" id="year" name="year" inputmode="numeric" maxlength="10";
            label for="venue" { (ctx.t("profile-work-venue")) }
            input type="text" id="venue" name="venue" maxlength="300";
            button type="submit" { (ctx.t("profile-work-add")) }
        }
        h3 { (ctx.t("profile-work-import")) }
        form method="post" action="/account/profile/import" enctype="multipart/form-data" class="stacked card" {
            (csrf_field(ctx))
            p class="hint" { (ctx.t("profile-work-import-formats")) }
            label for="file" { (ctx.t("import-file")) }
            input type="file" id="file" name="file" required accept=".bib,.ris,.csv,.xlsx";
            button type="submit" { (ctx.t("import-button")) }
        }
    }
}

/// A refusal shown on the profile page (422), or the error as it is.
async fn refused_or(ctx: &Ctx, state: &AppState, e: ServiceError) -> Result<Response, WebError> {
    match e {
        ServiceError::Invalid(m) => {
            let text = i18n::msg(ctx.lang, &m);
            profile_page(
                ctx,
                state,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(notice("error", &text)),
            )
            .await
        }
        e => Err(e.into()),
    }
}

pub async fn page_get(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    profile_page(&ctx, &state, StatusCode::OK, None).await
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    field: Vec<String>,
    #[serde(default)]
    keywords: String,
    #[serde(default)]
    bio: String,
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<ProfileForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let input = ProfileInput {
        // A value that is not a number is no field: the service refuses it.
        field_ids: f
            .field
            .iter()
            .map(|v| v.trim().parse().unwrap_or(-1))
            .collect(),
        keywords: f.keywords,
        bio: f.bio,
    };
    match svc::save(&state.db, user, &input, now()).await {
        Ok(()) => Ok(see_other("/account/profile?saved=1")),
        Err(e) => refused_or(&ctx, &state, e).await,
    }
}

#[derive(Deserialize)]
pub struct WorkForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    r#abstract: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    venue: String,
}

pub async fn add_work(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<WorkForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::add_work(
        &state.db,
        user,
        &f.title,
        &f.r#abstract,
        &f.year,
        &f.venue,
        now(),
    )
    .await
    {
        Ok(()) => Ok(see_other("/account/profile#works")),
        Err(e) => refused_or(&ctx, &state, e).await,
    }
}

pub async fn remove_work(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match svc::remove_work(&state.db, user, id, now()).await {
        Ok(()) => Ok(see_other("/account/profile#works")),
        // Only one's own past work is found: another id is a notice, not a 404.
        Err(ServiceError::NotFound) => {
            let m = notice("error", &ctx.t("profile-work-not-found"));
            profile_page(&ctx, &state, StatusCode::OK, Some(m)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn import_works(
    ctx: Ctx,
    State(state): State<AppState>,
    multipart: crate::form::MultipartBody,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let file = read_file_upload(&ctx, multipart, MAX_IMPORT_BYTES).await?;
    let result = match file {
        Some((name, bytes)) => svc::import_works(&state.db, user, &name, &bytes, now()).await?,
        None => {
            svc::mine(&state.db, user).await?;
            no_file()
        }
    };
    let (status, o) = outcome(&ctx, result);
    profile_page(&ctx, &state, status, Some(o)).await
}

fn require_importer(ctx: &Ctx) -> Result<(), WebError> {
    if can_import_profiles(ctx.require_user()?) {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

fn bulk_body(ctx: &Ctx, o: Option<Markup>) -> Markup {
    html! {
        p class="muted" { a href="/admin/people" { (ctx.t("people-title")) } }
        h1 { (ctx.t("profile-import-title")) }
        (import_form(ctx, "/admin/profiles/import", "profile-import-columns", o))
    }
}

pub async fn bulk_page(ctx: Ctx) -> Result<Response, WebError> {
    require_importer(&ctx)?;
    Ok(page(
        &ctx,
        &ctx.t("profile-import-title"),
        bulk_body(&ctx, None),
    ))
}

pub async fn bulk_import(
    ctx: Ctx,
    State(state): State<AppState>,
    multipart: crate::form::MultipartBody,
) -> Result<Response, WebError> {
    require_importer(&ctx)?;
    let user = ctx.require_user()?;
    let file = read_file_upload(&ctx, multipart, MAX_IMPORT_BYTES).await?;
    let result = match file {
        Some((_, bytes)) => svc::import_profiles(&state.db, user, &bytes, now()).await?,
        None => no_file(),
    };
    let (status, o) = outcome(&ctx, result);
    Ok((
        status,
        page(
            &ctx,
            &ctx.t("profile-import-title"),
            bulk_body(&ctx, Some(o)),
        ),
    )
        .into_response())
}
