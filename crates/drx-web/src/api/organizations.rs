//! Organizations through `services::organizations`: everyone signed in reads the active ones;
//! admins read every record and create, change (and deactivate) and merge them.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::page::{page_of, PageQuery};
use super::problem::Problem;
use crate::AppState;
use drx_core::model::Organization;
use drx_core::now;
use drx_core::services::organizations::{self as svc, OrganizationInput};

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationOut {
    pub id: i64,
    /// hospital, company, university, poc_centre or other.
    pub kind: String,
    pub name_en: String,
    pub name_zh: String,
    pub short_name_en: String,
    pub short_name_zh: String,
    pub city: String,
    /// requested, active, inactive or merged.
    pub status: String,
    /// The record a merged one now lives in.
    pub merged_into: Option<i64>,
}

impl From<Organization> for OrganizationOut {
    fn from(o: Organization) -> OrganizationOut {
        OrganizationOut {
            id: o.id,
            kind: o.kind.as_str().into(),
            status: o.status.as_str().into(),
            name_en: o.name_en,
            name_zh: o.name_zh,
            short_name_en: o.short_name_en,
            short_name_zh: o.short_name_zh,
            city: o.city,
            merged_into: o.merged_into,
        }
    }
}

page_of!(OrganizationPage, OrganizationOut);

/// An organization to create, or the new description of one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OrganizationIn {
    /// hospital, company, university, poc_centre or other.
    #[schema(max_length = 20)]
    pub kind: String,
    /// At least one of name_en and name_zh.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub name_en: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub name_zh: String,
    #[serde(default)]
    #[schema(max_length = 40)]
    pub short_name_en: String,
    #[serde(default)]
    #[schema(max_length = 40)]
    pub short_name_zh: String,
    #[serde(default)]
    #[schema(max_length = 100)]
    pub city: String,
    /// On a change only: true activates (or accepts) the record, false deactivates it.
    #[serde(default)]
    pub active: Option<bool>,
}

impl From<OrganizationIn> for OrganizationInput {
    fn from(o: OrganizationIn) -> OrganizationInput {
        OrganizationInput {
            kind: o.kind,
            name_en: o.name_en,
            name_zh: o.name_zh,
            short_name_en: o.short_name_en,
            short_name_zh: o.short_name_zh,
            city: o.city,
        }
    }
}

/// The organizations: the active ones, or (for admins) every record.
#[utoipa::path(get, path = "/organizations", tag = "organizations", params(PageQuery),
    responses((status = 200, description = "A page of organizations", body = OrganizationPage)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<PageQuery>,
) -> Result<Json<OrganizationPage>, Problem> {
    let w = p.window()?;
    let all = svc::list(&state.db, &user).await?;
    Ok(Json(
        w.page(all, OrganizationOut::from, "/organizations", &[])
            .into(),
    ))
}

/// Creates an active organization (admins).
#[utoipa::path(post, path = "/organizations", tag = "organizations", request_body = OrganizationIn,
    responses((status = 201, description = "The organization as stored", body = OrganizationOut)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(o): ApiJson<OrganizationIn>,
) -> Result<(StatusCode, Json<OrganizationOut>), Problem> {
    let id = svc::create(&state.db, &user, &o.into(), now()).await?;
    let org = svc::get(&state.db, &user, id).await?;
    Ok((StatusCode::CREATED, Json(org.into())))
}

/// One organization.
#[utoipa::path(get, path = "/organizations/{id}", tag = "organizations",
    params(("id" = i64, Path, description = "The organization's id", example = 1)),
    responses((status = 200, description = "The organization", body = OrganizationOut)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<OrganizationOut>, Problem> {
    Ok(Json(svc::get(&state.db, &user, id).await?.into()))
}

/// Replaces an organization's description and, with `active`, its status (admins).
#[utoipa::path(put, path = "/organizations/{id}", tag = "organizations", request_body = OrganizationIn,
    params(("id" = i64, Path, description = "The organization's id", example = 1)),
    responses((status = 200, description = "The organization as stored", body = OrganizationOut)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(o): ApiJson<OrganizationIn>,
) -> Result<Json<OrganizationOut>, Problem> {
    let active = o.active;
    svc::update(&state.db, &user, id, &o.into(), now()).await?;
    if let Some(active) = active {
        svc::set_active(&state.db, &user, id, active, now()).await?;
    }
    Ok(Json(svc::get(&state.db, &user, id).await?.into()))
}

/// The record to merge into.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MergeIn {
    pub into: i64,
}

/// What a merge moved.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeOut {
    /// The record that now holds every reference.
    pub organization: OrganizationOut,
    /// References re-pointed: accounts and invitations, needs, submissions and their members,
    /// teams, projects.
    pub moved: u64,
}

/// Merges this organization into another record of the same organization (admins): every
/// reference moves there; this record stays, marked merged.
#[utoipa::path(post, path = "/organizations/{id}/merge", tag = "organizations", request_body = MergeIn,
    params(("id" = i64, Path, description = "The organization to merge away", example = 2)),
    responses((status = 200, description = "The record merged into, and what moved", body = MergeOut)))]
pub async fn merge(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(m): ApiJson<MergeIn>,
) -> Result<Json<MergeOut>, Problem> {
    let moved = svc::merge(&state.db, &user, id, m.into, now()).await?;
    let organization = svc::get(&state.db, &user, m.into).await?.into();
    Ok(Json(MergeOut {
        organization,
        moved: moved.total(),
    }))
}
