//! Optimality against exhaustive search on small seeded random instances, determinism, the
//! checker and the infeasibility explanations.

use super::*;

/// SplitMix64: a tiny seeded generator so the tests need no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

fn random_problem(rng: &mut Rng, objective: Objective) -> Problem {
    let ns = 1 + rng.below(4) as usize;
    let nj = 1 + rng.below(5) as usize;
    let orgs = rng.chance(0.4);
    let submissions = (0..ns)
        .map(|_| SubmissionSpec {
            reviews: rng.below(3) as u32,
            author_orgs: if orgs && rng.chance(0.3) {
                vec![rng.below(3) as u32]
            } else {
                vec![]
            },
        })
        .collect();
    let judges = (0..nj)
        .map(|_| {
            let min_load = rng.below(2) as u32;
            JudgeSpec {
                min_load,
                max_load: min_load + rng.below(3) as u32,
                org: if orgs && rng.chance(0.7) {
                    Some(rng.below(3) as u32)
                } else {
                    None
                },
            }
        })
        .collect();
    let mut candidates = Vec::new();
    for s in 0..ns as u32 {
        for j in 0..nj as u32 {
            if rng.chance(0.8) {
                // Three decimals: exact at any scale >= 1e3, and ties are frequent.
                candidates.push(Candidate::new(s, j, rng.below(1001) as f64 / 1000.0));
            }
        }
    }
    let pick = |rng: &mut Rng, p: f64| -> Vec<Pair> {
        candidates
            .iter()
            .filter(|_| rng.chance(p))
            .map(|c| Pair::new(c.submission, c.judge))
            .collect()
    };
    let conflicts = pick(rng, 0.1);
    let forbidden = pick(rng, 0.05);
    let forced = pick(rng, 0.08);
    // Shuffle so the solver's sorting path is exercised too.
    for i in (1..candidates.len()).rev() {
        let k = rng.below(i as u64 + 1) as usize;
        candidates.swap(i, k);
    }
    Problem {
        submissions,
        judges,
        candidates,
        conflicts,
        forced,
        forbidden,
        one_judge_per_org: orgs && rng.chance(0.7),
        objective,
    }
}

/// Exhaustive search: the best (threshold, total) for Fair, or total for Total; None if
/// infeasible. Uses the checker for feasibility, so it shares no code with the solver.
fn brute_force(p: &Problem) -> Option<(f64, f64)> {
    let ns = p.submissions.len();
    let options: Vec<Vec<Vec<Pair>>> = (0..ns)
        .map(|s| {
            let js: Vec<u32> = p
                .candidates
                .iter()
                .filter(|c| c.submission == s as u32)
                .map(|c| c.judge)
                .collect();
            let k = p.submissions[s].reviews as usize;
            let mut out = Vec::new();
            for mask in 0u32..(1 << js.len()) {
                if mask.count_ones() as usize == k {
                    out.push(
                        (0..js.len())
                            .filter(|b| mask >> b & 1 == 1)
                            .map(|b| Pair::new(s as u32, js[b]))
                            .collect(),
                    );
                }
            }
            out
        })
        .collect();
    let aff = |q: &Pair| {
        p.candidates
            .iter()
            .find(|c| c.submission == q.submission && c.judge == q.judge)
            .unwrap()
            .affinity
    };
    let mut best: Option<(f64, f64)> = None;
    let mut idx = vec![0usize; ns];
    if options.iter().any(|o| o.is_empty()) {
        return None;
    }
    loop {
        let pairs: Vec<Pair> = (0..ns)
            .flat_map(|s| options[s][idx[s]].iter().copied())
            .collect();
        if check(p, &pairs).is_empty() {
            let total: f64 = pairs.iter().map(aff).sum();
            let thr = pairs
                .iter()
                .filter(|q| !p.forced.contains(q))
                .map(aff)
                .fold(f64::INFINITY, f64::min);
            let key = match p.objective {
                Objective::Total => (0.0, total),
                Objective::Fair => (thr, total),
            };
            let better = match best {
                None => true,
                Some(b) => key.0 > b.0 + 1e-12 || (key.0 > b.0 - 1e-12 && key.1 > b.1 + 1e-12),
            };
            if better {
                best = Some(key);
            }
        }
        let mut s = 0;
        while s < ns {
            idx[s] += 1;
            if idx[s] < options[s].len() {
                break;
            }
            idx[s] = 0;
            s += 1;
        }
        if s == ns {
            return best;
        }
    }
}

