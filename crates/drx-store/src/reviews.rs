//! Reviews, their rubric scores, declared conflicts, per-submission discussion threads (written
//! through `conversations`), and the reads behind the organizer's progress and ranking pages.
//! Reads take `&Db`; writes `&mut Tx`.
use drx_domain::{CoReviews, Phase, ReviewStatus, SubmissionStatus};

use super::{Db, Result, Tx};

row! {
    /// One review with the call facts its rules need.
    #[derive(Debug, Clone)]
    pub struct Review {
        pub id: i64,
        pub submission_id: i64,
        pub judge_id: i64,
        pub status: ReviewStatus,
        pub confidence: Option<i64>,
        pub comments_for_authors: String,
        pub comments_for_committee: String,
        pub submitted_at: Option<i64>,
        pub updated_at: i64,
        pub call_id: i64,
        pub call_phase: Phase = "phase",
        /// The call is archived (read-only).
        pub call_archived: bool,
    }
}

pub async fn review(db: &Db, id: i64) -> Result<Option<Review>> {
    db.opt(
        "SELECT r.id, r.submission_id, r.judge_id, r.status, r.confidence, r.comments_for_authors, \
         r.comments_for_committee, r.submitted_at, r.updated_at, s.call_id, c.phase, \
         CAST(CASE WHEN c.archived_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS call_archived \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN calls c ON c.id = s.call_id WHERE r.id = ?",
        (id,),
    )
    .await
}

/// The review a judge holds on a submission, if any: (review id, status).
pub async fn review_of(
    db: &Db,
    submission_id: i64,
    judge_id: i64,
) -> Result<Option<(i64, ReviewStatus)>> {
    db.opt(
        "SELECT id, status FROM reviews WHERE submission_id = ? AND judge_id = ?",
        (submission_id, judge_id),
    )
    .await
}

/// Gives a judge a review of a submission, unless they have one already; true when created.
pub async fn insert_review(
    tx: &mut Tx,
    submission_id: i64,
    judge_id: i64,
    now: i64,
) -> Result<bool> {
    let exists: Option<i64> = tx
        .opt(
            "SELECT id FROM reviews WHERE submission_id = ? AND judge_id = ?",
            (submission_id, judge_id),
        )
        .await?;
    if exists.is_some() {
        return Ok(false);
    }
    tx.exec(
        "INSERT INTO reviews (submission_id, judge_id, status, created_at, updated_at) VALUES (?, ?, 'assigned', ?, ?)",
        (submission_id, judge_id, now, now),
    )
    .await?;
    Ok(true)
}

