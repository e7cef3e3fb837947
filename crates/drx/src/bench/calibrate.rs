//! `drx bench calibrate`: raw means against calibrated scores on simulated calls whose truth is known.
//!
//! The simulation is deliberately not the engine's model: integer scores clamped to 1..10,
//! judges with their own noise level (the model assumes one), severities that cluster by field
//! so that some submissions meet harsher panels, and spreads drawn log-normally.
use std::path::PathBuf;
use std::time::Instant;

use drx_engine::calibrate::{calibrate, kendall_tau_b, rng::Rng, Options, Review, Reviews};

#[derive(clap::Args)]
pub struct Args {
    /// Review data to rank (judge,submission,criterion,score per line) instead of simulating.
    #[arg(long, requires = "out")]
    pub(super) scores: Option<PathBuf>,
    /// With --scores: the true quality (submission,true_quality) to score the ranking against.
    #[arg(long, requires = "scores")]
    pub(super) truth: Option<PathBuf>,
    /// With --scores: where to write the ranking with its intervals (CSV).
    #[arg(long, requires = "scores")]
    pub(super) out: Option<PathBuf>,
    /// Write one simulated call (Dr. X size, seed --first-seed) as scores.csv and truth.csv here.
    #[arg(long, conflicts_with = "scores")]
    pub(super) simulate_to: Option<PathBuf>,
    /// Rank moves from one added review against those from the seed alone.
    #[arg(long, conflicts_with_all = ["scores", "simulate_to"])]
    pub(super) stability: bool,
    /// With --scores: judges' offsets only, no per-judge spread.
    #[arg(long, requires = "scores")]
    pub(super) offset_only: bool,
    /// Normal review noise instead of the robust Student-t (the model before issue 14).
    #[arg(long)]
    pub(super) gaussian: bool,
    /// Number of simulated calls per size.
    #[arg(long, default_value_t = 50)]
    pub(super) seeds: u64,
    /// First seed; calls use seeds first..first+seeds.
    #[arg(long, default_value_t = 1)]
    pub(super) first_seed: u64,
    /// Which call sizes: drx, large or both.
    #[arg(long, default_value = "both")]
    size: String,
    /// Posterior draws kept per calibration.
    #[arg(long, default_value_t = Options::default().draws)]
    pub(super) draws: usize,
    /// Sweeps discarded first.
    #[arg(long, default_value_t = Options::default().burn_in)]
    pub(super) burn_in: usize,
    /// Interval coverage.
    #[arg(long, default_value_t = Options::default().level)]
    pub(super) level: f64,
    /// Multiplies the judges' severities and log-spreads: 0 makes all judges alike (noise only).
    #[arg(long, default_value_t = 1.0)]
    pub(super) judge_effects: f64,
}

pub(super) struct Size {
    pub(super) name: &'static str,
    pub(super) submissions: usize,
    pub(super) judges: usize,
    fields: usize,
    pub(super) finalists: usize,
}

pub(super) const SIZES: [Size; 2] = [
    Size {
        name: "Dr. X (155 subs, 40 judges)",
        submissions: 155,
        judges: 40,
        fields: 5,
        finalists: 16,
    },
    Size {
        name: "large (2000 subs, 300 judges)",
        submissions: 2000,
        judges: 300,
        fields: 12,
        finalists: 200,
    },
];

/// One simulated call and its truth.
pub(super) struct Simulated {
    pub(super) reviews: Reviews,
    /// True quality, in the generator's latent units.
    pub(super) theta: Vec<f64>,
    /// True quality as the call's average judge would score it, before rounding and clamping.
    truth_on_scale: Vec<f64>,
    /// The best possible estimate: weighted least squares knowing every judge's true severity,
    /// spread and noise (only rounding and clamping remain unknown).
    oracle: Vec<f64>,
}

const CENTRE: f64 = 5.5;
const STRETCH: f64 = 1.5;
/// Share of a submission's panel drawn from judges of its own field.
const IN_FIELD: f64 = 0.8;

