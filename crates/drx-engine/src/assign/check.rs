//! The checker (does an assignment satisfy every constraint?) and the explanations of
//! infeasibility: counting arguments first, then a minimum cut when counting is not enough.

use super::build::{self, prepare, residual, structure, Built, Prepared, Residual, SIGMA, TAU};
use super::{Pair, Problem};
use std::collections::HashMap;
use std::fmt;

/// Why a problem has no assignment, in words (see `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    InvalidInput(String),
    MinAboveMax {
        judge: u32,
        min: u32,
        max: u32,
    },
    ForcedNotAllowed {
        submission: u32,
        judge: u32,
        why: String,
    },
    TooManyForcedForSubmission {
        submission: u32,
        forced: u32,
        reviews: u32,
    },
    TooManyForcedForJudge {
        judge: u32,
        forced: u32,
        max_load: u32,
    },
    ForcedSameOrg {
        submission: u32,
        org: u32,
    },
    /// `distinct_orgs`: counted as at most one judge per organization.
    TooFewEligibleJudges {
        submission: u32,
        eligible: u32,
        needed: u32,
        distinct_orgs: bool,
    },
    TooFewEligibleSubmissions {
        judge: u32,
        eligible: u32,
        min_load: u32,
    },
    /// `after_pinned`: counted for what remains once the pinned pairs are placed.
    MinLoadExceedsReviews {
        total_min_load: u64,
        reviews: u64,
        after_pinned: bool,
    },
    MaxLoadBelowReviews {
        total_max_load: u64,
        reviews: u64,
    },
    /// From a minimum cut: these submissions need `need` more reviews, but at most `can_get`
    /// can reach them through the judges who may review them (`judges`); `short_min_load` lists
    /// judges whose minimum load a maximum placement could not meet.
    Bottleneck {
        placed: u64,
        needed: u64,
        submissions: Vec<u32>,
        need: u64,
        can_get: u64,
        judges: Vec<u32>,
        short_min_load: Vec<u32>,
    },
}

fn ids(v: &[u32]) -> String {
    const SHOW: usize = 12;
    let mut s: Vec<String> = v.iter().take(SHOW).map(|x| x.to_string()).collect();
    if v.len() > SHOW {
        s.push(format!("... ({} in all)", v.len()));
    }
    s.join(", ")
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Reason::*;
        match self {
            InvalidInput(m) => write!(f, "invalid input: {m}"),
            MinAboveMax { judge, min, max } => {
                write!(f, "judge {judge} has a minimum load {min} above its maximum load {max}")
            }
            ForcedNotAllowed { submission, judge, why } => {
                write!(f, "judge {judge} is pinned to submission {submission}, but {why}")
            }
            TooManyForcedForSubmission { submission, forced, reviews } => write!(
                f,
                "submission {submission} has {forced} pinned judges but needs only {reviews} reviews"
            ),
            TooManyForcedForJudge { judge, forced, max_load } => write!(
                f,
                "judge {judge} is pinned to {forced} submissions but may review at most {max_load}"
            ),
            ForcedSameOrg { submission, org } => write!(
                f,
                "submission {submission} has two pinned judges of organization {org} (one per organization allowed)"
            ),
            TooFewEligibleJudges { submission, eligible, needed, distinct_orgs } => {
                if *distinct_orgs {
                    write!(f, "submission {submission} has only {eligible} eligible judges from distinct organizations ({needed} needed)")
                } else {
                    write!(f, "submission {submission} has only {eligible} eligible judges ({needed} needed)")
                }
            }
            TooFewEligibleSubmissions { judge, eligible, min_load } => write!(
                f,
                "judge {judge} must review at least {min_load} submissions but is eligible for only {eligible}"
            ),
            MinLoadExceedsReviews { total_min_load, reviews, after_pinned: false } => write!(
                f,
                "total minimum load {total_min_load} exceeds the {reviews} reviews needed"
            ),
            MinLoadExceedsReviews { total_min_load, reviews, after_pinned: true } => write!(
                f,
                "after the pinned pairs, the minimum loads still to fill ({total_min_load}) exceed \
                 the {reviews} reviews still needed"
            ),
            MaxLoadBelowReviews { total_max_load, reviews } => write!(
                f,
                "total maximum load {total_max_load} is below the {reviews} reviews needed"
            ),
            Bottleneck { placed, needed, submissions, need, can_get, judges, short_min_load } => {
                write!(
                    f,
                    "only {placed} of the {needed} reviews can be placed: submissions {} need {need} more reviews, \
                     but the judges who may review them ({}) can give them at most {can_get} within their loads",
                    ids(submissions),
                    if judges.is_empty() { "none".to_string() } else { ids(judges) },
                )?;
                if !short_min_load.is_empty() {
                    write!(f, "; judges {} cannot reach their minimum load", ids(short_min_load))?;
                }
                Ok(())
            }
        }
    }
}