#[test]
fn total_objective_matches_brute_force_on_random_small_instances() {
    let mut rng = Rng(7);
    let (mut feasible, mut infeasible) = (0, 0);
    for case in 0..600 {
        let p = random_problem(&mut rng, Objective::Total);
        let expect = brute_force(&p);
        match (solve(&p), expect) {
            (Ok(sol), Some((_, total))) => {
                feasible += 1;
                assert!(
                    (sol.total_affinity - total).abs() < 1e-9,
                    "case {case}: {} vs {total}\n{p:?}",
                    sol.total_affinity
                );
                assert_eq!(check(&p, &sol.pairs), vec![], "case {case}");
                assert!(explain_infeasibility(&p).is_empty(), "case {case}");
            }
            (Err(e), None) => {
                infeasible += 1;
                assert!(!e.reasons.is_empty(), "case {case}");
            }
            (got, want) => panic!("case {case}: solver {got:?}, brute force {want:?}\n{p:?}"),
        }
    }
    // The generator must exercise both outcomes for the test to mean anything.
    assert!(
        feasible > 100 && infeasible > 100,
        "{feasible} feasible, {infeasible} infeasible"
    );
}

#[test]
fn fair_objective_matches_brute_force_threshold_then_total() {
    let mut rng = Rng(11);
    let mut nontrivial = 0;
    for case in 0..600 {
        let p = random_problem(&mut rng, Objective::Fair);
        let expect = brute_force(&p);
        match (solve(&p), expect) {
            (Ok(sol), Some((thr, total))) => {
                assert_eq!(check(&p, &sol.pairs), vec![], "case {case}");
                assert!(
                    (sol.total_affinity - total).abs() < 1e-9,
                    "case {case}: total {} vs {total}",
                    sol.total_affinity
                );
                if thr.is_finite() {
                    nontrivial += 1;
                    let got = sol.fairness_threshold.unwrap();
                    assert!(
                        (got - thr).abs() < 1e-9,
                        "case {case}: threshold {got} vs {thr}\n{p:?}"
                    );
                }
            }
            (Err(_), None) => {}
            (got, want) => panic!("case {case}: solver {got:?}, brute force {want:?}\n{p:?}"),
        }
    }
    assert!(nontrivial > 100);
}

#[test]
fn fair_mode_raises_the_worst_pair_at_the_cost_of_total() {
    // Total-optimal gives s1 the 0.3 pair; fair trades 0.2 of total to avoid it.
    let c = Candidate::new;
    let mut p = Problem::uniform(
        2,
        2,
        1,
        0,
        1,
        vec![c(0, 0, 1.0), c(0, 1, 0.5), c(1, 0, 0.6), c(1, 1, 0.3)],
    );
    let total = solve(&p).unwrap();
    assert_eq!(total.pairs, vec![Pair::new(0, 0), Pair::new(1, 1)]);
    p.objective = Objective::Fair;
    let fair = solve(&p).unwrap();
    assert_eq!(fair.pairs, vec![Pair::new(0, 1), Pair::new(1, 0)]);
    assert_eq!(fair.fairness_threshold, Some(0.5));
    assert!((fair.min_submission_affinity - 0.5).abs() < 1e-12);
}

