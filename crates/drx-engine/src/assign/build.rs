//! From a [`Problem`] to a flow network: validation, eligibility, forced pairs taken out, the
//! organization gadget, integer costs, and the lower-bound transformation of minimum loads.
//!
//! Network (node ids): sigma (0) and tau (1) are a super source and sink; src (2) feeds judges.
//! sigma->src: T - L, sigma->judge j: lo_j (the minimum load, as a supply), src->j: hi_j - lo_j,
//! j->s (or j->gadget(s, org) when two or more eligible judges of `org` could review s):
//! capacity 1, cost -round(affinity x scale); gadget(s, org)->s: capacity 1; s->tau: k_s.
//! Forced pairs are not arcs: they are assigned up front and reduce k_s, lo_j and hi_j.
//! A feasible assignment exists iff the maximum sigma->tau flow is T (the sum of k_s).

use super::flow::{Builder, Network};
use super::{Candidate, Infeasible, Pair, Problem, Reason};
use std::borrow::Cow;

pub(crate) const SIGMA: usize = 0;
pub(crate) const TAU: usize = 1;
pub(crate) const SRC: usize = 2;
const NOT_AN_ARC: u32 = u32::MAX;

/// Problem data normalised for the solver.
pub(crate) struct Prepared<'a> {
    pub problem: &'a Problem,
    /// Sorted by (submission, judge), no duplicates.
    pub cands: Cow<'a, [Candidate]>,
    /// Per candidate: usable at all (listed, no conflict, not forbidden).
    pub eligible: Vec<bool>,
    /// Sorted, deduplicated, all eligible.
    pub forced: Vec<Pair>,
    /// Candidates of submission s are `cands[sub_start[s]..sub_start[s + 1]]`.
    pub sub_start: Vec<u32>,
}

impl Prepared<'_> {
    /// Index of a candidate pair, searched within its submission's candidates only.
    pub fn index_of(&self, p: Pair) -> Option<usize> {
        let s = p.submission as usize;
        if s + 1 >= self.sub_start.len() {
            return None;
        }
        let (lo, hi) = (self.sub_start[s] as usize, self.sub_start[s + 1] as usize);
        find(&self.cands[lo..hi], p).map(|i| lo + i)
    }
}

pub(crate) fn cmp_key(c: &Candidate) -> (u32, u32) {
    (c.submission, c.judge)
}