/// Counting arguments that make a problem infeasible. Empty does not mean feasible.
pub(crate) fn precheck(prep: &Prepared, rest: &Residual) -> Vec<Reason> {
    let p = prep.problem;
    let mut out = Vec::new();
    let ns = p.submissions.len();
    let nj = p.judges.len();
    let mut forced_s = vec![0u32; ns];
    let mut forced_j = vec![0u32; nj];
    for f in &prep.forced {
        forced_s[f.submission as usize] += 1;
        forced_j[f.judge as usize] += 1;
    }
    for s in 0..ns {
        if rest.need[s] < 0 {
            out.push(Reason::TooManyForcedForSubmission {
                submission: s as u32,
                forced: forced_s[s],
                reviews: p.submissions[s].reviews,
            });
        }
    }
    for j in 0..nj {
        if rest.hi[j] < 0 {
            out.push(Reason::TooManyForcedForJudge {
                judge: j as u32,
                forced: forced_j[j],
                max_load: p.judges[j].max_load,
            });
        }
    }
    if p.one_judge_per_org {
        let mut seen: Vec<(u32, u32)> = prep
            .forced
            .iter()
            .filter_map(|f| p.judges[f.judge as usize].org.map(|o| (f.submission, o)))
            .collect();
        seen.sort_unstable();
        for w in seen.windows(2) {
            if w[0] == w[1] {
                out.push(Reason::ForcedSameOrg {
                    submission: w[0].0,
                    org: w[0].1,
                });
            }
        }
    }
    // Eligible judges per submission (one per organization if required), and per judge.
    let mut elig_j = vec![0u32; nj];
    let mut orgs: Vec<u32> = Vec::new();
    let mut i = 0;
    let cands = &prep.cands;
    let mut elig_s = vec![0u32; ns];
    while i < cands.len() {
        let s = cands[i].submission as usize;
        let mut count = 0u32;
        orgs.clear();
        while i < cands.len() && cands[i].submission as usize == s {
            if prep.eligible[i] {
                let j = cands[i].judge as usize;
                elig_j[j] += 1;
                match p.judges[j].org {
                    Some(o) if p.one_judge_per_org => orgs.push(o),
                    _ => count += 1,
                }
            }
            i += 1;
        }
        orgs.sort_unstable();
        orgs.dedup();
        elig_s[s] = count + orgs.len() as u32;
    }
    for s in 0..ns {
        let needed = p.submissions[s].reviews;
        if elig_s[s] < needed {
            out.push(Reason::TooFewEligibleJudges {
                submission: s as u32,
                eligible: elig_s[s],
                needed,
                distinct_orgs: p.one_judge_per_org && p.judges.iter().any(|j| j.org.is_some()),
            });
        }
    }
    for j in 0..nj {
        if elig_j[j] < p.judges[j].min_load {
            out.push(Reason::TooFewEligibleSubmissions {
                judge: j as u32,
                eligible: elig_j[j],
                min_load: p.judges[j].min_load,
            });
        }
    }
    let reviews: u64 = p.submissions.iter().map(|s| s.reviews as u64).sum();
    let total_min: u64 = p.judges.iter().map(|j| j.min_load as u64).sum();
    let total_max: u64 = p.judges.iter().map(|j| j.max_load as u64).sum();
    if total_min > reviews {
        out.push(Reason::MinLoadExceedsReviews {
            total_min_load: total_min,
            reviews,
            after_pinned: false,
        });
    } else {
        let rest_min: i64 = rest.lo.iter().sum();
        let rest_need: i64 = rest.need.iter().map(|&x| x.max(0)).sum();
        if rest_min > rest_need {
            out.push(Reason::MinLoadExceedsReviews {
                total_min_load: rest_min as u64,
                reviews: rest_need as u64,
                after_pinned: true,
            });
        }
    }
    if total_max < reviews {
        out.push(Reason::MaxLoadBelowReviews {
            total_max_load: total_max,
            reviews,
        });
    }
    out
}

