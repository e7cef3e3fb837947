//! The steps of running a call, in order, each with its state: what an organizer reads on the
//! call page to know what is done, what is open now and what is due when.
use drx_domain::Phase;
use drx_store::accounts::Person;
use drx_store::steps::{self as store, CallCounts, PhaseWindow};
use drx_store::Db;

use super::Result;

/// One step of running a call, in the order they are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Setup,
    Submissions,
    Assignment,
    Reviews,
    Ranking,
    Decisions,
    TeamMatching,
    Projects,
    Report,
}

impl StepKind {
    pub const ALL: [StepKind; 9] = [
        StepKind::Setup,
        StepKind::Submissions,
        StepKind::Assignment,
        StepKind::Reviews,
        StepKind::Ranking,
        StepKind::Decisions,
        StepKind::TeamMatching,
        StepKind::Projects,
        StepKind::Report,
    ];

    /// A stable name (i18n keys and CSS hooks are made from it).
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Setup => "setup",
            StepKind::Submissions => "submissions",
            StepKind::Assignment => "assignment",
            StepKind::Reviews => "reviews",
            StepKind::Ranking => "ranking",
            StepKind::Decisions => "decisions",
            StepKind::TeamMatching => "team-matching",
            StepKind::Projects => "projects",
            StepKind::Report => "report",
        }
    }
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// Its turn has not come (what it needs is not there yet).
    Later,
    /// It can be worked on now; nothing dates it.
    Open,
    /// It can be worked on now and the call's dates end it at this time (Unix seconds).
    Due(i64),
    Done,
}

/// One step: its state and, where the step is counted, its figure (`done`, of `of` when the
/// step has a target).
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    pub state: StepState,
    pub figure: Option<(i64, Option<i64>)>,
}

/// The steps of running the call, for those who run it.
pub async fn of_call(db: &Db, actor: &Person, call_id: i64) -> Result<Vec<Step>> {
    let call = super::require_call_manager(db, actor, call_id).await?;
    let counts = store::counts(db, call_id).await?;
    let windows = store::windows(db, call_id).await?;
    Ok(derive(call.phase, call.finalists, &counts, &windows))
}