/// A review's scores: (criterion id, score).
pub async fn scores(db: &Db, review_id: i64) -> Result<Vec<(i64, f64)>> {
    db.all(
        "SELECT criterion_id, score FROM review_scores WHERE review_id = ? ORDER BY criterion_id",
        (review_id,),
    )
    .await
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
pub async fn save(
    tx: &mut Tx,
    id: i64,
    input: &ReviewInput,
    status: ReviewStatus,
    now: i64,
) -> Result<()> {
    let submitted_at = (status == ReviewStatus::Submitted).then_some(now);
    tx.exec(
        "UPDATE reviews SET status = ?, confidence = ?, comments_for_authors = ?, comments_for_committee = ?, \
         submitted_at = COALESCE(?, submitted_at), updated_at = ? WHERE id = ?",
        (
            status.as_str(),
            input.confidence,
            &input.comments_for_authors,
            &input.comments_for_committee,
            submitted_at,
            now,
            id,
        ),
    )
    .await?;
    tx.exec("DELETE FROM review_scores WHERE review_id = ?", (id,))
        .await?;
    for (criterion, score) in &input.scores {
        tx.exec(
            "INSERT INTO review_scores (review_id, criterion_id, score) VALUES (?, ?, ?)",
            (id, criterion, score),
        )
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
    tx.exec(
        "INSERT INTO conflicts (person_id, submission_id, reason, declared_at) VALUES (?, ?, ?, ?)",
        (judge_id, submission_id, reason, now),
    )
    .await?;
    tx.exec(
        "DELETE FROM review_scores WHERE review_id = ?",
        (review_id,),
    )
    .await?;
    tx.exec("DELETE FROM reviews WHERE id = ?", (review_id,))
        .await?;
    Ok(())
}

/// Reviews held per judge in a call (every status): (judge id, count).
pub async fn loads(tx: &mut Tx, call_id: i64) -> Result<Vec<(i64, i64)>> {
    tx.all(
        "SELECT r.judge_id, CAST(COUNT(*) AS BIGINT) AS n FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         WHERE s.call_id = ? GROUP BY r.judge_id",
        (call_id,),
    )
    .await
}

/// The judges holding a review of the submission.
pub async fn judges_on(tx: &mut Tx, submission_id: i64) -> Result<Vec<i64>> {
    tx.all(
        "SELECT judge_id FROM reviews WHERE submission_id = ? ORDER BY judge_id",
        (submission_id,),
    )
    .await
}

row! {
    /// One judge's progress in a call.
    #[derive(Debug, Clone)]
    pub struct Progress {
        pub judge_id: i64 = "id",
        pub name: String,
        pub email: String,
        pub assigned: i64 = "a",
        pub in_progress: i64 = "i",
        pub submitted: i64 = "s",
    }
}

impl Progress {
    pub fn unfinished(&self) -> i64 {
        self.assigned + self.in_progress
    }
}

pub async fn progress(db: &Db, call_id: i64) -> Result<Vec<Progress>> {
    db.all(
        "SELECT p.id, p.name, p.email, \
         CAST(SUM(CASE WHEN r.status = 'assigned' THEN 1 ELSE 0 END) AS BIGINT) AS a, \
         CAST(SUM(CASE WHEN r.status = 'in_progress' THEN 1 ELSE 0 END) AS BIGINT) AS i, \
         CAST(SUM(CASE WHEN r.status = 'submitted' THEN 1 ELSE 0 END) AS BIGINT) AS s \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN people p ON p.id = r.judge_id \
         WHERE s.call_id = ? AND s.status <> 'withdrawn' GROUP BY p.id, p.name, p.email ORDER BY p.name, p.id",
        (call_id,),
    )
    .await
}

/// The end of a call's review phase, when it has one.
pub async fn review_deadline(db: &Db, call_id: i64) -> Result<Option<i64>> {
    let end: Option<Option<i64>> = db
        .opt(
            "SELECT ends_at FROM call_phases WHERE call_id = ? AND phase = 'review'",
            (call_id,),
        )
        .await?;
    Ok(end.flatten())
}

row! {
    /// One criterion score of a submitted review, for the ranking.
    #[derive(Debug, Clone)]
    pub struct ScoreRow {
        pub review_id: i64 = "id",
        pub submission_id: i64,
        pub judge_id: i64,
        pub confidence: Option<i64>,
        pub criterion_id: i64,
        pub score: f64,
    }
}

pub async fn submitted_scores(db: &Db, call_id: i64) -> Result<Vec<ScoreRow>> {
    db.all(
        "SELECT r.id, r.submission_id, r.judge_id, r.confidence, x.criterion_id, x.score \
         FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN review_scores x ON x.review_id = r.id \
         WHERE s.call_id = ? AND r.status = 'submitted' AND s.status <> 'withdrawn' ORDER BY r.id, x.criterion_id",
        (call_id,),
    )
    .await
}

row! {
    /// A submission taking part in judging.
    #[derive(Debug, Clone)]
    pub struct Judged {
        pub id: i64,
        pub title: String,
        pub status: SubmissionStatus,
    }
}

/// The call's submissions that take part in judging.
pub async fn judged_submissions(db: &Db, call_id: i64) -> Result<Vec<Judged>> {
    db.all(
        "SELECT id, title, status FROM submissions WHERE call_id = ? \
         AND status IN ('submitted', 'under_review', 'finalist', 'not_selected') ORDER BY id",
        (call_id,),
    )
    .await
}

/// The comments for the authors of a submission's submitted reviews (no judge named).
pub async fn comments_for_authors(db: &Db, submission_id: i64) -> Result<Vec<String>> {
    db.all(
        "SELECT comments_for_authors FROM reviews WHERE submission_id = ? AND status = 'submitted' \
         AND comments_for_authors <> '' ORDER BY id",
        (submission_id,),
    )
    .await
}

/// A call's organizers: (person id, email).
pub async fn organizers(tx: &mut Tx, call_id: i64) -> Result<Vec<(i64, String)>> {
    tx.all(
        "SELECT p.id, p.email FROM call_roles r JOIN people p ON p.id = r.person_id \
         WHERE r.call_id = ? AND r.role = 'organizer' AND p.active = 1 ORDER BY p.id",
        (call_id,),
    )
    .await
}

const THREAD: &str =
    "SELECT id FROM threads WHERE subject_kind = 'review' AND subject_id = ? ORDER BY id LIMIT 1";

/// The judges' discussion thread of a submission (kind `review`), if one was started.
pub async fn thread_of(db: &Db, submission_id: i64) -> Result<Option<i64>> {
    db.opt(THREAD, (submission_id,)).await
}

/// The submission's thread, created when missing.
pub async fn ensure_thread(tx: &mut Tx, submission_id: i64, now: i64) -> Result<i64> {
    if let Some(id) = tx.opt(THREAD, (submission_id,)).await? {
        return Ok(id);
    }
    super::conversations::insert_thread(
        tx,
        drx_domain::ThreadKind::Review,
        submission_id,
        "",
        None,
        now,
    )
    .await
}

row! {
    /// A message of the judges' discussion.
    #[derive(Debug, Clone)]
    pub struct Remark {
        pub author: String = "name",
        pub body: String,
        pub created_at: i64,
    }
}

/// A thread's messages, oldest first.
pub async fn messages(db: &Db, thread_id: i64) -> Result<Vec<Remark>> {
    db.all(
        "SELECT p.name, m.body, m.created_at FROM messages m JOIN people p ON p.id = m.author_id \
         WHERE m.thread_id = ? ORDER BY m.created_at, m.id",
        (thread_id,),
    )
    .await
}

row! {
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
}

pub async fn criteria(db: &Db, call_id: i64) -> Result<Vec<Criterion>> {
    db.all(
        "SELECT id, name_en, name_zh, weight, scale_min, scale_max FROM rubric_criteria WHERE call_id = ? ORDER BY position, id",
        (call_id,),
    )
    .await
}

row! {
    /// Which judge holds which review.
    #[derive(Debug, Clone, Copy)]
    pub struct Held {
        pub id: i64,
        pub submission_id: i64,
        pub judge_id: i64,
    }
}

/// Every review of a call, by id.
pub async fn reviews_of_call(db: &Db, call_id: i64) -> Result<Vec<Held>> {
    db.all(
        "SELECT r.id, r.submission_id, r.judge_id FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         WHERE s.call_id = ? ORDER BY r.id",
        (call_id,),
    )
    .await
}

// ---- reading the reviews (organizers, co-judges, exports) ----

row! {
    /// A call's rules for who reads its reviews, with its phase.
    #[derive(Debug, Clone)]
    pub struct ReadingRules {
        pub call_id: i64 = "id",
        pub phase: Phase,
        pub organizers_see_judges: bool,
        pub co_reviews: CoReviews,
        pub judges_see_judges: bool,
    }
}

pub async fn reading_rules(db: &Db, call_id: i64) -> Result<Option<ReadingRules>> {
    db.opt(
        "SELECT id, phase, organizers_see_judges, co_reviews, judges_see_judges FROM calls WHERE id = ?",
        (call_id,),
    )
    .await
}

row! {
    /// One review as its readers see it, with its judge and its submission.
    #[derive(Debug, Clone)]
    pub struct ReviewRow {
        pub id: i64,
        pub submission_id: i64,
        pub submission_title: String = "title",
        pub judge_id: i64,
        pub judge_name: String = "name",
        pub status: ReviewStatus,
        pub confidence: Option<i64>,
        pub comments_for_authors: String,
        pub comments_for_committee: String,
        pub created_at: i64,
        pub submitted_at: Option<i64>,
        pub updated_at: i64,
    }
}

/// The query of [`ReviewRow`]s, before its condition (a literal, so that queries stay `'static`).
macro_rules! review_rows {
    ($rest:literal) => {
        concat!(
            "SELECT r.id, r.submission_id, s.title, r.judge_id, p.name, r.status, r.confidence, \
             r.comments_for_authors, r.comments_for_committee, r.created_at, r.submitted_at, r.updated_at \
             FROM reviews r JOIN submissions s ON s.id = r.submission_id JOIN people p ON p.id = r.judge_id ",
            $rest
        )
    };
}

/// Every review of a submission, in the order they were made (the order of their letters).
pub async fn reviews_of_submission(db: &Db, submission_id: i64) -> Result<Vec<ReviewRow>> {
    db.all(
        review_rows!("WHERE r.submission_id = ? ORDER BY r.id"),
        (submission_id,),
    )
    .await
}

/// Every review of a call's submissions that take part in judging (not drafts or withdrawn),
/// by submission, then in the order they were made.
pub async fn call_review_rows(db: &Db, call_id: i64) -> Result<Vec<ReviewRow>> {
    db.all(
        review_rows!(
            "WHERE s.call_id = ? AND s.status NOT IN ('draft', 'withdrawn') \
             ORDER BY r.submission_id, r.id"
        ),
        (call_id,),
    )
    .await
}

row! {
    /// One criterion score of a review, whatever its status.
    #[derive(Debug, Clone, Copy)]
    pub struct Score {
        pub review_id: i64,
        pub criterion_id: i64,
        pub score: f64,
    }
}

/// The scores of a submission's reviews (drafts included).
pub async fn scores_of_submission(db: &Db, submission_id: i64) -> Result<Vec<Score>> {
    db.all(
        "SELECT x.review_id, x.criterion_id, x.score FROM review_scores x JOIN reviews r ON r.id = x.review_id \
         WHERE r.submission_id = ? ORDER BY x.review_id, x.criterion_id",
        (submission_id,),
    )
    .await
}

/// The scores of every review of a call (drafts included).
pub async fn scores_of_call(db: &Db, call_id: i64) -> Result<Vec<Score>> {
    db.all(
        "SELECT x.review_id, x.criterion_id, x.score FROM review_scores x JOIN reviews r ON r.id = x.review_id \
         JOIN submissions s ON s.id = r.submission_id WHERE s.call_id = ? ORDER BY x.review_id, x.criterion_id",
        (call_id,),
    )
    .await
}

row! {
    /// A conflict a judge declared on a submission.
    #[derive(Debug, Clone)]
    pub struct DeclaredConflict {
        pub person_id: i64,
        pub name: String,
        pub reason: String,
        pub declared_at: i64,
    }
}

pub async fn conflicts_of_submission(db: &Db, submission_id: i64) -> Result<Vec<DeclaredConflict>> {
    db.all(
        "SELECT c.person_id, p.name, c.reason, c.declared_at FROM conflicts c JOIN people p ON p.id = c.person_id \
         WHERE c.submission_id = ? ORDER BY c.declared_at, c.person_id",
        (submission_id,),
    )
    .await
}