pub(crate) fn prepare(problem: &Problem) -> Result<Prepared<'_>, Infeasible> {
    let ns = problem.submissions.len() as u32;
    let nj = problem.judges.len() as u32;
    let mut reasons = Vec::new();
    let mut bad_ids = 0usize;
    let mut first_bad = None;
    for c in &problem.candidates {
        if c.submission >= ns || c.judge >= nj || !c.affinity.is_finite() {
            bad_ids += 1;
            first_bad.get_or_insert(*c);
        }
    }
    if let Some(c) = first_bad {
        reasons.push(Reason::InvalidInput(format!(
            "{bad_ids} candidate pair(s) have an unknown submission or judge or a non-finite \
             affinity, e.g. submission {} judge {} affinity {}",
            c.submission, c.judge, c.affinity
        )));
    }
    for (what, list) in [
        ("conflict", &problem.conflicts),
        ("forced", &problem.forced),
        ("forbidden", &problem.forbidden),
    ] {
        if let Some(p) = list.iter().find(|p| p.submission >= ns || p.judge >= nj) {
            reasons.push(Reason::InvalidInput(format!(
                "{what} pair (submission {}, judge {}) names an unknown submission or judge",
                p.submission, p.judge
            )));
        }
    }
    for (j, spec) in problem.judges.iter().enumerate() {
        if spec.min_load > spec.max_load {
            reasons.push(Reason::MinAboveMax {
                judge: j as u32,
                min: spec.min_load,
                max: spec.max_load,
            });
        }
    }
    if !reasons.is_empty() {
        return Err(Infeasible { reasons });
    }

    let sorted = problem
        .candidates
        .windows(2)
        .all(|w| cmp_key(&w[0]) < cmp_key(&w[1]));
    let cands: Cow<'_, [Candidate]> = if sorted {
        Cow::Borrowed(&problem.candidates)
    } else {
        let mut v = problem.candidates.clone();
        // Duplicates keep the highest affinity, whatever their input order.
        v.sort_unstable_by(|a, b| {
            cmp_key(a)
                .cmp(&cmp_key(b))
                .then(b.affinity.total_cmp(&a.affinity))
        });
        v.dedup_by_key(|c| cmp_key(c));
        Cow::Owned(v)
    };

    let mut excluded: Vec<Pair> = problem
        .conflicts
        .iter()
        .chain(problem.forbidden.iter())
        .copied()
        .collect();
    excluded.sort_unstable();
    excluded.dedup();
    let any_org = problem.judges.iter().any(|j| j.org.is_some())
        && problem
            .submissions
            .iter()
            .any(|s| !s.author_orgs.is_empty());
    let mut eligible = Vec::with_capacity(cands.len());
    let mut ex = 0usize;
    for c in cands.iter() {
        let key = Pair::new(c.submission, c.judge);
        while ex < excluded.len() && excluded[ex] < key {
            ex += 1;
        }
        let excl = ex < excluded.len() && excluded[ex] == key;
        let org_conflict = any_org && problem.org_conflict(c.submission, c.judge);
        eligible.push(!excl && !org_conflict);
    }

    let mut forced = problem.forced.clone();
    forced.sort_unstable();
    forced.dedup();
    for p in &forced {
        let why = match find(&cands, *p) {
            None => Some("it is not a candidate pair"),
            Some(i) if !eligible[i] => Some(if problem.forbidden.contains(p) {
                "it is also forbidden"
            } else {
                "it is a conflict of interest"
            }),
            Some(_) => None,
        };
        if let Some(why) = why {
            reasons.push(Reason::ForcedNotAllowed {
                submission: p.submission,
                judge: p.judge,
                why: why.into(),
            });
        }
    }
    if !reasons.is_empty() {
        return Err(Infeasible { reasons });
    }
    let mut sub_start = vec![0u32; problem.submissions.len() + 1];
    for c in cands.iter() {
        sub_start[c.submission as usize + 1] += 1;
    }
    for s in 0..problem.submissions.len() {
        sub_start[s + 1] += sub_start[s];
    }
    Ok(Prepared {
        problem,
        cands,
        eligible,
        forced,
        sub_start,
    })
}

pub(crate) fn find(cands: &[Candidate], p: Pair) -> Option<usize> {
    cands
        .binary_search_by(|c| cmp_key(c).cmp(&(p.submission, p.judge)))
        .ok()
}

/// The network for a prepared problem, with the bookkeeping to read an assignment back.
pub(crate) struct Built {
    pub net: Network,
    pub judges: usize,
    pub submissions: usize,
    /// Submission of each gadget node (node id `gadget0 + g`).
    pub gadget_sub: Vec<u32>,
    /// Sum over submissions of the reviews still needed after forced pairs.
    pub demand: i64,
    pub scale: f64,
    pub exact: bool,
}

impl Built {
    pub fn judge_node(&self, j: usize) -> usize {
        3 + j
    }
    pub fn sub_node(&self, s: usize) -> usize {
        3 + self.judges + s
    }
    pub fn gadget0(&self) -> usize {
        3 + self.judges + self.submissions
    }
    /// The submission a judge arc leads to, if `v` is a submission or gadget node.
    pub fn submission_of(&self, v: usize) -> Option<u32> {
        let s0 = self.sub_node(0);
        if v < s0 {
            None
        } else if v < self.gadget0() {
            Some((v - s0) as u32)
        } else {
            Some(self.gadget_sub[v - self.gadget0()])
        }
    }
}

/// Reviews still needed per submission and load bounds per judge once forced pairs are placed.
pub(crate) struct Residual {
    pub need: Vec<i64>,
    pub lo: Vec<i64>,
    pub hi: Vec<i64>,
}

pub(crate) fn residual(prep: &Prepared) -> Residual {
    let p = prep.problem;
    let mut need: Vec<i64> = p.submissions.iter().map(|s| s.reviews as i64).collect();
    let mut lo: Vec<i64> = p.judges.iter().map(|j| j.min_load as i64).collect();
    let mut hi: Vec<i64> = p.judges.iter().map(|j| j.max_load as i64).collect();
    for f in &prep.forced {
        need[f.submission as usize] -= 1;
        lo[f.judge as usize] = (lo[f.judge as usize] - 1).max(0);
        hi[f.judge as usize] -= 1;
    }
    Residual { need, lo, hi }
}