pub(super) fn simulate(size: &Size, seed: u64, effects: f64) -> Simulated {
    let mut g = Rng::new(seed);
    let (ns, nj) = (size.submissions, size.judges);
    let theta: Vec<f64> = (0..ns).map(|_| g.normal()).collect();
    let sub_field: Vec<usize> = (0..ns)
        .map(|_| g.below(size.fields as u64) as usize)
        .collect();
    let field_severity: Vec<f64> = (0..size.fields)
        .map(|_| effects * 0.6 * g.normal())
        .collect();
    let judge_field: Vec<usize> = (0..nj).map(|j| j % size.fields).collect();
    let severity: Vec<f64> = (0..nj)
        .map(|j| field_severity[judge_field[j]] + effects * 0.6 * g.normal())
        .collect();
    let spread: Vec<f64> = (0..nj)
        .map(|_| (effects * 0.3 * g.normal()).exp())
        .collect();
    let noise: Vec<f64> = (0..nj).map(|_| 0.6 + 0.8 * g.uniform()).collect();
    let by_field: Vec<Vec<usize>> = (0..size.fields)
        .map(|f| (0..nj).filter(|&j| judge_field[j] == f).collect())
        .collect();

    let mut load = vec![0usize; nj];
    let mut reviewed_by = vec![false; nj];
    let mut reviews = Vec::new();
    for s in 0..ns {
        let k = 3 + g.below(3) as usize;
        let mut panel: Vec<usize> = Vec::with_capacity(k);
        while panel.len() < k {
            let pool: &[usize] =
                if g.uniform() < IN_FIELD && by_field[sub_field[s]].len() > panel.len() {
                    &by_field[sub_field[s]]
                } else {
                    &[]
                };
            // Two random candidates, keep the less loaded: balanced yet random panels.
            let mut pick = || {
                if pool.is_empty() {
                    g.below(nj as u64) as usize
                } else {
                    pool[g.below(pool.len() as u64) as usize]
                }
            };
            let (x, y) = (pick(), pick());
            let j = if load[y] < load[x] { y } else { x };
            if !panel.contains(&j) {
                panel.push(j);
            }
        }
        for j in panel {
            load[j] += 1;
            reviewed_by[j] = true;
            let latent =
                CENTRE + severity[j] + STRETCH * spread[j] * theta[s] + noise[j] * g.normal();
            reviews.push(Review {
                judge: j,
                submission: s,
                score: latent.round().clamp(1.0, 10.0),
                confidence: None,
            });
        }
    }
    let active: Vec<usize> = (0..nj).filter(|&j| reviewed_by[j]).collect();
    let mean_sev = active.iter().map(|&j| severity[j]).sum::<f64>() / active.len() as f64;
    let mean_spread = active.iter().map(|&j| spread[j]).sum::<f64>() / active.len() as f64;
    let truth_on_scale = theta
        .iter()
        .map(|t| CENTRE + mean_sev + STRETCH * mean_spread * t)
        .collect();
    let mut num = vec![0.0; ns];
    let mut den = vec![0.0; ns];
    for r in &reviews {
        let (j, s) = (r.judge, r.submission);
        let slope = STRETCH * spread[j];
        let precision = 1.0 / (noise[j] * noise[j]);
        num[s] += precision * slope * (r.score - CENTRE - severity[j]);
        den[s] += precision * slope * slope;
    }
    let oracle = (0..ns).map(|s| num[s] / den[s]).collect();
    Simulated {
        reviews: Reviews {
            num_judges: nj,
            num_submissions: ns,
            scale: (1.0, 10.0),
            reviews,
        },
        theta,
        truth_on_scale,
        oracle,
    }
}

/// Indices of the `n` largest values (ties by index).
fn top(values: &[f64], n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    order.truncate(n);
    order
}

fn ranks(values: &[f64]) -> Vec<usize> {
    let mut r = vec![0; values.len()];
    for (k, i) in top(values, values.len()).into_iter().enumerate() {
        r[i] = k + 1;
    }
    r
}

/// Standard-normal quantile for a two-sided interval at `level`, by Abramowitz and Stegun
/// 26.2.23 (error below 4.5e-4, plenty for a naive comparison interval).
fn z_for(level: f64) -> f64 {
    let p = (1.0 - level) / 2.0;
    let t = (-2.0 * p.ln()).sqrt();
    t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
        / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
}

