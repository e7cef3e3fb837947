//! Self-registration: a clinician or an engineer signs up at `/register` and verifies the
//! address by an emailed link. Judges and organizers come only by invitation (`accounts`).
//!
//! - The sign-up is kept in `registrations` (password already hashed, the link's token only as
//!   its SHA-256 hash) and the account is created when the link is followed: an address that
//!   was never verified has no account and cannot sign in.
//! - The link is single-use and expires after [`VERIFY_SECONDS`].
//! - Every sign-up answers the same ("check your mail"), whether the address has an account
//!   or not; an address already in use gets a mail saying so instead of a link.
//! - Sign-ups are throttled per address and per client, through the login throttle's table.
//! - An organization not in the list is requested by name: when the address is verified it
//!   becomes a record in the `requested` state, in the admins' organization queue, and the
//!   person belongs to it at once (accepting activates it; a merge moves the person along).
use drx_domain::{AuditAction, AuditEntity, OrganizationKind, OrganizationStatus, Role};
use drx_store::accounts::{self as store, NewPerson, Registration};
use drx_store::organizations::{self as orgs, Description};
use drx_store::{outbox, Db, Tx};

use super::accounts::{check_locale, email_taken, password_msg, LoggedIn};
use super::{required_text, single_line, valid_email, Result, ServiceError};
use crate::auth::credentials::{check_password_policy, hash_password, new_token, token_hash};

/// How long a verification link works.
pub const VERIFY_SECONDS: i64 = 24 * 3600;
/// Sign-ups allowed per address, and per client, within [`THROTTLE_WINDOW_SECONDS`].
pub const MAX_PER_ADDRESS: i64 = 3;
pub const MAX_PER_CLIENT: i64 = 10;
pub const THROTTLE_WINDOW_SECONDS: i64 = 3600;

/// The roles a person may give themselves; every other comes by invitation.
pub const SELF_SERVICE_ROLES: &[Role] = &[Role::Clinician, Role::Engineer];

/// The sign-up form as posted (not yet checked).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegistrationInput {
    pub email: String,
    pub name: String,
    pub password: String,
    /// "clinician" or "engineer".
    pub role: String,
    /// The id of an organization from the list, or empty.
    pub organization: String,
    /// The name of an organization not in the list, or empty.
    pub requested_organization: String,
    /// "on" when the platform terms were accepted.
    pub terms: String,
}

/// Checks a sign-up; the password comes back hashed.
async fn check(db: &Db, input: &RegistrationInput) -> Result<Registration> {
    let role = Role::parse(input.role.trim())
        .filter(|r| SELF_SERVICE_ROLES.contains(r))
        .ok_or_else(|| ServiceError::invalid("reg-error-role"))?;
    let email = valid_email(&input.email)?;
    let name = required_text(&input.name, 100, "name")?;
    if name.chars().any(char::is_control) {
        return Err(ServiceError::invalid("reg-error-name"));
    }
    let requested = single_line(&input.requested_organization, 200, "organization")?;
    let organization_id = match input.organization.trim() {
        "" => None,
        id => {
            let id: i64 = id
                .parse()
                .map_err(|_| ServiceError::invalid("error-bad-choice"))?;
            let active = drx_store::organizations::active(db).await?;
            if !active.iter().any(|o| o.id == id) {
                return Err(ServiceError::invalid("error-bad-choice"));
            }
            Some(id)
        }
    };
    // One of the two: chosen from the list, or asked for by name.
    let (chosen, asked) = (organization_id.is_some(), !requested.is_empty());
    if chosen == asked {
        return Err(ServiceError::invalid("reg-error-organization"));
    }
    if input.terms != "on" {
        return Err(ServiceError::invalid("reg-error-terms"));
    }
    check_password_policy(&input.password).map_err(password_msg)?;
    Ok(Registration {
        email,
        name,
        password_hash: hash_password(&input.password),
        role,
        organization_id,
        requested_organization: requested,
        locale: String::new(),
        call_id: None,
    })
}

/// Refuses a sign-up beyond the limits (a form refused for its content does not count: only
/// the sign-ups that send a mail do, see [`count_sign_up`]).
async fn throttle(db: &Db, email: &str, client_key: &str, now: i64) -> Result<()> {
    let since = now - THROTTLE_WINDOW_SECONDS;
    let by_address = store::rate_events_since(db, "register-address", email, since).await?;
    let by_client = store::rate_events_since(db, "register-client", client_key, since).await?;
    if by_address >= MAX_PER_ADDRESS || by_client >= MAX_PER_CLIENT {
        return Err(ServiceError::Throttled {
            minutes: THROTTLE_WINDOW_SECONDS / 60,
        });
    }
    Ok(())
}

/// Counts a sign-up that sends a mail against its address and its client.
async fn count_sign_up(db: &Db, email: &str, client_key: &str, now: i64) -> Result<()> {
    let forget = now - THROTTLE_WINDOW_SECONDS;
    store::record_rate_event(db, "register-address", email, now, forget).await?;
    store::record_rate_event(db, "register-client", client_key, now, forget).await?;
    Ok(())
}

