//! Stored sentence vectors, keyed by what they embed and checked against the text's hash.
use std::collections::HashMap;

use super::{Db, Result, Tx};

/// (kind, id) -> (hash of the embedded text, vector).
pub type Vectors = HashMap<(String, i64), (String, Vec<f32>)>;

fn to_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn from_bytes(b: &[u8]) -> Vec<f32> {
    b.chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

pub async fn load(db: &Db, model: &str) -> Result<Vectors> {
    row! {
        struct Stored {
            pub kind: String,
            pub ref_id: i64,
            pub text_hash: String,
            pub vector: Vec<u8>,
        }
    }
    let rows: Vec<Stored> = db
        .all(
            "SELECT kind, ref_id, text_hash, vector FROM embeddings WHERE model = ?",
            (model,),
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ((r.kind, r.ref_id), (r.text_hash, from_bytes(&r.vector))))
        .collect())
}

pub async fn upsert(
    tx: &mut Tx,
    kind: &str,
    ref_id: i64,
    model: &str,
    text_hash: &str,
    v: &[f32],
    now: i64,
) -> Result<()> {
    tx.exec(
        "DELETE FROM embeddings WHERE kind = ? AND ref_id = ? AND model = ?",
        (kind, ref_id, model),
    )
    .await?;
    tx.exec("INSERT INTO embeddings (kind, ref_id, model, text_hash, vector, created_at) VALUES (?, ?, ?, ?, ?, ?)", (kind, ref_id, model, text_hash, to_bytes(v), now))
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn vectors_round_trip_through_bytes() {
        let v = vec![0.25f32, -1.5, 3.0e-7];
        assert_eq!(super::from_bytes(&super::to_bytes(&v)), v);
    }
}