/// Explains a maximum flow short of the demand by the minimum cut it leaves: the submissions on
/// the sink side need more than the capacity entering that side (other than their own arcs to
/// the sink from already-served submissions).
pub(crate) fn shortfall(prep: &Prepared, rest: &Residual, built: &Built, flow: i64) -> Reason {
    let net = &built.net;
    let reach = net.reachable(SIGMA);
    let mut served_in_source_side = 0i64;
    for u in 0..net.n {
        if !reach[u] {
            continue;
        }
        for a in net.first[u] as usize..net.first[u + 1] as usize {
            let v = net.arcs[a].head as usize;
            // Arcs into tau are all forward (submission -> tau), saturated across the cut.
            if !reach[v] && v == TAU {
                served_in_source_side += net.arcs[a].tot as i64;
            }
        }
    }
    let mut subs = Vec::new();
    let mut need = 0i64;
    for s in 0..built.submissions {
        let u = built.sub_node(s);
        if !reach[u] && rest.need[s] > 0 {
            subs.push(s as u32);
            need += rest.need[s];
        }
    }
    let mut judges = Vec::new();
    let mut short = Vec::new();
    for j in 0..built.judges {
        let u = built.judge_node(j);
        if !reach[u] {
            judges.push(j as u32);
        }
        for a in net.first[u] as usize..net.first[u + 1] as usize {
            // The reverse of sigma->j carries the minimum-load flow placed so far.
            if net.arcs[a].head as usize == SIGMA && (net.arcs[a].res as i64) < rest.lo[j] {
                short.push(j as u32);
            }
        }
    }
    let forced = prep.forced.len() as u64;
    Reason::Bottleneck {
        placed: flow as u64 + forced,
        needed: built.demand as u64 + forced,
        submissions: subs,
        need: need as u64,
        can_get: (flow - served_in_source_side).max(0) as u64,
        judges,
        short_min_load: short,
    }
}

/// Every reason the problem has no assignment; empty if it has one.
pub fn explain_infeasibility(problem: &Problem) -> Vec<Reason> {
    let prep = match prepare(problem) {
        Ok(p) => p,
        Err(e) => return e.reasons,
    };
    let rest = residual(&prep);
    let reasons = precheck(&prep, &rest);
    if !reasons.is_empty() {
        return reasons;
    }
    let st = structure(&prep);
    let mut built = build::build(&prep, &rest, &st, &|_| true, None);
    let flow = built.net.max_flow(SIGMA, TAU);
    if flow < built.demand {
        vec![shortfall(&prep, &rest, &built, flow)]
    } else {
        Vec::new()
    }
}

/// A broken constraint in a given assignment (see `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum Violation {
    UnknownId(Pair),
    Duplicate(Pair),
    NotCandidate(Pair),
    Conflict(Pair),
    OrgConflict {
        pair: Pair,
        org: u32,
    },
    Forbidden(Pair),
    ForcedMissing(Pair),
    WrongReviewCount {
        submission: u32,
        got: u32,
        needed: u32,
    },
    LoadTooLow {
        judge: u32,
        load: u32,
        min_load: u32,
    },
    LoadTooHigh {
        judge: u32,
        load: u32,
        max_load: u32,
    },
    SameOrg {
        submission: u32,
        org: u32,
        judges: Vec<u32>,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Violation::*;
        match self {
            UnknownId(p) => write!(
                f,
                "pair (submission {}, judge {}) names an unknown submission or judge",
                p.submission, p.judge
            ),
            Duplicate(p) => pair_text(f, p, "is assigned to", " more than once"),
            NotCandidate(p) => pair_text(f, p, "may not review", " (not a candidate pair)"),
            Conflict(p) => pair_text(f, p, "has a conflict of interest with", ""),
            OrgConflict { pair, org } => {
                let verb = format!("belongs to organization {org}, an author organization of");
                pair_text(f, pair, &verb, "")
            }
            Forbidden(p) => pair_text(f, p, "is forbidden on", ""),
            ForcedMissing(p) => pair_text(f, p, "is pinned to", " but not assigned"),
            WrongReviewCount {
                submission,
                got,
                needed,
            } => {
                write!(
                    f,
                    "submission {submission} has {got} judges, needs {needed}"
                )
            }
            LoadTooLow {
                judge,
                load,
                min_load,
            } => load_text(f, *judge, *load, "below the minimum", *min_load),
            LoadTooHigh {
                judge,
                load,
                max_load,
            } => load_text(f, *judge, *load, "above the maximum", *max_load),
            SameOrg {
                submission,
                org,
                judges,
            } => write!(
                f,
                "submission {submission} has {} judges of organization {org} (judges {})",
                judges.len(),
                ids(judges)
            ),
        }
    }
}

