//! People, roles, sessions, login attempts, invitations and password resets.
use super::{Db, Result, Tx};
use drx_domain::Role;

row! {
    #[derive(Debug, Clone)]
    pub struct Person {
        pub id: i64,
        pub email: String,
        pub name: String,
        pub title: String,
        pub organization_id: Option<i64>,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub locale: String,
        pub active: bool,
        pub roles: Vec<Role> = default,
    }
}

pub struct NewPerson<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub organization_id: Option<i64>,
    pub password_hash: Option<&'a str>,
    pub locale: &'a str,
    pub roles: &'a [Role],
}

row! {
    /// What login needs to know about an account.
    pub struct Credentials {
        pub person_id: i64 = "id",
        pub password_hash: Option<String>,
        pub active: bool,
    }
}

row! {
    pub struct Session {
        pub person_id: i64,
        pub csrf_token: String,
        pub last_seen_at: i64,
        pub expires_at: i64,
    }
}

macro_rules! people {
    ($tail:literal) => {
        concat!(
            "SELECT p.id, p.email, p.name, p.title, p.organization_id, p.locale, p.active, \
             COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh \
             FROM people p LEFT JOIN organizations o ON o.id = p.organization_id ",
            $tail
        )
    };
}

/// Emails are compared without case: the same mailbox must not hold two accounts.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub async fn insert_person(tx: &mut Tx, p: &NewPerson<'_>, now: i64) -> Result<i64> {
    let id: i64 = tx
        .one(
            "INSERT INTO people (email, name, title, organization_id, password_hash, locale, active, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
            (
                normalize_email(p.email),
                p.name,
                p.title,
                p.organization_id,
                p.password_hash,
                p.locale,
                now,
            ),
        )
        .await
        .map_err(|e| e.duplicate_as(&format!("an account for {}", p.email)))?;
    set_roles(tx, id, p.roles).await?;
    Ok(id)
}

pub async fn set_roles(tx: &mut Tx, person_id: i64, roles: &[Role]) -> Result<()> {
    tx.exec("DELETE FROM person_roles WHERE person_id = ?", (person_id,))
        .await?;
    for role in roles {
        tx.exec(
            "INSERT INTO person_roles (person_id, role) VALUES (?, ?)",
            (person_id, role.as_str()),
        )
        .await?;
    }
    Ok(())
}

pub async fn person(db: &Db, id: i64) -> Result<Option<Person>> {
    let Some(mut p) = db.opt::<Person>(people!("WHERE p.id = ?"), (id,)).await? else {
        return Ok(None);
    };
    p.roles = db
        .all(
            "SELECT role FROM person_roles WHERE person_id = ? ORDER BY role",
            (id,),
        )
        .await?;
    p.roles.sort();
    Ok(Some(p))
}

/// Everyone, by name, with their roles; `role` narrows to the holders of one role.
pub async fn list_people(db: &Db, role: Option<Role>) -> Result<Vec<Person>> {
    let everyone: Vec<Person> = db.all(people!("ORDER BY p.name, p.id"), ()).await?;
    let held: Vec<(i64, Role)> = db
        .all("SELECT person_id, role FROM person_roles", ())
        .await?;
    let mut by_person: std::collections::HashMap<i64, Vec<Role>> = Default::default();
    for (person, r) in held {
        by_person.entry(person).or_default().push(r);
    }
    let mut people = Vec::with_capacity(everyone.len());
    for mut p in everyone {
        p.roles = by_person.remove(&p.id).unwrap_or_default();
        p.roles.sort();
        if role.map_or(true, |r| p.roles.contains(&r)) {
            people.push(p);
        }
    }
    Ok(people)
}

pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>> {
    db.opt(
        "SELECT id, password_hash, active FROM people WHERE email = ?",
        (normalize_email(email),),
    )
    .await
}

pub async fn password_hash(db: &Db, person_id: i64) -> Result<Option<String>> {
    let hash: Option<Option<String>> = db
        .opt(
            "SELECT password_hash FROM people WHERE id = ?",
            (person_id,),
        )
        .await?;
    Ok(hash.flatten())
}

