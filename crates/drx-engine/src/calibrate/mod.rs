//! Score calibration: each submission's quality with the judges' severity and spread removed,
//! with intervals, a ranking with rank intervals, and ties at the finalist cut.
//!
//! # The model
//!
//! Review `r` is judge `j`'s score `y_r` of submission `s`. We model it as
//!
//! ```text
//! y_r = mu + b_j + a_j * q_s + e_r,     e_r ~ N(0, sigma^2 / (w_r * lambda_r))
//! lambda_r ~ Gamma(nu/2, rate nu/2), nu = 4 (with `Options::robust`; else lambda_r = 1)
//! q_s ~ N(0, tau_q^2)      quality of the submission (shrunk towards the call's mean)
//! b_j ~ N(0, tau_b^2)      judge severity: an offset (negative = harsh)
//! a_j ~ N(1, tau_a^2)      judge spread: how strongly the judge separates good from weak
//!                          (fixed at 1 when `Options::judge_scale` is false)
//! mu  flat                 the call's overall level
//! sigma^2, tau_q^2, tau_b^2, tau_a^2 ~ scaled-inverse-chi^2(nu0 = 2, s0^2)
//! ```
//!
//! `w_r` is the review's confidence (a relative precision, 1 when absent). The hyperprior
//! guesses `s0` come from the score scale only (`(max - min) / 8` for sigma, tau_q and tau_b,
//! 0.25 for tau_a) and carry two degrees of freedom, so a call with more than a handful of
//! reviews is governed by its own data. The normal priors are the shrinkage (ridge) terms:
//! they make every case well posed — a judge with one review, a judge whose submissions nobody
//! else saw, a judge–submission graph in several pieces, a submission with no review at all.
//! Where the data cannot separate a judge's severity from the quality of what they read, the
//! posterior says so with a wide interval instead of failing.
//!
//! The latent `lambda_r` make the review noise Student-t: a review far from what the rest of the
//! data expect gets a small `lambda_r` and little weight. Without it (issue 14), one outlying
//! review of #31 by a judge with five reviews made the model believe #31 was good, hence its
//! two other judges harsh, hence #148 (read by both) 1.1 points better: 17th to 5th. With it,
//! #148 stays 15th–16th. All full conditionals are normal, gamma or scaled-inverse-chi^2, so we
//! simulate the joint posterior exactly with a Gibbs sampler (seeded, deterministic; see
//! [`rng`]). Each sweep and each block of it (qualities, offsets, spreads, level, noise,
//! variances) draws from its own stream seeded by (seed, sweep, block), so two calls that differ
//! by one review are simulated with common random numbers: what differs is the data's doing,
//! not a stream thrown out of step by one more rejection in the gamma sampler. From the draws:
//!
//! * `quality` is the posterior mean of `mu + mean_j(b_j) + mean_j(a_j) * q_s`: the score the
//!   call's average judge would give the submission. Defining it through the panel's average
//!   judge keeps it on the score scale and free of the model's two weakly identified
//!   directions (a common shift between `mu` and the `b_j`, a common stretch between the `a_j`
//!   and the `q_s`). Values may fall slightly outside the scale; clamping for display is the
//!   app's business. It is Rao-Blackwellised: the mean over sweeps of each quality's
//!   conditional mean, not of its draws, which removes the draws' own noise.
//! * `quality_mcse` is its Monte Carlo standard error by batch means (about sqrt(draws)
//!   batches): the part of `quality` another seed would change.
//! * `shifts` explain `quality - raw_mean`: per review, (its score as the average judge would
//!   give it, from the judge's posterior offset and spread, minus the score) / n; `shrinkage`
//!   is the rest, the prior's pull towards the call's level.
//! * `lo..hi` is the central posterior interval at `Options::level`.
//! * `rank` orders submissions by `quality` (1 = best); `rank_lo..rank_hi` is the central
//!   interval of the submission's rank over the posterior draws. This is a parametric,
//!   model-based resampling: resampling each submission's own 3–5 reviews would give a
//!   zero-width interval to a submission with a single review, and ignores the uncertainty in
//!   the judge effects, which is the point of calibrating.
//! * With `Options::finalists = Some(n)`, `p_finalist` is the posterior probability of a rank
//!   `<= n` and `at_cut_tie` flags a rank interval that contains both `n` and `n + 1`: the
//!   data cannot tell whether the submission belongs above or below the cut.
//!
//! `rank_lo <= rank <= rank_hi` and `lo <= quality <= hi` always hold: an interval is widened to
//! its point estimate in the rare case that Monte Carlo noise puts the point just outside.

