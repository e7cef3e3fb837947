//! People as admins and organizers follow them: the page of one person (organization, roles,
//! the calls they judge or organize, live sessions) and its changes, and the invitations sent,
//! with their state, sent again or revoked.
use super::{accounts, commit_audited, Result, ServiceError};
use crate::auth::authorization::{can, Permission};
use crate::auth::credentials::{new_token, token_hash};
use crate::i18n::{t, Lang};
use drx_domain::{AuditAction, AuditEntity, Role};
use drx_store::accounts::{self as account_store, Person};
use drx_store::people as store;
use drx_store::{outbox, Db};

pub use drx_store::people::{CallRole, InvitationRow};

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    Pending,
    Accepted,
    Expired,
    Revoked,
}

impl InvitationState {
    pub fn of(row: &InvitationRow, now: i64) -> InvitationState {
        if row.used_at.is_some() {
            InvitationState::Accepted
        } else if row.revoked_at.is_some() {
            InvitationState::Revoked
        } else if row.expires_at <= now {
            InvitationState::Expired
        } else {
            InvitationState::Pending
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InvitationState::Pending => "pending",
            InvitationState::Accepted => "accepted",
            InvitationState::Expired => "expired",
            InvitationState::Revoked => "revoked",
        }
    }

    /// Sent again: a pending or expired invitation (a new token and expiry).
    pub fn may_resend(self) -> bool {
        matches!(self, InvitationState::Pending | InvitationState::Expired)
    }

    /// Revoked: one not accepted and not revoked yet.
    pub fn may_revoke(self) -> bool {
        matches!(self, InvitationState::Pending | InvitationState::Expired)
    }
}

/// An invitation and its state now.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub row: InvitationRow,
    pub state: InvitationState,
}

/// Everything the page of one person shows, and what the reader may do there.
pub struct PersonPage {
    pub person: Person,
    pub calls: Vec<CallRole>,
    pub live_sessions: i64,
    pub invitations: Vec<Invitation>,
    /// The roles the reader may grant (checkboxes); admin only for admins.
    pub grantable: Vec<Role>,
    /// May the reader change this person's roles and organization (an organizer may not touch
    /// an admin)?
    pub may_change: bool,
    /// May the reader deactivate the person or end their sessions (admins, never themselves)?
    pub may_deactivate: bool,
}

