//! The outbox: email written in the same transaction as the change that causes it; a worker
//! sends it later, so a rolled-back change never sends mail and a crash never loses it.
use super::{get_i64, get_str, Db, Result, Tx};

pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub status: String,
}

pub async fn enqueue(
    tx: &mut Tx,
    recipient: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO outbox (recipient, subject, body, status, attempts, next_attempt_at, created_at) \
         VALUES (?, ?, ?, 'pending', 0, ?, ?) RETURNING id",
    ))
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(now)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

/// Mail to one recipient, newest first (for tests and the admin's view).
pub async fn mail_to(db: &Db, recipient: &str) -> Result<Vec<OutboxMail>> {
    let rows = sqlx::query(db.q(
        "SELECT id, recipient, subject, body, status FROM outbox WHERE recipient = ? ORDER BY id DESC",
    ))
    .bind(recipient)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(OutboxMail {
                id: get_i64(r, "id")?,
                recipient: get_str(r, "recipient")?,
                subject: get_str(r, "subject")?,
                body: get_str(r, "body")?,
                status: get_str(r, "status")?,
            })
        })
        .collect()
}
