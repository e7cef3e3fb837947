//! Reviews, their rubric scores, declared conflicts, per-submission discussion threads, and the
//! reads behind the organizer's progress and ranking pages. Reads take `&Db`; writes `&mut Tx`.
use sqlx::Row;

use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};

/// One review with the call facts its rules need.
#[derive(Debug, Clone)]
pub struct Review {
    pub id: i64,
    pub submission_id: i64,
    pub judge_id: i64,
    pub status: String,
    pub confidence: Option<i64>,
    pub comments_for_authors: String,
    pub comments_for_committee: String,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    pub call_id: i64,
    pub call_phase: String,
}

pub async fn review(db: &Db, id: i64) -> Result<Option<Review>> {
    let row = sqlx::query(db.q(
        "SELECT r.id, r.submission_id, r.judge_id, r.status, r.confidence, r.comments_for_authors, \
         r.comments_for_committee, r.submitted_at, r.updated_at, s.call_id, c.phase \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN calls c ON c.id = s.call_id WHERE r.id = ?",
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(Review {
            id: get_i64(&r, "id")?,
            submission_id: get_i64(&r, "submission_id")?,
            judge_id: get_i64(&r, "judge_id")?,
            status: get_str(&r, "status")?,
            confidence: get_opt_i64(&r, "confidence")?,
            comments_for_authors: get_str(&r, "comments_for_authors")?,
            comments_for_committee: get_str(&r, "comments_for_committee")?,
            submitted_at: get_opt_i64(&r, "submitted_at")?,
            updated_at: get_i64(&r, "updated_at")?,
            call_id: get_i64(&r, "call_id")?,
            call_phase: get_str(&r, "phase")?,
        })
    })
    .transpose()
}

/// The review a judge holds on a submission, if any: (review id, status).
pub async fn review_of(
    db: &Db,
    submission_id: i64,
    judge_id: i64,
) -> Result<Option<(i64, String)>> {
    let row = sqlx::query(
        db.q("SELECT id, status FROM reviews WHERE submission_id = ? AND judge_id = ?"),
    )
    .bind(submission_id)
    .bind(judge_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((get_i64(&r, "id")?, get_str(&r, "status")?)))
        .transpose()
}

/// A review's scores: (criterion id, score).
pub async fn scores(db: &Db, review_id: i64) -> Result<Vec<(i64, f64)>> {
    let rows = sqlx::query(db.q(
        "SELECT criterion_id, score FROM review_scores WHERE review_id = ? ORDER BY criterion_id",
    ))
    .bind(review_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((get_i64(r, "criterion_id")?, r.try_get::<f64, _>("score")?)))
        .collect()
}

/// What a judge typed, as it is stored.
#[derive(Debug, Clone, Default)]
pub struct ReviewInput {
    pub scores: Vec<(i64, f64)>,
    pub confidence: Option<i64>,
    pub comments_for_authors: String,
    pub comments_for_committee: String,
}

