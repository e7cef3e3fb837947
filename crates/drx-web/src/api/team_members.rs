//! A team's membership through `services::teams`, with the rules of the team pages: anyone who
//! may browse the catalogue lists the members; the lead (and organizers, admins) also see the
//! invitations not answered yet, invite engineers, cancel an invitation and remove members (never
//! the last lead); a member leaves (the last lead hands the lead over first).
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, ApiUser};
use super::problem::Problem;
use super::teams::TeamMemberOut;
use crate::AppState;
use drx_core::model::Person;
use drx_core::now;
use drx_core::services::teams::{self as svc, Invitee, MemberAction};
use drx_core::services::ServiceError;

/// An invitation to the team not answered yet.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamInvitationOut {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub invited_by: String,
    pub created_at: i64,
}

/// The team's members, and (for those who keep the team) its pending invitations.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMembershipOut {
    pub members: Vec<TeamMemberOut>,
    /// Empty for those who may not keep the team's members.
    pub invitations: Vec<TeamInvitationOut>,
    /// The caller keeps the members (the lead, organizers, admins).
    pub can_edit: bool,
    /// The caller is on the team and may leave it.
    pub can_leave: bool,
}

async fn membership(
    state: &AppState,
    user: &Person,
    id: i64,
) -> Result<TeamMembershipOut, Problem> {
    let p = svc::page(&state.db, user, id).await?;
    Ok(TeamMembershipOut {
        members: p.members.into_iter().map(TeamMemberOut::from).collect(),
        invitations: p
            .invitations
            .into_iter()
            .map(|i| TeamInvitationOut {
                id: i.id,
                person_id: i.person_id,
                name: i.person_name,
                email: i.person_email,
                invited_by: i.inviter_name,
                created_at: i.created_at,
            })
            .collect(),
        can_edit: p.can_edit,
        can_leave: p.can_leave,
    })
}

/// The team's members (and its pending invitations for those who keep it).
#[utoipa::path(get, path = "/teams/{id}/members", tag = "teams",
    params(("id" = i64, Path, description = "The team's id", example = 1)),
    responses((status = 200, description = "The membership", body = TeamMembershipOut)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TeamMembershipOut>, Problem> {
    Ok(Json(membership(&state, &user, id).await?))
}

/// Whom to invite: an engineer on the platform, by email or by id (exactly one).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamInviteIn {
    #[schema(max_length = 254)]
    pub email: Option<String>,
    pub person_id: Option<i64>,
}

/// Invites an engineer to the team (its lead, organizers, admins); they accept on their home.
#[utoipa::path(post, path = "/teams/{id}/members", tag = "teams", request_body = TeamInviteIn,
    params(("id" = i64, Path, description = "The team's id", example = 1)),
    responses((status = 201, description = "The membership with the new invitation", body = TeamMembershipOut)))]
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<TeamInviteIn>,
) -> Result<(StatusCode, Json<TeamMembershipOut>), Problem> {
    let who = match (i.email, i.person_id) {
        (Some(e), None) => Invitee::Email(e),
        (None, Some(p)) => Invitee::Person(p),
        _ => return Err(ServiceError::invalid("team-error-invitee-required").into()),
    };
    svc::invite(&state.db, &user, id, &who, &state.config.base_url, now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(membership(&state, &user, id).await?),
    ))
}

/// Takes a member off the team (its lead, organizers, admins; never the last lead).
#[utoipa::path(delete, path = "/teams/{id}/members/{person_id}", tag = "teams",
    params(("id" = i64, Path, description = "The team's id", example = 1),
           ("person_id" = i64, Path, description = "The member's person id", example = 2)),
    responses((status = 204, description = "Removed")))]
pub async fn remove(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath((id, person_id)): ApiPath<(i64, i64)>,
) -> Result<StatusCode, Problem> {
    svc::member_action(&state.db, &user, id, person_id, MemberAction::Remove, now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Leaves the team (a member; the last lead hands the lead over first).
#[utoipa::path(post, path = "/teams/{id}/leave", tag = "teams",
    params(("id" = i64, Path, description = "The team's id", example = 1)),
    responses((status = 204, description = "Left")))]
pub async fn leave(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, Problem> {
    svc::leave(&state.db, &user, id, now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Cancels an invitation to the team not answered yet (its lead, organizers, admins).
#[utoipa::path(delete, path = "/teams/{id}/invitations/{invitation_id}", tag = "teams",
    params(("id" = i64, Path, description = "The team's id", example = 1),
           ("invitation_id" = i64, Path, description = "The invitation's id", example = 1)),
    responses((status = 204, description = "Cancelled")))]
pub async fn cancel_invitation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath((id, invitation_id)): ApiPath<(i64, i64)>,
) -> Result<StatusCode, Problem> {
    svc::cancel_invitation(&state.db, &user, id, invitation_id, now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
