//! Personal API tokens: one row per token, keyed by the SHA-256 hash of the secret (the secret
//! itself is never stored). Revoked tokens stay listed with their revocation time.
use super::{Db, Result, Tx};
use drx_domain::TokenScope;

row! {
    #[derive(Debug, Clone)]
    pub struct ApiToken {
        pub id: i64,
        pub person_id: i64,
        pub name: String,
        pub created_at: i64,
        pub last_used_at: Option<i64>,
        pub revoked_at: Option<i64>,
        pub scope: TokenScope,
        pub expires_at: Option<i64>,
    }
}

pub struct NewToken<'a> {
    pub person_id: i64,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub scope: TokenScope,
    pub expires_at: i64,
}

pub async fn insert(tx: &mut Tx, t: &NewToken<'_>, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO api_tokens (person_id, name, token_hash, created_at, scope, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (t.person_id, t.name, t.token_hash, now, t.scope.as_str(), t.expires_at),
    )
    .await
}

macro_rules! token_select {
    () => {
        "SELECT t.id, t.person_id, t.name, t.created_at, t.last_used_at, t.revoked_at, t.scope, \
         t.expires_at FROM api_tokens t "
    };
}

/// The person's tokens, newest first, revoked ones included.
pub async fn of_person(db: &Db, person_id: i64) -> Result<Vec<ApiToken>> {
    db.all(
        concat!(token_select!(), "WHERE t.person_id = ? ORDER BY t.id DESC"),
        (person_id,),
    )
    .await
}

/// The live (not revoked, not expired) token with this hash, whose owner is active.
pub async fn live_by_hash(db: &Db, token_hash: &str, now: i64) -> Result<Option<ApiToken>> {
    db.opt(
        concat!(
            token_select!(),
            "JOIN people p ON p.id = t.person_id \
             WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND p.active = 1"
        ),
        (token_hash, now),
    )
    .await
}

pub async fn touch(db: &Db, id: i64, now: i64) -> Result<()> {
    db.exec(
        "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
        (now, id),
    )
    .await?;
    Ok(())
}

/// Revokes every live token of the person made before `before`; answers how many.
pub async fn revoke_older(tx: &mut Tx, person_id: i64, before: i64, now: i64) -> Result<u64> {
    tx.exec(
        "UPDATE api_tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL AND created_at <= ?",
        (now, person_id, before),
    )
    .await
}

/// Revokes the person's token; false when they have no such live token.
pub async fn revoke(tx: &mut Tx, person_id: i64, id: i64, now: i64) -> Result<bool> {
    let done = tx.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL", (now, id, person_id))
    .await?;
    Ok(done > 0)
}
