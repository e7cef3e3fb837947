//! Personal API tokens: created by their owner (the secret shown once, only its hash kept),
//! listed, revoked; and the bearer check the API runs on every request.
use super::{required_text, Result, ServiceError};
use crate::auth::credentials::{new_token, token_hash};
use drx_domain::{AuditAction, AuditEntity, TokenScope};
use drx_store::accounts::{self, Person};
use drx_store::api_tokens::{self as store, ApiToken};
use drx_store::Db;

/// Every token starts with this, so that a leaked one is easy to recognise in logs and code.
pub const TOKEN_PREFIX: &str = "drx_";
/// A person keeps at most this many live tokens.
pub const MAX_LIVE_TOKENS: usize = 20;
/// `last_used_at` is written at most this often (seconds), not on every request.
const TOUCH_EVERY: i64 = 60;
/// A token lives this many days unless its owner says otherwise, and at most [`MAX_DAYS`].
pub const DEFAULT_DAYS: i64 = 90;
pub const MAX_DAYS: i64 = 365;

/// What a new token may do and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Grant {
    pub scope: TokenScope,
    pub days: i64,
}

impl Default for Grant {
    fn default() -> Self {
        Grant {
            scope: TokenScope::Write,
            days: DEFAULT_DAYS,
        }
    }
}

/// Creates a token for the actor. Returns its id and the secret, which is never shown again.
pub async fn create(
    db: &Db,
    actor: &Person,
    name: &str,
    grant: Grant,
    now: i64,
) -> Result<(i64, String)> {
    if !actor.active {
        return Err(ServiceError::Forbidden);
    }
    let name = required_text(name, 100, "api-token-name")?;
    if !(1..=MAX_DAYS).contains(&grant.days) {
        return Err(ServiceError::Invalid(
            super::Msg::new("api-token-bad-days").arg("max", MAX_DAYS),
        ));
    }
    let live = store::of_person(db, actor.id)
        .await?
        .into_iter()
        .filter(|t| t.revoked_at.is_none())
        .count();
    if live >= MAX_LIVE_TOKENS {
        return Err(ServiceError::Invalid(
            super::Msg::new("api-token-too-many").arg("max", MAX_LIVE_TOKENS),
        ));
    }
    let secret = format!("{TOKEN_PREFIX}{}", new_token());
    let mut tx = db.begin().await?;
    let new = store::NewToken {
        person_id: actor.id,
        name: &name,
        token_hash: &token_hash(&secret),
        scope: grant.scope,
        expires_at: now + grant.days * 86_400,
    };
    let id = store::insert(&mut tx, &new, now).await?;
    let detail =
        serde_json::json!({ "name": name, "scope": grant.scope.as_str(), "days": grant.days })
            .to_string();
    let id = super::commit_created(tx, Some(actor.id), AuditEntity::ApiToken, id, &detail, now);
    Ok((id.await?, secret))
}

/// The actor's tokens (never their secrets).
pub async fn list(db: &Db, actor: &Person) -> Result<Vec<ApiToken>> {
    Ok(store::of_person(db, actor.id).await?)
}

/// Revokes one of the actor's own tokens; NotFound for anyone else's or an unknown one.
pub async fn revoke(db: &Db, actor: &Person, id: i64, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    if !store::revoke(&mut tx, actor.id, id, now).await? {
        return Err(ServiceError::NotFound);
    }
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::ApiToken,
        id,
        AuditAction::Revoke,
        "{}",
        now,
    )
    .await?;
    Ok(())
}

/// The live tokens of the actor made before their password last changed: a password change
/// does not end them, so the account page offers to.
pub async fn older_than_password(db: &Db, actor: &Person) -> Result<Vec<ApiToken>> {
    let Some(changed) = accounts::password_changed_at(db, actor.id).await? else {
        return Ok(Vec::new());
    };
    Ok(store::of_person(db, actor.id)
        .await?
        .into_iter()
        .filter(|t| t.revoked_at.is_none() && t.created_at <= changed)
        .collect())
}

/// Revokes every live token the actor made before their password last changed; how many.
pub async fn revoke_older_than_password(db: &Db, actor: &Person, now: i64) -> Result<u64> {
    let Some(changed) = accounts::password_changed_at(db, actor.id).await? else {
        return Ok(0);
    };
    let mut tx = db.begin().await?;
    let n = store::revoke_older(&mut tx, actor.id, changed, now).await?;
    let detail = serde_json::json!({ "revoked": n, "made_before": changed }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::ApiToken,
        actor.id,
        AuditAction::Revoke,
        &detail,
        now,
    )
    .await?;
    Ok(n)
}

/// The active person a bearer secret belongs to and what the token may do; None for an
/// unknown, malformed, revoked or expired token, or an inactive owner. Records when the token
/// was last used.
pub async fn authenticate(db: &Db, secret: &str, now: i64) -> Result<Option<(Person, TokenScope)>> {
    if !secret.starts_with(TOKEN_PREFIX) || secret.len() > 200 {
        return Ok(None);
    }
    let Some(token) = store::live_by_hash(db, &token_hash(secret), now).await? else {
        return Ok(None);
    };
    if token.last_used_at.is_none_or(|t| now - t >= TOUCH_EVERY) {
        store::touch(db, token.id, now).await?;
    }
    Ok(accounts::person(db, token.person_id)
        .await?
        .filter(|p| p.active)
        .map(|p| (p, token.scope)))
}

/// A write token of the default life for the account with this email (tests and scripts).
pub async fn create_for_email(db: &Db, email: &str, name: &str, now: i64) -> Result<String> {
    create_for_email_granted(db, email, name, Grant::default(), now).await
}

/// `drx token create`: a token for the account with this email, made by the command line.
pub async fn create_for_email_granted(
    db: &Db,
    email: &str,
    name: &str,
    grant: Grant,
    now: i64,
) -> Result<String> {
    let creds = accounts::credentials(db, email)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let person = accounts::person(db, creds.person_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(create(db, &person, name, grant, now).await?.1)
}