/// Replaces a review's content and sets its status (`in_progress` or `submitted`).
pub async fn save(tx: &mut Tx, id: i64, input: &ReviewInput, status: &str, now: i64) -> Result<()> {
    let submitted_at = (status == "submitted").then_some(now);
    sqlx::query(tx.q(
        "UPDATE reviews SET status = ?, confidence = ?, comments_for_authors = ?, comments_for_committee = ?, \
         submitted_at = COALESCE(?, submitted_at), updated_at = ? WHERE id = ?",
    ))
    .bind(status)
    .bind(input.confidence)
    .bind(&input.comments_for_authors)
    .bind(&input.comments_for_committee)
    .bind(submitted_at)
    .bind(now)
    .bind(id)
    .execute(tx.conn())
    .await?;
    sqlx::query(tx.q("DELETE FROM review_scores WHERE review_id = ?"))
        .bind(id)
        .execute(tx.conn())
        .await?;
    for (criterion, score) in &input.scores {
        sqlx::query(
            tx.q("INSERT INTO review_scores (review_id, criterion_id, score) VALUES (?, ?, ?)"),
        )
        .bind(id)
        .bind(criterion)
        .bind(score)
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

/// Records a declared conflict and drops the judge's review of that submission.
pub async fn declare_conflict(
    tx: &mut Tx,
    review_id: i64,
    judge_id: i64,
    submission_id: i64,
    reason: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(tx.q(
        "INSERT INTO conflicts (person_id, submission_id, reason, declared_at) VALUES (?, ?, ?, ?)",
    ))
    .bind(judge_id)
    .bind(submission_id)
    .bind(reason)
    .bind(now)
    .execute(tx.conn())
    .await?;
    sqlx::query(tx.q("DELETE FROM review_scores WHERE review_id = ?"))
        .bind(review_id)
        .execute(tx.conn())
        .await?;
    sqlx::query(tx.q("DELETE FROM reviews WHERE id = ?"))
        .bind(review_id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Reviews held per judge in a call (every status): (judge id, count).
pub async fn loads(tx: &mut Tx, call_id: i64) -> Result<Vec<(i64, i64)>> {
    let rows = sqlx::query(tx.q(
        "SELECT r.judge_id, CAST(COUNT(*) AS BIGINT) AS n FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         WHERE s.call_id = ? GROUP BY r.judge_id",
    ))
    .bind(call_id)
    .fetch_all(tx.conn())
    .await?;
    rows.iter()
        .map(|r| Ok((get_i64(r, "judge_id")?, get_i64(r, "n")?)))
        .collect()
}

/// The judges holding a review of the submission.
pub async fn judges_on(tx: &mut Tx, submission_id: i64) -> Result<Vec<i64>> {
    let rows =
        sqlx::query(tx.q("SELECT judge_id FROM reviews WHERE submission_id = ? ORDER BY judge_id"))
            .bind(submission_id)
            .fetch_all(tx.conn())
            .await?;
    rows.iter().map(|r| get_i64(r, "judge_id")).collect()
}

/// One judge's progress in a call.
#[derive(Debug, Clone)]
pub struct Progress {
    pub judge_id: i64,
    pub name: String,
    pub email: String,
    pub assigned: i64,
    pub in_progress: i64,
    pub submitted: i64,
}

impl Progress {
    pub fn unfinished(&self) -> i64 {
        self.assigned + self.in_progress
    }
}

pub async fn progress(db: &Db, call_id: i64) -> Result<Vec<Progress>> {
    let rows = sqlx::query(db.q(
        "SELECT p.id, p.name, p.email, \
         CAST(SUM(CASE WHEN r.status = 'assigned' THEN 1 ELSE 0 END) AS BIGINT) AS a, \
         CAST(SUM(CASE WHEN r.status = 'in_progress' THEN 1 ELSE 0 END) AS BIGINT) AS i, \
         CAST(SUM(CASE WHEN r.status = 'submitted' THEN 1 ELSE 0 END) AS BIGINT) AS s \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN people p ON p.id = r.judge_id \
         WHERE s.call_id = ? AND s.status <> 'withdrawn' GROUP BY p.id, p.name, p.email ORDER BY p.name, p.id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Progress {
                judge_id: get_i64(r, "id")?,
                name: get_str(r, "name")?,
                email: get_str(r, "email")?,
                assigned: get_i64(r, "a")?,
                in_progress: get_i64(r, "i")?,
                submitted: get_i64(r, "s")?,
            })
        })
        .collect()
}

/// The end of a call's review phase, when it has one.
pub async fn review_deadline(db: &Db, call_id: i64) -> Result<Option<i64>> {
    let row =
        sqlx::query(db.q("SELECT ends_at FROM call_phases WHERE call_id = ? AND phase = 'review'"))
            .bind(call_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row
        .map(|r| get_opt_i64(&r, "ends_at"))
        .transpose()?
        .flatten())
}

/// One criterion score of a submitted review, for the ranking.
#[derive(Debug, Clone)]
pub struct ScoreRow {
    pub review_id: i64,
    pub submission_id: i64,
    pub judge_id: i64,
    pub confidence: Option<i64>,
    pub criterion_id: i64,
    pub score: f64,
}

pub async fn submitted_scores(db: &Db, call_id: i64) -> Result<Vec<ScoreRow>> {
    let rows = sqlx::query(db.q(
        "SELECT r.id, r.submission_id, r.judge_id, r.confidence, x.criterion_id, x.score \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN review_scores x ON x.review_id = r.id \
         WHERE s.call_id = ? AND r.status = 'submitted' AND s.status <> 'withdrawn' ORDER BY r.id, x.criterion_id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ScoreRow {
                review_id: get_i64(r, "id")?,
                submission_id: get_i64(r, "submission_id")?,
                judge_id: get_i64(r, "judge_id")?,
                confidence: get_opt_i64(r, "confidence")?,
                criterion_id: get_i64(r, "criterion_id")?,
                score: r.try_get::<f64, _>("score")?,
            })
        })
        .collect()
}

/// The call's submissions that take part in judging: (id, title, status).
pub async fn judged_submissions(db: &Db, call_id: i64) -> Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query(db.q(
        "SELECT id, title, status FROM submissions WHERE call_id = ? \
         AND status IN ('submitted', 'under_review', 'finalist', 'not_selected') ORDER BY id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_str(r, "title")?,
                get_str(r, "status")?,
            ))
        })
        .collect()
}

