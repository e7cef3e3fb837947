//! Accounts: login and logout, creation by admins and organizers, invitations, password change
//! and reset by one-time token, and login throttling.
use super::{required_text, valid_email, Msg, Result, ServiceError};
use crate::auth::authorization::{can, Permission};
use crate::auth::credentials::{
    check_password_policy, decoy_hash, hash_password, new_token, token_hash, verify_password,
    PasswordProblem,
};
use drx_domain::Role;
use drx_domain::{AuditAction, AuditEntity};
use drx_store::accounts::{self as store, Invitation, NewPerson, Person};
use drx_store::{outbox, Db};

/// How long a session lasts without use, and at most.
pub const SESSION_IDLE_SECONDS: i64 = 12 * 3600;
/// Failed logins on one account from one client before each further try must wait.
pub const FREE_FAILURES_PER_CLIENT: i64 = 3;
/// The first wait; each further failure doubles it, up to [`MAX_DELAY_SECONDS`].
pub const FIRST_DELAY_SECONDS: i64 = 30;
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;
/// Failed logins one client may make on all accounts together within the short window.
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;
pub const THROTTLE_WINDOW_SECONDS: i64 = 15 * 60;
/// The long window over which an account's failures count (from one client for the delays,
/// from everywhere for the alert).
pub const ACCOUNT_WINDOW_SECONDS: i64 = 24 * 3600;
/// Failures on one account from anywhere within the long window that mail its owner a warning.
/// The account is never locked: the right password from a client without failures signs in.
pub const ALERT_FAILURES_PER_ACCOUNT: i64 = 20;
/// Reset requests one client may make within the short window; reset mails one address gets
/// within an hour (further requests are answered alike but send nothing).
pub const MAX_RESETS_PER_CLIENT: i64 = 10;
pub const MAX_RESET_MAILS_PER_ADDRESS: i64 = 3;
const RESET_MAIL_WINDOW_SECONDS: i64 = 3600;
pub const INVITATION_SECONDS: i64 = 14 * 24 * 3600;
pub const RESET_SECONDS: i64 = 3600;

pub struct LoggedIn {
    pub person_id: i64,
    /// The session cookie's value; only its hash is stored.
    pub session_token: String,
    pub csrf_token: String,
}

pub(crate) fn password_msg(p: PasswordProblem) -> ServiceError {
    match p {
        PasswordProblem::TooShort => ServiceError::Invalid(
            Msg::new("error-password-short")
                .arg("min", crate::auth::credentials::MIN_PASSWORD_CHARS),
        ),
        PasswordProblem::TooLong => ServiceError::Invalid(
            Msg::new("error-password-long")
                .arg("max", crate::auth::credentials::MAX_PASSWORD_CHARS),
        ),
    }
}

/// The person a session cookie belongs to and the session's CSRF token, when the session is
/// live; the expiry slides forward (written at most once a minute).
pub async fn session_person(
    db: &Db,
    session_token: &str,
    now: i64,
) -> Result<Option<(Person, String)>> {
    let hash = token_hash(session_token);
    let Some(s) = store::session(db, &hash, now).await? else {
        return Ok(None);
    };
    if now - s.last_seen_at > 60 {
        store::touch_session(db, &hash, now, now + SESSION_IDLE_SECONDS).await?;
    }
    Ok(store::person(db, s.person_id)
        .await?
        .map(|p| (p, s.csrf_token)))
}

/// Remembers the person's interface language ("zh" or "en").
pub async fn set_locale(db: &Db, person: &Person, code: &str) -> Result<()> {
    if crate::i18n::Lang::parse(code).is_none() {
        return Err(ServiceError::invalid("error-bad-choice"));
    }
    store::set_locale(db, person.id, code).await?;
    Ok(())
}

/// Everyone with an account, for the people page of admins and organizers.
pub async fn people(db: &Db, actor: &Person) -> Result<Vec<Person>> {
    if !can(actor, Permission::ListAccounts) {
        return Err(ServiceError::Forbidden);
    }
    Ok(store::list_people(db, None).await?)
}

