//! In-app notices: one person's list, unread count, and marking them read. Every feature writes
//! them with `matching::insert_notice` in the transaction of the change.
use super::{get_i64, get_opt_i64, get_str, Db, Result};

#[derive(Debug, Clone)]
pub struct Notice {
    pub id: i64,
    pub body: String,
    pub link: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// The person's latest notices, newest first.
pub async fn list(db: &Db, person_id: i64, limit: i64) -> Result<Vec<Notice>> {
    let rows = sqlx::query(db.q(
        "SELECT id, body, link, created_at, read_at FROM notices WHERE person_id = ? \
         ORDER BY id DESC LIMIT ?",
    ))
    .bind(person_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Notice {
                id: get_i64(r, "id")?,
                body: get_str(r, "body")?,
                link: get_str(r, "link")?,
                created_at: get_i64(r, "created_at")?,
                read_at: get_opt_i64(r, "read_at")?,
            })
        })
        .collect()
}

pub async fn unread_count(db: &Db, person_id: i64) -> Result<i64> {
    let row = sqlx::query(db.q(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM notices WHERE person_id = ? AND read_at IS NULL",
    ))
    .bind(person_id)
    .fetch_one(&db.pool)
    .await?;
    get_i64(&row, "n")
}

/// Marks one of the person's notices read; false when it is not theirs (or does not exist).
pub async fn mark_read(db: &Db, person_id: i64, notice_id: i64, now: i64) -> Result<bool> {
    let row = sqlx::query(db.q(
        "UPDATE notices SET read_at = COALESCE(read_at, ?) WHERE id = ? AND person_id = ? RETURNING id",
    ))
    .bind(now)
    .bind(notice_id)
    .bind(person_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.is_some())
}

/// Marks every unread notice of the person read; returns how many.
pub async fn mark_all_read(db: &Db, person_id: i64, now: i64) -> Result<u64> {
    let done = db
        .exec(
            "UPDATE notices SET read_at = ? WHERE person_id = ? AND read_at IS NULL",
            (now, person_id),
        )
        .await?;
    Ok(done)
}

/// Marks read the person's notices that point at `link` (opening a thread reads its notices).
pub async fn mark_read_by_link(db: &Db, person_id: i64, link: &str, now: i64) -> Result<u64> {
    let done = db
        .exec(
            "UPDATE notices SET read_at = ? WHERE person_id = ? AND link = ? AND read_at IS NULL",
            (now, person_id, link),
        )
        .await?;
    Ok(done)
}

/// The same inside a transaction (writing in a thread reads its notices).
pub async fn mark_read_by_link_in(
    tx: &mut super::Tx,
    person_id: i64,
    link: &str,
    now: i64,
) -> Result<u64> {
    let done = tx
        .exec(
            "UPDATE notices SET read_at = ? WHERE person_id = ? AND link = ? AND read_at IS NULL",
            (now, person_id, link),
        )
        .await?;
    Ok(done)
}

/// Whose notice this is (None when there is no such notice).
pub async fn owner(db: &Db, notice_id: i64) -> Result<Option<i64>> {
    let row = sqlx::query(db.q("SELECT person_id FROM notices WHERE id = ?"))
        .bind(notice_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| get_i64(&r, "person_id")).transpose()
}