/// Sets a new password and ends every session of the person but `keep_session`.
/// Sets a new password hash: every session but `keep_session` ends, every open reset link ends,
/// and the time of the change is kept (tokens made before it are offered for revocation).
pub async fn set_password(
    tx: &mut Tx,
    person_id: i64,
    hash: &str,
    keep_session: Option<&str>,
    now: i64,
) -> Result<()> {
    tx.exec(
        "UPDATE people SET password_hash = ?, password_changed_at = ? WHERE id = ?",
        (hash, now, person_id),
    )
    .await?;
    tx.exec(
        "DELETE FROM sessions WHERE person_id = ? AND token_hash <> ?",
        (person_id, keep_session.unwrap_or("")),
    )
    .await?;
    tx.exec(
        "UPDATE password_resets SET used_at = ? WHERE person_id = ? AND used_at IS NULL",
        (now, person_id),
    )
    .await?;
    Ok(())
}

/// When the person's password last changed (None: never since the account was made).
pub async fn password_changed_at(db: &Db, person_id: i64) -> Result<Option<i64>> {
    db.one(
        "SELECT password_changed_at FROM people WHERE id = ?",
        (person_id,),
    )
    .await
}

pub async fn set_active(tx: &mut Tx, person_id: i64, active: bool) -> Result<()> {
    tx.exec(
        "UPDATE people SET active = ? WHERE id = ?",
        (active as i64, person_id),
    )
    .await?;
    if !active {
        tx.exec("DELETE FROM sessions WHERE person_id = ?", (person_id,))
            .await?;
    }
    Ok(())
}

pub async fn set_organization(
    tx: &mut Tx,
    person_id: i64,
    organization_id: Option<i64>,
) -> Result<()> {
    tx.exec(
        "UPDATE people SET organization_id = ? WHERE id = ?",
        (organization_id, person_id),
    )
    .await?;
    Ok(())
}

/// Ends every session of the person (signed out everywhere); how many there were.
pub async fn end_sessions(tx: &mut Tx, person_id: i64) -> Result<u64> {
    tx.exec("DELETE FROM sessions WHERE person_id = ?", (person_id,))
        .await
}

pub async fn set_locale(db: &Db, person_id: i64, locale: &str) -> Result<()> {
    db.exec(
        "UPDATE people SET locale = ? WHERE id = ?",
        (locale, person_id),
    )
    .await?;
    Ok(())
}

// ---- sessions ----

pub async fn insert_session(
    tx: &mut Tx,
    token_hash: &str,
    person_id: i64,
    csrf_token: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    tx.exec("INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", (token_hash, person_id, csrf_token, now, now, expires_at))
    .await?;
    Ok(())
}

/// The live session with this token hash, if any (an expired one is as good as none).
pub async fn session(db: &Db, token_hash: &str, now: i64) -> Result<Option<Session>> {
    db.opt(
        "SELECT s.person_id, s.csrf_token, s.last_seen_at, s.expires_at FROM sessions s \
         JOIN people p ON p.id = s.person_id WHERE s.token_hash = ? AND s.expires_at > ? AND p.active = 1",
        (token_hash, now),
    )
    .await
}

