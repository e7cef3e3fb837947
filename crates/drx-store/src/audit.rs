//! The append-only, hash-chained audit log. Each event's hash covers the previous event's hash,
//! so editing or deleting any event breaks every hash after it.
use super::{get_i64, get_str, Db, Dialect, Result, Tx};
use sha2::{Digest, Sha256};
use sqlx::Row;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub struct AuditEvent {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

fn chain_hash(
    prev: &str,
    at: i64,
    actor: Option<i64>,
    entity: &str,
    entity_id: i64,
    action: &str,
    detail: &str,
) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields: no two different events serialise to the same bytes.
    for part in [
        prev.to_string(),
        at.to_string(),
        actor.map(|a| a.to_string()).unwrap_or_default(),
        entity.to_string(),
        entity_id.to_string(),
        action.to_string(),
        detail.to_string(),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Appends an event in the caller's transaction, so the change and its record commit together.
pub async fn record(
    tx: &mut Tx,
    actor_id: Option<i64>,
    entity: &str,
    entity_id: i64,
    action: &str,
    detail: &str,
    at: i64,
) -> Result<()> {
    if tx.dialect() == Dialect::Postgres {
        // Two nodes appending at once would otherwise fork the chain.
        tx.exec("SELECT pg_advisory_xact_lock(4242002)", ()).await?;
    }
    let prev = sqlx::query("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")
        .fetch_optional(tx.conn())
        .await?
        .map(|r| r.try_get::<String, _>("hash"))
        .transpose()?
        .unwrap_or_else(|| GENESIS.to_string());
    let hash = chain_hash(&prev, at, actor_id, entity, entity_id, action, detail);
    tx.exec("INSERT INTO audit_events (at, actor_id, entity, entity_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (at, actor_id, entity, entity_id, action, detail, prev, hash))
    .await?;
    Ok(())
}

pub async fn history(db: &Db, entity: &str, entity_id: i64) -> Result<Vec<AuditEvent>> {
    let rows = sqlx::query(db.q(
        "SELECT id, at, actor_id, entity, entity_id, action, detail, prev_hash, hash FROM audit_events \
         WHERE entity = ? AND entity_id = ? ORDER BY id",
    ))
    .bind(entity)
    .bind(entity_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(event_from_row).collect()
}

fn event_from_row(r: &sqlx::any::AnyRow) -> Result<AuditEvent> {
    Ok(AuditEvent {
        id: get_i64(r, "id")?,
        at: get_i64(r, "at")?,
        actor_id: r.try_get::<Option<i64>, _>("actor_id")?,
        entity: get_str(r, "entity")?,
        entity_id: get_i64(r, "entity_id")?,
        action: get_str(r, "action")?,
        detail: get_str(r, "detail")?,
        prev_hash: get_str(r, "prev_hash")?,
        hash: get_str(r, "hash")?,
    })
}

/// Walks the whole chain; returns the id of the first event that does not verify.
pub async fn verify(db: &Db) -> Result<Option<i64>> {
    let rows = sqlx::query(
        "SELECT id, at, actor_id, entity, entity_id, action, detail, prev_hash, hash FROM audit_events ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut prev = GENESIS.to_string();
    for r in &rows {
        let e = event_from_row(r)?;
        let expect = chain_hash(
            &prev,
            e.at,
            e.actor_id,
            &e.entity,
            e.entity_id,
            &e.action,
            &e.detail,
        );
        if e.prev_hash != prev || e.hash != expect {
            return Ok(Some(e.id));
        }
        prev = e.hash;
    }
    Ok(None)
}