/// Where each candidate's arc goes (a submission or a gadget node), the gadget nodes, and the
/// integer scale: everything about the network that does not depend on which arcs are kept.
pub(crate) struct Structure {
    /// Per candidate: head node of its arc, or NOT_AN_ARC (ineligible, forced, or blocked by a
    /// forced judge of the same organization).
    pub target: Vec<u32>,
    pub gadget_sub: Vec<u32>,
    pub n: usize,
    pub scale: f64,
    /// Every usable affinity is an integer multiple of 1/scale: the optimum is exact.
    pub exact: bool,
}

impl Structure {
    #[inline]
    pub fn usable(&self, i: usize) -> bool {
        self.target[i] != NOT_AN_ARC
    }
    #[inline]
    pub fn scaled(&self, a: f64) -> i64 {
        (a * self.scale).round() as i64
    }
}

pub(crate) fn structure(prep: &Prepared) -> Structure {
    let p = prep.problem;
    let nj = p.judges.len();
    let ns = p.submissions.len();
    let cands = &prep.cands;

    // Organizations already used on a submission by a forced pair.
    let mut forced_org: Vec<Pair> = Vec::new();
    if p.one_judge_per_org {
        for f in &prep.forced {
            if let Some(o) = p.judges[f.judge as usize].org {
                forced_org.push(Pair::new(f.submission, o));
            }
        }
        forced_org.sort_unstable();
    }

    // Target node per candidate; gadget nodes are numbered as found.
    let gadget0 = 3 + nj + ns;
    let mut target = vec![NOT_AN_ARC; cands.len()];
    let mut gadget_sub: Vec<u32> = Vec::new();
    let mut by_org: Vec<(u32, u32)> = Vec::new();
    let mut start = 0usize;
    let mut fi = 0usize;
    let mut forced_here: Vec<u32> = Vec::new();
    while start < cands.len() {
        let s = cands[start].submission;
        let mut end = start;
        while end < cands.len() && cands[end].submission == s {
            end += 1;
        }
        forced_here.clear();
        while fi < prep.forced.len() && prep.forced[fi].submission < s {
            fi += 1;
        }
        while fi < prep.forced.len() && prep.forced[fi].submission == s {
            forced_here.push(prep.forced[fi].judge);
            fi += 1;
        }
        by_org.clear();
        for i in start..end {
            let c = &cands[i];
            if !prep.eligible[i] || forced_here.contains(&c.judge) {
                continue;
            }
            let org = if p.one_judge_per_org {
                p.judges[c.judge as usize].org
            } else {
                None
            };
            match org {
                Some(o) => {
                    if forced_org.binary_search(&Pair::new(s, o)).is_err() {
                        by_org.push((o, i as u32));
                    }
                }
                None => target[i] = (3 + nj + s as usize) as u32,
            }
        }
        by_org.sort_unstable();
        let mut a = 0;
        while a < by_org.len() {
            let mut b = a;
            while b < by_org.len() && by_org[b].0 == by_org[a].0 {
                b += 1;
            }
            let t = if b - a >= 2 {
                gadget_sub.push(s);
                (gadget0 + gadget_sub.len() - 1) as u32
            } else {
                (3 + nj + s as usize) as u32
            };
            for &(_, i) in &by_org[a..b] {
                target[i as usize] = t;
            }
            a = b;
        }
        start = end;
    }
    let n = gadget0 + gadget_sub.len();
    // The smallest power of ten at which every usable affinity is an exact decimal (1e6 for the
    // six-decimal benchmark files), so the integer optimum is the exact optimum; capped by what
    // the arithmetic allows.
    let mut max_abs = 0.0f64;
    let mut digits = 0i32;
    let mut all_exact = true;
    for (i, c) in cands.iter().enumerate() {
        if target[i] == NOT_AN_ARC {
            continue;
        }
        max_abs = max_abs.max(c.affinity.abs());
        while digits < 9 && !exact_at(c.affinity, digits) {
            digits += 1;
        }
        if digits == 9 && all_exact && !exact_at(c.affinity, 9) {
            all_exact = false;
        }
    }
    let cap = choose_scale(max_abs, n);
    let scale = cap.min(10f64.powi(digits));
    let exact = all_exact && scale == 10f64.powi(digits);
    Structure {
        target,
        gadget_sub,
        n,
        scale,
        exact,
    }
}

