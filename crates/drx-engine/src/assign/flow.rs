//! A residual network in compressed-row form, Dinic's maximum flow (feasibility and cuts), and
//! Goldberg's cost-scaling push-relabel minimum-cost circulation.
//!
//! Layout: the arcs leaving node `u` are `first[u]..first[u+1]`; an arc and its reverse point at
//! each other through `rev`. Costs are `i32` (the affinity scale keeps them below 2^31) and are
//! multiplied by `n + 1` on the fly inside cost scaling, so that an `eps = 1`-optimal flow in the
//! multiplied units is optimal for the integer costs (eps < 1/n in original units).

use std::collections::VecDeque;

/// With alpha = 8 there are about log8(n C) refinements; each starts from the previous prices,
/// so the early ones are cheap and the late ones mostly local.
const ALPHA: i64 = 8;

/// One residual arc. Everything a scan needs is in these 16 bytes, so a scan touches one
/// array: the reverse arc's residual capacity is `tot - res` (an arc and its reverse always
/// hold `tot` between them), which spares the random access through `rev`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Arc {
    pub head: u32,
    /// Residual capacity.
    pub res: i32,
    /// Capacity of the arc plus that of its reverse (one of them is 0).
    pub tot: i32,
    pub cost: i32,
}

pub(crate) struct Network {
    pub n: usize,
    pub first: Vec<u32>,
    pub arcs: Vec<Arc>,
    pub rev: Vec<u32>,
}

/// Two-pass builder: the caller emits the same edges twice, once to count degrees, once to fill.
pub(crate) struct Builder {
    n: usize,
    deg: Vec<u32>,
    cursor: Vec<u32>,
    net: Option<Network>,
}

impl Builder {
    pub fn new(n: usize) -> Self {
        Builder {
            n,
            deg: vec![0; n + 1],
            cursor: Vec::new(),
            net: None,
        }
    }

    #[inline]
    pub fn count(&mut self, tail: usize, head: usize) {
        self.deg[tail] += 1;
        self.deg[head] += 1;
    }

    /// Ends the counting pass.
    pub fn start_fill(&mut self) {
        let mut first = vec![0u32; self.n + 1];
        let mut acc = 0u32;
        for u in 0..self.n {
            first[u] = acc;
            acc += self.deg[u];
        }
        first[self.n] = acc;
        let m = acc as usize;
        self.cursor = first[..self.n].to_vec();
        self.deg = Vec::new();
        self.net = Some(Network {
            n: self.n,
            first,
            arcs: vec![Arc::default(); m],
            rev: vec![0; m],
        });
    }

    #[inline]
    pub fn fill(&mut self, tail: usize, head: usize, cap: i32, cost: i32, flow: i32) {
        let net = self.net.as_mut().expect("start_fill first");
        let a = self.cursor[tail] as usize;
        self.cursor[tail] += 1;
        let b = self.cursor[head] as usize;
        self.cursor[head] += 1;
        net.arcs[a] = Arc {
            head: head as u32,
            res: cap - flow,
            tot: cap,
            cost,
        };
        net.arcs[b] = Arc {
            head: tail as u32,
            res: flow,
            tot: cap,
            cost: -cost,
        };
        net.rev[a] = b as u32;
        net.rev[b] = a as u32;
    }

    pub fn finish(self) -> Network {
        self.net.expect("start_fill first")
    }
}

impl Network {
    #[inline]
    pub fn range(&self, u: usize) -> std::ops::Range<usize> {
        self.first[u] as usize..self.first[u + 1] as usize
    }

    #[inline]
    fn push(&mut self, a: usize, d: i32) {
        self.arcs[a].res -= d;
        let b = self.rev[a] as usize;
        self.arcs[b].res += d;
    }