fn medium(seed: u64, ns: usize, nj: usize, density: f64) -> Problem {
    let mut rng = Rng(seed);
    let mut cands = Vec::new();
    for s in 0..ns as u32 {
        for j in 0..nj as u32 {
            if rng.chance(density) {
                cands.push(Candidate::new(s, j, rng.below(1_000_000) as f64 / 1e6));
            }
        }
    }
    let total = ns as u32 * 3;
    Problem::uniform(
        ns,
        nj,
        3,
        total / nj as u32 / 2,
        total.div_ceil(nj as u32) + 1,
        cands,
    )
}

#[test]
fn same_input_in_any_order_gives_the_same_assignment() {
    let p = medium(3, 300, 120, 0.3);
    let a = solve(&p).unwrap();
    let b = solve(&p).unwrap();
    assert_eq!(a, b);
    let mut q = p.clone();
    q.candidates.reverse();
    let c = solve(&q).unwrap();
    assert_eq!(a.pairs, c.pairs);
    assert_eq!(check(&p, &a.pairs), vec![]);
}

#[test]
fn optimum_is_not_improved_by_any_single_swap_on_a_medium_instance() {
    // A local certificate on an instance too big for brute force: no judge can be replaced on a
    // submission by an unused eligible judge with spare capacity to gain affinity.
    let p = medium(5, 200, 60, 0.5);
    let sol = solve(&p).unwrap();
    assert_eq!(check(&p, &sol.pairs), vec![]);
    let aff: std::collections::HashMap<Pair, f64> = p
        .candidates
        .iter()
        .map(|c| (Pair::new(c.submission, c.judge), c.affinity))
        .collect();
    let mut load = vec![0u32; p.judges.len()];
    for q in &sol.pairs {
        load[q.judge as usize] += 1;
    }
    let set: std::collections::HashSet<Pair> = sol.pairs.iter().copied().collect();
    for q in &sol.pairs {
        for j in 0..p.judges.len() as u32 {
            let alt = Pair::new(q.submission, j);
            if set.contains(&alt) || load[j as usize] >= p.judges[j as usize].max_load {
                continue;
            }
            if load[q.judge as usize] <= p.judges[q.judge as usize].min_load {
                continue;
            }
            if let Some(a) = aff.get(&alt) {
                assert!(*a <= aff[q] + 1e-12, "moving {q:?} to judge {j} gains");
            }
        }
    }
}

#[test]
fn checker_lists_each_broken_constraint() {
    let c = Candidate::new;
    let mut p = Problem::uniform(
        2,
        3,
        2,
        1,
        1,
        vec![c(0, 0, 0.5), c(0, 1, 0.5), c(1, 1, 0.5), c(1, 2, 0.5)],
    );
    p.judges[0].org = Some(9);
    p.judges[2].org = Some(9);
    p.submissions[1].author_orgs = vec![9];
    p.conflicts = vec![Pair::new(0, 1)];
    p.forbidden = vec![Pair::new(1, 1)];
    p.forced = vec![Pair::new(0, 0)];
    p.one_judge_per_org = true;
    let v = check(
        &p,
        &[
            Pair::new(0, 1),
            Pair::new(0, 1),
            Pair::new(1, 1),
            Pair::new(1, 2),
            Pair::new(1, 0),
            Pair::new(5, 0),
        ],
    );
    let text: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(has("names an unknown submission"), "{text:?}");
    assert!(has("assigned to submission 0 more than once"), "{text:?}");
    assert!(
        has("judge 1 has a conflict of interest with submission 0"),
        "{text:?}"
    );
    assert!(has("judge 1 is forbidden on submission 1"), "{text:?}");
    assert!(has("judge 2 belongs to organization 9"), "{text:?}");
    assert!(
        has("judge 0 may not review submission 1 (not a candidate pair)"),
        "{text:?}"
    );
    assert!(
        has("judge 0 is pinned to submission 0 but not assigned"),
        "{text:?}"
    );
    assert!(has("submission 0 has 1 judges, needs 2"), "{text:?}");
    assert!(
        has("judge 1 has 2 submissions, above the maximum 1"),
        "{text:?}"
    );
    assert!(
        has("submission 1 has 2 judges of organization 9"),
        "{text:?}"
    );
    let ok = check(&p, &[]);
    assert!(ok
        .iter()
        .any(|x| x.to_string() == "judge 0 has 0 submissions, below the minimum 1"));
}

