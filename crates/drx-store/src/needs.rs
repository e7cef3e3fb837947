//! The clinical need catalogue: filtered, searched lists of needs, one need, and the
//! submissions that answer it.
use sqlx::any::AnyRow;

use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};

#[derive(Debug, Clone)]
pub struct Need {
    pub id: i64,
    pub organization_id: i64,
    pub organization_en: String,
    pub organization_zh: String,
    pub field_id: i64,
    pub field_en: String,
    pub field_zh: String,
    pub problem: String,
    pub population: String,
    pub outcome: String,
    pub current_practice: String,
    pub confidential_details: String,
    pub urgency: String,
    pub status: String,
    pub lang: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    /// Submissions answering it (drafts excluded).
    pub answers: i64,
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

fn need_from(r: &AnyRow) -> Result<Need> {
    Ok(Need {
        id: get_i64(r, "id")?,
        organization_id: get_i64(r, "organization_id")?,
        organization_en: get_str(r, "org_en")?,
        organization_zh: get_str(r, "org_zh")?,
        field_id: get_i64(r, "field_id")?,
        field_en: get_str(r, "field_en")?,
        field_zh: get_str(r, "field_zh")?,
        problem: get_str(r, "problem")?,
        population: get_str(r, "population")?,
        outcome: get_str(r, "outcome")?,
        current_practice: get_str(r, "current_practice")?,
        confidential_details: get_str(r, "confidential_details")?,
        urgency: get_str(r, "urgency")?,
        status: get_str(r, "status")?,
        lang: get_str(r, "lang")?,
        created_by: get_opt_i64(r, "created_by")?,
        created_at: get_i64(r, "created_at")?,
        answers: get_i64(r, "answers")?,
    })
}

/// `%text%` for LIKE, lower-cased, with the user's own wildcards made literal.
pub fn like_pattern(search: &str) -> String {
    let s = search.trim();
    if s.is_empty() {
        return String::new();
    }
    let escaped = s
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

fn bind_filter<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    f: &NeedFilter,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let like = like_pattern(&f.search);
    q.bind(f.field_id)
        .bind(f.field_id)
        .bind(f.organization_id)
        .bind(f.organization_id)
        .bind(f.status.clone())
        .bind(f.status.clone())
        .bind(if like.is_empty() { "" } else { "y" })
        .bind(like.clone())
        .bind(like.clone())
        .bind(like.clone())
        .bind(like)
}

/// One page of needs matching the filter (newest first) and how many match in all.
pub async fn list(db: &Db, f: &NeedFilter, limit: i64, offset: i64) -> Result<(Vec<Need>, i64)> {
    let rows = bind_filter(
        sqlx::query(db.q(concat!(
            need_select!(),
            need_where!(),
            " ORDER BY n.id DESC LIMIT ? OFFSET ?"
        ))),
        f,
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    let needs = rows.iter().map(need_from).collect::<Result<Vec<_>>>()?;
    let count = bind_filter(
        sqlx::query(db.q(concat!(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM needs n",
            need_where!()
        ))),
        f,
    )
    .fetch_one(&db.pool)
    .await?;
    Ok((needs, get_i64(&count, "n")?))
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Need>> {
    let row = sqlx::query(db.q(concat!(need_select!(), " WHERE n.id = ?")))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(need_from).transpose()
}

/// Ids of the non-draft submissions answering a need, oldest first.
pub async fn answering(db: &Db, need_id: i64) -> Result<Vec<i64>> {
    let rows = sqlx::query(
        db.q("SELECT id FROM submissions WHERE need_id = ? AND status <> 'draft' ORDER BY id"),
    )
    .bind(need_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| get_i64(r, "id")).collect()
}

/// A new need with its status (imports and the catalogue).
pub async fn insert(
    tx: &mut Tx,
    n: &crate::catalogue::NewNeed<'_>,
    status: &str,
    now: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO needs (organization_id, field_id, problem, population, outcome, current_practice, urgency, status, lang, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(n.organization_id)
    .bind(n.field_id)
    .bind(n.problem)
    .bind(n.population)
    .bind(n.outcome)
    .bind(n.current_practice)
    .bind(n.urgency)
    .bind(status)
    .bind(n.lang)
    .bind(n.created_by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

pub async fn set_confidential(tx: &mut Tx, id: i64, details: &str) -> Result<()> {
    tx.exec(
        "UPDATE needs SET confidential_details = ? WHERE id = ?",
        (details, id),
    )
    .await?;
    Ok(())
}