#[derive(Default)]
struct Tally {
    tau: Vec<f64>,
    top_share: Vec<f64>,
    quality_cover: Vec<f64>,
    rank_cover: Vec<f64>,
    rank_width: Vec<f64>,
    ties: Vec<f64>,
    seconds: Vec<f64>,
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn sd(v: &[f64]) -> f64 {
    let m = mean(v);
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len().max(2) - 1) as f64).sqrt()
}

fn score_estimate(t: &mut Tally, sim: &Simulated, estimate: &[f64], n_top: usize) {
    t.tau.push(kendall_tau_b(&sim.theta, estimate));
    let truth_top = top(&sim.theta, n_top);
    let hit = top(estimate, n_top)
        .iter()
        .filter(|i| truth_top.contains(i))
        .count();
    t.top_share.push(hit as f64 / n_top as f64);
}

pub fn run(args: Args) -> anyhow::Result<()> {
    if args.stability {
        return super::calibrate_stability::run(&args);
    }
    if let Some(dir) = &args.simulate_to {
        return super::calibrate_file::write_simulated(&args, dir);
    }
    if let Some(scores) = &args.scores {
        return super::calibrate_file::run(&args, scores);
    }
    let sizes: Vec<&Size> = match args.size.as_str() {
        "drx" => vec![&SIZES[0]],
        "large" => vec![&SIZES[1]],
        "both" => SIZES.iter().collect(),
        other => anyhow::bail!("unknown size {other:?}: use drx, large or both"),
    };
    anyhow::ensure!(args.seeds > 0, "--seeds must be at least 1");
    let z = z_for(args.level);
    let pct = |x: f64| format!("{:.1}%", 100.0 * x);

    println!(
        "{} simulated calls per size (seeds {}..{}), judge effects x{}, {} draws after {} burn-in, {:.0}% intervals.\n",
        args.seeds,
        args.first_seed,
        args.first_seed + args.seeds - 1,
        args.judge_effects,
        args.draws,
        args.burn_in,
        100.0 * args.level
    );
    println!("| size | method | Kendall τ to truth (mean ± sd) | τ gain over raw, paired (mean ± sd; calls better) | true top-N recovered | top-N gain over raw | quality interval covers truth | rank interval covers true rank | mean rank-interval width | flagged as tie at cut | seconds per call |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for size in sizes {
        let n_top = size.finalists;
        let mut raw = Tally::default();
        let mut centred_tally = Tally::default();
        let mut oracle = Tally::default();
        let mut offset = Tally::default();
        let mut full = Tally::default();
        for seed in args.first_seed..args.first_seed + args.seeds {
            let sim = simulate(size, seed, args.judge_effects);
            score_estimate(&mut oracle, &sim, &sim.oracle, n_top);
            let ns = size.submissions;
            let true_rank = ranks(&sim.theta);

            // Raw means with the naive interval mean ± z * pooled within-submission sd / sqrt(n).
            let started = Instant::now();
            let mut sum = vec![0.0; ns];
            let mut sum_sq = vec![0.0; ns];
            let mut n = vec![0usize; ns];
            for r in &sim.reviews.reviews {
                sum[r.submission] += r.score;
                sum_sq[r.submission] += r.score * r.score;
                n[r.submission] += 1;
            }
            let means: Vec<f64> = (0..ns).map(|s| sum[s] / n[s] as f64).collect();
            let (ss, dof) = (0..ns).fold((0.0, 0usize), |(ss, dof), s| {
                (
                    ss + sum_sq[s] - n[s] as f64 * means[s] * means[s],
                    dof + n[s] - 1,
                )
            });
            let pooled_sd = (ss / dof as f64).sqrt();
            raw.seconds.push(started.elapsed().as_secs_f64());
            score_estimate(&mut raw, &sim, &means, n_top);
            let covered = (0..ns)
                .filter(|&s| {
                    (means[s] - sim.truth_on_scale[s]).abs() <= z * pooled_sd / (n[s] as f64).sqrt()
                })
                .count();
            raw.quality_cover.push(covered as f64 / ns as f64);

            // The spreadsheet fix: remove each judge's mean deviation from the submissions'
            // raw means, once, then average again.
            let started = Instant::now();
            let mut dev = vec![(0.0, 0usize); size.judges];
            for r in &sim.reviews.reviews {
                dev[r.judge].0 += r.score - means[r.submission];
                dev[r.judge].1 += 1;
            }
            let mut centred = vec![0.0; ns];
            for r in &sim.reviews.reviews {
                centred[r.submission] +=
                    (r.score - dev[r.judge].0 / dev[r.judge].1 as f64) / n[r.submission] as f64;
            }
            centred_tally.seconds.push(started.elapsed().as_secs_f64());
            score_estimate(&mut centred_tally, &sim, &centred, n_top);

            for (tally, judge_scale) in [(&mut offset, false), (&mut full, true)] {
                let opt = Options {
                    seed: seed ^ 0xCA11_B8A7E,
                    burn_in: args.burn_in,
                    draws: args.draws,
                    level: args.level,
                    judge_scale,
                    finalists: Some(n_top),
                    robust: !args.gaussian,
                };
                let started = Instant::now();
                let c = calibrate(&sim.reviews, &opt)?;
                tally.seconds.push(started.elapsed().as_secs_f64());
                let quality: Vec<f64> = c.submissions.iter().map(|e| e.quality).collect();
                score_estimate(tally, &sim, &quality, n_top);
                let share = |f: &dyn Fn(usize) -> bool| {
                    (0..ns).filter(|&s| f(s)).count() as f64 / ns as f64
                };
                let e = &c.submissions;
                tally.quality_cover.push(share(&|s| {
                    e[s].lo <= sim.truth_on_scale[s] && sim.truth_on_scale[s] <= e[s].hi
                }));
                tally.rank_cover.push(share(&|s| {
                    e[s].rank_lo <= true_rank[s] && true_rank[s] <= e[s].rank_hi
                }));
                tally.rank_width.push(mean(
                    &e.iter()
                        .map(|x| (x.rank_hi - x.rank_lo) as f64)
                        .collect::<Vec<_>>(),
                ));
                tally
                    .ties
                    .push(e.iter().filter(|x| x.at_cut_tie).count() as f64);
            }
        }
        for (name, t) in [
            ("raw mean", &raw),
            ("judge-centred mean", &centred_tally),
            ("calibrated, offset", &offset),
            ("calibrated, offset + spread", &full),
            ("oracle: true judge effects known", &oracle),
        ] {
            let or_dash = |v: &[f64], f: &dyn Fn(f64) -> String| {
                if v.is_empty() {
                    "–".to_string()
                } else {
                    f(mean(v))
                }
            };
            // Paired over the same simulated calls, so call-to-call variation cancels.
            let gain: Vec<f64> = t.tau.iter().zip(&raw.tau).map(|(a, b)| a - b).collect();
            let wins = gain.iter().filter(|&&g| g > 0.0).count();
            let top_gain: Vec<f64> = t
                .top_share
                .iter()
                .zip(&raw.top_share)
                .map(|(a, b)| a - b)
                .collect();
            println!(
                "| {} (top {}) | {} | {:.3} ± {:.3} | {:+.3} ± {:.3} ({}/{}) | {} | {:+.1} pts | {} | {} | {} | {} | {} |",
                size.name,
                n_top,
                name,
                mean(&t.tau),
                sd(&t.tau),
                mean(&gain),
                sd(&gain),
                wins,
                gain.len(),
                pct(mean(&t.top_share)),
                100.0 * mean(&top_gain),
                or_dash(&t.quality_cover, &|x| pct(x)),
                or_dash(&t.rank_cover, &|x| pct(x)),
                or_dash(&t.rank_width, &|x| format!("{x:.1}")),
                or_dash(&t.ties, &|x| format!("{x:.1}")),
                or_dash(&t.seconds, &|x| format!("{x:.3}")),
            );
        }
    }
    Ok(())
}