pub mod rng;

#[cfg(test)]
mod tests;

use rng::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One judge's score of one submission.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// Judge index, `0..Reviews::num_judges`.
    pub judge: usize,
    /// Submission index, `0..Reviews::num_submissions`.
    pub submission: usize,
    /// The score, within `Reviews::scale`.
    pub score: f64,
    /// The judge's confidence as a relative precision weight (finite, > 0); `None` means 1.
    /// The app maps its own confidence levels onto this, e.g. low 0.5, medium 1, high 1.5.
    pub confidence: Option<f64>,
}

/// Everything the calibration reads: who scored what, on which scale.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reviews {
    pub num_judges: usize,
    pub num_submissions: usize,
    /// `(min, max)` of the score scale, e.g. `(1.0, 10.0)`.
    pub scale: (f64, f64),
    pub reviews: Vec<Review>,
}

/// How to calibrate. `Options::default()` is a sound choice for a call.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Options {
    /// Seed of the sampler; the same input and seed give the same output, bit for bit.
    pub seed: u64,
    /// Sweeps discarded before the draws are kept.
    pub burn_in: usize,
    /// Posterior draws kept (one per sweep).
    pub draws: usize,
    /// Coverage of the intervals, in (0, 1).
    pub level: f64,
    /// Estimate a per-judge spread `a_j`; `false` keeps the offset-only model.
    pub judge_scale: bool,
    /// Number of finalists, to flag ties at the cut and compute `p_finalist`.
    pub finalists: Option<usize>,
    /// Student-t review noise (4 degrees of freedom) instead of normal: a review far from what
    /// the rest of the data expect is down-weighted instead of believed in full, so one outlying
    /// score cannot drag its judge's severity, and with it every other submission that judge read.
    pub robust: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 0x5EED_D12C,
            burn_in: 1000,
            draws: 4000,
            level: 0.9,
            judge_scale: true,
            finalists: None,
            robust: true,
        }
    }
}

/// The calibrated estimate of one submission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmissionEstimate {
    /// Number of reviews of this submission.
    pub n: usize,
    /// Plain mean of its scores; `None` without reviews.
    pub raw_mean: Option<f64>,
    /// Rank by raw mean among reviewed submissions (1 = best); `None` without reviews.
    pub raw_rank: Option<usize>,
    /// Score the call's average judge would give (posterior mean).
    pub quality: f64,
    /// Monte Carlo standard error of `quality` (batch means over the draws): how far another
    /// seed could move it. Small against the gaps between neighbours means a stable order.
    pub quality_mcse: f64,
    pub lo: f64,
    pub hi: f64,
    /// Rank by `quality`, 1 = best.
    pub rank: usize,
    pub rank_lo: usize,
    pub rank_hi: usize,
    /// Posterior probability of being in the top `finalists`; `None` without a cut.
    pub p_finalist: Option<f64>,
    /// The rank interval contains both sides of the finalist cut.
    pub at_cut_tie: bool,
    /// Why `quality` differs from `raw_mean`: one entry per review of the submission, with
    /// what removing its judge's severity and spread did to the mean (see [`JudgeShift`]).
    pub shifts: Vec<JudgeShift>,
    /// The rest of `quality - raw_mean` after the judges' shifts: the pull towards the call's
    /// level that weighs little evidence (few or disagreeing reviews) less. 0 without reviews.
    pub shrinkage: f64,
}

/// What one judge's review of a submission did to its calibrated score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeShift {
    /// Index of the review in the input.
    pub review: usize,
    pub judge: usize,
    /// The review's score as the call's average judge would have given it, minus the score
    /// itself, divided by the submission's number of reviews: positive when a harsh (or
    /// narrow) judge pulled the raw mean down and calibration gave the points back.
    pub shift: f64,
}

/// What the model learned about one judge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeEffect {
    /// Number of reviews by this judge.
    pub n: usize,
    /// Offset against the call's average judge, in score points (negative = harsh).
    pub bias: f64,
    pub bias_lo: f64,
    pub bias_hi: f64,
    /// Spread relative to the call's average judge (1 = average, above 1 separates more).
    pub scale: f64,
}

