//! Engineering teams as people see them: those who run calls see every team, everyone else
//! the teams they belong to.
use super::{Result, ServiceError};
use crate::auth::authorization::can_see_all_teams;
use crate::store::accounts::Person;
use crate::store::matching::{self, TeamExpertise};
use crate::store::{catalogue, Db};

/// The teams the person may see, in id order.
pub async fn visible(db: &Db, actor: &Person) -> Result<Vec<TeamExpertise>> {
    let all = matching::teams(db).await?;
    if can_see_all_teams(actor) {
        return Ok(all);
    }
    if !actor.active {
        return Ok(Vec::new());
    }
    let mine: Vec<i64> = catalogue::teams_of_person(db, actor.id)
        .await?
        .iter()
        .map(|t| t.id)
        .collect();
    Ok(all
        .into_iter()
        .filter(|t| mine.contains(&t.team_id))
        .collect())
}

/// One team the person may see; NotFound otherwise.
pub async fn get(db: &Db, actor: &Person, team_id: i64) -> Result<TeamExpertise> {
    visible(db, actor)
        .await?
        .into_iter()
        .find(|t| t.team_id == team_id)
        .ok_or(ServiceError::NotFound)
}
