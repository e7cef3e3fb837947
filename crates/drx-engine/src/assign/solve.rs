//! The solver: feasibility by maximum flow, then optimality by cost scaling on a small "core"
//! of promising arcs, proved optimal for the whole candidate set by pricing every left-out arc;
//! the fairness mode bisects on the lowest allowed pair affinity before optimising the total.
//!
//! Why the core is exact: cost scaling ends with prices p such that every residual arc has
//! reduced cost >= -1 in units of 1/(n+1) of a cost unit, which proves optimality on its
//! network. A left-out arc carries no flow, so if its reduced cost under the same p is >= -1
//! too, the flow is 1-optimal on the full network, hence optimal there. Arcs that fail the test
//! are added and the core is solved again; the loop ends because the core only grows.

use super::build::{
    build, prepare, residual, structure, Built, Prepared, Residual, Structure, SIGMA, TAU,
};
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
    let st = structure(&prep);
    match problem.objective {
        Objective::Total => solve_total(&prep, &rest, &st, Some(DEFAULT_CORE)),
        Objective::Fair => {
            let mut full = build(&prep, &rest, &st, &|_| true, None);
            let flow = full.net.max_flow(SIGMA, TAU);
            if flow < full.demand {
                return Err(Infeasible {
                    reasons: vec![shortfall(&prep, &rest, &full, flow)],
                });
            }
            Ok(solve_fair(&prep, &rest, &st, full))
        }
    }
}

/// How many candidates seed the core: per submission its best `per_review x reviews + extra`,
/// per judge its best `per_load x max_load + load_extra`.
#[derive(Clone, Copy)]
pub(crate) struct CoreSize {
    pub per_review: usize,
    pub extra: usize,
    pub per_load: usize,
    pub load_extra: usize,
}

/// Measured on the benchmark instances (user CPU time over core sizes from 1k+2 to 4k+8 per
/// submission): small cores win although they need two pricing rounds; the per-judge picks
/// keep minimum loads feasible inside the core.
pub(crate) const DEFAULT_CORE: CoreSize = CoreSize {
    per_review: 1,
    extra: 6,
    per_load: 1,
    load_extra: 4,
};
/// Affinity margin within which left-out arcs join the core along with real violators.
const NEAR_MARGIN: f64 = 0.02;

/// The first refinement after adding arcs starts at this fraction of their worst violation.
const ALPHA_WARM: i64 = 8;

/// `core_size: None` solves the full network at once (the reference the core must match).
pub(crate) fn solve_total(
    prep: &Prepared,
    rest: &Residual,
    st: &Structure,
    core_size: Option<CoreSize>,
) -> Result<Solution, Infeasible> {
    let mut everything = core_size.is_none();
    let mut in_core = match core_size {
        Some(size) => core(prep, st, size),
        None => Vec::new(),
    };
    let mult = st.n as i64 + 1;
    // After the first round: the previous optimum (as used candidates), its prices, and how far
    // from optimal the added arcs make it.
    let mut warm: Option<(Vec<bool>, Vec<i64>, i64)> = None;
    loop {
        let keep = |i: usize| everything || in_core[i];
        let (built, price) = match warm.take() {
            Some((used, price, violation)) => {
                let mut b = build(prep, rest, st, &keep, Some(&used));
                let p = b.net.min_cost_from(price, violation);
                (b, p)
            }
            None => {
                let mut b = build(prep, rest, st, &keep, None);
                let flow = b.net.max_flow(SIGMA, TAU);
                if flow < b.demand {
                    if everything {
                        return Err(Infeasible {
                            reasons: vec![shortfall(prep, rest, &b, flow)],
                        });
                    }
                    // The core lacks arcs that feasibility needs (say, for minimum loads).
                    everything = true;
                    continue;
                }
                let p = b.net.min_cost();
                (b, p)
            }
        };
        debug_assert!(
            built.net.is_one_optimal(&price),
            "cost scaling ended without a certificate"
        );
        if everything {
            return Ok(extract(prep, &built, None));
        }
        // Arcs within `margin` of violating are likely to violate once prices move: add them
        // too (only when some arc really violates), to save rounds.
        let margin = (NEAR_MARGIN * st.scale) as i64 * mult;
        let mut violation = 0i64;
        let mut near: Vec<u32> = Vec::new();
        for (i, c) in prep.cands.iter().enumerate() {
            if in_core[i] || !st.usable(i) {
                continue;
            }
            let rc = -st.scaled(c.affinity) * mult + price[3 + c.judge as usize]
                - price[st.target[i] as usize];
            if rc < -1 {
                in_core[i] = true;
                violation = violation.max(-rc);
            } else if rc < margin {
                near.push(i as u32);
            }
        }
        if violation > 0 {
            for i in near {
                in_core[i as usize] = true;
            }
        }
        if violation == 0 {
            return Ok(extract(prep, &built, None));
        }
        let sol = extract(prep, &built, None);
        let mut used = vec![false; prep.cands.len()];
        for p in &sol.pairs {
            used[prep.index_of(*p).expect("assigned pairs are candidates")] = true;
        }
        drop(built);
        warm = Some((used, price, (violation / ALPHA_WARM).max(1)));
    }
}

