//! Reading the judges' reviews: a submission's reviews for those who run its call and, under the
//! call's co-review rule, for its other judges; the call-wide list of reviews with its filters
//! (missing, late, high disagreement). Every reader is decided by
//! `auth::authorization::can_read_reviews`; judges are named or lettered as it says.
use std::collections::HashMap;

use super::{Result, ServiceError};
use crate::auth::authorization::{can_read_reviews, ReviewFacts, ReviewVisibility};
use drx_domain::ReviewStatus;
use drx_store::accounts::Person;
use drx_store::reviews::{self as store, Criterion, ReadingRules, ReviewRow, Score};
use drx_store::Db;

/// A submission is in high disagreement when the spread (highest minus lowest) of its submitted
/// reviews' weighted totals is at least this share of the rubric's range (2.7 points on 1–10).
pub const DISAGREEMENT_SHARE: f64 = 0.3;

/// "A", "B", ... "Z", "AA", "AB", ...: the letter of the `i`-th review of a submission.
pub fn letter(i: usize) -> String {
    let mut n = i;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// A review as one reader may see it.
#[derive(Debug, Clone)]
pub struct ReadReview {
    pub id: i64,
    pub submission_id: i64,
    pub submission_title: String,
    /// Its letter among the submission's reviews, in the order they were made.
    pub letter: String,
    /// The judge's name, when this reader sees names.
    pub judge: Option<String>,
    /// The reader wrote it.
    pub own: bool,
    pub status: ReviewStatus,
    pub confidence: Option<i64>,
    /// One per criterion of the call, in the rubric's order; None where not scored.
    pub scores: Vec<Option<f64>>,
    /// The weighted total (criterion weights normalised) once every criterion is scored.
    pub total: Option<f64>,
    pub comments_for_authors: String,
    pub comments_for_committee: String,
    pub assigned_at: i64,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    /// Not submitted yet.
    pub missing: bool,
    /// Past the review phase's end without being submitted, or submitted after it.
    pub late: bool,
}

impl ReadReview {
    /// The judge as the reader sees them: their name, or "Judge A" in the reader's language.
    pub fn judge_label(&self, lang: crate::i18n::Lang) -> String {
        judge_label(lang, self.judge.as_deref(), &self.letter)
    }
}

/// A judge as a reader sees them: their name where shown, else "Judge A" in the reader's
/// language.
pub fn judge_label(lang: crate::i18n::Lang, name: Option<&str>, letter: &str) -> String {
    match name {
        Some(name) => name.to_string(),
        None => crate::i18n::t_args(
            lang,
            "reviews-judge-letter",
            &[("letter", letter.to_string())],
        ),
    }
}

/// A conflict declared on the submission (its judge named only where names are shown).
#[derive(Debug, Clone)]
pub struct ReadConflict {
    pub judge: Option<String>,
    pub reason: String,
    pub declared_at: i64,
}

/// A submission's reviews for one reader.
#[derive(Debug, Clone)]
pub struct SubmissionReviews {
    pub visibility: ReviewVisibility,
    pub criteria: Vec<Criterion>,
    pub reviews: Vec<ReadReview>,
    pub conflicts: Vec<ReadConflict>,
    /// Highest minus lowest weighted total of the submitted reviews (two or more).
    pub spread: Option<f64>,
    pub disagreement: bool,
}

/// The weighted total of one review's scores (in the criteria's order): None unless each
/// criterion is scored.
pub fn weighted_total(criteria: &[Criterion], scores: &[Option<f64>]) -> Option<f64> {
    let total_w: f64 = criteria.iter().map(|c| c.weight.max(0.0)).sum();
    if criteria.is_empty() || total_w <= 0.0 {
        return None;
    }
    let mut sum = 0.0;
    for (c, s) in criteria.iter().zip(scores) {
        sum += c.weight.max(0.0) * (*s)?;
    }
    Some(sum / total_w)
}

/// The width of the rubric's weighted scale (highest minus lowest possible total).
fn scale_range(criteria: &[Criterion]) -> f64 {
    let lowest: Vec<Option<f64>> = criteria.iter().map(|c| Some(c.scale_min as f64)).collect();
    let highest: Vec<Option<f64>> = criteria.iter().map(|c| Some(c.scale_max as f64)).collect();
    match (
        weighted_total(criteria, &lowest),
        weighted_total(criteria, &highest),
    ) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0.0,
    }
}

