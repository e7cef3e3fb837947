//! In-app notices: writing one (every feature does it with [`insert`] in the transaction of the
//! change), one person's list, unread count, and marking them read.
use super::{Db, Result, Tx};

row! {
    #[derive(Debug, Clone)]
    pub struct Notice {
        pub id: i64,
        pub body: String,
        pub link: String,
        pub created_at: i64,
        pub read_at: Option<i64>,
    }
}

/// A notice for a person, pointing at `link`.
pub async fn insert(tx: &mut Tx, person_id: i64, body: &str, link: &str, now: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO notices (person_id, body, link, created_at) VALUES (?, ?, ?, ?)",
        (person_id, body, link, now),
    )
    .await?;
    Ok(())
}

/// The person's latest notices, newest first.
pub async fn list(db: &Db, person_id: i64, limit: i64) -> Result<Vec<Notice>> {
    db.all(
        "SELECT id, body, link, created_at, read_at FROM notices WHERE person_id = ? \
         ORDER BY id DESC LIMIT ?",
        (person_id, limit),
    )
    .await
}

pub async fn unread_count(db: &Db, person_id: i64) -> Result<i64> {
    db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM notices WHERE person_id = ? AND read_at IS NULL",
        (person_id,),
    )
    .await
}

/// Marks one of the person's notices read; false when it is not theirs (or does not exist).
pub async fn mark_read(db: &Db, person_id: i64, notice_id: i64, now: i64) -> Result<bool> {
    let marked: Option<i64> = db
        .opt(
            "UPDATE notices SET read_at = COALESCE(read_at, ?) WHERE id = ? AND person_id = ? RETURNING id",
            (now, notice_id, person_id),
        )
        .await?;
    Ok(marked.is_some())
}

/// Marks every unread notice of the person read; returns how many.
pub async fn mark_all_read(db: &Db, person_id: i64, now: i64) -> Result<u64> {
    db.exec(
        "UPDATE notices SET read_at = ? WHERE person_id = ? AND read_at IS NULL",
        (now, person_id),
    )
    .await
}

const READ_BY_LINK: &str =
    "UPDATE notices SET read_at = ? WHERE person_id = ? AND link = ? AND read_at IS NULL";

/// Marks read the person's notices that point at `link` (opening a thread reads its notices).
pub async fn mark_read_by_link(db: &Db, person_id: i64, link: &str, now: i64) -> Result<u64> {
    db.exec(READ_BY_LINK, (now, person_id, link)).await
}

/// The same inside a transaction (writing in a thread reads its notices).
pub async fn mark_read_by_link_in(
    tx: &mut Tx,
    person_id: i64,
    link: &str,
    now: i64,
) -> Result<u64> {
    tx.exec(READ_BY_LINK, (now, person_id, link)).await
}

/// Whose notice this is (None when there is no such notice).
pub async fn owner(db: &Db, notice_id: i64) -> Result<Option<i64>> {
    db.opt("SELECT person_id FROM notices WHERE id = ?", (notice_id,))
        .await
}