/// "judge J <verb> submission S<tail>": how a violation about one pair reads.
fn pair_text(f: &mut fmt::Formatter<'_>, p: &Pair, verb: &str, tail: &str) -> fmt::Result {
    write!(
        f,
        "judge {} {verb} submission {}{tail}",
        p.judge, p.submission
    )
}

/// "judge J has L submissions, <bound>": how a load out of bounds reads.
fn load_text(
    f: &mut fmt::Formatter<'_>,
    judge: u32,
    load: u32,
    side: &str,
    bound: u32,
) -> fmt::Result {
    write!(f, "judge {judge} has {load} submissions, {side} {bound}")
}

/// Checks `pairs` against every constraint of `problem` (objective aside).
pub fn check(problem: &Problem, pairs: &[Pair]) -> Vec<Violation> {
    let ns = problem.submissions.len();
    let nj = problem.judges.len();
    let mut out = Vec::new();
    let mut cand: HashMap<Pair, f64> = HashMap::with_capacity(problem.candidates.len());
    for c in &problem.candidates {
        cand.insert(Pair::new(c.submission, c.judge), c.affinity);
    }
    let conflicts: std::collections::HashSet<Pair> = problem.conflicts.iter().copied().collect();
    let forbidden: std::collections::HashSet<Pair> = problem.forbidden.iter().copied().collect();
    let mut sorted: Vec<Pair> = pairs.to_vec();
    sorted.sort_unstable();
    let mut got_s = vec![0u32; ns];
    let mut got_j = vec![0u32; nj];
    let mut by_org: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
    for (i, p) in sorted.iter().enumerate() {
        if p.submission as usize >= ns || p.judge as usize >= nj {
            out.push(Violation::UnknownId(*p));
            continue;
        }
        if i > 0 && sorted[i - 1] == *p {
            out.push(Violation::Duplicate(*p));
            continue;
        }
        got_s[p.submission as usize] += 1;
        got_j[p.judge as usize] += 1;
        if !cand.contains_key(p) {
            out.push(Violation::NotCandidate(*p));
        }
        if conflicts.contains(p) {
            out.push(Violation::Conflict(*p));
        }
        if problem.org_conflict(p.submission, p.judge) {
            out.push(Violation::OrgConflict {
                pair: *p,
                org: problem.judges[p.judge as usize].org.unwrap_or(0),
            });
        }
        if forbidden.contains(p) {
            out.push(Violation::Forbidden(*p));
        }
        if let Some(o) = problem.judges[p.judge as usize].org {
            by_org.entry((p.submission, o)).or_default().push(p.judge);
        }
    }
    let present: std::collections::HashSet<Pair> = sorted.iter().copied().collect();
    let mut forced = problem.forced.clone();
    forced.sort_unstable();
    forced.dedup();
    for f in forced {
        if !present.contains(&f) {
            out.push(Violation::ForcedMissing(f));
        }
    }
    for (s, spec) in problem.submissions.iter().enumerate() {
        if got_s[s] != spec.reviews {
            out.push(Violation::WrongReviewCount {
                submission: s as u32,
                got: got_s[s],
                needed: spec.reviews,
            });
        }
    }
    for (j, spec) in problem.judges.iter().enumerate() {
        if got_j[j] < spec.min_load {
            out.push(Violation::LoadTooLow {
                judge: j as u32,
                load: got_j[j],
                min_load: spec.min_load,
            });
        }
        if got_j[j] > spec.max_load {
            out.push(Violation::LoadTooHigh {
                judge: j as u32,
                load: got_j[j],
                max_load: spec.max_load,
            });
        }
    }
    if problem.one_judge_per_org {
        let mut groups: Vec<((u32, u32), Vec<u32>)> =
            by_org.into_iter().filter(|(_, v)| v.len() > 1).collect();
        groups.sort();
        for ((s, o), judges) in groups {
            out.push(Violation::SameOrg {
                submission: s,
                org: o,
                judges,
            });
        }
    }
    out
}
