//! `drx demo --pipeline`: after the simulated judging, the rest of the cycle through the real
//! services, as the demo organizer: the calibrated top N become finalists, engineering teams are
//! matched with them and the matching is published, each match becomes a project, and the first
//! few projects pass their concept gate. So the ranking, team matching, roadshow, project board
//! and dashboards all have something to show. The call moves on with them: to its decision
//! phase once the finalists are chosen (the authors are told then), to matchmaking once the
//! matching is published.
use std::collections::HashMap;

use drx_core::services::assignment::RunOutcome;
use drx_core::services::team_matching::{self, TeamParams};
use drx_core::services::{calls, projects, ranking};
use drx_domain::Phase;
use drx_store::{matchmaking, Db};

const BASE_URL: &str = "http://localhost:8080";
/// How many of the new projects pass their first gate.
const PROJECTS_PAST_CONCEPT: usize = 4;

/// Returns (finalists, projects). Needs a demo database whose judging was simulated.
pub async fn simulate_pipeline(db: &Db) -> anyhow::Result<(usize, usize)> {
    let organizer = super::demo_person(db, "organizer@drx.example", "organizer").await?;
    let now = drx_store::now();
    let call = 1;

    let board = ranking::ranking(db, &organizer, call).await?;
    let finalists: Vec<i64> = board
        .rows
        .iter()
        .filter(|r| r.preselected)
        .map(|r| r.submission_id)
        .collect();
    ranking::decide(
        db,
        &organizer,
        call,
        &finalists,
        &HashMap::new(),
        BASE_URL,
        now,
    )
    .await?;
    calls::set_phase(db, &organizer, call, Phase::Decision, BASE_URL, now).await?;

    let params = TeamParams {
        teams_per_finalist: 1,
        pinned: Vec::new(),
        forbidden: Vec::new(),
    };
    match team_matching::run_teams(db, &organizer, call, &params, now).await? {
        RunOutcome::Saved { run_id, .. } => {
            team_matching::publish(db, &organizer, run_id, BASE_URL, now).await?;
            calls::set_phase(db, &organizer, call, Phase::Matchmaking, BASE_URL, now).await?;
        }
        RunOutcome::Infeasible(why) => {
            anyhow::bail!("the demo team matching is infeasible: {why:?}")
        }
    }

    let mut made = Vec::new();
    for m in matchmaking::matches_of_call(db, call).await? {
        made.push(projects::create(db, &organizer, m.submission_id, m.team_id, None, now).await?);
    }
    for &p in made.iter().take(PROJECTS_PAST_CONCEPT) {
        for (item, _, _) in projects::checklist(drx_domain::ProjectStage::Concept) {
            projects::set_check(db, &organizer, p, item, true, now).await?;
        }
        projects::decide(
            db,
            &organizer,
            p,
            drx_domain::GateDecision::Go.as_str(),
            "Concept confirmed with the clinicians; proof of concept next.",
            now,
        )
        .await?;
    }
    Ok((finalists.len(), made.len()))
}