/// Posterior means of the model's variance components, for display and diagnosis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelSummary {
    /// Standard deviation of a review's noise at confidence 1, in score points.
    pub noise_sd: f64,
    /// Standard deviation of quality across submissions, in score points (average judge).
    pub quality_sd: f64,
    /// Standard deviation of judges' offsets, in score points.
    pub bias_sd: f64,
    /// Standard deviation of judges' spreads around 1 (0 when `judge_scale` is off).
    pub scale_sd: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Indexed like the input's submissions.
    pub submissions: Vec<SubmissionEstimate>,
    /// Indexed like the input's judges.
    pub judges: Vec<JudgeEffect>,
    pub model: ModelSummary,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CalibrationError {
    InvalidScale,
    NoReviews,
    JudgeOutOfRange { review: usize },
    SubmissionOutOfRange { review: usize },
    ScoreOutsideScale { review: usize },
    InvalidConfidence { review: usize },
    InvalidOptions(&'static str),
}

impl fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalibrationError::InvalidScale => {
                write!(f, "score scale must be finite with min < max")
            }
            CalibrationError::NoReviews => write!(f, "no reviews to calibrate"),
            CalibrationError::JudgeOutOfRange { review } => {
                write!(f, "review {review}: judge index out of range")
            }
            CalibrationError::SubmissionOutOfRange { review } => {
                write!(f, "review {review}: submission index out of range")
            }
            CalibrationError::ScoreOutsideScale { review } => {
                write!(f, "review {review}: score is not a number within the scale")
            }
            CalibrationError::InvalidConfidence { review } => {
                write!(f, "review {review}: confidence must be finite and positive")
            }
            CalibrationError::InvalidOptions(why) => write!(f, "invalid options: {why}"),
        }
    }
}

impl std::error::Error for CalibrationError {}

/// Calibrate the scores of a call. See the module documentation for the model.
pub fn calibrate(input: &Reviews, options: &Options) -> Result<Calibration, CalibrationError> {
    let data = Data::validate(input)?;
    if options.draws == 0 {
        return Err(CalibrationError::InvalidOptions("draws must be at least 1"));
    }
    if !(options.level > 0.0 && options.level < 1.0) {
        return Err(CalibrationError::InvalidOptions("level must lie in (0, 1)"));
    }
    let draws = sample(&data, options);
    Ok(summarise(&data, &draws, options))
}

/// Reviews rearranged for the sampler: flat arrays and per-submission / per-judge index lists.
struct Data {
    num_s: usize,
    num_j: usize,
    range: f64,
    y: Vec<f64>,
    w: Vec<f64>,
    judge: Vec<usize>,
    sub: Vec<usize>,
    by_sub: Groups,
    by_judge: Groups,
}

/// Compressed lists: the reviews of group `g` are `items[start[g]..start[g + 1]]`.
struct Groups {
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    fn build(keys: &[usize], count: usize) -> Groups {
        let mut start = vec![0usize; count + 1];
        for &k in keys {
            start[k + 1] += 1;
        }
        for g in 0..count {
            start[g + 1] += start[g];
        }
        let mut fill = start.clone();
        let mut items = vec![0usize; keys.len()];
        for (r, &k) in keys.iter().enumerate() {
            items[fill[k]] = r;
            fill[k] += 1;
        }
        Groups { start, items }
    }

    fn of(&self, g: usize) -> &[usize] {
        &self.items[self.start[g]..self.start[g + 1]]
    }
}

impl Data {
    fn validate(input: &Reviews) -> Result<Data, CalibrationError> {
        let (min, max) = input.scale;
        if !(min.is_finite() && max.is_finite() && min < max) {
            return Err(CalibrationError::InvalidScale);
        }
        if input.reviews.is_empty() {
            return Err(CalibrationError::NoReviews);
        }
        let n = input.reviews.len();
        let (mut y, mut w) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut judge, mut sub) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for (i, r) in input.reviews.iter().enumerate() {
            if r.judge >= input.num_judges {
                return Err(CalibrationError::JudgeOutOfRange { review: i });
            }
            if r.submission >= input.num_submissions {
                return Err(CalibrationError::SubmissionOutOfRange { review: i });
            }
            if !(r.score.is_finite() && r.score >= min && r.score <= max) {
                return Err(CalibrationError::ScoreOutsideScale { review: i });
            }
            let c = r.confidence.unwrap_or(1.0);
            if !(c.is_finite() && c > 0.0) {
                return Err(CalibrationError::InvalidConfidence { review: i });
            }
            y.push(r.score);
            w.push(c);
            judge.push(r.judge);
            sub.push(r.submission);
        }
        Ok(Data {
            num_s: input.num_submissions,
            num_j: input.num_judges,
            range: max - min,
            by_sub: Groups::build(&sub, input.num_submissions),
            by_judge: Groups::build(&judge, input.num_judges),
            y,
            w,
            judge,
            sub,
        })
    }
}

