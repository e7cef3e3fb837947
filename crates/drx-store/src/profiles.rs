//! Expertise profiles: a person's keywords (`expert_profiles`, written here) and the reads of
//! their whole profile (fields, keywords, bio and past work). The documents and fields themselves
//! are written by `catalogue`, which owns `expertise_documents` and `person_fields`.
use super::{Db, Result, Tx};

row! {
    /// One document of a person's profile as its owner edits it: the bio (`profile`) or a past
    /// work (`publication`, `project`) with its year and venue.
    #[derive(Debug, Clone, PartialEq)]
    pub struct ProfileDocument {
        pub id: i64,
        pub kind: String,
        pub title: String,
        pub body: String,
        pub year: Option<i64>,
        pub venue: String,
    }
}

/// A person's documents, the bio first, then past work newest year first.
pub async fn documents(db: &Db, person_id: i64) -> Result<Vec<ProfileDocument>> {
    db.all(
        "SELECT id, kind, title, body, year, venue FROM expertise_documents WHERE person_id = ? \
         ORDER BY CASE WHEN kind = 'profile' THEN 0 ELSE 1 END, COALESCE(year, 0) DESC, id",
        (person_id,),
    )
    .await
}

/// The ids of a person's fields.
pub async fn field_ids(db: &Db, person_id: i64) -> Result<Vec<i64>> {
    db.all(
        "SELECT field_id FROM person_fields WHERE person_id = ? ORDER BY field_id",
        (person_id,),
    )
    .await
}

/// A person's keywords as they wrote them (empty when they have none).
pub async fn keywords(db: &Db, person_id: i64) -> Result<String> {
    Ok(db
        .opt(
            "SELECT keywords FROM expert_profiles WHERE person_id = ?",
            (person_id,),
        )
        .await?
        .unwrap_or_default())
}

/// Everyone's keywords: (person id, keywords).
pub async fn all_keywords(db: &Db) -> Result<Vec<(i64, String)>> {
    db.all(
        "SELECT person_id, keywords FROM expert_profiles WHERE keywords <> '' ORDER BY person_id",
        (),
    )
    .await
}

/// Sets a person's keywords.
pub async fn set_keywords(tx: &mut Tx, person_id: i64, keywords: &str, now: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO expert_profiles (person_id, keywords, updated_at) VALUES (?, ?, ?) \
         ON CONFLICT (person_id) DO UPDATE SET keywords = excluded.keywords, updated_at = excluded.updated_at",
        (person_id, keywords, now),
    )
    .await?;
    Ok(())
}
