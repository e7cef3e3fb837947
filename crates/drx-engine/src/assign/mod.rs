//! Optimal constrained assignment (judges -> submissions, teams -> finalists) as min-cost flow.
//!
//! The model: every submission needs an exact number of reviews; every judge has a minimum and a
//! maximum load; only listed candidate pairs (with an affinity) may be used, minus conflicts
//! (declared, or "the judge's organization is one of the authors' organizations") and forbidden
//! pairs; forced pairs must be used; optionally at most one judge of an organization per
//! submission. The solver maximises the total affinity exactly (see [`Solution::max_abs_error`]),
//! or, in [`Objective::Fair`], first the lowest affinity any assigned pair has, then the total.
//!
//! Everything is deterministic: candidates are taken in (submission, judge) order whatever the
//! input order, and the flow algorithm has no randomness.

// Loops over parallel per-node arrays read better with indices.
#![allow(clippy::needless_range_loop)]

mod build;
mod check;
mod flow;
mod solve;
mod summary;

#[cfg(test)]
mod tests;

pub use check::{check, explain_infeasibility, Reason, Violation};
pub use solve::solve;
pub use summary::{summarize, Summary};

/// A submission (or, for teams, a finalist) to be served.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubmissionSpec {
    /// Exactly this many judges (teams) must be assigned.
    pub reviews: u32,
    /// Organizations of the authors: a judge of one of these organizations is in conflict.
    pub author_orgs: Vec<u32>,
}

/// A judge (or, for finalists, an engineering team) and its load bounds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JudgeSpec {
    pub min_load: u32,
    pub max_load: u32,
    /// The judge's organization, for conflicts and for "one judge per organization".
    pub org: Option<u32>,
}

/// An allowed pair and how well it fits. Pairs that are not listed are not allowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub submission: u32,
    pub judge: u32,
    pub affinity: f64,
}

/// An assigned (submission, judge) pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pair {
    pub submission: u32,
    pub judge: u32,
}

impl Candidate {
    pub fn new(submission: u32, judge: u32, affinity: f64) -> Self {
        Candidate {
            submission,
            judge,
            affinity,
        }
    }
}

impl Pair {
    pub fn new(submission: u32, judge: u32) -> Self {
        Pair { submission, judge }
    }
}

/// What "best" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Objective {
    /// Maximise the total affinity.
    #[default]
    Total,
    /// Maximise the lowest affinity of any assigned (non-forced) pair, then the total among the
    /// assignments reaching it. Every submission then gets at least `reviews x threshold`.
    Fair,
}

/// A whole assignment problem. Ids are indices into `submissions` and `judges`.
#[derive(Debug, Clone, Default)]
pub struct Problem {
    pub submissions: Vec<SubmissionSpec>,
    pub judges: Vec<JudgeSpec>,
    /// Candidate pairs. Solving is fastest when they are sorted by (submission, judge) (as the
    /// benchmark files are); otherwise a sorted copy is made. Duplicates keep the highest affinity.
    pub candidates: Vec<Candidate>,
    /// Declared conflicts and co-authorships, computed by the application.
    pub conflicts: Vec<Pair>,
    /// Pairs that must be in the assignment (pinned by the organizer).
    pub forced: Vec<Pair>,
    /// Pairs that must not be in the assignment (removed by the organizer).
    pub forbidden: Vec<Pair>,
    /// At most one judge of the same organization per submission.
    pub one_judge_per_org: bool,
    pub objective: Objective,
}

impl Problem {
    /// The usual call setup: every submission needs `reviews`, every judge takes between
    /// `min_load` and `max_load`; no organizations.
    pub fn uniform(
        submissions: usize,
        judges: usize,
        reviews: u32,
        min_load: u32,
        max_load: u32,
        candidates: Vec<Candidate>,
    ) -> Self {
        Problem {
            submissions: vec![
                SubmissionSpec {
                    reviews,
                    author_orgs: Vec::new()
                };
                submissions
            ],
            judges: vec![
                JudgeSpec {
                    min_load,
                    max_load,
                    org: None
                };
                judges
            ],
            candidates,
            ..Problem::default()
        }
    }

    /// Engineering teams -> finalists: each finalist gets `teams_per_finalist` teams, team `t`
    /// takes at most `capacities[t]` finalists. In the result, `submission` is the finalist and
    /// `judge` the team.
    pub fn teams_to_finalists(
        finalists: usize,
        teams_per_finalist: u32,
        capacities: &[u32],
        candidates: Vec<Candidate>,
    ) -> Self {
        Problem {
            submissions: vec![
                SubmissionSpec {
                    reviews: teams_per_finalist,
                    author_orgs: Vec::new()
                };
                finalists
            ],
            judges: capacities
                .iter()
                .map(|&c| JudgeSpec {
                    min_load: 0,
                    max_load: c,
                    org: None,
                })
                .collect(),
            candidates,
            ..Problem::default()
        }
    }

    /// Whether the pair may be used at all: listed, and not a conflict, organization conflict or
    /// forbidden. (Slow path for the checker; the solver filters in bulk.)
    pub(crate) fn org_conflict(&self, submission: u32, judge: u32) -> bool {
        match self.judges[judge as usize].org {
            Some(o) => self.submissions[submission as usize]
                .author_orgs
                .contains(&o),
            None => false,
        }
    }
}

/// An optimal assignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// Sorted by (submission, judge).
    pub pairs: Vec<Pair>,
    /// Sum of the affinities of `pairs` (forced pairs included).
    pub total_affinity: f64,
    /// The lowest total affinity any submission receives (0 with no submissions).
    pub min_submission_affinity: f64,
    /// In [`Objective::Fair`], the lowest affinity of an assigned non-forced pair that was
    /// guaranteed (the max-min threshold).
    pub fairness_threshold: Option<f64>,
    /// Affinities are rounded to integer multiples of `1/scale` for the flow.
    pub scale: f64,
    /// `total_affinity` is within this of the true optimum: every pair's rounding is at most
    /// `0.5/scale`, in the optimum and in the result, so `pairs.len()/scale` bounds the gap.
    /// For affinities with at most log10(scale) decimals it is exactly 0.
    pub max_abs_error: f64,
}

/// The problem has no assignment, with the reasons in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Infeasible {
    pub reasons: Vec<Reason>,
}

impl std::fmt::Display for Infeasible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no assignment satisfies all constraints:")?;
        for r in &self.reasons {
            write!(f, "\n- {r}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Infeasible {}
