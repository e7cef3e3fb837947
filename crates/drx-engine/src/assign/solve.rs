//! The solver: feasibility by maximum flow, then optimality by cost scaling; the fairness mode
//! bisects on the lowest allowed pair affinity before optimising the total.

use super::build::{build, find, prepare, residual, Built, Prepared, Residual, SIGMA, TAU};
use super::check::{precheck, shortfall};
use super::{Infeasible, Objective, Pair, Problem, Solution};

/// Solves `problem` to optimality, or explains why no assignment exists.
pub fn solve(problem: &Problem) -> Result<Solution, Infeasible> {
    let prep = prepare(problem)?;
    let rest = residual(&prep);
    let reasons = precheck(&prep, &rest);
    if !reasons.is_empty() {
        return Err(Infeasible { reasons });
    }
    let mut built = build(&prep, &rest, i64::MIN);
    let flow = built.net.max_flow(SIGMA, TAU);
    if flow < built.demand {
        return Err(Infeasible {
            reasons: vec![shortfall(&prep, &rest, &built, flow)],
        });
    }
    match problem.objective {
        Objective::Total => {
            built.net.min_cost();
            Ok(extract(&prep, &built, None))
        }
        Objective::Fair => Ok(solve_fair(&prep, &rest, built)),
    }
}

/// Largest threshold t (over the distinct scaled affinities) such that using only pairs of
/// affinity >= t still admits an assignment; then the best total under that threshold.
/// Feasibility is monotone in t, so bisection over the sorted distinct values is exact.
fn solve_fair(prep: &Prepared, rest: &Residual, full: Built) -> Solution {
    let scale = full.scale;
    let mut values: Vec<i64> = prep
        .cands
        .iter()
        .zip(&prep.eligible)
        .filter(|(_, &e)| e)
        .map(|(c, _)| (c.affinity * scale).round() as i64)
        .collect();
    values.sort_unstable();
    values.dedup();
    if values.is_empty() {
        let mut full = full;
        full.net.min_cost();
        return extract(prep, &full, None);
    }
    // values[lo] is feasible (the smallest value admits every pair); find the last feasible.
    let (mut lo, mut hi) = (0usize, values.len());
    let mut best: Option<Built> = None;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let mut b = build(prep, rest, values[mid]);
        if b.net.max_flow(SIGMA, TAU) == b.demand {
            lo = mid;
            best = Some(b);
        } else {
            hi = mid;
        }
    }
    let mut chosen = match best {
        // `best` came from the last successful probe, which is `lo` (probes only move up).
        Some(b) if lo > 0 => b,
        _ => full,
    };
    chosen.net.min_cost();
    extract(prep, &chosen, Some(values[lo] as f64 / scale))
}

fn extract(prep: &Prepared, built: &Built, threshold: Option<f64>) -> Solution {
    let net = &built.net;
    let mut pairs: Vec<Pair> = prep.forced.clone();
    for j in 0..built.judges {
        let u = built.judge_node(j);
        for a in net.first[u] as usize..net.first[u + 1] as usize {
            if net.res[a] == 0 {
                if let Some(s) = built.submission_of(net.head[a] as usize) {
                    pairs.push(Pair::new(s, j as u32));
                }
            }
        }
    }
    pairs.sort_unstable();
    let mut per_sub = vec![0.0f64; built.submissions];
    let mut total = 0.0;
    for p in &pairs {
        let i = find(&prep.cands, *p).expect("assigned pairs are candidates");
        let a = prep.cands[i].affinity;
        total += a;
        per_sub[p.submission as usize] += a;
    }
    let min_sub = per_sub.iter().copied().fold(f64::INFINITY, f64::min);
    let free = (pairs.len() - prep.forced.len()) as f64;
    Solution {
        total_affinity: total,
        min_submission_affinity: if min_sub.is_finite() { min_sub } else { 0.0 },
        fairness_threshold: threshold,
        scale: built.scale,
        max_abs_error: free / built.scale,
        pairs,
    }
}