/// Kept posterior draws, stored item-major so each item's draws are contiguous.
struct Draws {
    count: usize,
    /// `quality[s * count + t]`: submission s at draw t, on the score scale.
    quality: Vec<f64>,
    /// Rao-Blackwellised posterior mean of each quality (the mean of its conditional means).
    expected: Vec<f64>,
    /// `expected_batch[s * batches.0 + k]`: sum of submission s's conditional means in batch k.
    expected_batch: Vec<f64>,
    /// (number of batches, draws per batch), see [`batch_layout`].
    batches: (usize, usize),
    /// `bias[j * count + t]`: judge j's offset against the average judge.
    bias: Vec<f64>,
    /// Sum over draws of the call's level `mu + mean_j(b_j)`.
    level_sum: f64,
    scale_sum: Vec<f64>,
    noise_sd_sum: f64,
    quality_sd_sum: f64,
    bias_sd_sum: f64,
    scale_sd_sum: f64,
}

/// Weak hyperprior: degrees of freedom of every scaled-inverse-chi^2.
const PRIOR_DOF: f64 = 2.0;
/// Degrees of freedom of the Student-t review noise under `Options::robust`.
const ROBUST_DOF: f64 = 4.0;

/// The random stream of one part (`part`) of one sweep. Every sweep and part starts its own
/// stream, so the number of draws a part happens to take (rejection sampling, one more judge)
/// never shifts the draws of the next: two calls that differ by one review are simulated with
/// the same random numbers (common random numbers), and their difference is the data's, not the
/// sampler's luck.
fn stream(seed: u64, sweep: usize, part: u64) -> Rng {
    Rng::new(seed ^ (sweep as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ part.rotate_left(32))
}

/// Mean offset and spread of the judges who reviewed: the call's average judge.
fn average_judge(b: &[f64], a: &[f64], reviewed: &[usize]) -> (f64, f64) {
    let n = reviewed.len() as f64;
    (
        reviewed.iter().map(|&j| b[j]).sum::<f64>() / n,
        reviewed.iter().map(|&j| a[j]).sum::<f64>() / n,
    )
}

fn sample(d: &Data, opt: &Options) -> Draws {
    let (ns, nj, nr) = (d.num_s, d.num_j, d.y.len());
    let s0 = d.range / 8.0;
    let s0_sq = s0 * s0;
    let s0_scale_sq = 0.25f64 * 0.25;

    // `w` is each review's precision weight: its confidence times, when robust, its latent
    // Student-t precision (1 at the start).
    let mut w = d.w.clone();
    let wsum0: f64 = d.w.iter().sum();
    let mut mu = d.y.iter().zip(&d.w).map(|(y, w)| y * w).sum::<f64>() / wsum0;
    let mut sigma2 = s0_sq;
    let mut tq2 = s0_sq;
    let mut tb2 = s0_sq;
    let mut ta2 = if opt.judge_scale { s0_scale_sq } else { 0.0 };
    // Start from raw means so the burn-in has less to travel.
    let mut q: Vec<f64> = (0..ns)
        .map(|s| {
            let rs = d.by_sub.of(s);
            if rs.is_empty() {
                0.0
            } else {
                rs.iter().map(|&r| d.y[r]).sum::<f64>() / rs.len() as f64 - mu
            }
        })
        .collect();
    let mut b = vec![0.0; nj];
    let mut a = vec![1.0; nj];
    let reviewed_judges: Vec<usize> = (0..nj).filter(|&j| !d.by_judge.of(j).is_empty()).collect();

    let count = opt.draws;
    let mut out = Draws {
        count,
        quality: vec![0.0; ns * count],
        expected: vec![0.0; ns],
        expected_batch: vec![0.0; ns * batch_layout(count).0],
        batches: batch_layout(count),
        bias: vec![0.0; nj * count],
        level_sum: 0.0,
        scale_sum: vec![0.0; nj],
        noise_sd_sum: 0.0,
        quality_sd_sum: 0.0,
        bias_sd_sum: 0.0,
        scale_sd_sum: 0.0,
    };

    for sweep in 0..opt.burn_in + count {
        let keep = sweep >= opt.burn_in;
        let mut rng = stream(opt.seed, sweep, 0);
        // Qualities given the judges. When kept, the conditional mean of each quality (on the
        // score scale) is summed too: averaging conditional means instead of draws removes the
        // draw's own noise from the point estimate (Rao-Blackwellisation).
        let (b_bar, a_bar) = average_judge(&b, &a, &reviewed_judges);
        for (s, qs) in q.iter_mut().enumerate() {
            let (mut prec, mut lin) = (1.0 / tq2, 0.0);
            for &r in d.by_sub.of(s) {
                let j = d.judge[r];
                let wa = w[r] * a[j] / sigma2;
                prec += wa * a[j];
                lin += wa * (d.y[r] - mu - b[j]);
            }
            if keep {
                let v = mu + b_bar + a_bar * lin / prec;
                out.expected[s] += v;
                let (nb, len) = out.batches;
                let k = (sweep - opt.burn_in) / len;
                if k < nb {
                    out.expected_batch[s * nb + k] += v;
                }
            }
            *qs = lin / prec + rng.normal() / prec.sqrt();
        }
        // Judge offsets given the qualities.
        let mut rng = stream(opt.seed, sweep, 1);
        for (j, bj) in b.iter_mut().enumerate() {
            let (mut prec, mut lin) = (1.0 / tb2, 0.0);
            for &r in d.by_judge.of(j) {
                let ws = w[r] / sigma2;
                prec += ws;
                lin += ws * (d.y[r] - mu - a[j] * q[d.sub[r]]);
            }
            *bj = lin / prec + rng.normal() / prec.sqrt();
        }
        // Judge spreads, shrunk towards 1.
        if opt.judge_scale {
            let mut rng = stream(opt.seed, sweep, 2);
            for (j, aj) in a.iter_mut().enumerate() {
                let (mut prec, mut lin) = (1.0 / ta2, 1.0 / ta2);
                for &r in d.by_judge.of(j) {
                    let qs = q[d.sub[r]];
                    let ws = w[r] / sigma2;
                    prec += ws * qs * qs;
                    lin += ws * qs * (d.y[r] - mu - b[j]);
                }
                *aj = lin / prec + rng.normal() / prec.sqrt();
            }
        }
        // Overall level (flat prior).
        let mut rng = stream(opt.seed, sweep, 3);
        {
            let wsum: f64 = w.iter().sum();
            let lin: f64 = (0..nr)
                .map(|r| w[r] * (d.y[r] - b[d.judge[r]] - a[d.judge[r]] * q[d.sub[r]]))
                .sum();
            mu = lin / wsum + rng.normal() * (sigma2 / wsum).sqrt();
        }
        let residual = |r: usize| {
            let j = d.judge[r];
            d.y[r] - mu - b[j] - a[j] * q[d.sub[r]]
        };
        // Each review's latent precision: small for a review far from the model's expectation.
        if opt.robust {
            let mut rng = stream(opt.seed, sweep, 4);
            for r in 0..nr {
                let e = residual(r);
                let rate = (ROBUST_DOF + d.w[r] * e * e / sigma2) / 2.0;
                let lambda = rng.gamma((ROBUST_DOF + 1.0) / 2.0) / rate;
                w[r] = d.w[r] * lambda.clamp(1e-6, 1e6);
            }
        }
        // Variance components.
        let mut rng = stream(opt.seed, sweep, 5);
        let sse: f64 = (0..nr)
            .map(|r| {
                let e = residual(r);
                w[r] * e * e
            })
            .sum();
        sigma2 = draw_variance(&mut rng, s0_sq, sse, nr);
        tq2 = draw_variance(&mut rng, s0_sq, q.iter().map(|x| x * x).sum(), ns);
        tb2 = draw_variance(&mut rng, s0_sq, b.iter().map(|x| x * x).sum(), nj);
        if opt.judge_scale {
            let ss = a.iter().map(|x| (x - 1.0) * (x - 1.0)).sum();
            ta2 = draw_variance(&mut rng, s0_scale_sq, ss, nj);
        }

        if !keep {
            continue;
        }
        let t = sweep - opt.burn_in;
        // The panel's average judge: mean offset and spread over judges who reviewed.
        let (b_bar, a_bar) = average_judge(&b, &a, &reviewed_judges);
        for (s, qs) in q.iter().enumerate() {
            out.quality[s * count + t] = mu + b_bar + a_bar * qs;
        }
        for j in 0..nj {
            out.bias[j * count + t] = b[j] - b_bar;
            out.scale_sum[j] += a[j] / a_bar;
        }
        out.level_sum += mu + b_bar;
        out.noise_sd_sum += sigma2.sqrt();
        out.quality_sd_sum += a_bar.abs() * tq2.sqrt();
        out.bias_sd_sum += tb2.sqrt();
        out.scale_sd_sum += ta2.sqrt();
    }
    for e in out.expected.iter_mut() {
        *e /= count as f64;
    }
    out
}

/// A draw of a variance from its scaled-inverse-chi^2 full conditional.
fn draw_variance(rng: &mut Rng, prior_sq: f64, sum_sq: f64, n: usize) -> f64 {
    let dof = PRIOR_DOF + n as f64;
    let v = (PRIOR_DOF * prior_sq + sum_sq) / rng.chi_squared(dof);
    // A chi-squared draw of exactly 0 is possible in floating point; keep the state finite.
    if v.is_finite() {
        v.max(f64::MIN_POSITIVE)
    } else {
        prior_sq
    }
}

/// Indices of the lower and upper quantiles of `count` sorted draws at coverage `level`.
fn quantile_indices(count: usize, level: f64) -> (usize, usize) {
    let tail = (1.0 - level) / 2.0;
    let last = (count - 1) as f64;
    let lo = (tail * last).floor() as usize;
    let hi = ((1.0 - tail) * last).ceil() as usize;
    (lo.min(count - 1), hi.min(count - 1))
}

/// How a chain of `count` draws is cut for batch means: about sqrt(count) batches of equal
/// length (a leftover tail is not batched); fewer than 2 batches gives no error estimate.
fn batch_layout(count: usize) -> (usize, usize) {
    let batches = (count as f64).sqrt().floor() as usize;
    if batches < 2 {
        (0, count.max(1))
    } else {
        (batches, count / batches)
    }
}

/// Monte Carlo standard error of a chain's mean by batch means, from the batches' sums: the
/// batches' means are nearly independent when a batch is longer than the chain's memory.
fn batch_means_se(batch_sums: &[f64], len: usize) -> f64 {
    let nb = batch_sums.len();
    if nb < 2 {
        return 0.0;
    }
    let means: Vec<f64> = batch_sums.iter().map(|x| x / len as f64).collect();
    let m = means.iter().sum::<f64>() / nb as f64;
    let var = means.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (nb - 1) as f64;
    (var / nb as f64).sqrt()
}

/// Ranks (1 = highest value) with ties broken by index, so ranking is deterministic.
fn ranks_descending(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&x, &y| values[y].total_cmp(&values[x]).then(x.cmp(&y)));
    let mut rank = vec![0; values.len()];
    for (k, &i) in order.iter().enumerate() {
        rank[i] = k + 1;
    }
    rank
}

