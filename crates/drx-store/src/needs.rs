//! The clinical need catalogue: writing needs (the only module that does), filtered, searched
//! lists of needs, one need, and the submissions that answer it.
use super::{like_binds, Binds, Db, Result, Then, Tx};
use drx_domain::{NeedStatus, Urgency};

row! {
    #[derive(Debug, Clone)]
    pub struct Need {
        pub id: i64,
        pub organization_id: i64,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub field_id: i64,
        pub field_en: String,
        pub field_zh: String,
        pub problem: String,
        pub population: String,
        pub outcome: String,
        pub current_practice: String,
        pub confidential_details: String,
        pub urgency: Urgency,
        pub status: NeedStatus,
        pub lang: String,
        pub created_by: Option<i64>,
        pub created_at: i64,
        /// Submissions answering it (drafts excluded).
        pub answers: i64,
    }
}

#[derive(Debug, Clone, Default)]
pub struct NeedFilter {
    pub field_id: i64,
    pub organization_id: i64,
    /// Empty: every status but draft.
    pub status: String,
    pub search: String,
}

macro_rules! need_select {
    () => {
        "SELECT n.id, n.organization_id, n.field_id, n.problem, n.population, n.outcome, n.current_practice, \
         n.confidential_details, n.urgency, n.status, n.lang, n.created_by, n.created_at, \
         o.name_en AS org_en, o.name_zh AS org_zh, f.name_en AS field_en, f.name_zh AS field_zh, \
         CAST((SELECT COUNT(*) FROM submissions s WHERE s.need_id = n.id AND s.status <> 'draft') AS BIGINT) AS answers \
         FROM needs n JOIN organizations o ON o.id = n.organization_id JOIN fields f ON f.id = n.field_id"
    };
}

macro_rules! need_where {
    () => {
        " WHERE (? = 0 OR n.field_id = ?) AND (? = 0 OR n.organization_id = ?) \
          AND ((? = '' AND n.status <> 'draft') OR n.status = ?) \
          AND (? = '' OR LOWER(n.problem) LIKE ? ESCAPE '\\' OR LOWER(n.population) LIKE ? ESCAPE '\\' \
               OR LOWER(n.outcome) LIKE ? ESCAPE '\\' OR LOWER(n.current_practice) LIKE ? ESCAPE '\\')"
    };
}

/// The values of `need_where!`'s `?`s, in order.
fn filter_binds(f: &NeedFilter) -> impl Binds<'static> {
    let filter = (
        f.field_id,
        f.field_id,
        f.organization_id,
        f.organization_id,
        f.status.clone(),
        f.status.clone(),
    );
    Then(filter, like_binds(&f.search))
}

/// One page of needs matching the filter (newest first) and how many match in all.
pub async fn list(db: &Db, f: &NeedFilter, limit: i64, offset: i64) -> Result<(Vec<Need>, i64)> {
    let needs = db
        .all(
            concat!(
                need_select!(),
                need_where!(),
                " ORDER BY n.id DESC LIMIT ? OFFSET ?"
            ),
            Then(filter_binds(f), (limit, offset)),
        )
        .await?;
    let count = db
        .one(
            concat!(
                "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM needs n",
                need_where!()
            ),
            filter_binds(f),
        )
        .await?;
    Ok((needs, count))
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Need>> {
    db.opt(concat!(need_select!(), " WHERE n.id = ?"), (id,))
        .await
}

/// Ids of the non-draft submissions answering a need, oldest first.
pub async fn answering(db: &Db, need_id: i64) -> Result<Vec<i64>> {
    db.all(
        "SELECT id FROM submissions WHERE need_id = ? AND status <> 'draft' ORDER BY id",
        (need_id,),
    )
    .await
}

/// A need as it is first written (by the catalogue, imports and loaders).
pub struct NewNeed<'a> {
    pub organization_id: i64,
    pub field_id: i64,
    pub problem: &'a str,
    pub population: &'a str,
    pub outcome: &'a str,
    pub current_practice: &'a str,
    pub urgency: Urgency,
    pub lang: &'a str,
    pub created_by: Option<i64>,
}

/// A new need with its status (`open` for the catalogue; imports may bring others).
pub async fn insert(tx: &mut Tx, n: &NewNeed<'_>, status: NeedStatus, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO needs (organization_id, field_id, problem, population, outcome, current_practice, urgency, status, lang, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (n.organization_id, n.field_id, n.problem, n.population, n.outcome, n.current_practice, n.urgency.as_str(), status.as_str(), n.lang, n.created_by, now),
    )
    .await
}

pub async fn set_confidential(tx: &mut Tx, id: i64, details: &str) -> Result<()> {
    tx.exec(
        "UPDATE needs SET confidential_details = ? WHERE id = ?",
        (details, id),
    )
    .await?;
    Ok(())
}

/// Re-points needs from organization `from` to `into` (a merge).
pub async fn move_organization(tx: &mut Tx, from: i64, into: i64) -> Result<u64> {
    let statements = ["UPDATE needs SET organization_id = ? WHERE organization_id = ?"];
    super::repoint(tx, &statements, from, into).await
}