    /// Dinic's algorithm from `s` to `t` on the residual capacities; returns the flow value.
    pub fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        let n = self.n;
        let mut level = vec![-1i32; n];
        let mut cur = vec![0u32; n];
        let mut queue = Vec::with_capacity(n);
        let mut stack: Vec<u32> = Vec::new();
        let mut total = 0i64;
        loop {
            level.iter_mut().for_each(|l| *l = -1);
            level[s] = 0;
            queue.clear();
            queue.push(s as u32);
            let mut qi = 0;
            while qi < queue.len() {
                let u = queue[qi] as usize;
                qi += 1;
                for a in self.range(u) {
                    let arc = self.arcs[a];
                    let v = arc.head as usize;
                    if arc.res > 0 && level[v] < 0 {
                        level[v] = level[u] + 1;
                        queue.push(v as u32);
                    }
                }
            }
            if level[t] < 0 {
                return total;
            }
            cur.copy_from_slice(&self.first[..n]);
            // Blocking flow by iterative depth-first search; `stack` holds the path's arcs.
            stack.clear();
            let mut u = s;
            loop {
                if u == t {
                    let d = stack
                        .iter()
                        .map(|&a| self.arcs[a as usize].res)
                        .min()
                        .unwrap_or(0);
                    let mut cut = stack.len();
                    for i in 0..stack.len() {
                        let a = stack[i] as usize;
                        self.push(a, d);
                        if self.arcs[a].res == 0 && cut == stack.len() {
                            cut = i;
                        }
                    }
                    total += d as i64;
                    stack.truncate(cut);
                    u = match stack.last() {
                        Some(&a) => self.arcs[a as usize].head as usize,
                        None => s,
                    };
                    continue;
                }
                let end = self.first[u + 1];
                let mut a = cur[u];
                while a < end {
                    let arc = self.arcs[a as usize];
                    if arc.res > 0 && level[arc.head as usize] == level[u] + 1 {
                        break;
                    }
                    a += 1;
                }
                cur[u] = a;
                if a < end {
                    stack.push(a);
                    u = self.arcs[a as usize].head as usize;
                } else {
                    level[u] = -1;
                    match stack.pop() {
                        None => break,
                        Some(b) => {
                            u = self.arcs[self.rev[b as usize] as usize].head as usize;
                            cur[u] += 1;
                        }
                    }
                }
            }
        }
    }

    /// Nodes reachable from `s` through arcs with residual capacity (the source side of a
    /// minimum cut once the flow is maximum).
    pub fn reachable(&self, s: usize) -> Vec<bool> {
        let mut seen = vec![false; self.n];
        seen[s] = true;
        let mut stack = vec![s];
        while let Some(u) = stack.pop() {
            for a in self.range(u) {
                let v = self.arcs[a].head as usize;
                if self.arcs[a].res > 0 && !seen[v] {
                    seen[v] = true;
                    stack.push(v);
                }
            }
        }
        seen
    }

    /// Whether every residual arc has reduced cost >= -1 (in units multiplied by n + 1) under
    /// `price`: the optimality certificate cost scaling must end with.
    pub fn is_one_optimal(&self, price: &[i64]) -> bool {
        let mult = self.n as i64 + 1;
        (0..self.n).all(|u| {
            self.range(u).all(|a| {
                let arc = self.arcs[a];
                arc.res <= 0 || arc.cost as i64 * mult + price[u] - price[arc.head as usize] >= -1
            })
        })
    }

    /// Turns the current feasible flow into a minimum-cost one (a minimum-cost circulation on
    /// the residual network). Every node must be balanced on entry; they are on exit. Returns
    /// node prices under which every residual arc has reduced cost `cost * (n + 1) + p(u) - p(v)`
    /// of at least -1: the certificate of optimality, reusable to price arcs not in the network.
    pub fn min_cost(&mut self) -> Vec<i64> {
        let max_cost = self
            .arcs
            .iter()
            .map(|a| (a.cost as i64).abs())
            .max()
            .unwrap_or(0);
        let mult = self.n as i64 + 1;
        self.min_cost_from(vec![0; self.n], max_cost * mult / ALPHA)
    }

    /// Cost scaling from given prices, with a first refinement at `eps0` (any flow is accepted:
    /// a refinement first saturates every arc of negative reduced cost). A warm start when a few
    /// arcs were added to a network solved before.
    pub fn min_cost_from(&mut self, price: Vec<i64>, eps0: i64) -> Vec<i64> {
        let n = self.n;
        let mut cs = CostScaling {
            price,
            excess: vec![0i64; n],
            cur: self.first[..n].to_vec(),
            queue: VecDeque::new(),
            active: vec![false; n],
            mult: n as i64 + 1,
            relabels: 0,
            dist: Vec::with_capacity(n),
            done: vec![false; n],
            buckets: Vec::new(),
        };
        let mut eps = eps0.max(1);
        loop {
            cs.refine(self, eps);
            if eps == 1 {
                break;
            }
            eps = (eps / ALPHA).max(1);
        }
        cs.price
    }
}