/// The promising arcs: each submission's best candidates and each judge's best candidates,
/// a few more than they can use. Ties are broken by candidate order, so the core (and with it
/// the result) is deterministic.
fn core(prep: &Prepared, st: &Structure, size: CoreSize) -> Vec<bool> {
    let p = prep.problem;
    let cands = &prep.cands;
    let mut keep = vec![false; cands.len()];
    // Selection on packed keys (higher affinity first, then lower index): one u64 compare, no
    // random access into the candidates. f32 precision is plenty to choose a core.
    let key = |i: usize| -> u64 {
        let bits = (cands[i].affinity as f32).to_bits();
        // Order-preserving map of f32 to u32, inverted so that larger affinities come first.
        let ord = if bits >> 31 == 1 {
            !bits
        } else {
            bits | 0x8000_0000
        };
        ((!ord as u64) << 32) | i as u64
    };
    let pick = |group: &mut [u64], limit: usize, keep: &mut Vec<bool>| {
        if limit == 0 {
            return;
        }
        if group.len() > limit {
            group.select_nth_unstable(limit - 1);
        }
        for &k in group.iter().take(limit) {
            keep[(k & 0xFFFF_FFFF) as usize] = true;
        }
    };
    let mut group: Vec<u64> = Vec::new();
    for s in 0..p.submissions.len() {
        group.clear();
        for i in prep.sub_start[s] as usize..prep.sub_start[s + 1] as usize {
            if st.usable(i) {
                group.push(key(i));
            }
        }
        let k = p.submissions[s].reviews as usize;
        pick(&mut group, size.per_review * k + size.extra, &mut keep);
    }
    // Per judge: bucket the keys by judge (counting sort), then the same selection.
    let nj = p.judges.len();
    let mut offs = vec![0u32; nj + 1];
    for (i, c) in cands.iter().enumerate() {
        if st.usable(i) {
            offs[c.judge as usize + 1] += 1;
        }
    }
    for j in 0..nj {
        offs[j + 1] += offs[j];
    }
    let mut fill = offs.clone();
    let mut by_judge = vec![0u64; offs[nj] as usize];
    for (i, c) in cands.iter().enumerate() {
        if st.usable(i) {
            let f = &mut fill[c.judge as usize];
            by_judge[*f as usize] = key(i);
            *f += 1;
        }
    }
    for j in 0..nj {
        let limit = size.per_load * p.judges[j].max_load as usize + size.load_extra;
        pick(
            &mut by_judge[offs[j] as usize..offs[j + 1] as usize],
            limit,
            &mut keep,
        );
    }
    keep
}

/// Largest threshold t (over the distinct scaled affinities) such that using only pairs of
/// affinity >= t still admits an assignment; then the best total under that threshold.
/// Feasibility is monotone in t, so bisection over the sorted distinct values is exact.
fn solve_fair(prep: &Prepared, rest: &Residual, st: &Structure, full: Built) -> Solution {
    let mut values: Vec<i64> = prep
        .cands
        .iter()
        .enumerate()
        .filter(|(i, _)| st.usable(*i))
        .map(|(_, c)| st.scaled(c.affinity))
        .collect();
    values.sort_unstable();
    values.dedup();
    if values.is_empty() {
        let mut full = full;
        full.net.min_cost();
        return extract(prep, &full, None);
    }
    let cands = &prep.cands;
    // values[lo] is feasible (the smallest value admits every pair); find the last feasible.
    let (mut lo, mut hi) = (0usize, values.len());
    let mut best: Option<Built> = None;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let t = values[mid];
        let mut b = build(prep, rest, st, &|i| st.scaled(cands[i].affinity) >= t, None);
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
    extract(prep, &chosen, Some(values[lo] as f64 / st.scale))
}

fn extract(prep: &Prepared, built: &Built, threshold: Option<f64>) -> Solution {
    let net = &built.net;
    let mut pairs: Vec<Pair> = prep.forced.clone();
    for j in 0..built.judges {
        let u = built.judge_node(j);
        for a in net.first[u] as usize..net.first[u + 1] as usize {
            // A judge's only arcs towards submissions are its candidate arcs (capacity 1).
            if net.arcs[a].res == 0 {
                if let Some(s) = built.submission_of(net.arcs[a].head as usize) {
                    pairs.push(Pair::new(s, j as u32));
                }
            }
        }
    }
    pairs.sort_unstable();
    let mut per_sub = vec![0.0f64; built.submissions];
    let mut total = 0.0;
    for p in &pairs {
        let i = prep.index_of(*p).expect("assigned pairs are candidates");
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
        max_abs_error: if built.exact { 0.0 } else { free / built.scale },
        pairs,
    }
}