/// Checks the password and opens a new session. `client_key` identifies the client (its
/// address) for throttling. Wrong email and wrong password give the same answer.
pub async fn login(
    db: &Db,
    email: &str,
    password: &str,
    client_key: &str,
    now: i64,
) -> Result<LoggedIn> {
    let account_key = store::normalize_email(email);
    let failures = store::recent_failures(
        db,
        &account_key,
        client_key,
        now - THROTTLE_WINDOW_SECONDS,
        now - ACCOUNT_WINDOW_SECONDS,
    )
    .await?;
    if let Some(wait) = login_wait(&failures, now) {
        return Err(ServiceError::Throttled {
            minutes: (wait + 59) / 60,
        });
    }
    let creds = store::credentials(db, &account_key).await?;
    let ok = match &creds {
        Some(c) if c.active => c
            .password_hash
            .as_deref()
            .is_some_and(|h| verify_password(password, h)),
        _ => {
            verify_password(password, decoy_hash());
            false
        }
    };
    store::record_login_attempt(db, &account_key, client_key, ok, now).await?;
    let creds = match creds {
        Some(c) if ok => c,
        Some(c) => {
            if c.active && failures.by_account + 1 == ALERT_FAILURES_PER_ACCOUNT {
                warn_of_guessing(db, &account_key, c.person_id, now).await?;
            }
            return Err(ServiceError::invalid("error-login"));
        }
        None => return Err(ServiceError::invalid("error-login")),
    };
    // Always a new session id at login: a token planted before login is never promoted.
    let session_token = new_token();
    let csrf_token = new_token();
    let mut tx = db.begin().await?;
    store::insert_session(
        &mut tx,
        &token_hash(&session_token),
        creds.person_id,
        &csrf_token,
        now,
        now + SESSION_IDLE_SECONDS,
    )
    .await?;
    super::commit_audited(
        tx,
        Some(creds.person_id),
        AuditEntity::Person,
        creds.person_id,
        AuditAction::Login,
        "{}",
        now,
    )
    .await?;
    Ok(LoggedIn {
        person_id: creds.person_id,
        session_token,
        csrf_token,
    })
}

/// How many seconds this client must still wait before it may try this account again, if at all:
/// a client that failed on many accounts waits out the short window; a client that failed on
/// this account waits a delay that doubles with each failure. Other clients are not held up by
/// these failures, so nobody can lock a person out by guessing their password.
pub fn login_wait(f: &store::Failures, now: i64) -> Option<i64> {
    let client_wait = (f.by_client >= MAX_FAILURES_PER_CLIENT)
        .then(|| f.client_oldest + THROTTLE_WINDOW_SECONDS - now);
    let pair_wait = (f.pair >= FREE_FAILURES_PER_CLIENT).then(|| {
        let doublings = (f.pair - FREE_FAILURES_PER_CLIENT).min(20) as u32;
        let delay = FIRST_DELAY_SECONDS
            .saturating_mul(1_i64 << doublings)
            .min(MAX_DELAY_SECONDS);
        f.pair_latest + delay - now
    });
    client_wait
        .into_iter()
        .chain(pair_wait)
        .filter(|w| *w > 0)
        .max()
}

/// Mails the owner of an account that someone keeps guessing its password (once, as the
/// failures of the long window reach the alert level).
async fn warn_of_guessing(db: &Db, email: &str, person_id: i64, now: i64) -> Result<()> {
    let body = format!(
        "过去24小时内，您的 drx 账号有 {n} 次登录失败。账号没有被锁定，您仍可照常登录。如果这些不是您本人的操作，请登录后修改密码，并在“账号”页撤销不再使用的 API 令牌。\n\n\
         In the last 24 hours there were {n} failed sign-in attempts on your drx account. The account is not locked and you can sign in as usual. If this was not you, sign in, change your password and revoke API tokens you no longer use on the Account page.\n",
        n = ALERT_FAILURES_PER_ACCOUNT
    );
    let subject = "drx 账号登录失败提醒 / Failed sign-ins on your drx account";
    let tx = db.begin().await?;
    mail_and_audit(
        tx,
        email,
        subject,
        &body,
        person_id,
        AuditAction::LoginAlert,
        now,
    )
    .await
}

/// Queues a mail to the person in `tx` and commits it with what the system did, audited.
async fn mail_and_audit(
    mut tx: drx_store::Tx,
    email: &str,
    subject: &str,
    body: &str,
    person_id: i64,
    action: AuditAction,
    now: i64,
) -> Result<()> {
    outbox::enqueue(&mut tx, email, subject, body, now).await?;
    super::commit_audited(tx, None, AuditEntity::Person, person_id, action, "{}", now).await
}

