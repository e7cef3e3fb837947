//! What the organizer's result page shows about an assignment: loads and their histogram,
//! each submission's total affinity, and the worst-served submissions.

use super::{Pair, Problem};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Number of submissions per judge, indexed by judge.
    pub judge_loads: Vec<u32>,
    /// (load, number of judges with that load), by increasing load, zero counts left out.
    pub load_histogram: Vec<(u32, u32)>,
    /// Sum of the affinities of each submission's judges, indexed by submission.
    pub submission_affinity: Vec<f64>,
    /// The `worst` submissions with the lowest total affinity, lowest first (ties by id).
    pub worst_submissions: Vec<(u32, f64)>,
}

/// Summarises `pairs` (for example `Solution::pairs`) for `problem`. Pairs that are not
/// candidates count with affinity 0; ids out of range are ignored (the checker reports both).
pub fn summarize(problem: &Problem, pairs: &[Pair], worst: usize) -> Summary {
    let aff: HashMap<Pair, f64> = problem
        .candidates
        .iter()
        .map(|c| (Pair::new(c.submission, c.judge), c.affinity))
        .collect();
    let mut judge_loads = vec![0u32; problem.judges.len()];
    let mut submission_affinity = vec![0.0f64; problem.submissions.len()];
    for p in pairs {
        let (s, j) = (p.submission as usize, p.judge as usize);
        if s < submission_affinity.len() && j < judge_loads.len() {
            judge_loads[j] += 1;
            submission_affinity[s] += aff.get(p).copied().unwrap_or(0.0);
        }
    }
    let max_load = judge_loads.iter().copied().max().unwrap_or(0) as usize;
    let mut counts = vec![0u32; max_load + 1];
    for &l in &judge_loads {
        counts[l as usize] += 1;
    }
    let load_histogram = counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(l, &c)| (l as u32, c))
        .collect();
    let mut order: Vec<(u32, f64)> = submission_affinity
        .iter()
        .enumerate()
        .map(|(s, &a)| (s as u32, a))
        .collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    order.truncate(worst);
    Summary {
        judge_loads,
        load_histogram,
        submission_affinity,
        worst_submissions: order,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Candidate, Problem};
    use super::*;

    #[test]
    fn summary_counts_loads_and_orders_the_worst_served_first() {
        let c = Candidate::new;
        let p = Problem::uniform(
            3,
            2,
            1,
            0,
            3,
            vec![c(0, 0, 0.9), c(1, 0, 0.2), c(2, 1, 0.5)],
        );
        let sum = summarize(&p, &[Pair::new(0, 0), Pair::new(1, 0), Pair::new(2, 1)], 2);
        assert_eq!(sum.judge_loads, vec![2, 1]);
        assert_eq!(sum.load_histogram, vec![(1, 1), (2, 1)]);
        assert_eq!(sum.worst_submissions, vec![(1, 0.2), (2, 0.5)]);
    }
}
