//! People, roles, sessions, login attempts, invitations and password resets.
use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};
use drx_domain::Role;
use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub title: String,
    pub organization_id: Option<i64>,
    pub organization_en: String,
    pub organization_zh: String,
    pub locale: String,
    pub active: bool,
    pub roles: Vec<Role>,
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

/// What login needs to know about an account.
pub struct Credentials {
    pub person_id: i64,
    pub password_hash: Option<String>,
    pub active: bool,
}

pub struct Session {
    pub person_id: i64,
    pub csrf_token: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

const PERSON_COLUMNS: &str =
    "p.id, p.email, p.name, p.title, p.organization_id, p.locale, p.active, \
     COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh";

fn person_from_row(row: &AnyRow) -> Result<Person> {
    Ok(Person {
        id: get_i64(row, "id")?,
        email: get_str(row, "email")?,
        name: get_str(row, "name")?,
        title: get_str(row, "title")?,
        organization_id: get_opt_i64(row, "organization_id")?,
        organization_en: get_str(row, "org_en")?,
        organization_zh: get_str(row, "org_zh")?,
        locale: get_str(row, "locale")?,
        active: get_i64(row, "active")? != 0,
        roles: Vec::new(),
    })
}

/// Emails are compared without case: the same mailbox must not hold two accounts.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub async fn insert_person(tx: &mut Tx, p: &NewPerson<'_>, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO people (email, name, title, organization_id, password_hash, locale, active, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
    ))
    .bind(normalize_email(p.email))
    .bind(p.name)
    .bind(p.title)
    .bind(p.organization_id)
    .bind(p.password_hash)
    .bind(p.locale)
    .bind(now)
    .fetch_one(tx.conn())
    .await
    .map_err(|e| super::StoreError::from(e).duplicate_as(&format!("an account for {}", p.email)))?;
    let id = row.try_get::<i64, _>("id")?;
    set_roles(tx, id, p.roles).await?;
    Ok(id)
}

pub async fn set_roles(tx: &mut Tx, person_id: i64, roles: &[Role]) -> Result<()> {
    sqlx::query(tx.q("DELETE FROM person_roles WHERE person_id = ?"))
        .bind(person_id)
        .execute(tx.conn())
        .await?;
    for role in roles {
        sqlx::query(tx.q("INSERT INTO person_roles (person_id, role) VALUES (?, ?)"))
            .bind(person_id)
            .bind(role.as_str())
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}

async fn roles_of(db: &Db, person_id: i64) -> Result<Vec<Role>> {
    let rows = sqlx::query(db.q("SELECT role FROM person_roles WHERE person_id = ? ORDER BY role"))
        .bind(person_id)
        .fetch_all(&db.pool)
        .await?;
    let mut roles: Vec<Role> = rows
        .iter()
        .filter_map(|r| r.try_get::<String, _>("role").ok())
        .filter_map(|r| Role::parse(&r))
        .collect();
    roles.sort();
    Ok(roles)
}

pub async fn person(db: &Db, id: i64) -> Result<Option<Person>> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| {
        format!("SELECT {PERSON_COLUMNS} FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE p.id = ?")
    });
    let sql: &'static str = sql.as_str();
    let row = sqlx::query(db.q(sql))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    match row {
        None => Ok(None),
        Some(row) => {
            let mut p = person_from_row(&row)?;
            p.roles = roles_of(db, id).await?;
            Ok(Some(p))
        }
    }
}

/// Everyone, by name, with their roles; `role` narrows to the holders of one role.
pub async fn list_people(db: &Db, role: Option<Role>) -> Result<Vec<Person>> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql: &'static str = SQL.get_or_init(|| {
        format!("SELECT {PERSON_COLUMNS} FROM people p LEFT JOIN organizations o ON o.id = p.organization_id ORDER BY p.name, p.id")
    });
    let rows = sqlx::query(db.q(sql)).fetch_all(&db.pool).await?;
    let role_rows = sqlx::query("SELECT person_id, role FROM person_roles")
        .fetch_all(&db.pool)
        .await?;
    let mut by_person: std::collections::HashMap<i64, Vec<Role>> = Default::default();
    for r in &role_rows {
        if let Some(role) = Role::parse(&get_str(r, "role")?) {
            by_person
                .entry(get_i64(r, "person_id")?)
                .or_default()
                .push(role);
        }
    }
    let mut people = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut p = person_from_row(row)?;
        p.roles = by_person.remove(&p.id).unwrap_or_default();
        p.roles.sort();
        if role.map_or(true, |r| p.roles.contains(&r)) {
            people.push(p);
        }
    }
    Ok(people)
}

pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>> {
    let row = sqlx::query(db.q("SELECT id, password_hash, active FROM people WHERE email = ?"))
        .bind(normalize_email(email))
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        Ok(Credentials {
            person_id: get_i64(&r, "id")?,
            password_hash: r.try_get::<Option<String>, _>("password_hash")?,
            active: get_i64(&r, "active")? != 0,
        })
    })
    .transpose()
}

pub async fn password_hash(db: &Db, person_id: i64) -> Result<Option<String>> {
    let row = sqlx::query(db.q("SELECT password_hash FROM people WHERE id = ?"))
        .bind(person_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(match row {
        Some(r) => r.try_get::<Option<String>, _>("password_hash")?,
        None => None,
    })
}

/// Sets a new password and ends every session of the person but `keep_session`.
pub async fn set_password(
    tx: &mut Tx,
    person_id: i64,
    hash: &str,
    keep_session: Option<&str>,
) -> Result<()> {
    sqlx::query(tx.q("UPDATE people SET password_hash = ? WHERE id = ?"))
        .bind(hash)
        .bind(person_id)
        .execute(tx.conn())
        .await?;
    sqlx::query(tx.q("DELETE FROM sessions WHERE person_id = ? AND token_hash <> ?"))
        .bind(person_id)
        .bind(keep_session.unwrap_or(""))
        .execute(tx.conn())
        .await?;
    Ok(())
}

pub async fn set_active(tx: &mut Tx, person_id: i64, active: bool) -> Result<()> {
    sqlx::query(tx.q("UPDATE people SET active = ? WHERE id = ?"))
        .bind(active as i64)
        .bind(person_id)
        .execute(tx.conn())
        .await?;
    if !active {
        sqlx::query(tx.q("DELETE FROM sessions WHERE person_id = ?"))
            .bind(person_id)
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}

pub async fn set_locale(db: &Db, person_id: i64, locale: &str) -> Result<()> {
    sqlx::query(db.q("UPDATE people SET locale = ? WHERE id = ?"))
        .bind(locale)
        .bind(person_id)
        .execute(&db.pool)
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
    sqlx::query(tx.q(
        "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
    ))
    .bind(token_hash)
    .bind(person_id)
    .bind(csrf_token)
    .bind(now)
    .bind(now)
    .bind(expires_at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// The live session with this token hash, if any (an expired one is as good as none).
pub async fn session(db: &Db, token_hash: &str, now: i64) -> Result<Option<Session>> {
    let row = sqlx::query(db.q(
        "SELECT s.person_id, s.csrf_token, s.last_seen_at, s.expires_at FROM sessions s \
         JOIN people p ON p.id = s.person_id WHERE s.token_hash = ? AND s.expires_at > ? AND p.active = 1",
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(Session {
            person_id: get_i64(&r, "person_id")?,
            csrf_token: get_str(&r, "csrf_token")?,
            last_seen_at: get_i64(&r, "last_seen_at")?,
            expires_at: get_i64(&r, "expires_at")?,
        })
    })
    .transpose()
}

pub async fn touch_session(db: &Db, token_hash: &str, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query(db.q("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?"))
        .bind(now)
        .bind(expires_at)
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<()> {
    sqlx::query(db.q("DELETE FROM sessions WHERE token_hash = ?"))
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_expired_sessions(db: &Db, now: i64) -> Result<u64> {
    let r = sqlx::query(db.q("DELETE FROM sessions WHERE expires_at <= ?"))
        .bind(now)
        .execute(&db.pool)
        .await?;
    Ok(r.rows_affected())
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
        sqlx::query(db.q("DELETE FROM login_attempts WHERE account_key = ? AND succeeded = 0"))
            .bind(account_key)
            .execute(&db.pool)
            .await?;
        return Ok(());
    }
    sqlx::query(db.q(
        "INSERT INTO login_attempts (account_key, client_key, succeeded, at) VALUES (?, ?, 0, ?)",
    ))
    .bind(account_key)
    .bind(client_key)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Failed attempts since `since`: (on this account, from this client), and the oldest of them.
pub async fn recent_failures(
    db: &Db,
    account_key: &str,
    client_key: &str,
    since: i64,
) -> Result<(i64, i64, i64)> {
    let row = sqlx::query(db.q(
        "SELECT CAST(COALESCE(SUM(CASE WHEN account_key = ? THEN 1 ELSE 0 END), 0) AS BIGINT) AS by_account, \
                CAST(COALESCE(SUM(CASE WHEN client_key = ? THEN 1 ELSE 0 END), 0) AS BIGINT) AS by_client, \
                CAST(COALESCE(MIN(at), 0) AS BIGINT) AS oldest \
         FROM login_attempts WHERE succeeded = 0 AND at > ? AND (account_key = ? OR client_key = ?)",
    ))
    .bind(account_key)
    .bind(client_key)
    .bind(since)
    .bind(account_key)
    .bind(client_key)
    .fetch_one(&db.pool)
    .await?;
    Ok((
        get_i64(&row, "by_account")?,
        get_i64(&row, "by_client")?,
        get_i64(&row, "oldest")?,
    ))
}

// ---- invitations and password resets ----

pub struct Invitation {
    pub email: String,
    pub role: Role,
    pub organization_id: Option<i64>,
    pub invited_by: i64,
}

pub async fn insert_invitation(
    tx: &mut Tx,
    token_hash: &str,
    inv: &Invitation,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(tx.q(
        "INSERT INTO invitations (token_hash, email, role, organization_id, invited_by, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    ))
    .bind(token_hash)
    .bind(normalize_email(&inv.email))
    .bind(inv.role.as_str())
    .bind(inv.organization_id)
    .bind(inv.invited_by)
    .bind(now)
    .bind(expires_at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// An unused, unexpired invitation.
pub async fn open_invitation(db: &Db, token_hash: &str, now: i64) -> Result<Option<Invitation>> {
    let row = sqlx::query(db.q(
        "SELECT email, role, organization_id, invited_by FROM invitations \
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(Invitation {
            email: get_str(&r, "email")?,
            role: Role::parse(&get_str(&r, "role")?).unwrap_or(Role::Clinician),
            organization_id: get_opt_i64(&r, "organization_id")?,
            invited_by: get_i64(&r, "invited_by")?,
        })
    })
    .transpose()
}

/// Marks an invitation used; false when it was already used (a concurrent acceptance won).
pub async fn use_invitation(tx: &mut Tx, token_hash: &str, now: i64) -> Result<bool> {
    let r = sqlx::query(
        tx.q("UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"),
    )
    .bind(now)
    .bind(token_hash)
    .execute(tx.conn())
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn insert_password_reset(
    tx: &mut Tx,
    token_hash: &str,
    person_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(tx.q(
        "INSERT INTO password_resets (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
    ))
    .bind(token_hash)
    .bind(person_id)
    .bind(now)
    .bind(expires_at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// The person an unused, unexpired reset token is for.
pub async fn open_password_reset(db: &Db, token_hash: &str, now: i64) -> Result<Option<i64>> {
    let row = sqlx::query(db.q(
        "SELECT person_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| get_i64(&r, "person_id")).transpose()
}

pub async fn use_password_reset(tx: &mut Tx, token_hash: &str, now: i64) -> Result<bool> {
    let r = sqlx::query(
        tx.q("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"),
    )
    .bind(now)
    .bind(token_hash)
    .execute(tx.conn())
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn email_of(tx: &mut Tx, person_id: i64) -> Result<String> {
    let row = sqlx::query(tx.q("SELECT email FROM people WHERE id = ?"))
        .bind(person_id)
        .fetch_one(tx.conn())
        .await?;
    get_str(&row, "email")
}