pub async fn touch_session(db: &Db, token_hash: &str, now: i64, expires_at: i64) -> Result<()> {
    db.exec(
        "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
        (now, expires_at, token_hash),
    )
    .await?;
    Ok(())
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<()> {
    db.exec("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))
        .await?;
    Ok(())
}

pub async fn delete_expired_sessions(db: &Db, now: i64) -> Result<u64> {
    let r = db
        .exec("DELETE FROM sessions WHERE expires_at <= ?", (now,))
        .await?;
    Ok(r)
}

// ---- login throttling ----

pub async fn record_login_attempt(
    db: &Db,
    account_key: &str,
    client_key: &str,
    ok: bool,
    now: i64,
) -> Result<()> {
    if ok {
        // A success forgives the account's earlier failures (not the client's).
        db.exec(
            "DELETE FROM login_attempts WHERE account_key = ? AND succeeded = 0",
            (account_key,),
        )
        .await?;
        return Ok(());
    }
    db.exec(
        "INSERT INTO login_attempts (account_key, client_key, succeeded, at) VALUES (?, ?, 0, ?)",
        (account_key, client_key, now),
    )
    .await?;
    Ok(())
}

row! {
    /// Failed login attempts: from this client on any account within the short window (and
    /// the oldest of them); on this account over the long window, from this client (and the
    /// latest of those) and from anywhere.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Failures {
        pub by_client: i64,
        pub client_oldest: i64,
        pub pair: i64,
        pub pair_latest: i64,
        pub by_account: i64,
    }
}

/// The failures the login throttle weighs: the client's since `short_since`, the account's since
/// `long_since`.
pub async fn recent_failures(
    db: &Db,
    account_key: &str,
    client_key: &str,
    short_since: i64,
    long_since: i64,
) -> Result<Failures> {
    db.one(
        "SELECT \
           (SELECT CAST(COUNT(*) AS BIGINT) FROM login_attempts WHERE succeeded = 0 AND client_key = ? AND at > ?) AS by_client, \
           (SELECT CAST(COALESCE(MIN(at), 0) AS BIGINT) FROM login_attempts WHERE succeeded = 0 AND client_key = ? AND at > ?) AS client_oldest, \
           CAST(COALESCE(SUM(CASE WHEN client_key = ? THEN 1 ELSE 0 END), 0) AS BIGINT) AS pair, \
           CAST(COALESCE(MAX(CASE WHEN client_key = ? THEN at ELSE 0 END), 0) AS BIGINT) AS pair_latest, \
           CAST(COUNT(*) AS BIGINT) AS by_account \
         FROM login_attempts WHERE succeeded = 0 AND account_key = ? AND at > ?",
        (client_key, short_since, client_key, short_since, client_key, client_key, account_key, long_since),
    )
    .await
}

/// How many `kind` events `subject` (an address, a client) made since `since`.
pub async fn rate_events_since(db: &Db, kind: &str, subject: &str, since: i64) -> Result<i64> {
    db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM rate_events WHERE kind = ? AND subject = ? AND at > ?",
        (kind, subject, since),
    )
    .await
}

/// Counts one `kind` event of `subject`, forgetting that kind's events older than `keep_since`.
pub async fn record_rate_event(
    db: &Db,
    kind: &str,
    subject: &str,
    now: i64,
    keep_since: i64,
) -> Result<()> {
    db.exec(
        "DELETE FROM rate_events WHERE kind = ? AND at <= ?",
        (kind, keep_since),
    )
    .await?;
    db.exec(
        "INSERT INTO rate_events (kind, subject, at) VALUES (?, ?, ?)",
        (kind, subject, now),
    )
    .await?;
    Ok(())
}

// ---- invitations and password resets ----

row! {
    pub struct Invitation {
        pub email: String,
        pub role: Role,
        pub organization_id: Option<i64>,
        pub invited_by: i64,
        /// The call the invitation brings the person into, and in which role.
        pub call_id: Option<i64>,
        pub call_role: Option<drx_domain::CallRole>,
    }
}