pub async fn logout(db: &Db, session_token: &str) -> Result<()> {
    store::delete_session(db, &token_hash(session_token)).await?;
    Ok(())
}

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub organization_id: Option<i64>,
    pub password: &'a str,
    pub locale: &'a str,
    pub roles: &'a [Role],
}

pub(crate) fn check_locale(locale: &str) -> &'static str {
    if locale == "en" {
        "en"
    } else {
        "zh"
    }
}

/// Creates an account with a password. `actor` is None only for `drx admin create` and the demo.
pub async fn create_account(
    db: &Db,
    actor: Option<&Person>,
    a: &NewAccount<'_>,
    now: i64,
) -> Result<i64> {
    if let Some(actor) = actor {
        if a.roles
            .iter()
            .any(|r| !can(actor, Permission::GrantRole(*r)))
        {
            return Err(ServiceError::Forbidden);
        }
    }
    if a.roles.is_empty() {
        return Err(ServiceError::invalid("error-no-role"));
    }
    let email = valid_email(a.email)?;
    let name = required_text(a.name, 100, "name")?;
    let title = a.title.trim();
    if title.chars().count() > 200 {
        return Err(super::too_long("title", 200));
    }
    check_password_policy(a.password).map_err(password_msg)?;
    let hash = hash_password(a.password);
    let mut tx = db.begin().await?;
    let id = store::insert_person(
        &mut tx,
        &NewPerson {
            email: &email,
            name: &name,
            title,
            organization_id: a.organization_id,
            password_hash: Some(&hash),
            locale: check_locale(a.locale),
            roles: a.roles,
        },
        now,
    )
    .await
    .map_err(email_taken)?;
    let roles: Vec<&str> = a.roles.iter().map(|r| r.as_str()).collect();
    let detail = serde_json::json!({ "email": email, "roles": roles }).to_string();
    super::commit_created(
        tx,
        actor.map(|p| p.id),
        AuditEntity::Person,
        id,
        &detail,
        now,
    )
    .await
}

/// Creates an invitation link for one role; returns the token to put in the link. The mail
/// with the link goes through the outbox in the same transaction.
pub async fn invite(
    db: &Db,
    actor: &Person,
    email: &str,
    role: Role,
    organization_id: Option<i64>,
    base_url: &str,
    now: i64,
) -> Result<String> {
    invite_into(db, actor, email, role, organization_id, None, base_url, now).await
}

/// [`invite`], and when `call` is given, into that call's committee in that role: accepting
/// the invitation puts the new person in the call's judge pool or among its organizers. The
/// caller has checked that `actor` may change that committee.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn invite_into(
    db: &Db,
    actor: &Person,
    email: &str,
    role: Role,
    organization_id: Option<i64>,
    call: Option<(i64, drx_domain::CallRole)>,
    base_url: &str,
    now: i64,
) -> Result<String> {
    if !can(actor, Permission::GrantRole(role)) {
        return Err(ServiceError::Forbidden);
    }
    let email = valid_email(email)?;
    if store::credentials(db, &email).await?.is_some() {
        return Err(ServiceError::invalid("error-email-taken"));
    }
    let token = new_token();
    let mut tx = db.begin().await?;
    let inv = Invitation {
        email: email.clone(),
        role,
        organization_id,
        invited_by: actor.id,
        call_id: call.map(|c| c.0),
        call_role: call.map(|c| c.1),
    };
    store::insert_invitation(
        &mut tx,
        &token_hash(&token),
        &inv,
        now,
        now + INVITATION_SECONDS,
    )
    .await?;
    let link = super::people::invitation_link(base_url, &token);
    let body = super::people::invitation_mail(&actor.name, role, &link);
    outbox::enqueue(
        &mut tx,
        &email,
        super::people::INVITATION_SUBJECT,
        &body,
        now,
    )
    .await?;
    let mut detail = serde_json::json!({ "email": email, "role": role.as_str() });
    if let Some((call_id, call_role)) = call {
        detail["call"] = call_id.into();
        detail["call_role"] = call_role.as_str().into();
    }
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Invitation,
        actor.id,
        AuditAction::Create,
        &detail,
        now,
    )
    .await?;
    Ok(token)
}