/// Takes a sign-up: checks it, then mails the verification link (or, when the address has an
/// account already, a mail saying so). The answer is the same either way. `call` is the call
/// the person came from (kept only when it is public).
pub async fn register(
    db: &Db,
    input: &RegistrationInput,
    locale: &str,
    call: Option<i64>,
    client_key: &str,
    base_url: &str,
    now: i64,
) -> Result<()> {
    let email = valid_email(&input.email)?;
    throttle(db, &email, client_key, now).await?;
    let mut r = check(db, input).await?;
    r.locale = check_locale(locale).into();
    r.call_id = super::open_calls::public_call_id(db, call).await?;
    count_sign_up(db, &email, client_key, now).await?;
    let base = base_url.trim_end_matches('/');
    let mut tx = db.begin().await?;
    if store::credentials(db, &email).await?.is_some() {
        let body = format!(
            "有人（也许是您）用此邮箱在 drx 注册，但它已有账户。请登录，或重设密码：\n\
             Someone (perhaps you) tried to register on drx with this address, which already has an account. Sign in, or reset your password:\n\n\
             {base}/login\n{base}/password/forgot\n"
        );
        outbox::enqueue(&mut tx, &email, SUBJECT, &body, now).await?;
        tx.commit().await?;
        return Ok(());
    }
    let token = new_token();
    store::insert_registration(&mut tx, &token_hash(&token), &r, now, now + VERIFY_SECONDS).await?;
    let body = format!(
        "请在24小时内打开以下链接确认邮箱，完成 drx 注册；如非本人操作请忽略。\n\
         Open this link within 24 hours to confirm your address and finish registering on drx; ignore it if you did not ask.\n\n\
         {base}/register/verify/{token}\n"
    );
    outbox::enqueue(&mut tx, &email, SUBJECT, &body, now).await?;
    tx.commit().await?;
    Ok(())
}

const SUBJECT: &str = "drx 注册 / drx registration";

/// The sign-up a link is for, while it is unused and unexpired (NotFound otherwise).
pub async fn pending(db: &Db, token: &str, now: i64) -> Result<Registration> {
    store::open_registration(db, &token_hash(token), now)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// A verified sign-up: the new session, and the call to go on to.
pub struct Verified {
    pub logged_in: LoggedIn,
    pub call_id: Option<i64>,
}

/// Follows a verification link: the account is created (with the requested organization, if
/// any, as a record in the admins' queue) and the person is signed in. An unknown, used or
/// expired link is NotFound.
pub async fn verify(db: &Db, token: &str, now: i64) -> Result<Verified> {
    let hash_of_token = token_hash(token);
    let r = pending(db, token, now).await?;
    let mut tx = db.begin().await?;
    if !store::use_registration(&mut tx, &hash_of_token, now).await? {
        return Err(ServiceError::NotFound);
    }
    let requested = requested_organization(&mut tx, &r, now).await?;
    let person = NewPerson {
        email: &r.email,
        name: &r.name,
        title: "",
        organization_id: r.organization_id.or(requested.map(|o| o.0)),
        password_hash: Some(&r.password_hash),
        locale: &r.locale,
        roles: &[r.role],
    };
    let id = store::insert_person(&mut tx, &person, now)
        .await
        .map_err(email_taken)?;
    if let Some((org, true)) = requested {
        let detail = serde_json::json!({ "requested_by": id, "name": r.requested_organization });
        let (entity, action) = (AuditEntity::Organization, AuditAction::Create);
        drx_store::audit::record(
            &mut tx,
            Some(id),
            entity,
            org,
            action,
            &detail.to_string(),
            now,
        )
        .await?;
    }
    let logged_in = super::accounts::open_session(&mut tx, id, now).await?;
    let detail =
        serde_json::json!({ "email": r.email, "role": r.role.as_str(), "call": r.call_id });
    super::commit_audited(
        tx,
        Some(id),
        AuditEntity::Person,
        id,
        AuditAction::Register,
        &detail,
        now,
    )
    .await?;
    Ok(Verified {
        logged_in,
        call_id: r.call_id,
    })
}

/// The record a requested organization name stands for: one with that name already (not
/// merged away), or a new one in the `requested` state. Answers (id, created now).
async fn requested_organization(
    tx: &mut Tx,
    r: &Registration,
    now: i64,
) -> Result<Option<(i64, bool)>> {
    let name = r.requested_organization.as_str();
    if name.is_empty() {
        return Ok(None);
    }
    let chinese = name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let (name_en, name_zh) = if chinese { ("", name) } else { (name, "") };
    if let Some(known) = orgs::same_name(tx, name_en, name_zh, 0).await?.first() {
        return Ok(Some((known.id, false)));
    }
    let kind = match r.role {
        Role::Clinician => OrganizationKind::Hospital,
        _ => OrganizationKind::Other,
    };
    let d = Description::named(kind, name_en, name_zh, "");
    let id = orgs::insert(tx, &d, OrganizationStatus::Requested, now).await?;
    Ok(Some((id, true)))
}
