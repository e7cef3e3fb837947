//! The append-only, hash-chained audit log. Each event's hash covers the previous event's hash,
//! so editing or deleting any event breaks every hash after it.
use super::{Db, Dialect, Result, Tx};
use drx_domain::{AuditAction, AuditEntity};
use sha2::{Digest, Sha256};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

row! {
    pub struct AuditEvent {
        pub id: i64,
        pub at: i64,
        pub actor_id: Option<i64>,
        pub entity: AuditEntity,
        pub entity_id: i64,
        pub action: AuditAction,
        pub detail: String,
        pub prev_hash: String,
        pub hash: String,
    }
}

row! {
    /// An event as stored, its entity and action as raw text: [`verify`] must report an event
    /// whose text was edited into something unknown, not fail to read it.
    struct StoredEvent {
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
    entity: AuditEntity,
    entity_id: i64,
    action: AuditAction,
    detail: &str,
    at: i64,
) -> Result<()> {
    if tx.dialect() == Dialect::Postgres {
        // Two nodes appending at once would otherwise fork the chain.
        tx.exec("SELECT pg_advisory_xact_lock(4242002)", ()).await?;
    }
    let prev: String = tx
        .opt("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1", ())
        .await?
        .unwrap_or_else(|| GENESIS.to_string());
    let (entity, action) = (entity.as_str(), action.as_str());
    let hash = chain_hash(&prev, at, actor_id, entity, entity_id, action, detail);
    tx.exec(
        "INSERT INTO audit_events (at, actor_id, entity, entity_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor_id, entity, entity_id, action, detail, prev, hash),
    )
    .await?;
    Ok(())
}

/// One object's events, oldest first.
pub async fn history(db: &Db, entity: AuditEntity, entity_id: i64) -> Result<Vec<AuditEvent>> {
    db.all(
        "SELECT id, at, actor_id, entity, entity_id, action, detail, prev_hash, hash FROM audit_events \
         WHERE entity = ? AND entity_id = ? ORDER BY id",
        (entity.as_str(), entity_id),
    )
    .await
}

row! {
    /// A judging decision of a call, from the log: a submission's status change (`decision`),
    /// a departure from the preselection with its reason (`finalist-override`), or the end of a
    /// round of decisions (`decisions`, on the call).
    #[derive(Debug, Clone)]
    pub struct DecisionEvent {
        pub entity: AuditEntity,
        pub entity_id: i64,
        pub at: i64,
        pub actor: String = "name",
        pub action: AuditAction,
        pub detail: String,
    }
}

/// The decision events of a call and its submissions, oldest first.
pub async fn decisions_of_call(db: &Db, call_id: i64) -> Result<Vec<DecisionEvent>> {
    db.all(
        "SELECT e.entity, e.entity_id, e.at, COALESCE(p.name, '') AS name, e.action, e.detail \
         FROM audit_events e LEFT JOIN people p ON p.id = e.actor_id \
         WHERE (e.entity = 'submission' AND e.action IN ('decision', 'finalist-override') \
                AND e.entity_id IN (SELECT id FROM submissions WHERE call_id = ?)) \
            OR (e.entity = 'call' AND e.entity_id = ? AND e.action = 'decisions') \
         ORDER BY e.id",
        (call_id, call_id),
    )
    .await
}

/// Walks the whole chain; returns the id of the first event that does not verify.
pub async fn verify(db: &Db) -> Result<Option<i64>> {
    let events: Vec<StoredEvent> = db
        .all(
            "SELECT id, at, actor_id, entity, entity_id, action, detail, prev_hash, hash FROM audit_events ORDER BY id",
            (),
        )
        .await?;
    let mut prev = GENESIS.to_string();
    for e in events {
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