pub async fn insert_invitation(
    tx: &mut Tx,
    token_hash: &str,
    inv: &Invitation,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    let call_role = inv.call_role.map(|r| r.as_str());
    tx.exec("INSERT INTO invitations (token_hash, email, role, organization_id, invited_by, created_at, expires_at, sent_at, call_id, call_role) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (token_hash, normalize_email(&inv.email), inv.role.as_str(), inv.organization_id, inv.invited_by, now, expires_at, now, inv.call_id, call_role))
    .await?;
    Ok(())
}

/// An unused, unrevoked, unexpired invitation.
pub async fn open_invitation(db: &Db, token_hash: &str, now: i64) -> Result<Option<Invitation>> {
    db.opt(
        "SELECT email, role, organization_id, invited_by, call_id, call_role FROM invitations \
         WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
        (token_hash, now),
    )
    .await
}

/// Marks an invitation used; false when it was already used (a concurrent acceptance won).
pub async fn use_invitation(tx: &mut Tx, token_hash: &str, now: i64) -> Result<bool> {
    let r = tx
        .exec(
            "UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL",
            (now, token_hash),
        )
        .await?;
    Ok(r == 1)
}

/// Gives a not yet accepted, unrevoked invitation a new token and expiry (sending it again):
/// the old link stops working. False when it was accepted or revoked meanwhile.
pub async fn renew_invitation(
    tx: &mut Tx,
    id: i64,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<bool> {
    let r = tx
        .exec(
            "UPDATE invitations SET token_hash = ?, expires_at = ?, sent_at = ? \
             WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
            (token_hash, expires_at, now, id),
        )
        .await?;
    Ok(r == 1)
}

/// Revokes a not yet accepted invitation; false when it was accepted or revoked already.
pub async fn revoke_invitation(tx: &mut Tx, id: i64, now: i64) -> Result<bool> {
    let r = tx
        .exec(
            "UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
            (now, id),
        )
        .await?;
    Ok(r == 1)
}

pub async fn insert_password_reset(
    tx: &mut Tx,
    token_hash: &str,
    person_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    tx.exec("INSERT INTO password_resets (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)", (token_hash, person_id, now, expires_at))
    .await?;
    Ok(())
}

/// The person an unused, unexpired reset token is for.
pub async fn open_password_reset(db: &Db, token_hash: &str, now: i64) -> Result<Option<i64>> {
    db.opt(
        "SELECT person_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
        (token_hash, now),
    )
    .await
}

pub async fn use_password_reset(tx: &mut Tx, token_hash: &str, now: i64) -> Result<bool> {
    let r = tx
        .exec(
            "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
            (now, token_hash),
        )
        .await?;
    Ok(r == 1)
}

pub async fn email_of(tx: &mut Tx, person_id: i64) -> Result<String> {
    tx.one("SELECT email FROM people WHERE id = ?", (person_id,))
        .await
}

/// Re-points people and invitations from organization `from` to `into` (a merge).
pub async fn move_organization(tx: &mut Tx, from: i64, into: i64) -> Result<u64> {
    let statements = [
        "UPDATE people SET organization_id = ? WHERE organization_id = ?",
        "UPDATE invitations SET organization_id = ? WHERE organization_id = ?",
    ];
    super::repoint(tx, &statements, from, into).await
}

// ---- self-registration (a sign-up waiting for its address to be verified) ----

row! {
    /// A sign-up as its form gave it, checked, with the password already hashed: the account
    /// is created from it when the emailed link is followed.
    #[derive(Debug, Clone)]
    pub struct Registration {
        pub email: String,
        pub name: String,
        pub password_hash: String,
        pub role: Role,
        pub organization_id: Option<i64>,
        /// The organization's name when the person asked for one not yet listed ('' if none).
        pub requested_organization: String,
        pub locale: String,
        /// The call the person came from, to go on to after verification.
        pub call_id: Option<i64>,
    }
}

pub async fn insert_registration(
    tx: &mut Tx,
    token_hash: &str,
    r: &Registration,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    tx.exec(
        "INSERT INTO registrations (token_hash, email, name, password_hash, role, organization_id, \
         requested_organization, locale, call_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            token_hash,
            normalize_email(&r.email),
            r.name.as_str(),
            r.password_hash.as_str(),
            r.role.as_str(),
            r.organization_id,
            r.requested_organization.as_str(),
            r.locale.as_str(),
            r.call_id,
            now,
            expires_at,
        ),
    )
    .await?;
    Ok(())
}

/// An unused, unexpired sign-up with this token hash.
pub async fn open_registration(
    db: &Db,
    token_hash: &str,
    now: i64,
) -> Result<Option<Registration>> {
    db.opt(
        "SELECT email, name, password_hash, role, organization_id, requested_organization, locale, call_id \
         FROM registrations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
        (token_hash, now),
    )
    .await
}

/// Marks a sign-up verified; false when its link was used already (a concurrent click won).
pub async fn use_registration(tx: &mut Tx, token_hash: &str, now: i64) -> Result<bool> {
    let r = tx
        .exec(
            "UPDATE registrations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
            (now, token_hash),
        )
        .await?;
    Ok(r == 1)
}
