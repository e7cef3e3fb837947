//! Who the token belongs to.
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::ApiUser;
use super::problem::Problem;

#[derive(Debug, Serialize, ToSchema)]
pub struct MeOut {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub title: String,
    pub organization_id: Option<i64>,
    pub organization_en: String,
    pub organization_zh: String,
    /// zh or en.
    pub locale: String,
    /// admin, organizer, clinician, judge, engineer, poc.
    pub roles: Vec<String>,
}

/// The account the token belongs to.
#[utoipa::path(get, path = "/me", tag = "account",
    responses((status = 200, description = "The caller's account", body = MeOut)))]
pub async fn me(ApiUser(p): ApiUser) -> Result<Json<MeOut>, Problem> {
    Ok(Json(MeOut {
        roles: p.roles.iter().map(|r| r.to_string()).collect(),
        id: p.id,
        email: p.email,
        name: p.name,
        title: p.title,
        organization_id: p.organization_id,
        organization_en: p.organization_en,
        organization_zh: p.organization_zh,
        locale: p.locale,
    }))
}