/// The spread of the submitted totals, and whether it is a high disagreement.
fn spread_of(criteria: &[Criterion], reviews: &[ReadReview]) -> (Option<f64>, bool) {
    let totals: Vec<f64> = reviews
        .iter()
        .filter(|r| r.status == ReviewStatus::Submitted)
        .filter_map(|r| r.total)
        .collect();
    if totals.len() < 2 {
        return (None, false);
    }
    let hi = totals.iter().cloned().fold(f64::MIN, f64::max);
    let lo = totals.iter().cloned().fold(f64::MAX, f64::min);
    let spread = hi - lo;
    let range = scale_range(criteria);
    (
        Some(spread),
        range > 0.0 && spread >= DISAGREEMENT_SHARE * range,
    )
}

/// The reviews of one submission (rows in the order they were made) as `v` lets `actor` see
/// them: letters over every review, so that a judge's letter does not depend on the reader.
fn read(
    actor: &Person,
    v: ReviewVisibility,
    criteria: &[Criterion],
    rows: &[ReviewRow],
    scores: &HashMap<i64, HashMap<i64, f64>>,
    deadline: Option<i64>,
    now: i64,
) -> Vec<ReadReview> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| v.shows(r.status, r.judge_id == actor.id))
        .map(|(i, r)| {
            let mine = scores.get(&r.id);
            let scores: Vec<Option<f64>> = criteria
                .iter()
                .map(|c| mine.and_then(|m| m.get(&c.id).copied()))
                .collect();
            let missing = r.status != ReviewStatus::Submitted;
            let late = deadline.is_some_and(|d| match r.submitted_at {
                Some(at) if !missing => at > d,
                _ => now > d,
            });
            ReadReview {
                id: r.id,
                submission_id: r.submission_id,
                submission_title: r.submission_title.clone(),
                letter: letter(i),
                judge: v.judge_names.then(|| r.judge_name.clone()),
                own: r.judge_id == actor.id,
                status: r.status,
                confidence: r.confidence,
                total: weighted_total(criteria, &scores),
                scores,
                comments_for_authors: r.comments_for_authors.clone(),
                comments_for_committee: r.comments_for_committee.clone(),
                assigned_at: r.created_at,
                submitted_at: r.submitted_at,
                updated_at: r.updated_at,
                missing,
                late,
            }
        })
        .collect()
}

fn by_review(scores: Vec<Score>) -> HashMap<i64, HashMap<i64, f64>> {
    let mut out: HashMap<i64, HashMap<i64, f64>> = HashMap::new();
    for s in scores {
        out.entry(s.review_id)
            .or_default()
            .insert(s.criterion_id, s.score);
    }
    out
}

async fn rules(db: &Db, call_id: i64) -> Result<ReadingRules> {
    store::reading_rules(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// How `actor` may read the reviews of a submission: NotFound when they may not see the
/// submission, Forbidden when they see it but not its reviews.
pub async fn visibility(db: &Db, actor: &Person, submission_id: i64) -> Result<ReviewVisibility> {
    Ok(visibility_in_call(db, actor, submission_id).await?.0)
}

/// [`visibility`] with the submission's call.
async fn visibility_in_call(
    db: &Db,
    actor: &Person,
    submission_id: i64,
) -> Result<(ReviewVisibility, i64)> {
    let (s, _, access) = super::submissions::load(db, actor, submission_id).await?;
    let rules = rules(db, s.call_id).await?;
    let own = store::review_of(db, submission_id, actor.id).await?;
    let facts = ReviewFacts {
        call_organizer: access.call_organizer,
        on_team: access.on_team,
        own_review: own.map(|(_, st)| st),
        call_phase: rules.phase,
        co_reviews: rules.co_reviews,
        organizers_see_judges: rules.organizers_see_judges,
        judges_see_judges: rules.judges_see_judges,
    };
    let v = can_read_reviews(actor, &facts).ok_or(ServiceError::Forbidden)?;
    Ok((v, s.call_id))
}

/// A submission's reviews as `actor` may read them (see [`visibility`] for the refusals).
pub async fn of_submission(
    db: &Db,
    actor: &Person,
    submission_id: i64,
    now: i64,
) -> Result<SubmissionReviews> {
    let (v, call_id) = visibility_in_call(db, actor, submission_id).await?;
    let rows = store::reviews_of_submission(db, submission_id).await?;
    let criteria = store::criteria(db, call_id).await?;
    let deadline = store::review_deadline(db, call_id).await?;
    let scores = by_review(store::scores_of_submission(db, submission_id).await?);
    let reviews = read(actor, v, &criteria, &rows, &scores, deadline, now);
    let conflicts = if v.shows_conflicts() {
        store::conflicts_of_submission(db, submission_id)
            .await?
            .into_iter()
            .map(|c| ReadConflict {
                judge: v.judge_names.then_some(c.name),
                reason: c.reason,
                declared_at: c.declared_at,
            })
            .collect()
    } else {
        Vec::new()
    };
    let (spread, disagreement) = spread_of(&criteria, &reviews);
    Ok(SubmissionReviews {
        visibility: v,
        criteria,
        reviews,
        conflicts,
        spread,
        disagreement,
    })
}

/// Which reviews of a call the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    #[default]
    All,
    /// Not submitted yet.
    Missing,
    /// Overdue, or submitted after the review phase's end.
    Late,
    /// Every review of a submission in high disagreement (see [`DISAGREEMENT_SHARE`]).
    Disagreement,
}

impl ReviewFilter {
    pub const ALL: &'static [ReviewFilter] = &[
        ReviewFilter::All,
        ReviewFilter::Missing,
        ReviewFilter::Late,
        ReviewFilter::Disagreement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewFilter::All => "all",
            ReviewFilter::Missing => "missing",
            ReviewFilter::Late => "late",
            ReviewFilter::Disagreement => "disagreement",
        }
    }

    /// The filter a query names; anything else is every review.
    pub fn parse(s: &str) -> ReviewFilter {
        Self::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == s)
            .unwrap_or_default()
    }
}

