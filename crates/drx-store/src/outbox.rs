//! The outbox: email written in the same transaction as the change that causes it; a worker
//! sends it later, so a rolled-back change never sends mail and a crash never loses it.
use super::{Db, Result, Tx};

row! {
    #[derive(Debug, Clone)]
    pub struct OutboxMail {
        pub id: i64,
        pub recipient: String,
        pub subject: String,
        pub body: String,
        pub status: String,
    }
}

pub async fn enqueue(
    tx: &mut Tx,
    recipient: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO outbox (recipient, subject, body, status, attempts, next_attempt_at, created_at) \
         VALUES (?, ?, ?, 'pending', 0, ?, ?) RETURNING id",
        (recipient, subject, body, now, now),
    )
    .await
}

/// Mail to one recipient, newest first (for tests and the admin's view).
pub async fn mail_to(db: &Db, recipient: &str) -> Result<Vec<OutboxMail>> {
    db.all(
        "SELECT id, recipient, subject, body, status FROM outbox WHERE recipient = ? ORDER BY id DESC",
        (recipient,),
    )
    .await
}

/// The claiming statement; `$lock` is what keeps two PostgreSQL nodes off the same rows.
macro_rules! claim {
    ($lock:literal) => {
        concat!(
            "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN ( \
               SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? \
               AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ?",
            $lock,
            ") RETURNING id, recipient, subject, body, status"
        )
    };
}

/// Claims up to `limit` due mails for this node for `lease` seconds, so that two nodes never
/// send the same mail: PostgreSQL skips rows another node has locked; SQLite has one writer.
pub async fn claim_due(
    db: &Db,
    node: &str,
    now: i64,
    lease: i64,
    limit: i64,
) -> Result<Vec<OutboxMail>> {
    let sql = match db.dialect() {
        super::Dialect::Postgres => claim!(" FOR UPDATE SKIP LOCKED"),
        super::Dialect::Sqlite => claim!(""),
    };
    let mut mails: Vec<OutboxMail> = db.all(sql, (node, now + lease, now, now, limit)).await?;
    mails.sort_by_key(|m| m.id);
    Ok(mails)
}

pub async fn mark_sent(db: &Db, id: i64, now: i64) -> Result<()> {
    db.exec("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL WHERE id = ?", (now, id))
    .await?;
    Ok(())
}

/// Records a failed attempt: retried at `next_attempt_at`, or given up when `give_up`.
pub async fn mark_attempt_failed(
    db: &Db,
    id: i64,
    next_attempt_at: i64,
    give_up: bool,
) -> Result<()> {
    db.exec("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, status = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?", (next_attempt_at, if give_up { "failed" } else { "pending" }, id))
    .await?;
    Ok(())
}

row! {
    /// How a mail's delivery stands.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Delivery {
        pub attempts: i64,
        pub status: String,
        pub next_attempt_at: i64,
    }
}

pub async fn attempts(db: &Db, id: i64) -> Result<Delivery> {
    db.one(
        "SELECT attempts, status, next_attempt_at FROM outbox WHERE id = ?",
        (id,),
    )
    .await
}