#[test]
fn infeasible_inputs_are_explained_in_words() {
    let c = |s, j| Candidate::new(s, j, 0.5);
    // Submission 1 has two eligible judges but needs three.
    let p = Problem::uniform(
        2,
        3,
        3,
        0,
        2,
        vec![c(0, 0), c(0, 1), c(0, 2), c(1, 0), c(1, 2)],
    );
    let e = solve(&p).unwrap_err().to_string();
    assert!(
        e.contains("submission 1 has only 2 eligible judges (3 needed)"),
        "{e}"
    );
    // Minimum loads above the reviews needed.
    let p = Problem::uniform(1, 3, 1, 1, 1, vec![c(0, 0), c(0, 1), c(0, 2)]);
    let e = solve(&p).unwrap_err().to_string();
    assert!(
        e.contains("total minimum load 3 exceeds the 1 reviews needed"),
        "{e}"
    );
    // A Hall violation no single count shows: three submissions rely on judges 0 and 1 only,
    // who take one review each; judge 2 is idle.
    let p = Problem::uniform(
        3,
        3,
        1,
        0,
        1,
        vec![c(0, 0), c(0, 1), c(1, 0), c(1, 1), c(2, 0), c(2, 1)],
    );
    let e = solve(&p).unwrap_err().to_string();
    assert!(e.contains("only 2 of the 3 reviews can be placed"), "{e}");
    assert!(e.contains("submissions 0, 1, 2 need 3 more reviews"), "{e}");
    assert!(
        e.contains("judges who may review them (0, 1) can give them at most 2"),
        "{e}"
    );
    // Organization conflicts and one-per-organization counted in the explanation.
    let mut p = Problem::uniform(1, 3, 2, 0, 1, vec![c(0, 0), c(0, 1), c(0, 2)]);
    p.judges[0].org = Some(4);
    p.judges[1].org = Some(4);
    p.judges[2].org = Some(5);
    p.submissions[0].author_orgs = vec![5];
    p.one_judge_per_org = true;
    let e = solve(&p).unwrap_err().to_string();
    assert!(
        e.contains(
            "submission 0 has only 1 eligible judges from distinct organizations (2 needed)"
        ),
        "{e}"
    );
}

#[test]
fn one_judge_per_org_is_respected_and_costs_only_what_it_must() {
    let c = Candidate::new;
    let mut p = Problem::uniform(
        1,
        3,
        2,
        0,
        1,
        vec![c(0, 0, 0.9), c(0, 1, 0.8), c(0, 2, 0.1)],
    );
    p.judges[0].org = Some(1);
    p.judges[1].org = Some(1);
    assert_eq!(
        solve(&p).unwrap().pairs,
        vec![Pair::new(0, 0), Pair::new(0, 1)]
    );
    p.one_judge_per_org = true;
    assert_eq!(
        solve(&p).unwrap().pairs,
        vec![Pair::new(0, 0), Pair::new(0, 2)]
    );
    // A pinned judge of the organization excludes its colleagues.
    p.forced = vec![Pair::new(0, 1)];
    assert_eq!(
        solve(&p).unwrap().pairs,
        vec![Pair::new(0, 1), Pair::new(0, 2)]
    );
}

#[test]
fn teams_to_finalists_respects_capacities() {
    let c = Candidate::new;
    // Team 0 is everyone's favourite but takes two finalists.
    let p = Problem::teams_to_finalists(
        3,
        1,
        &[2, 1],
        vec![
            c(0, 0, 0.9),
            c(1, 0, 0.8),
            c(2, 0, 0.7),
            c(0, 1, 0.1),
            c(1, 1, 0.6),
            c(2, 1, 0.2),
        ],
    );
    let sol = solve(&p).unwrap();
    assert_eq!(
        sol.pairs,
        vec![Pair::new(0, 0), Pair::new(1, 1), Pair::new(2, 0)]
    );
    assert!((sol.total_affinity - 2.2).abs() < 1e-12);
}

