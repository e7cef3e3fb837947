//! Writing a call's settings: the call row, its phases, fields and rubric; and reading them back.
use super::{get_i64, get_str, Db, Result, Tx};
use sqlx::Row;

/// A call's settings as the organizer's form edits them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallSettings {
    pub slug: String,
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub timezone: String,
    pub reviews_per_submission: i64,
    pub judge_min_load: i64,
    pub judge_max_load: i64,
    pub finalists: i64,
    pub blind_mode: String,
    pub grace_seconds: i64,
    pub field_ids: Vec<i64>,
    /// (phase, starts_at, ends_at)
    pub phases: Vec<(String, i64, i64)>,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Criterion {
    pub name_en: String,
    pub name_zh: String,
    pub weight: f64,
    pub scale_min: i64,
    pub scale_max: i64,
}

pub async fn insert(tx: &mut Tx, c: &CallSettings, phase: &str, by: i64, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO calls (slug, title_en, title_zh, description_en, description_zh, phase, timezone, reviews_per_submission, \
         judge_min_load, judge_max_load, finalists, blind_mode, grace_seconds, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(c.slug.as_str())
    .bind(c.title_en.as_str())
    .bind(c.title_zh.as_str())
    .bind(c.description_en.as_str())
    .bind(c.description_zh.as_str())
    .bind(phase)
    .bind(c.timezone.as_str())
    .bind(c.reviews_per_submission)
    .bind(c.judge_min_load)
    .bind(c.judge_max_load)
    .bind(c.finalists)
    .bind(c.blind_mode.as_str())
    .bind(c.grace_seconds)
    .bind(by)
    .bind(now)
    .fetch_one(tx.conn())
    .await
    .map_err(|e| super::StoreError::from(e).duplicate_as("slug"))?;
    let id = get_i64(&row, "id")?;
    write_children(tx, id, c, true).await?;
    Ok(id)
}

/// Replaces the settings; the rubric only when `rubric` (it cannot change once scores exist).
pub async fn update(tx: &mut Tx, id: i64, c: &CallSettings, rubric: bool) -> Result<()> {
    sqlx::query(tx.q(
        "UPDATE calls SET slug = ?, title_en = ?, title_zh = ?, description_en = ?, description_zh = ?, timezone = ?, \
         reviews_per_submission = ?, judge_min_load = ?, judge_max_load = ?, finalists = ?, blind_mode = ?, grace_seconds = ? \
         WHERE id = ?",
    ))
    .bind(c.slug.as_str())
    .bind(c.title_en.as_str())
    .bind(c.title_zh.as_str())
    .bind(c.description_en.as_str())
    .bind(c.description_zh.as_str())
    .bind(c.timezone.as_str())
    .bind(c.reviews_per_submission)
    .bind(c.judge_min_load)
    .bind(c.judge_max_load)
    .bind(c.finalists)
    .bind(c.blind_mode.as_str())
    .bind(c.grace_seconds)
    .bind(id)
    .execute(tx.conn())
    .await
    .map_err(|e| super::StoreError::from(e).duplicate_as("slug"))?;
    write_children(tx, id, c, rubric).await
}

async fn write_children(tx: &mut Tx, id: i64, c: &CallSettings, rubric: bool) -> Result<()> {
    sqlx::query(tx.q("DELETE FROM call_fields WHERE call_id = ?"))
        .bind(id)
        .execute(tx.conn())
        .await?;
    for f in &c.field_ids {
        sqlx::query(tx.q("INSERT INTO call_fields (call_id, field_id) VALUES (?, ?)"))
            .bind(id)
            .bind(*f)
            .execute(tx.conn())
            .await?;
    }
    sqlx::query(tx.q("DELETE FROM call_phases WHERE call_id = ?"))
        .bind(id)
        .execute(tx.conn())
        .await?;
    for (p, s, e) in &c.phases {
        sqlx::query(
            tx.q(
                "INSERT INTO call_phases (call_id, phase, starts_at, ends_at) VALUES (?, ?, ?, ?)",
            ),
        )
        .bind(id)
        .bind(p.as_str())
        .bind(*s)
        .bind(*e)
        .execute(tx.conn())
        .await?;
    }
    if rubric {
        sqlx::query(tx.q("DELETE FROM rubric_criteria WHERE call_id = ?"))
            .bind(id)
            .execute(tx.conn())
            .await?;
        for (i, k) in c.criteria.iter().enumerate() {
            sqlx::query(tx.q(
                "INSERT INTO rubric_criteria (call_id, position, name_en, name_zh, weight, scale_min, scale_max) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ))
            .bind(id)
            .bind(i as i64)
            .bind(k.name_en.as_str())
            .bind(k.name_zh.as_str())
            .bind(k.weight)
            .bind(k.scale_min)
            .bind(k.scale_max)
            .execute(tx.conn())
            .await?;
        }
    }
    Ok(())
}

/// The settings of a call as stored.
pub async fn settings(db: &Db, id: i64) -> Result<Option<CallSettings>> {
    let Some(r) = sqlx::query(db.q(
        "SELECT slug, title_en, title_zh, description_en, description_zh, timezone, reviews_per_submission, judge_min_load, \
         judge_max_load, finalists, blind_mode, grace_seconds FROM calls WHERE id = ?",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    else {
        return Ok(None);
    };
    let mut c = CallSettings {
        slug: get_str(&r, "slug")?,
        title_en: get_str(&r, "title_en")?,
        title_zh: get_str(&r, "title_zh")?,
        description_en: get_str(&r, "description_en")?,
        description_zh: get_str(&r, "description_zh")?,
        timezone: get_str(&r, "timezone")?,
        reviews_per_submission: get_i64(&r, "reviews_per_submission")?,
        judge_min_load: get_i64(&r, "judge_min_load")?,
        judge_max_load: get_i64(&r, "judge_max_load")?,
        finalists: get_i64(&r, "finalists")?,
        blind_mode: get_str(&r, "blind_mode")?,
        grace_seconds: get_i64(&r, "grace_seconds")?,
        ..Default::default()
    };
    for r in
        sqlx::query(db.q("SELECT field_id FROM call_fields WHERE call_id = ? ORDER BY field_id"))
            .bind(id)
            .fetch_all(&db.pool)
            .await?
    {
        c.field_ids.push(get_i64(&r, "field_id")?);
    }
    for r in sqlx::query(db.q(
        "SELECT phase, starts_at, ends_at FROM call_phases WHERE call_id = ? ORDER BY starts_at, phase",
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    {
        c.phases.push((
            get_str(&r, "phase")?,
            get_i64(&r, "starts_at")?,
            get_i64(&r, "ends_at")?,
        ));
    }
    c.criteria = criteria(db, id).await?;
    Ok(Some(c))
}

pub async fn criteria(db: &Db, call_id: i64) -> Result<Vec<Criterion>> {
    let rows = sqlx::query(db.q(
        "SELECT name_en, name_zh, weight, scale_min, scale_max FROM rubric_criteria WHERE call_id = ? ORDER BY position, id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Criterion {
                name_en: get_str(r, "name_en")?,
                name_zh: get_str(r, "name_zh")?,
                weight: r.try_get::<f64, _>("weight")?,
                scale_min: get_i64(r, "scale_min")?,
                scale_max: get_i64(r, "scale_max")?,
            })
        })
        .collect()
}

/// Whether any review score uses one of the call's criteria.
pub async fn rubric_in_use(db: &Db, call_id: i64) -> Result<bool> {
    let row = sqlx::query(db.q(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM review_scores s JOIN rubric_criteria c ON c.id = s.criterion_id WHERE c.call_id = ?",
    ))
    .bind(call_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(get_i64(&row, "n")? > 0)
}

pub async fn set_phase(tx: &mut Tx, id: i64, phase: &str) -> Result<()> {
    sqlx::query(tx.q("UPDATE calls SET phase = ? WHERE id = ?"))
        .bind(phase)
        .bind(id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Moves the end of the "open" phase (creating the phase when the call had none).
pub async fn set_open_end(tx: &mut Tx, id: i64, starts_at: i64, ends_at: i64) -> Result<()> {
    let res = sqlx::query(
        tx.q("UPDATE call_phases SET ends_at = ? WHERE call_id = ? AND phase = 'open'"),
    )
    .bind(ends_at)
    .bind(id)
    .execute(tx.conn())
    .await?;
    if res.rows_affected() == 0 {
        sqlx::query(tx.q(
            "INSERT INTO call_phases (call_id, phase, starts_at, ends_at) VALUES (?, 'open', ?, ?)",
        ))
        .bind(id)
        .bind(starts_at)
        .bind(ends_at)
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}
