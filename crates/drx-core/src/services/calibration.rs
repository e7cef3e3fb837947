//! The call's calibration, computed once per state of its reviews and kept (`drx_store::
//! calibrations`): every view of the ranking, on any node, reads the kept result while the
//! fingerprint of what it was computed from still matches; a new or changed submitted review,
//! a changed rubric or a submission leaving judging changes the fingerprint and the next view
//! recomputes.
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::services::{Msg, Result, ServiceError};
use drx_engine::calibrate::{self, Calibration, Options, Reviews};
use drx_store::reviews::{Criterion, Judged, ScoreRow};
use drx_store::{calibrations, Db};

/// Bumped whenever the engine's model or output format changes, so kept results of an older
/// binary are recomputed rather than misread.
const FORMAT: u32 = 2;

/// The confidence levels 1..=5 as the engine's precision weights (3 is neutral).
pub fn confidence_weight(c: Option<i64>) -> Option<f64> {
    c.map(|c| 0.5 + 0.25 * (c.clamp(1, 5) - 1) as f64)
}

/// The weighted-total scale of the rubric: (lowest, highest) possible total.
pub fn total_scale(criteria: &[Criterion]) -> (f64, f64) {
    let total_w: f64 = criteria.iter().map(|c| c.weight.max(0.0)).sum();
    if criteria.is_empty() || total_w <= 0.0 {
        return (0.0, 10.0);
    }
    let at = |f: fn(&Criterion) -> i64| {
        criteria
            .iter()
            .map(|c| c.weight.max(0.0) * f(c) as f64)
            .sum::<f64>()
            / total_w
    };
    (at(|c| c.scale_min), at(|c| c.scale_max))
}

/// The calibration's input, with the ids its indices stand for.
#[derive(Serialize)]
pub struct Input {
    pub reviews: Reviews,
    pub options: Options,
    /// `submission_ids[s]`: the submission of index s.
    pub submission_ids: Vec<i64>,
    /// `judge_ids[j]`: the judge of index j.
    pub judge_ids: Vec<i64>,
    /// `review_ids[r]`: the review of index r.
    pub review_ids: Vec<i64>,
}

/// One score per submitted review: its weighted total (criterion weights normalised).
pub fn input(
    criteria: &[Criterion],
    subs: &[Judged],
    rows: &[ScoreRow],
    finalists: usize,
) -> Input {
    let weight: HashMap<i64, f64> = criteria.iter().map(|c| (c.id, c.weight.max(0.0))).collect();
    let (lo, hi) = total_scale(criteria);
    // review id -> (submission, judge, confidence, weighted sum, weight seen)
    let mut per_review: BTreeMap<i64, (i64, i64, Option<i64>, f64, f64)> = BTreeMap::new();
    for r in rows {
        let w = weight.get(&r.criterion_id).copied().unwrap_or(0.0);
        let e = per_review.entry(r.review_id).or_insert((
            r.submission_id,
            r.judge_id,
            r.confidence,
            0.0,
            0.0,
        ));
        e.3 += w * r.score;
        e.4 += w;
    }
    let sub_index: HashMap<i64, usize> = subs.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut judge_index: HashMap<i64, usize> = HashMap::new();
    let (mut judge_ids, mut review_ids, mut reviews) = (Vec::new(), Vec::new(), Vec::new());
    for (review_id, (sub, judge, conf, sum, w)) in &per_review {
        let (Some(&s), true) = (sub_index.get(sub), *w > 0.0) else {
            continue;
        };
        let j = *judge_index.entry(*judge).or_insert_with(|| {
            judge_ids.push(*judge);
            judge_ids.len() - 1
        });
        review_ids.push(*review_id);
        reviews.push(calibrate::Review {
            judge: j,
            submission: s,
            score: (sum / w).clamp(lo, hi),
            confidence: confidence_weight(*conf),
        });
    }
    Input {
        reviews: Reviews {
            num_judges: judge_ids.len(),
            num_submissions: subs.len(),
            scale: (lo, hi),
            reviews,
        },
        options: Options {
            finalists: Some(finalists),
            ..Options::default()
        },
        submission_ids: subs.iter().map(|s| s.id).collect(),
        judge_ids,
        review_ids,
    }
}

/// A hash of everything the calibration reads: equal fingerprints, equal results.
pub fn fingerprint(input: &Input) -> String {
    let json = serde_json::to_string(input).expect("the input serialises");
    let mut h = Sha256::new();
    h.update(FORMAT.to_le_bytes());
    h.update(json.as_bytes());
    hex::encode(h.finalize())
}

/// A calibration and whether it was read from the kept one.
pub struct Kept {
    pub calibration: Calibration,
    pub computed_at: i64,
    /// Read from the kept result (no computation on this view).
    pub reused: bool,
}

/// The calibration of `input` for the call: the kept one when its fingerprint matches, else
/// computed now and kept.
pub async fn kept_or_computed(db: &Db, call_id: i64, input: Input, now: i64) -> Result<Kept> {
    let fp = fingerprint(&input);
    if let Some(k) = calibrations::kept(db, call_id).await? {
        if k.fingerprint == fp {
            if let Ok(calibration) = serde_json::from_str::<Calibration>(&k.result) {
                return Ok(Kept {
                    calibration,
                    computed_at: k.computed_at,
                    reused: true,
                });
            }
        }
    }
    let Input {
        reviews, options, ..
    } = input;
    let calibration = tokio::task::spawn_blocking(move || calibrate::calibrate(&reviews, &options))
        .await
        .expect("the calibration does not panic")
        .map_err(|e| ServiceError::Invalid(Msg::new("ranking-failed").arg("reason", e)))?;
    let json = serde_json::to_string(&calibration).expect("the calibration serialises");
    calibrations::keep(db, call_id, &fp, &json, now).await?;
    Ok(Kept {
        calibration,
        computed_at: now,
        reused: false,
    })
}