/// The states from the facts; pure, so every rule is tested without a database.
pub fn derive(
    phase: Phase,
    finalists_planned: i64,
    c: &CallCounts,
    windows: &[PhaseWindow],
) -> Vec<Step> {
    let ends = |p: Phase| windows.iter().find(|w| w.phase == p).map(|w| w.ends_at);
    let now_or_due = |p: Phase| ends(p).map_or(StepState::Open, StepState::Due);
    let started = phase > Phase::Draft;
    let reviewed = c.reviews > 0 && c.reviews_done == c.reviews;
    StepKind::ALL
        .iter()
        .map(|&kind| {
            let (state, figure) = match kind {
                StepKind::Setup => {
                    let state = if started {
                        StepState::Done
                    } else {
                        windows
                            .iter()
                            .find(|w| w.phase == Phase::Open)
                            .map_or(StepState::Open, |w| StepState::Due(w.starts_at))
                    };
                    (state, Some((c.criteria, None)))
                }
                StepKind::Submissions => {
                    let state = match phase {
                        Phase::Draft => StepState::Later,
                        Phase::Open => now_or_due(Phase::Open),
                        _ => StepState::Done,
                    };
                    (state, Some((c.submitted, None)))
                }
                StepKind::Assignment => {
                    let state = if c.judge_runs > 0 {
                        StepState::Done
                    } else if started && c.submitted > 0 {
                        windows
                            .iter()
                            .find(|w| w.phase == Phase::Review)
                            .map_or(StepState::Open, |w| StepState::Due(w.starts_at))
                    } else {
                        StepState::Later
                    };
                    (state, None)
                }
                StepKind::Reviews => {
                    let state = if reviewed {
                        StepState::Done
                    } else if c.reviews == 0 {
                        StepState::Later
                    } else {
                        now_or_due(Phase::Review)
                    };
                    (state, Some((c.reviews_done, Some(c.reviews))))
                }
                StepKind::Ranking => {
                    let state = if c.decided > 0 {
                        StepState::Done
                    } else if c.reviews_done > 0 {
                        StepState::Open
                    } else {
                        StepState::Later
                    };
                    (state, None)
                }
                StepKind::Decisions => {
                    let state = if c.decided > 0 && phase > Phase::Decision {
                        StepState::Done
                    } else if c.reviews_done > 0 || c.decided > 0 {
                        now_or_due(Phase::Decision)
                    } else {
                        StepState::Later
                    };
                    (state, Some((c.finalists, Some(finalists_planned))))
                }
                StepKind::TeamMatching => {
                    let state = if c.team_runs > 0 {
                        StepState::Done
                    } else if c.finalists > 0 {
                        now_or_due(Phase::Matchmaking)
                    } else {
                        StepState::Later
                    };
                    (state, None)
                }
                StepKind::Projects => {
                    let state = if c.finalists > 0 && c.projects >= c.finalists {
                        StepState::Done
                    } else if c.finalists > 0 {
                        now_or_due(Phase::Incubation)
                    } else {
                        StepState::Later
                    };
                    (state, Some((c.projects, Some(c.finalists))))
                }
                StepKind::Report => {
                    let state = match phase {
                        Phase::Draft => StepState::Later,
                        Phase::Closed => StepState::Done,
                        _ => StepState::Open,
                    };
                    (state, None)
                }
            };
            Step {
                kind,
                state,
                figure,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(steps: &[Step], kind: StepKind) -> StepState {
        steps.iter().find(|s| s.kind == kind).unwrap().state
    }

    fn window(phase: Phase, starts_at: i64, ends_at: i64) -> PhaseWindow {
        PhaseWindow {
            phase,
            starts_at,
            ends_at,
        }
    }

    #[test]
    fn a_new_call_has_setup_open_and_the_rest_later() {
        let s = derive(Phase::Draft, 16, &CallCounts::default(), &[]);
        assert_eq!(s.len(), 9);
        assert_eq!(s[0].kind, StepKind::Setup);
        assert_eq!(s[0].state, StepState::Open);
        assert!(s[1..].iter().all(|s| s.state == StepState::Later), "{s:?}");
    }

    #[test]
    fn dates_make_a_step_due() {
        let w = [
            window(Phase::Open, 100, 200),
            window(Phase::Review, 200, 300),
        ];
        let s = derive(Phase::Draft, 16, &CallCounts::default(), &w);
        assert_eq!(state(&s, StepKind::Setup), StepState::Due(100));
        let c = CallCounts {
            submitted: 5,
            ..Default::default()
        };
        let s = derive(Phase::Open, 16, &c, &w);
        assert_eq!(state(&s, StepKind::Setup), StepState::Done);
        assert_eq!(state(&s, StepKind::Submissions), StepState::Due(200));
        assert_eq!(state(&s, StepKind::Assignment), StepState::Due(200));
        assert_eq!(state(&s, StepKind::Reviews), StepState::Later);
    }

    #[test]
    fn reviews_are_done_when_every_assigned_review_is_in() {
        let mut c = CallCounts {
            submitted: 5,
            judge_runs: 1,
            reviews: 15,
            reviews_done: 14,
            ..Default::default()
        };
        let s = derive(Phase::Review, 2, &c, &[window(Phase::Review, 0, 50)]);
        assert_eq!(state(&s, StepKind::Assignment), StepState::Done);
        assert_eq!(state(&s, StepKind::Reviews), StepState::Due(50));
        assert_eq!(state(&s, StepKind::Ranking), StepState::Open);
        assert_eq!(state(&s, StepKind::Decisions), StepState::Open);
        c.reviews_done = 15;
        let s = derive(Phase::Review, 2, &c, &[]);
        assert_eq!(state(&s, StepKind::Reviews), StepState::Done);
        assert_eq!(s[3].figure, Some((15, Some(15))));
    }

    #[test]
    fn the_pipeline_steps_follow_the_finalists() {
        let c = CallCounts {
            submitted: 5,
            judge_runs: 1,
            reviews: 15,
            reviews_done: 15,
            decided: 5,
            finalists: 2,
            team_runs: 0,
            projects: 1,
            ..Default::default()
        };
        let s = derive(Phase::Matchmaking, 2, &c, &[]);
        assert_eq!(state(&s, StepKind::Ranking), StepState::Done);
        assert_eq!(state(&s, StepKind::Decisions), StepState::Done);
        assert_eq!(state(&s, StepKind::TeamMatching), StepState::Open);
        assert_eq!(state(&s, StepKind::Projects), StepState::Open);
        let c = CallCounts {
            team_runs: 1,
            projects: 2,
            ..c
        };
        let s = derive(Phase::Closed, 2, &c, &[]);
        assert!(s.iter().all(|s| s.state == StepState::Done), "{s:?}");
    }

    #[test]
    fn decisions_stay_open_while_the_call_is_in_its_decision_phase() {
        let c = CallCounts {
            reviews: 3,
            reviews_done: 3,
            decided: 3,
            finalists: 1,
            ..Default::default()
        };
        let s = derive(Phase::Decision, 1, &c, &[window(Phase::Decision, 0, 9)]);
        assert_eq!(state(&s, StepKind::Decisions), StepState::Due(9));
    }
}