fn exact_at(a: f64, digits: i32) -> bool {
    let p = 10f64.powi(digits);
    (a * p).round() / p == a
}

/// Builds the network from the usable candidates `keep` accepts. The caller has checked the
/// forced pairs' counts (no negative needs or capacities, minimum loads within the demand).
/// With `used` (per candidate, a feasible assignment within the kept arcs), the network starts
/// with that flow instead of none.
pub(crate) fn build(
    prep: &Prepared,
    rest: &Residual,
    st: &Structure,
    keep: &dyn Fn(usize) -> bool,
    used: Option<&[bool]>,
) -> Built {
    let p = prep.problem;
    let nj = p.judges.len();
    let ns = p.submissions.len();
    let cands = &prep.cands;
    let gadget0 = 3 + nj + ns;
    let demand: i64 = rest.need.iter().sum();
    let min_total: i64 = rest.lo.iter().sum();
    // Flows implied by `used`: loads per judge and per gadget node.
    let (load, gload) = match used {
        Some(u) => {
            let mut load = vec![0i64; nj];
            let mut gload = vec![0i32; st.gadget_sub.len()];
            for (i, c) in cands.iter().enumerate() {
                if u[i] && st.target[i] != NOT_AN_ARC {
                    load[c.judge as usize] += 1;
                    if st.target[i] as usize >= gadget0 {
                        gload[st.target[i] as usize - gadget0] += 1;
                    }
                }
            }
            (load, gload)
        }
        None => (Vec::new(), Vec::new()),
    };
    let warm = used.is_some();

    // Emits every edge; called twice (count, then fill).
    let emit = |f: &mut dyn FnMut(usize, usize, i32, i32, i32)| {
        if demand - min_total > 0 {
            let cap = (demand - min_total) as i32;
            f(SIGMA, SRC, cap, 0, if warm { cap } else { 0 });
        }
        for j in 0..nj {
            if rest.lo[j] > 0 {
                let cap = rest.lo[j] as i32;
                f(SIGMA, 3 + j, cap, 0, if warm { cap } else { 0 });
            }
            let extra = rest.hi[j] - rest.lo[j];
            if extra > 0 {
                let flow = if warm {
                    (load[j] - rest.lo[j]) as i32
                } else {
                    0
                };
                f(SRC, 3 + j, extra as i32, 0, flow);
            }
        }
        for s in 0..ns {
            if rest.need[s] > 0 {
                let cap = rest.need[s] as i32;
                f(3 + nj + s, TAU, cap, 0, if warm { cap } else { 0 });
            }
        }
        for (i, c) in cands.iter().enumerate() {
            let t = st.target[i];
            if t != NOT_AN_ARC && keep(i) {
                let flow = used.map_or(0, |u| u[i] as i32);
                f(
                    3 + c.judge as usize,
                    t as usize,
                    1,
                    -(st.scaled(c.affinity) as i32),
                    flow,
                );
            }
        }
        for (g, &s) in st.gadget_sub.iter().enumerate() {
            f(
                gadget0 + g,
                3 + nj + s as usize,
                1,
                0,
                if warm { gload[g] } else { 0 },
            );
        }
    };
    let mut b = Builder::new(st.n);
    emit(&mut |t, h, _, _, _| b.count(t, h));
    b.start_fill();
    emit(&mut |t, h, cap, cost, flow| b.fill(t, h, cap, cost, flow));
    Built {
        net: b.finish(),
        judges: nj,
        submissions: ns,
        gadget_sub: st.gadget_sub.clone(),
        demand,
        scale: st.scale,
        exact: st.exact,
    }
}

/// The largest power of ten (at most 1e9) such that scaled costs fit in i32 and prices stay far
/// from i64 overflow: cost scaling multiplies costs by n+1 and moves a price by at most about
/// 3 n eps per refinement, a geometric series below 4 n (n+1) C overall.
pub(crate) fn choose_scale(max_abs: f64, n: usize) -> f64 {
    if max_abs == 0.0 {
        return 1e9;
    }
    let nf = n as f64 + 1.0;
    let mut scale = 1e9;
    while scale > 1e-9
        && (max_abs * scale > (i32::MAX - 1) as f64
            || max_abs * scale * 4.0 * nf * nf > 2f64.powi(62))
    {
        scale /= 10.0;
    }
    scale
}