struct CostScaling {
    price: Vec<i64>,
    excess: Vec<i64>,
    cur: Vec<u32>,
    queue: VecDeque<u32>,
    active: Vec<bool>,
    mult: i64,
    relabels: u64,
    dist: Vec<u32>,
    done: Vec<bool>,
    buckets: Vec<Vec<u32>>,
}

impl CostScaling {
    fn refine(&mut self, net: &mut Network, eps: i64) {
        let n = net.n;
        let mult = self.mult;
        // Saturate every residual arc of negative reduced cost: the pseudoflow is then 0-optimal.
        for u in 0..n {
            let pu = self.price[u];
            for a in net.range(u) {
                let arc = net.arcs[a];
                if arc.res > 0 {
                    let v = arc.head as usize;
                    if arc.cost as i64 * mult + pu - self.price[v] < 0 {
                        net.push(a, arc.res);
                        self.excess[u] -= arc.res as i64;
                        self.excess[v] += arc.res as i64;
                    }
                }
            }
        }
        for u in 0..n {
            self.cur[u] = net.first[u];
            if self.excess[u] > 0 {
                self.active[u] = true;
                self.queue.push_back(u as u32);
            }
        }
        self.price_update(net, eps);
        // A global update costs about one pass over the arcs: worth it once relabels have
        // done comparable work.
        let mut next_update = self.relabels + n as u64;
        while let Some(u) = self.queue.pop_front() {
            let u = u as usize;
            self.active[u] = false;
            self.discharge(net, u, eps);
            if self.relabels >= next_update {
                self.price_update(net, eps);
                next_update = self.relabels + n as u64;
            }
        }
    }