fn summarise(d: &Data, dr: &Draws, opt: &Options) -> Calibration {
    let (ns, count) = (d.num_s, dr.count);
    let (qlo, qhi) = quantile_indices(count, opt.level);
    let cut = opt.finalists.filter(|&n| n > 0 && n < ns);

    // Rank of every submission in every draw.
    let mut draw_rank = vec![0u32; ns * count];
    let mut column = vec![0.0; ns];
    for t in 0..count {
        for (s, c) in column.iter_mut().enumerate() {
            *c = dr.quality[s * count + t];
        }
        for (s, r) in ranks_descending(&column).into_iter().enumerate() {
            draw_rank[s * count + t] = r as u32;
        }
    }

    let quality = &dr.expected;
    let (nb, batch_len) = dr.batches;
    let rank = ranks_descending(quality);

    let raw: Vec<Option<f64>> = (0..ns)
        .map(|s| {
            let rs = d.by_sub.of(s);
            (!rs.is_empty()).then(|| rs.iter().map(|&r| d.y[r]).sum::<f64>() / rs.len() as f64)
        })
        .collect();
    // Unreviewed submissions sort last and get no raw rank.
    let raw_rank = ranks_descending(
        &raw.iter()
            .map(|m| m.unwrap_or(f64::NEG_INFINITY))
            .collect::<Vec<_>>(),
    );

    let mut sorted = vec![0.0; count];
    let judges: Vec<JudgeEffect> = (0..d.num_j)
        .map(|j| {
            sorted.copy_from_slice(&dr.bias[j * count..(j + 1) * count]);
            let bias = sorted.iter().sum::<f64>() / count as f64;
            sorted.sort_by(f64::total_cmp);
            JudgeEffect {
                n: d.by_judge.of(j).len(),
                bias,
                bias_lo: sorted[qlo].min(bias),
                bias_hi: sorted[qhi].max(bias),
                scale: dr.scale_sum[j] / count as f64,
            }
        })
        .collect();

    let level = dr.level_sum / count as f64;
    let mut sorted_rank = vec![0u32; count];
    let submissions = (0..ns)
        .map(|s| {
            sorted.copy_from_slice(&dr.quality[s * count..(s + 1) * count]);
            sorted.sort_by(f64::total_cmp);
            sorted_rank.copy_from_slice(&draw_rank[s * count..(s + 1) * count]);
            sorted_rank.sort_unstable();
            let rank_lo = (sorted_rank[qlo] as usize).min(rank[s]);
            let rank_hi = (sorted_rank[qhi] as usize).max(rank[s]);
            let p_finalist = cut.map(|n| {
                sorted_rank.iter().filter(|&&r| (r as usize) <= n).count() as f64 / count as f64
            });
            let reviews = d.by_sub.of(s);
            let shifts: Vec<JudgeShift> = reviews
                .iter()
                .map(|&r| {
                    let j = &judges[d.judge[r]];
                    let as_average = level + (d.y[r] - level - j.bias) / j.scale.max(0.1);
                    JudgeShift {
                        review: r,
                        judge: d.judge[r],
                        shift: (as_average - d.y[r]) / reviews.len() as f64,
                    }
                })
                .collect();
            let shrinkage = raw[s].map_or(0.0, |m| {
                quality[s] - m - shifts.iter().map(|x| x.shift).sum::<f64>()
            });
            SubmissionEstimate {
                n: reviews.len(),
                shifts,
                shrinkage,
                raw_mean: raw[s],
                raw_rank: raw[s].map(|_| raw_rank[s]),
                quality: quality[s],
                quality_mcse: batch_means_se(&dr.expected_batch[s * nb..(s + 1) * nb], batch_len),
                lo: sorted[qlo].min(quality[s]),
                hi: sorted[qhi].max(quality[s]),
                rank: rank[s],
                rank_lo,
                rank_hi,
                p_finalist,
                at_cut_tie: cut.is_some_and(|n| rank_lo <= n && rank_hi > n),
            }
        })
        .collect();

    let k = count as f64;
    Calibration {
        submissions,
        judges,
        model: ModelSummary {
            noise_sd: dr.noise_sd_sum / k,
            quality_sd: dr.quality_sd_sum / k,
            bias_sd: dr.bias_sd_sum / k,
            scale_sd: dr.scale_sd_sum / k,
        },
    }
}

/// Kendall's tau-b between two equally long sequences (ties allowed), in [-1, 1].
/// Returns 0 when either sequence is constant. O(n^2), fine for a call's size.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len(), "kendall_tau_b: lengths differ");
    let n = x.len();
    let (mut concordant, mut discordant, mut tie_x, mut tie_y) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for k in i + 1..n {
            let dx = x[i].total_cmp(&x[k]) as i64;
            let dy = y[i].total_cmp(&y[k]) as i64;
            match (dx, dy) {
                (0, 0) => {}
                (0, _) => tie_x += 1,
                (_, 0) => tie_y += 1,
                _ if dx == dy => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let n1 = (concordant + discordant + tie_x) as f64;
    let n2 = (concordant + discordant + tie_y) as f64;
    if n1 == 0.0 || n2 == 0.0 {
        return 0.0;
    }
    (concordant - discordant) as f64 / (n1 * n2).sqrt()
}
