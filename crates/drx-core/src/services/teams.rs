//! The capability catalogue: engineering teams searched in Chinese and English (the engine's
//! analyzer on both the query and the teams' texts), filtered by field, and one team's page.
use std::collections::HashSet;

use drx_engine::text::Analyzer;

use super::{Result, ServiceError};
use crate::auth::authorization::can_browse_catalogues;
use drx_store::accounts::Person;
use drx_store::matchmaking::{self as store, Member, TeamCard, TeamMatch};
use drx_store::Db;

/// What the catalogue's search form sends.
#[derive(Debug, Clone, Default)]
pub struct TeamQuery {
    pub text: String,
    /// 0: every field.
    pub field_id: i64,
}

/// The text a team is found by: names, capabilities, technologies, field names.
fn searchable(t: &TeamCard) -> String {
    let fields: Vec<String> = t
        .fields
        .iter()
        .map(|f| format!("{} {}", f.name_en, f.name_zh))
        .collect();
    format!(
        "{} {} {} {} {}",
        t.name_en,
        t.name_zh,
        t.capabilities,
        t.technologies,
        fields.join(" ")
    )
}

/// How many of the query's distinct terms the text has (0: not a hit).
pub fn hits(analyzer: &Analyzer, query: &str, text: &str) -> usize {
    let mut wanted = analyzer.terms(query);
    wanted.sort();
    wanted.dedup();
    let have: HashSet<String> = analyzer.terms(text).into_iter().collect();
    wanted.iter().filter(|w| have.contains(*w)).count()
}

/// The teams matching the query, best first (most query terms found, then by id).
pub async fn search(db: &Db, actor: &Person, q: &TeamQuery) -> Result<Vec<TeamCard>> {
    if !can_browse_catalogues(actor) {
        return Err(ServiceError::Forbidden);
    }
    let teams: Vec<TeamCard> = store::team_cards(db)
        .await?
        .into_iter()
        .filter(|t| q.field_id == 0 || t.fields.iter().any(|f| f.id == q.field_id))
        .collect();
    let text = q.text.trim().to_string();
    if text.is_empty() {
        return Ok(teams);
    }
    // Word segmentation is CPU work: off the async workers.
    let ranked = tokio::task::spawn_blocking(move || {
        let analyzer = Analyzer::shared();
        let needle = text.to_lowercase();
        let mut scored: Vec<(usize, TeamCard)> = teams
            .into_iter()
            .filter_map(|t| {
                let hay = searchable(&t);
                let n =
                    hits(analyzer, &text, &hay) + usize::from(hay.to_lowercase().contains(&needle));
                (n > 0).then_some((n, t))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        scored.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
    })
    .await
    .expect("team search does not panic");
    Ok(ranked)
}

/// One team with its members and published matches.
pub struct TeamPage {
    pub team: TeamCard,
    pub members: Vec<Member>,
    pub matches: Vec<TeamMatch>,
    /// The person is on the team (they may speak for it).
    pub is_member: bool,
}

pub async fn page(db: &Db, actor: &Person, id: i64) -> Result<TeamPage> {
    if !can_browse_catalogues(actor) {
        return Err(ServiceError::Forbidden);
    }
    let team = store::team_card(db, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let members = store::members(db, id).await?;
    let matches = store::matches_of_team(db, id).await?;
    let is_member = members.iter().any(|m| m.person_id == actor.id);
    Ok(TeamPage {
        team,
        members,
        matches,
        is_member,
    })
}

#[cfg(test)]
mod tests {
    use super::hits;
    use drx_engine::text::Analyzer;

    #[test]
    fn chinese_and_english_queries_find_the_same_team() {
        let a = Analyzer::shared();
        let team = "康复机器人团队 Rehabilitation Robotics: 下肢康复机器人 (lower-limb rehabilitation robots)";
        assert!(hits(a, "康复", team) > 0);
        assert!(hits(a, "rehabilitation robot", team) >= 2);
        assert_eq!(hits(a, "影像 imaging", team), 0);
    }
}