    /// Goldberg's global price update: lowers every price by the least multiple of eps that
    /// gives it an admissible path to a node with a deficit, found by a bucketed Dijkstra
    /// backwards from the deficits with arc length floor(reduced cost / eps) + 1. It keeps the
    /// flow eps-optimal and replaces many single relabels.
    fn price_update(&mut self, net: &Network, eps: i64) {
        let n = net.n;
        let mult = self.mult;
        const UNSEEN: u32 = u32::MAX;
        let max_bucket = n as i64;
        let inv_eps = 1.0 / eps as f64;
        self.dist.clear();
        self.dist.resize(n, UNSEEN);
        for b in self.buckets.iter_mut() {
            b.clear();
        }
        let mut remaining = 0usize;
        for u in 0..n {
            if self.excess[u] < 0 {
                self.dist[u] = 0;
                self.push_bucket(0, u);
            } else if self.excess[u] > 0 {
                remaining += 1;
            }
        }
        if remaining == 0 {
            return;
        }
        let mut level = 0usize;
        'scan: while level < self.buckets.len() {
            while let Some(u) = self.buckets[level].pop() {
                let u = u as usize;
                if self.dist[u] as usize != level || self.done[u] {
                    continue;
                }
                self.done[u] = true;
                if self.excess[u] > 0 {
                    remaining -= 1;
                    if remaining == 0 {
                        break 'scan;
                    }
                }
                let pu = self.price[u];
                for a in net.range(u) {
                    // The arc into u is the reverse of a: residual tot - res, cost -cost.
                    let arc = net.arcs[a];
                    let w = arc.head as usize;
                    if arc.tot - arc.res > 0 && !self.done[w] {
                        let rc = -(arc.cost as i64) * mult + self.price[w] - pu;
                        // floor(rc / eps) without a 64-bit division: a float estimate, then
                        // corrected to the exact quotient.
                        let mut q = (rc as f64 * inv_eps) as i64;
                        while q * eps > rc {
                            q -= 1;
                        }
                        while (q + 1) * eps <= rc {
                            q += 1;
                        }
                        let nd = level as i64 + q + 1;
                        if nd < max_bucket && (nd as u32) < self.dist[w] {
                            self.dist[w] = nd as u32;
                            self.push_bucket(nd as usize, w);
                        }
                    }
                }
            }
            level += 1;
        }
        let top = level as i64;
        for u in 0..n {
            let d = if self.done[u] {
                self.dist[u] as i64
            } else {
                top
            };
            self.price[u] -= d * eps;
            self.done[u] = false;
            self.cur[u] = net.first[u];
        }
    }

    #[inline]
    fn push_bucket(&mut self, b: usize, u: usize) {
        if b >= self.buckets.len() {
            self.buckets.resize_with(b + 1, Vec::new);
        }
        self.buckets[b].push(u as u32);
    }

    fn discharge(&mut self, net: &mut Network, u: usize, eps: i64) {
        let mult = self.mult;
        loop {
            let end = net.first[u + 1] as usize;
            let mut a = self.cur[u] as usize;
            while a < end {
                let arc = net.arcs[a];
                if arc.res > 0 {
                    let v = arc.head as usize;
                    let c = arc.cost as i64 * mult;
                    if c + self.price[u] - self.price[v] < 0 {
                        // Lookahead: flow pushed to a node that can pass it nowhere would only
                        // come back; relabel that node first and see if the arc stays admissible.
                        if self.excess[v] >= 0
                            && !self.has_admissible(net, v)
                            && self.relabel(net, v, eps)
                            && c + self.price[u] - self.price[v] >= 0
                        {
                            a += 1;
                            continue;
                        }
                        let d = self.excess[u].min(arc.res as i64);
                        net.push(a, d as i32);
                        self.excess[u] -= d;
                        self.excess[v] += d;
                        if self.excess[v] > 0 && !self.active[v] {
                            self.active[v] = true;
                            self.queue.push_back(v as u32);
                        }
                        if self.excess[u] == 0 {
                            self.cur[u] = a as u32;
                            return;
                        }
                    }
                }
                a += 1;
            }
            // u holds excess, so the reverse of the arc that brought it is residual.
            let relabelled = self.relabel(net, u, eps);
            assert!(relabelled, "cost scaling on an infeasible network");
        }
    }

    /// Moves `cur[v]` to v's first admissible arc, if it has one.
    fn has_admissible(&mut self, net: &Network, v: usize) -> bool {
        let mult = self.mult;
        let pv = self.price[v];
        let end = net.first[v + 1] as usize;
        let mut a = self.cur[v] as usize;
        while a < end {
            let arc = net.arcs[a];
            if arc.res > 0 && arc.cost as i64 * mult + pv - self.price[arc.head as usize] < 0 {
                self.cur[v] = a as u32;
                return true;
            }
            a += 1;
        }
        self.cur[v] = end as u32;
        false
    }

    /// The highest price keeping every residual arc of `u` eps-optimal, lowered by eps so that
    /// at least one arc becomes admissible. Only valid when `u` has no admissible arc. False
    /// (and nothing done) when `u` has no residual arc at all.
    fn relabel(&mut self, net: &Network, u: usize, eps: i64) -> bool {
        let mult = self.mult;
        let mut best = i64::MIN;
        for a in net.range(u) {
            let arc = net.arcs[a];
            if arc.res > 0 {
                let cand = self.price[arc.head as usize] - arc.cost as i64 * mult;
                if cand > best {
                    best = cand;
                }
            }
        }
        if best == i64::MIN {
            return false;
        }
        self.price[u] = best - eps;
        self.relabels += 1;
        self.cur[u] = net.first[u];
        true
    }
}
