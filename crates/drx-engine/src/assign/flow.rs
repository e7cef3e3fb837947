//! A residual network in compressed-row form, Dinic's maximum flow (feasibility and cuts), and
//! Goldberg's cost-scaling push-relabel minimum-cost circulation.
//!
//! Layout: the arcs leaving node `u` are `first[u]..first[u+1]`; an arc and its reverse point at
//! each other through `rev`. Costs are `i32` (the affinity scale keeps them below 2^31) and are
//! multiplied by `n + 1` on the fly inside cost scaling, so that an `eps = 1`-optimal flow in the
//! multiplied units is optimal for the integer costs (eps < 1/n in original units).

use std::collections::VecDeque;

pub(crate) struct Network {
    pub n: usize,
    pub first: Vec<u32>,
    pub head: Vec<u32>,
    pub rev: Vec<u32>,
    /// Residual capacity.
    pub res: Vec<i32>,
    pub cost: Vec<i32>,
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
            head: vec![0; m],
            rev: vec![0; m],
            res: vec![0; m],
            cost: vec![0; m],
        });
    }

    #[inline]
    pub fn fill(&mut self, tail: usize, head: usize, cap: i32, cost: i32) {
        let net = self.net.as_mut().expect("start_fill first");
        let a = self.cursor[tail] as usize;
        self.cursor[tail] += 1;
        let b = self.cursor[head] as usize;
        self.cursor[head] += 1;
        net.head[a] = head as u32;
        net.rev[a] = b as u32;
        net.res[a] = cap;
        net.cost[a] = cost;
        net.head[b] = tail as u32;
        net.rev[b] = a as u32;
        net.res[b] = 0;
        net.cost[b] = -cost;
    }

    pub fn finish(self) -> Network {
        self.net.expect("start_fill first")
    }
}

impl Network {
    #[inline]
    fn arcs(&self, u: usize) -> std::ops::Range<usize> {
        self.first[u] as usize..self.first[u + 1] as usize
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
                for a in self.arcs(u) {
                    let v = self.head[a] as usize;
                    if self.res[a] > 0 && level[v] < 0 {
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
                    let mut d = i32::MAX;
                    for &a in &stack {
                        d = d.min(self.res[a as usize]);
                    }
                    let mut cut = stack.len();
                    for (i, &a) in stack.iter().enumerate() {
                        let a = a as usize;
                        self.res[a] -= d;
                        self.res[self.rev[a] as usize] += d;
                        if self.res[a] == 0 && cut == stack.len() {
                            cut = i;
                        }
                    }
                    total += d as i64;
                    stack.truncate(cut);
                    u = match stack.last() {
                        Some(&a) => self.head[a as usize] as usize,
                        None => s,
                    };
                    continue;
                }
                let end = self.first[u + 1];
                let mut a = cur[u];
                while a < end {
                    let v = self.head[a as usize] as usize;
                    if self.res[a as usize] > 0 && level[v] == level[u] + 1 {
                        break;
                    }
                    a += 1;
                }
                cur[u] = a;
                if a < end {
                    stack.push(a);
                    u = self.head[a as usize] as usize;
                } else {
                    level[u] = -1;
                    match stack.pop() {
                        None => break,
                        Some(b) => {
                            u = self.head[self.rev[b as usize] as usize] as usize;
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
            for a in self.arcs(u) {
                let v = self.head[a] as usize;
                if self.res[a] > 0 && !seen[v] {
                    seen[v] = true;
                    stack.push(v);
                }
            }
        }
        seen
    }

    /// Turns the current feasible flow into a minimum-cost one (a minimum-cost circulation on
    /// the residual network). Every node must be balanced on entry; they are on exit.
    pub fn min_cost(&mut self) {
        let n = self.n;
        let mult = n as i64 + 1;
        let max_cost = self
            .cost
            .iter()
            .map(|&c| (c as i64).abs())
            .max()
            .unwrap_or(0);
        if max_cost == 0 {
            return;
        }
        let mut cs = CostScaling {
            price: vec![0i64; n],
            excess: vec![0i64; n],
            cur: self.first[..n].to_vec(),
            queue: VecDeque::new(),
            active: vec![false; n],
            mult,
        };
        // With alpha = 8 there are about log8(n C) refinements; each starts from the previous
        // prices, so the early ones are cheap and the late ones mostly local.
        const ALPHA: i64 = 8;
        let mut eps = max_cost * mult;
        loop {
            eps = (eps / ALPHA).max(1);
            cs.refine(self, eps);
            if eps == 1 {
                break;
            }
        }
    }
}

struct CostScaling {
    price: Vec<i64>,
    excess: Vec<i64>,
    cur: Vec<u32>,
    queue: VecDeque<u32>,
    active: Vec<bool>,
    mult: i64,
}

impl CostScaling {
    fn refine(&mut self, net: &mut Network, eps: i64) {
        let n = net.n;
        let mult = self.mult;
        // Saturate every residual arc of negative reduced cost: the pseudoflow is then 0-optimal.
        for u in 0..n {
            let pu = self.price[u];
            for a in net.first[u] as usize..net.first[u + 1] as usize {
                let r = net.res[a];
                if r > 0 {
                    let v = net.head[a] as usize;
                    if net.cost[a] as i64 * mult + pu - self.price[v] < 0 {
                        net.res[a] = 0;
                        net.res[net.rev[a] as usize] += r;
                        self.excess[u] -= r as i64;
                        self.excess[v] += r as i64;
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
        while let Some(u) = self.queue.pop_front() {
            let u = u as usize;
            self.active[u] = false;
            self.discharge(net, u, eps);
        }
    }

    fn discharge(&mut self, net: &mut Network, u: usize, eps: i64) {
        let mult = self.mult;
        loop {
            let pu = self.price[u];
            let end = net.first[u + 1] as usize;
            let mut a = self.cur[u] as usize;
            while a < end {
                if net.res[a] > 0 {
                    let v = net.head[a] as usize;
                    if net.cost[a] as i64 * mult + pu - self.price[v] < 0 {
                        let d = self.excess[u].min(net.res[a] as i64);
                        net.res[a] -= d as i32;
                        net.res[net.rev[a] as usize] += d as i32;
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
            // Relabel: the highest price keeping every residual arc eps-optimal, lowered by eps
            // so that at least one arc becomes admissible.
            let mut best = i64::MIN;
            for a in net.first[u] as usize..end {
                if net.res[a] > 0 {
                    let cand = self.price[net.head[a] as usize] - net.cost[a] as i64 * mult;
                    if cand > best {
                        best = cand;
                    }
                }
            }
            assert!(best != i64::MIN, "cost scaling on an infeasible network");
            self.price[u] = best - eps;
            self.cur[u] = net.first[u];
        }
    }
}
