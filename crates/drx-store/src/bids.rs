//! Judges' bids on a call's submissions before assignment (`bids`): one row per judge and
//! submission that has a bid; no row is no bid.
use super::{Db, Result, Tx};
use drx_domain::Bid;

row! {
    /// One judge's bid on one submission.
    #[derive(Debug, Clone, PartialEq)]
    pub struct BidRow {
        pub submission_id: i64,
        pub person_id: i64,
        pub bid: Bid,
    }
}

/// Every bid of the call, by submission then judge.
pub async fn of_call(db: &Db, call_id: i64) -> Result<Vec<BidRow>> {
    db.all(
        "SELECT submission_id, person_id, bid FROM bids WHERE call_id = ? ORDER BY submission_id, person_id",
        (call_id,),
    )
    .await
}

/// One judge's bids in the call.
pub async fn of_judge(db: &Db, call_id: i64, person_id: i64) -> Result<Vec<BidRow>> {
    db.all(
        "SELECT submission_id, person_id, bid FROM bids WHERE call_id = ? AND person_id = ? ORDER BY submission_id",
        (call_id, person_id),
    )
    .await
}

/// Sets one judge's bid on one submission (None: removes it).
pub async fn set(
    tx: &mut Tx,
    call_id: i64,
    submission_id: i64,
    person_id: i64,
    bid: Option<Bid>,
    now: i64,
) -> Result<()> {
    tx.exec(
        "DELETE FROM bids WHERE submission_id = ? AND person_id = ?",
        (submission_id, person_id),
    )
    .await?;
    if let Some(b) = bid {
        tx.exec(
            "INSERT INTO bids (call_id, submission_id, person_id, bid, updated_at) VALUES (?, ?, ?, ?, ?)",
            (call_id, submission_id, person_id, b.as_str(), now),
        )
        .await?;
    }
    Ok(())
}