/// The comments for the authors of a submission's submitted reviews (no judge named).
pub async fn comments_for_authors(db: &Db, submission_id: i64) -> Result<Vec<String>> {
    let rows = sqlx::query(db.q(
        "SELECT comments_for_authors FROM reviews WHERE submission_id = ? AND status = 'submitted' \
         AND comments_for_authors <> '' ORDER BY id",
    ))
    .bind(submission_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| get_str(r, "comments_for_authors"))
        .collect()
}

/// A call's organizers: (person id, email).
pub async fn organizers(tx: &mut Tx, call_id: i64) -> Result<Vec<(i64, String)>> {
    let rows = sqlx::query(tx.q(
        "SELECT p.id, p.email FROM call_roles r JOIN people p ON p.id = r.person_id \
         WHERE r.call_id = ? AND r.role = 'organizer' AND p.active = 1 ORDER BY p.id",
    ))
    .bind(call_id)
    .fetch_all(tx.conn())
    .await?;
    rows.iter()
        .map(|r| Ok((get_i64(r, "id")?, get_str(r, "email")?)))
        .collect()
}

/// The judges' discussion thread of a submission (kind `review`), if one was started.
pub async fn thread_of(db: &Db, submission_id: i64) -> Result<Option<i64>> {
    let row = sqlx::query(db.q(
        "SELECT id FROM threads WHERE subject_kind = 'review' AND subject_id = ? ORDER BY id LIMIT 1",
    ))
    .bind(submission_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| get_i64(&r, "id")).transpose()
}

/// The submission's thread, created when missing.
pub async fn ensure_thread(tx: &mut Tx, submission_id: i64, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "SELECT id FROM threads WHERE subject_kind = 'review' AND subject_id = ? ORDER BY id LIMIT 1",
    ))
    .bind(submission_id)
    .fetch_optional(tx.conn())
    .await?;
    if let Some(r) = row {
        return get_i64(&r, "id");
    }
    sqlx::query(tx.q(
        "INSERT INTO threads (subject_kind, subject_id, title, created_at) VALUES ('review', ?, '', ?)",
    ))
    .bind(submission_id)
    .bind(now)
    .execute(tx.conn())
    .await?;
    let row = sqlx::query(tx.q(
        "SELECT id FROM threads WHERE subject_kind = 'review' AND subject_id = ? ORDER BY id LIMIT 1",
    ))
    .bind(submission_id)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

pub async fn insert_message(
    tx: &mut Tx,
    thread_id: i64,
    author_id: i64,
    body: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        tx.q("INSERT INTO messages (thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?)"),
    )
    .bind(thread_id)
    .bind(author_id)
    .bind(body)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// A thread's messages: (author name, body, created_at), oldest first.
pub async fn messages(db: &Db, thread_id: i64) -> Result<Vec<(String, String, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT p.name, m.body, m.created_at FROM messages m JOIN people p ON p.id = m.author_id \
         WHERE m.thread_id = ? ORDER BY m.created_at, m.id",
    ))
    .bind(thread_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_str(r, "name")?,
                get_str(r, "body")?,
                get_i64(r, "created_at")?,
            ))
        })
        .collect()
}

/// One rubric criterion with its id.
#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: i64,
    pub name_en: String,
    pub name_zh: String,
    pub weight: f64,
    pub scale_min: i64,
    pub scale_max: i64,
}

pub async fn criteria(db: &Db, call_id: i64) -> Result<Vec<Criterion>> {
    let rows = sqlx::query(db.q(
        "SELECT id, name_en, name_zh, weight, scale_min, scale_max FROM rubric_criteria WHERE call_id = ? ORDER BY position, id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Criterion {
                id: get_i64(r, "id")?,
                name_en: get_str(r, "name_en")?,
                name_zh: get_str(r, "name_zh")?,
                weight: r.try_get::<f64, _>("weight")?,
                scale_min: get_i64(r, "scale_min")?,
                scale_max: get_i64(r, "scale_max")?,
            })
        })
        .collect()
}

/// Every review of a call: (review id, submission id, judge id), by id.
pub async fn reviews_of_call(db: &Db, call_id: i64) -> Result<Vec<(i64, i64, i64)>> {
    let rows = sqlx::query(db.q(
        "SELECT r.id, r.submission_id, r.judge_id FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         WHERE s.call_id = ? ORDER BY r.id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                get_i64(r, "id")?,
                get_i64(r, "submission_id")?,
                get_i64(r, "judge_id")?,
            ))
        })
        .collect()
}
