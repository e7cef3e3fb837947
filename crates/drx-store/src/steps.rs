//! Reads behind the call page's list of steps: how far each step of running a call has come.
//! Read only; every table here has its own owner.
use super::{Db, Result};

row! {
    /// Counts for one call, each the fact one step's state is decided from.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CallCounts {
        /// Rubric criteria.
        pub criteria: i64,
        /// Submissions past draft and not withdrawn.
        pub submitted: i64,
        /// Published judge assignment runs.
        pub judge_runs: i64,
        /// Reviews assigned, and of those submitted.
        pub reviews: i64,
        pub reviews_done: i64,
        /// Submissions decided (finalist or not selected), and finalists.
        pub decided: i64,
        pub finalists: i64,
        /// Published team-matching runs.
        pub team_runs: i64,
        /// Projects made from the call's submissions.
        pub projects: i64,
    }
}

row! {
    /// One phase's window as the call's settings give it.
    #[derive(Debug, Clone, PartialEq)]
    pub struct PhaseWindow {
        pub phase: drx_domain::Phase,
        pub starts_at: i64,
        pub ends_at: i64,
    }
}

pub async fn counts(db: &Db, call_id: i64) -> Result<CallCounts> {
    db.one(
        "SELECT \
           CAST((SELECT COUNT(*) FROM rubric_criteria WHERE call_id = ?) AS BIGINT) AS criteria, \
           CAST((SELECT COUNT(*) FROM submissions WHERE call_id = ? AND status NOT IN ('draft', 'withdrawn')) AS BIGINT) AS submitted, \
           CAST((SELECT COUNT(*) FROM assignment_runs WHERE call_id = ? AND kind = 'judges' AND status = 'published') AS BIGINT) AS judge_runs, \
           CAST((SELECT COUNT(*) FROM reviews r JOIN submissions s ON s.id = r.submission_id WHERE s.call_id = ?) AS BIGINT) AS reviews, \
           CAST((SELECT COUNT(*) FROM reviews r JOIN submissions s ON s.id = r.submission_id WHERE s.call_id = ? AND r.status = 'submitted') AS BIGINT) AS reviews_done, \
           CAST((SELECT COUNT(*) FROM submissions WHERE call_id = ? AND status IN ('finalist', 'not_selected')) AS BIGINT) AS decided, \
           CAST((SELECT COUNT(*) FROM submissions WHERE call_id = ? AND status = 'finalist') AS BIGINT) AS finalists, \
           CAST((SELECT COUNT(*) FROM assignment_runs WHERE call_id = ? AND kind = 'teams' AND status = 'published') AS BIGINT) AS team_runs, \
           CAST((SELECT COUNT(*) FROM projects p JOIN submissions s ON s.id = p.submission_id WHERE s.call_id = ?) AS BIGINT) AS projects",
        [call_id; 9],
    )
    .await
}

/// The call's phase windows, earliest first.
pub async fn windows(db: &Db, call_id: i64) -> Result<Vec<PhaseWindow>> {
    db.all(
        "SELECT phase, starts_at, ends_at FROM call_phases WHERE call_id = ? ORDER BY starts_at, phase",
        (call_id,),
    )
    .await
}
