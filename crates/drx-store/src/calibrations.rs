//! The kept calibration of each call (`calibrations`): one row per call, the result of the last
//! computation with the fingerprint of the reviews' state it was computed from.
use super::{Db, Result};

row! {
    /// A kept calibration.
    #[derive(Debug, Clone)]
    pub struct Kept {
        pub fingerprint: String,
        /// The engine's output as JSON.
        pub result: String,
        pub computed_at: i64,
    }
}

pub async fn kept(db: &Db, call_id: i64) -> Result<Option<Kept>> {
    db.opt(
        "SELECT fingerprint, result, computed_at FROM calibrations WHERE call_id = ?",
        (call_id,),
    )
    .await
}

/// Keeps a calibration, replacing the call's previous one (several nodes may race here: each
/// writes a result for the fingerprint it read, and the next view checks it again).
pub async fn keep(db: &Db, call_id: i64, fingerprint: &str, result: &str, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    tx.exec(
        "INSERT INTO calibrations (call_id, fingerprint, result, computed_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (call_id) DO UPDATE SET fingerprint = excluded.fingerprint, \
         result = excluded.result, computed_at = excluded.computed_at",
        (call_id, fingerprint, result, now),
    )
    .await?;
    tx.commit().await
}