fn require_staff(actor: &Person) -> Result<()> {
    if can(actor, Permission::ListAccounts) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

fn may_touch(actor: &Person, roles: &[Role]) -> bool {
    roles.iter().all(|r| can(actor, Permission::GrantRole(*r)))
}

async fn target(db: &Db, person_id: i64) -> Result<Person> {
    account_store::person(db, person_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// The page of one person, for admins and organizers.
pub async fn person_page(db: &Db, actor: &Person, person_id: i64, now: i64) -> Result<PersonPage> {
    require_staff(actor)?;
    let person = target(db, person_id).await?;
    let calls = store::call_roles(db, person_id).await?;
    let live_sessions = store::live_sessions(db, person_id, now).await?;
    let invitations = store::invitations_to(db, &person.email)
        .await?
        .into_iter()
        .map(|row| with_state(row, now))
        .collect();
    let grantable = Role::ALL
        .iter()
        .copied()
        .filter(|r| can(actor, Permission::GrantRole(*r)))
        .collect();
    Ok(PersonPage {
        may_change: may_touch(actor, &person.roles),
        may_deactivate: can(actor, Permission::DeactivateAccounts) && actor.id != person.id,
        person,
        calls,
        live_sessions,
        invitations,
        grantable,
    })
}

pub(crate) fn with_state(row: InvitationRow, now: i64) -> Invitation {
    let state = InvitationState::of(&row, now);
    Invitation { row, state }
}

/// An organization a person may be put in: none, their current one, or an active record.
async fn check_organization(db: &Db, current: Option<i64>, wanted: Option<i64>) -> Result<()> {
    let Some(id) = wanted else { return Ok(()) };
    if current == Some(id) {
        return Ok(());
    }
    let active = crate::services::catalogue::organizations(db).await?;
    if active.iter().any(|o| o.id == id) {
        Ok(())
    } else {
        Err(ServiceError::invalid("people-refused-organization"))
    }
}

/// Saves the person page's form: the roles and the organization. Everything is checked before
/// anything is written; the roles keep `accounts::set_roles`' rule (only admins grant or take
/// away the admin role), told as a reason.
pub async fn update_person(
    db: &Db,
    actor: &Person,
    person_id: i64,
    organization_id: Option<i64>,
    roles: &[Role],
    now: i64,
) -> Result<()> {
    require_staff(actor)?;
    let person = target(db, person_id).await?;
    let mut wanted = roles.to_vec();
    wanted.sort();
    wanted.dedup();
    if !may_touch(actor, &person.roles) || !may_touch(actor, &wanted) {
        return Err(ServiceError::invalid("people-refused-admin"));
    }
    if wanted.is_empty() {
        return Err(ServiceError::invalid("error-no-role"));
    }
    check_organization(db, person.organization_id, organization_id).await?;
    if wanted != person.roles {
        accounts::set_roles(db, actor, person_id, &wanted, now).await?;
    }
    if organization_id != person.organization_id {
        set_organization(db, actor, person_id, organization_id, now).await?;
    }
    Ok(())
}

/// Moves a person to another organization (or none), which the conflict rules by organization
/// follow from then on. Admins, and organizers for people who are not admins.
pub async fn set_organization(
    db: &Db,
    actor: &Person,
    person_id: i64,
    organization_id: Option<i64>,
    now: i64,
) -> Result<()> {
    require_staff(actor)?;
    let person = target(db, person_id).await?;
    if !may_touch(actor, &person.roles) {
        return Err(ServiceError::invalid("people-refused-admin"));
    }
    check_organization(db, person.organization_id, organization_id).await?;
    let mut tx = db.begin().await?;
    account_store::set_organization(&mut tx, person_id, organization_id).await?;
    let detail = serde_json::json!({
        "from": person.organization_id,
        "to": organization_id,
    });
    commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        person_id,
        AuditAction::SetOrganization,
        detail,
        now,
    )
    .await
}

/// Ends every session of the person (admins; not oneself: one signs out oneself). Returns how
/// many sessions ended.
pub async fn sign_out_everywhere(db: &Db, actor: &Person, person_id: i64, now: i64) -> Result<u64> {
    if !can(actor, Permission::DeactivateAccounts) || actor.id == person_id {
        return Err(ServiceError::Forbidden);
    }
    target(db, person_id).await?;
    let mut tx = db.begin().await?;
    let ended = account_store::end_sessions(&mut tx, person_id).await?;
    let detail = serde_json::json!({ "sessions": ended });
    commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        person_id,
        AuditAction::SignOutEverywhere,
        detail,
        now,
    )
    .await?;
    Ok(ended)
}

/// Every invitation with its state, for admins and organizers.
pub async fn invitations(db: &Db, actor: &Person, now: i64) -> Result<Vec<Invitation>> {
    require_staff(actor)?;
    Ok(store::invitations(db)
        .await?
        .into_iter()
        .map(|row| with_state(row, now))
        .collect())
}

/// An invitation the actor may act on: staff, and allowed to grant its role.
async fn actionable(db: &Db, actor: &Person, id: i64) -> Result<InvitationRow> {
    require_staff(actor)?;
    let row = store::invitation(db, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !can(actor, Permission::GrantRole(row.role)) {
        return Err(ServiceError::invalid("people-refused-admin"));
    }
    Ok(row)
}

/// Sends an invitation again: a new token and expiry, a new mail; the old link stops working.
/// Returns the new token. Refused for an accepted or revoked invitation, and when the address
/// has an account meanwhile.
pub async fn resend_invitation(
    db: &Db,
    actor: &Person,
    id: i64,
    base_url: &str,
    now: i64,
) -> Result<String> {
    let row = actionable(db, actor, id).await?;
    resend(db, actor, row, base_url, now).await
}

/// Sends this invitation again (the caller has decided the actor may).
pub(crate) async fn resend(
    db: &Db,
    actor: &Person,
    row: InvitationRow,
    base_url: &str,
    now: i64,
) -> Result<String> {
    let id = row.id;
    if !InvitationState::of(&row, now).may_resend() {
        return Err(ServiceError::invalid("invitation-refused-closed"));
    }
    if account_store::credentials(db, &row.email).await?.is_some() {
        return Err(ServiceError::invalid("error-email-taken"));
    }
    let token = new_token();
    let mut tx = db.begin().await?;
    let renewed = account_store::renew_invitation(
        &mut tx,
        id,
        &token_hash(&token),
        now,
        now + accounts::INVITATION_SECONDS,
    )
    .await?;
    if !renewed {
        return Err(ServiceError::invalid("invitation-refused-closed"));
    }
    let body = invitation_mail(&actor.name, row.role, &invitation_link(base_url, &token));
    outbox::enqueue(&mut tx, &row.email, INVITATION_SUBJECT, &body, now).await?;
    commit_invitation(tx, actor, &row, AuditAction::Resend, now).await?;
    Ok(token)
}

/// Revokes an invitation not accepted yet: its link then refuses.
pub async fn revoke_invitation(db: &Db, actor: &Person, id: i64, now: i64) -> Result<()> {
    let row = actionable(db, actor, id).await?;
    revoke(db, actor, row, now).await
}

/// Revokes this invitation (the caller has decided the actor may).
pub(crate) async fn revoke(db: &Db, actor: &Person, row: InvitationRow, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    if !account_store::revoke_invitation(&mut tx, row.id, now).await? {
        return Err(ServiceError::invalid("invitation-refused-closed"));
    }
    commit_invitation(tx, actor, &row, AuditAction::Revoke, now).await
}

/// Commits `tx` with `action` on the invitation in the audit chain (its address and role).
async fn commit_invitation(
    tx: drx_store::Tx,
    actor: &Person,
    row: &InvitationRow,
    action: AuditAction,
    now: i64,
) -> Result<()> {
    let detail = serde_json::json!({ "email": row.email, "role": row.role.as_str() });
    let entity = AuditEntity::Invitation;
    commit_audited(tx, Some(actor.id), entity, row.id, action, detail, now).await
}

pub(crate) const INVITATION_SUBJECT: &str = "drx 邀请 / drx invitation";

pub(crate) fn invitation_link(base_url: &str, token: &str) -> String {
    format!("{}/invite/{}", base_url.trim_end_matches('/'), token)
}

/// The invitation mail. The recipient has no account (so no language) yet: the mail is in both
/// languages, and each half words the role in its own language.
pub(crate) fn invitation_mail(inviter: &str, role: Role, link: &str) -> String {
    let role_key = format!("role-{role}");
    let role_zh = t(Lang::Zh, &role_key);
    let role_en = t(Lang::En, &role_key);
    format!(
        "{inviter} 邀请您加入 drx（角色：{role_zh}）。请在14天内打开以下链接设置密码：\n\
         {inviter} invites you to drx as {role_en}. Open this link within 14 days to set your password:\n\n\
         {link}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mail_words_the_role_in_each_language() {
        let body = invitation_mail("王主任", Role::Organizer, "https://x/invite/t");
        assert!(body.contains("角色：组织者"), "{body}");
        assert!(body.contains("as Organizer"), "{body}");
        assert!(!body.contains("organizer"), "{body}");
    }
}