#[test]
fn affinities_with_six_decimals_are_optimised_exactly() {
    let p = medium(9, 50, 20, 0.6);
    let sol = solve(&p).unwrap();
    assert!(sol.scale >= 1e6);
    let exact: i64 = sol
        .pairs
        .iter()
        .map(|q| {
            let c = p
                .candidates
                .iter()
                .find(|c| c.submission == q.submission && c.judge == q.judge)
                .unwrap();
            (c.affinity * 1e6).round() as i64
        })
        .sum();
    assert!((sol.total_affinity - exact as f64 / 1e6).abs() < 1e-6);
}

/// Medium random instances with organizations, conflicts and pins: too big for brute force,
/// so the core-and-pricing solver is compared with solving the whole network at once, with the
/// default core and with a core so small that several pricing rounds are needed.
#[test]
fn pricing_rounds_reach_the_same_optimum_as_the_full_network() {
    use super::build::{prepare, residual, structure};
    use super::solve::{solve_total, CoreSize, DEFAULT_CORE};
    let tiny = CoreSize {
        per_review: 1,
        extra: 0,
        per_load: 0,
        load_extra: 1,
    };
    let mut rng = Rng(21);
    for case in 0..30 {
        let ns = 20 + rng.below(40) as usize;
        let nj = 10 + rng.below(30) as usize;
        let mut p = medium(
            100 + case,
            ns,
            nj,
            0.3 + 0.6 * (rng.below(100) as f64 / 100.0),
        );
        if case % 2 == 0 {
            for j in p.judges.iter_mut() {
                j.org = Some(rng.below(6) as u32);
            }
            for s in p.submissions.iter_mut() {
                if rng.chance(0.3) {
                    s.author_orgs = vec![rng.below(6) as u32];
                }
            }
            p.one_judge_per_org = true;
        }
        let pick: Vec<Pair> = p
            .candidates
            .iter()
            .filter(|_| rng.chance(0.03))
            .map(|c| Pair::new(c.submission, c.judge))
            .collect();
        p.conflicts = pick;
        let prep = match prepare(&p) {
            Ok(x) => x,
            Err(_) => continue,
        };
        let rest = residual(&prep);
        if !super::check::precheck(&prep, &rest).is_empty() {
            continue;
        }
        let st = structure(&prep);
        let full = solve_total(&prep, &rest, &st, None);
        let default = solve_total(&prep, &rest, &st, Some(DEFAULT_CORE));
        let small = solve_total(&prep, &rest, &st, Some(tiny));
        match (full, default, small) {
            (Ok(f), Ok(d), Ok(s)) => {
                assert!(
                    (f.total_affinity - d.total_affinity).abs() < 1e-9,
                    "case {case}: {} vs {}",
                    f.total_affinity,
                    d.total_affinity
                );
                assert!(
                    (f.total_affinity - s.total_affinity).abs() < 1e-9,
                    "case {case}: {} vs {}",
                    f.total_affinity,
                    s.total_affinity
                );
                assert_eq!(check(&p, &s.pairs), vec![], "case {case}");
                assert_eq!(check(&p, &d.pairs), vec![], "case {case}");
            }
            (Err(_), Err(_), Err(_)) => {}
            (f, d, s) => panic!(
                "case {case}: feasibility differs: {} {} {}",
                f.is_ok(),
                d.is_ok(),
                s.is_ok()
            ),
        }
    }
}

#[test]
fn empty_and_zero_review_problems_solve_to_nothing() {
    let sol = solve(&Problem::default()).unwrap();
    assert!(sol.pairs.is_empty());
    let c = Candidate::new(0, 0, 0.5);
    let sol = solve(&Problem::uniform(2, 1, 0, 0, 3, vec![c])).unwrap();
    assert!(sol.pairs.is_empty());
    assert_eq!(sol.total_affinity, 0.0);
}