/// The reviews of a call for those who run it.
pub struct CallReviews {
    pub call: drx_store::catalogue::CallJudging,
    pub visibility: ReviewVisibility,
    pub criteria: Vec<Criterion>,
    pub deadline: Option<i64>,
    /// With the spread of their submission's totals and its disagreement flag.
    pub reviews: Vec<(ReadReview, Option<f64>, bool)>,
}

/// Every review of a call (drafts and withdrawn submissions aside) passing `filter`, for its
/// organizers and admins; judges named or lettered as the call says.
pub async fn of_call(
    db: &Db,
    actor: &Person,
    call_id: i64,
    filter: ReviewFilter,
    now: i64,
) -> Result<CallReviews> {
    let call = super::require_call_manager(db, actor, call_id).await?;
    let rules = rules(db, call_id).await?;
    let roles = drx_store::catalogue::call_roles(db, call_id, actor.id).await?;
    let facts = ReviewFacts {
        call_organizer: roles.contains(&drx_domain::CallRole::Organizer),
        on_team: false,
        own_review: None,
        call_phase: rules.phase,
        co_reviews: rules.co_reviews,
        organizers_see_judges: rules.organizers_see_judges,
        judges_see_judges: rules.judges_see_judges,
    };
    let v = can_read_reviews(actor, &facts).ok_or(ServiceError::Forbidden)?;
    let criteria = store::criteria(db, call_id).await?;
    let deadline = store::review_deadline(db, call_id).await?;
    let scores = by_review(store::scores_of_call(db, call_id).await?);
    let rows = store::call_review_rows(db, call_id).await?;
    let mut reviews = Vec::new();
    for one in rows.chunk_by(|a, b| a.submission_id == b.submission_id) {
        let read = read(actor, v, &criteria, one, &scores, deadline, now);
        let (spread, disagreement) = spread_of(&criteria, &read);
        for r in read {
            let keep = match filter {
                ReviewFilter::All => true,
                ReviewFilter::Missing => r.missing,
                ReviewFilter::Late => r.late,
                ReviewFilter::Disagreement => disagreement,
            };
            if keep {
                reviews.push((r, spread, disagreement));
            }
        }
    }
    Ok(CallReviews {
        call,
        visibility: v,
        criteria,
        deadline,
        reviews,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(id: i64, weight: f64) -> Criterion {
        Criterion {
            id,
            name_en: format!("c{id}"),
            name_zh: format!("c{id}"),
            weight,
            scale_min: 1,
            scale_max: 10,
        }
    }

    #[test]
    fn letters_run_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(2), "C");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
    }

    #[test]
    fn the_total_is_weighted_and_needs_every_score() {
        let c = [criterion(1, 0.75), criterion(2, 0.25)];
        assert_eq!(weighted_total(&c, &[Some(8.0), Some(4.0)]), Some(7.0));
        assert_eq!(weighted_total(&c, &[Some(8.0), None]), None);
        assert_eq!(scale_range(&c), 9.0);
    }
}