/// What the invitation page shows before it is accepted.
pub async fn invitation(db: &Db, token: &str, now: i64) -> Result<Invitation> {
    store::open_invitation(db, &token_hash(token), now)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Accepts an invitation: the account is created with the invited role and the chosen password,
/// and the person is signed in (a new session, as at login).
pub async fn accept_invitation(
    db: &Db,
    token: &str,
    name: &str,
    password: &str,
    locale: &str,
    now: i64,
) -> Result<LoggedIn> {
    let hash_of_token = token_hash(token);
    let inv = store::open_invitation(db, &hash_of_token, now)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let name = required_text(name, 100, "name")?;
    check_password_policy(password).map_err(password_msg)?;
    let hash = hash_password(password);
    let mut tx = db.begin().await?;
    if !store::use_invitation(&mut tx, &hash_of_token, now).await? {
        return Err(ServiceError::NotFound);
    }
    let id = store::insert_person(
        &mut tx,
        &NewPerson {
            email: &inv.email,
            name: &name,
            title: "",
            organization_id: inv.organization_id,
            password_hash: Some(&hash),
            locale: check_locale(locale),
            roles: &[inv.role],
        },
        now,
    )
    .await
    .map_err(email_taken)?;
    if let (Some(call_id), Some(call_role)) = (inv.call_id, inv.call_role) {
        drx_store::calls::add_call_role(&mut tx, call_id, id, call_role).await?;
    }
    let logged_in = open_session(&mut tx, id, now).await?;
    let mut detail = serde_json::json!({ "email": inv.email, "role": inv.role.as_str(), "invited_by": inv.invited_by });
    if let Some(call_id) = inv.call_id {
        detail["call"] = call_id.into();
    }
    super::commit_audited(
        tx,
        Some(id),
        AuditEntity::Person,
        id,
        AuditAction::AcceptInvitation,
        &detail,
        now,
    )
    .await?;
    Ok(logged_in)
}

/// Opens a new session for the person in `tx`: a sign-in, never a session planted before.
pub(crate) async fn open_session(
    tx: &mut drx_store::Tx,
    person_id: i64,
    now: i64,
) -> Result<LoggedIn> {
    let session_token = new_token();
    let csrf_token = new_token();
    let hash = token_hash(&session_token);
    let expires = now + SESSION_IDLE_SECONDS;
    store::insert_session(tx, &hash, person_id, &csrf_token, now, expires).await?;
    Ok(LoggedIn {
        person_id,
        session_token,
        csrf_token,
    })
}

/// Changes one's own password; every other session of the person ends.
pub async fn change_password(
    db: &Db,
    person: &Person,
    current: &str,
    new: &str,
    keep_session_token: &str,
    now: i64,
) -> Result<()> {
    let stored = store::password_hash(db, person.id).await?;
    if !stored
        .as_deref()
        .is_some_and(|h| verify_password(current, h))
    {
        return Err(ServiceError::invalid("error-current-password"));
    }
    check_password_policy(new).map_err(password_msg)?;
    let hash = hash_password(new);
    let mut tx = db.begin().await?;
    store::set_password(
        &mut tx,
        person.id,
        &hash,
        Some(&token_hash(keep_session_token)),
        now,
    )
    .await?;
    super::commit_audited(
        tx,
        Some(person.id),
        AuditEntity::Person,
        person.id,
        AuditAction::ChangePassword,
        "{}",
        now,
    )
    .await?;
    Ok(())
}

/// Sends a reset link when the email has an active account; says nothing either way, so the
/// form cannot be used to find out who has an account. A client that asks too often is
/// throttled; an address gets at most a few mails an hour, so nobody can flood a mailbox.
pub async fn request_password_reset(
    db: &Db,
    email: &str,
    client_key: &str,
    base_url: &str,
    now: i64,
) -> Result<()> {
    let by_client = store::rate_events_since(
        db,
        "reset-client",
        client_key,
        now - THROTTLE_WINDOW_SECONDS,
    )
    .await?;
    if by_client >= MAX_RESETS_PER_CLIENT {
        return Err(ServiceError::Throttled {
            minutes: THROTTLE_WINDOW_SECONDS / 60,
        });
    }
    store::record_rate_event(
        db,
        "reset-client",
        client_key,
        now,
        now - ACCOUNT_WINDOW_SECONDS,
    )
    .await?;
    let Ok(email) = valid_email(email) else {
        return Ok(());
    };
    let Some(creds) = store::credentials(db, &email).await?.filter(|c| c.active) else {
        return Ok(());
    };
    let mails =
        store::rate_events_since(db, "reset-address", &email, now - RESET_MAIL_WINDOW_SECONDS)
            .await?;
    if mails >= MAX_RESET_MAILS_PER_ADDRESS {
        return Ok(());
    }
    store::record_rate_event(
        db,
        "reset-address",
        &email,
        now,
        now - ACCOUNT_WINDOW_SECONDS,
    )
    .await?;
    let token = new_token();
    let mut tx = db.begin().await?;
    store::insert_password_reset(
        &mut tx,
        &token_hash(&token),
        creds.person_id,
        now,
        now + RESET_SECONDS,
    )
    .await?;
    let link = format!(
        "{}/password/reset/{}",
        base_url.trim_end_matches('/'),
        token
    );
    let body = format!(
        "请在1小时内打开以下链接重设 drx 密码；如非本人操作请忽略。\nOpen this link within one hour to reset your drx password; ignore it if you did not ask.\n\n{link}\n"
    );
    let subject = "drx 密码重设 / drx password reset";
    let action = AuditAction::RequestPasswordReset;
    mail_and_audit(tx, &email, subject, &body, creds.person_id, action, now).await?;
    Ok(())
}

/// Sets a new password with a one-time reset token; every session of the person ends.
pub async fn reset_password(db: &Db, token: &str, new: &str, now: i64) -> Result<()> {
    let hash_of_token = token_hash(token);
    let person_id = store::open_password_reset(db, &hash_of_token, now)
        .await?
        .ok_or(ServiceError::NotFound)?;
    check_password_policy(new).map_err(password_msg)?;
    let hash = hash_password(new);
    let mut tx = db.begin().await?;
    if !store::use_password_reset(&mut tx, &hash_of_token, now).await? {
        return Err(ServiceError::NotFound);
    }
    store::set_password(&mut tx, person_id, &hash, None, now).await?;
    super::commit_audited(
        tx,
        None,
        AuditEntity::Person,
        person_id,
        AuditAction::ResetPassword,
        "{}",
        now,
    )
    .await?;
    Ok(())
}

/// Replaces a person's roles (admins; organizers for non-admin roles on non-admins).
pub async fn set_roles(
    db: &Db,
    actor: &Person,
    person_id: i64,
    roles: &[Role],
    now: i64,
) -> Result<()> {
    let target = store::person(db, person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let touched: Vec<Role> = roles.iter().chain(target.roles.iter()).copied().collect();
    if touched
        .iter()
        .any(|r| !can(actor, Permission::GrantRole(*r)))
    {
        return Err(ServiceError::Forbidden);
    }
    if roles.is_empty() {
        return Err(ServiceError::invalid("error-no-role"));
    }
    let mut tx = db.begin().await?;
    store::set_roles(&mut tx, person_id, roles).await?;
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let detail = serde_json::json!({ "roles": names }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        person_id,
        AuditAction::SetRoles,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Turns an account off (its sessions end at once) or on again. Admins only; never oneself.
pub async fn set_active(
    db: &Db,
    actor: &Person,
    person_id: i64,
    active: bool,
    now: i64,
) -> Result<()> {
    if !can(actor, Permission::DeactivateAccounts) || actor.id == person_id {
        return Err(ServiceError::Forbidden);
    }
    store::person(db, person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut tx = db.begin().await?;
    store::set_active(&mut tx, person_id, active).await?;
    let action = if active {
        AuditAction::Activate
    } else {
        AuditAction::Deactivate
    };
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        person_id,
        action,
        "{}",
        now,
    )
    .await?;
    Ok(())
}

/// A new person's insert refused for an address already in use reads as such; anything else
/// stays a storage error.
pub(crate) fn email_taken(e: drx_store::StoreError) -> ServiceError {
    match e {
        drx_store::StoreError::Duplicate(_) => ServiceError::invalid("error-email-taken"),
        e => e.into(),
    }
}
