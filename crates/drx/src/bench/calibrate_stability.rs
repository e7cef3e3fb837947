//! `drx bench calibrate --stability`: how far one added review moves the other submissions'
//! ranks, against how far a change of the sampler's seed alone moves them (Monte Carlo noise).
//!
//! For each simulated call (Dr. X size): calibrate; calibrate again with another seed; add one
//! review near the submission's own raw mean by a judge not yet on its panel and calibrate with
//! the first seed. Ranks that move by more than the rank interval are what issue 14 saw.
use drx_engine::calibrate::{calibrate, Calibration, Options, Review};

use super::calibrate::{simulate, Args, SIZES};

/// Rank moves between two calibrations of (nearly) the same call, ignoring `skip`.
struct Moves {
    largest: usize,
    mean: f64,
    /// Submissions whose new rank lies outside their old rank interval.
    outside_interval: usize,
}

fn moves(before: &Calibration, after: &Calibration, skip: Option<usize>) -> Moves {
    let (mut largest, mut sum, mut outside, mut n) = (0, 0usize, 0, 0);
    for (s, (b, a)) in before
        .submissions
        .iter()
        .zip(&after.submissions)
        .enumerate()
    {
        if Some(s) == skip {
            continue;
        }
        let d = b.rank.abs_diff(a.rank);
        largest = largest.max(d);
        sum += d;
        n += 1;
        if a.rank < b.rank_lo || a.rank > b.rank_hi {
            outside += 1;
        }
    }
    Moves {
        largest,
        mean: sum as f64 / n.max(1) as f64,
        outside_interval: outside,
    }
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn max(v: &[f64]) -> f64 {
    v.iter().cloned().fold(0.0, f64::max)
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let size = &SIZES[0];
    let opt = |seed: u64| Options {
        seed,
        burn_in: args.burn_in,
        draws: args.draws,
        level: args.level,
        robust: !args.gaussian,
        finalists: Some(size.finalists),
        ..Options::default()
    };
    let (mut seed_largest, mut seed_mean, mut seed_outside) = (vec![], vec![], vec![]);
    let (mut add_largest, mut add_mean, mut add_outside) = (vec![], vec![], vec![]);
    let (mut wild_largest, mut wild_mean, mut wild_outside) = (vec![], vec![], vec![]);
    let (mut mcse_max, mut mcse_mean, mut gap) = (vec![], vec![], vec![]);
    for seed in args.first_seed..args.first_seed + args.seeds {
        let sim = simulate(size, seed, args.judge_effects);
        let base = calibrate(&sim.reviews, &opt(seed))?;
        let reseeded = calibrate(&sim.reviews, &opt(seed + 1_000_003))?;
        let m = moves(&base, &reseeded, None);
        seed_largest.push(m.largest as f64);
        seed_mean.push(m.mean);
        seed_outside.push(m.outside_interval as f64);

        // One more review of the submission in the middle of the ranking, at its raw mean.
        let target = base
            .submissions
            .iter()
            .position(|e| e.rank == size.submissions / 2)
            .expect("a middle rank");
        let on_panel: Vec<usize> = sim
            .reviews
            .reviews
            .iter()
            .filter(|r| r.submission == target)
            .map(|r| r.judge)
            .collect();
        let judge = (0..size.judges)
            .find(|j| !on_panel.contains(j))
            .expect("a judge off the panel");
        let raw = base.submissions[target].raw_mean.expect("reviewed");
        // At its raw mean, then at the far end of the scale (the outlier of issue 14's #31).
        let wild = if raw < 5.5 { 10.0 } else { 1.0 };
        for (score, l, m, o) in [
            (
                raw.round().clamp(1.0, 10.0),
                &mut add_largest,
                &mut add_mean,
                &mut add_outside,
            ),
            (wild, &mut wild_largest, &mut wild_mean, &mut wild_outside),
        ] {
            let mut more = sim.reviews.clone();
            more.reviews.push(Review {
                judge,
                submission: target,
                score,
                confidence: None,
            });
            let added = calibrate(&more, &opt(seed))?;
            let mv = moves(&base, &added, Some(target));
            l.push(mv.largest as f64);
            m.push(mv.mean);
            o.push(mv.outside_interval as f64);
        }

        let se: Vec<f64> = base.submissions.iter().map(|e| e.quality_mcse).collect();
        mcse_max.push(max(&se));
        mcse_mean.push(mean(&se));
        let mut q: Vec<f64> = base.submissions.iter().map(|e| e.quality).collect();
        q.sort_by(f64::total_cmp);
        let gaps: Vec<f64> = q.windows(2).map(|w| w[1] - w[0]).collect();
        gap.push(mean(&gaps));
    }
    println!(
        "{} simulated calls ({}), {} draws after {} burn-in; one review added to the middle-ranked submission by a judge off its panel.\n",
        args.seeds, size.name, args.draws, args.burn_in
    );
    println!("| change | largest rank move (mean over calls / worst) | mean rank move | ranks outside their old interval (mean / worst) |");
    println!("|---|---|---|---|");
    for (name, l, m, o) in [
        (
            "seed only (Monte Carlo noise)",
            &seed_largest,
            &seed_mean,
            &seed_outside,
        ),
        (
            "one added review at its mean, same seed",
            &add_largest,
            &add_mean,
            &add_outside,
        ),
        (
            "one added outlying review (1 or 10), same seed",
            &wild_largest,
            &wild_mean,
            &wild_outside,
        ),
    ] {
        println!(
            "| {name} | {:.1} / {:.0} | {:.2} | {:.1} / {:.0} |",
            mean(l),
            max(l),
            mean(m),
            mean(o),
            max(o)
        );
    }
    println!(
        "\nMonte Carlo standard error of the calibrated score (batch means): mean {:.4}, largest {:.4} points; mean gap between neighbouring scores {:.4} points.",
        mean(&mcse_mean),
        max(&mcse_max),
        mean(&gap)
    );
    Ok(())
}
