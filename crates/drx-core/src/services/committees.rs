//! A call's committee: its judge pool (each judge with an optional maximum load of their own,
//! over the call's `judge_max_load`), its organizers (the creator and the co-organizers, who
//! run the call as the creator does) and the engineering teams taking part. The assignment draws
//! judges only from the pool and team matching only from the participating teams. Those who run
//! the call keep the pool and the teams; only the creator and admins change the co-organizers.
use std::collections::BTreeSet;

use super::{accounts, commit_audited, Msg, Result, ServiceError};
use crate::auth::authorization::{can_change_co_organizers, fits_call_role};
use drx_domain::{AuditAction, AuditEntity, CallRole, Role};
use drx_store::accounts::{self as people, Person};
use drx_store::calls::{self as store, CallTeam, CommitteeMember};
use drx_store::catalogue::CallJudging;
use drx_store::{Db, Named};

/// The highest maximum load a judge may be given.
pub const MAX_LOAD: i64 = 1000;

/// A call's committee as its organizers see it.
#[derive(Debug, Clone)]
pub struct Committee {
    pub call: CallJudging,
    pub creator_id: Option<i64>,
    pub judges: Vec<CommitteeMember>,
    /// The creator first, then the co-organizers.
    pub organizers: Vec<CommitteeMember>,
    pub teams: Vec<CallTeam>,
    /// The viewer may add or remove co-organizers.
    pub may_change_organizers: bool,
}

async fn creator_of(db: &Db, call_id: i64) -> Result<Option<i64>> {
    store::creator(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// The committee, for those who run the call.
pub async fn get(db: &Db, actor: &Person, call_id: i64) -> Result<Committee> {
    let call = super::require_call_manager(db, actor, call_id).await?;
    let creator_id = creator_of(db, call_id).await?;
    let (mut judges, mut organizers) = (Vec::new(), Vec::new());
    for m in store::committee(db, call_id).await? {
        match m.role {
            CallRole::Judge => judges.push(m),
            CallRole::Organizer => organizers.push(m),
        }
    }
    organizers.sort_by_key(|m| Some(m.person_id) != creator_id);
    Ok(Committee {
        call,
        creator_id,
        judges,
        organizers,
        teams: store::call_teams(db, call_id).await?,
        may_change_organizers: can_change_co_organizers(actor, creator_id == Some(actor.id)),
    })
}

/// Who could still join: active platform judges not in the pool, active organizers not among
/// the call's organizers, teams not taking part.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub judges: Vec<Person>,
    pub organizers: Vec<Person>,
    pub teams: Vec<Named>,
}

pub async fn candidates(db: &Db, c: &Committee) -> Result<Candidates> {
    let outside = |members: &[CommitteeMember], people: Vec<Person>| -> Vec<Person> {
        people
            .into_iter()
            .filter(|p| p.active && !members.iter().any(|m| m.person_id == p.id))
            .collect()
    };
    let teams = drx_store::projects::teams(db)
        .await?
        .into_iter()
        .filter(|t| !c.teams.iter().any(|x| x.id == t.id))
        .collect();
    Ok(Candidates {
        judges: outside(&c.judges, people::list_people(db, Some(Role::Judge)).await?),
        organizers: outside(
            &c.organizers,
            people::list_people(db, Some(Role::Organizer)).await?,
        ),
        teams,
    })
}

/// One change to a committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    AddJudge(i64),
    RemoveJudge(i64),
    /// A pool judge's own maximum load; None goes back to the call's.
    SetLoad(i64, Option<i64>),
    AddOrganizer(i64),
    RemoveOrganizer(i64),
    AddTeam(i64),
    RemoveTeam(i64),
}

impl Change {
    fn touches_organizers(self) -> bool {
        matches!(self, Change::AddOrganizer(_) | Change::RemoveOrganizer(_))
    }

    fn json(self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Change::AddJudge(p) => json!({ "add_judge": p }),
            Change::RemoveJudge(p) => json!({ "remove_judge": p }),
            Change::SetLoad(p, l) => json!({ "judge": p, "max_load": l }),
            Change::AddOrganizer(p) => json!({ "add_organizer": p }),
            Change::RemoveOrganizer(p) => json!({ "remove_organizer": p }),
            Change::AddTeam(t) => json!({ "add_team": t }),
            Change::RemoveTeam(t) => json!({ "remove_team": t }),
        }
    }
}

/// Refuses a person who may not hold `role` in a call: unknown, inactive, or without the
/// platform role that goes with it.
async fn check_person(db: &Db, person_id: i64, role: CallRole) -> Result<()> {
    let fits = people::person(db, person_id)
        .await?
        .is_some_and(|p| p.active && fits_call_role(&p.roles, role));
    if fits {
        Ok(())
    } else {
        Err(ServiceError::invalid(match role {
            CallRole::Judge => "committee-not-a-judge",
            CallRole::Organizer => "committee-not-an-organizer",
        }))
    }
}

fn check_load(load: Option<i64>) -> Result<()> {
    match load {
        Some(l) if !(1..=MAX_LOAD).contains(&l) => Err(ServiceError::Invalid(
            Msg::new("error-call-range")
                .arg("field", "committee-max-load")
                .arg("min", 1)
                .arg("max", MAX_LOAD),
        )),
        _ => Ok(()),
    }
}

/// Applies `changes` in one transaction with one audit event; all or nothing.
pub async fn change(
    db: &Db,
    actor: &Person,
    call_id: i64,
    changes: &[Change],
    now: i64,
) -> Result<()> {
    super::require_call_editor(db, actor, call_id).await?;
    let creator_id = creator_of(db, call_id).await?;
    if changes.iter().any(|c| c.touches_organizers())
        && !can_change_co_organizers(actor, creator_id == Some(actor.id))
    {
        return Err(ServiceError::Forbidden);
    }
    let members = store::committee(db, call_id).await?;
    let in_pool = |p: i64| {
        members
            .iter()
            .any(|m| m.person_id == p && m.role == CallRole::Judge)
    };
    let added_judges: BTreeSet<i64> = changes
        .iter()
        .filter_map(|c| match c {
            Change::AddJudge(p) => Some(*p),
            _ => None,
        })
        .collect();
    let known_teams: Vec<i64> = drx_store::projects::teams(db)
        .await?
        .iter()
        .map(|t| t.id)
        .collect();
    for c in changes {
        match *c {
            Change::AddJudge(p) => check_person(db, p, CallRole::Judge).await?,
            Change::AddOrganizer(p) => check_person(db, p, CallRole::Organizer).await?,
            Change::RemoveOrganizer(p) if Some(p) == creator_id => {
                return Err(ServiceError::invalid("committee-creator-stays"))
            }
            Change::SetLoad(p, load) => {
                check_load(load)?;
                if !in_pool(p) && !added_judges.contains(&p) {
                    return Err(ServiceError::invalid("committee-not-in-pool"));
                }
            }
            Change::AddTeam(t) if !known_teams.contains(&t) => {
                return Err(ServiceError::invalid("error-bad-choice"))
            }
            _ => {}
        }
    }
    let mut tx = db.begin().await?;
    for c in changes {
        match *c {
            Change::AddJudge(p) => {
                store::add_call_role(&mut tx, call_id, p, CallRole::Judge).await?;
            }
            Change::RemoveJudge(p) => {
                store::remove_call_role(&mut tx, call_id, p, CallRole::Judge).await?;
            }
            Change::SetLoad(p, load) => {
                store::set_judge_max_load(&mut tx, call_id, p, load).await?;
            }
            Change::AddOrganizer(p) => {
                store::add_call_role(&mut tx, call_id, p, CallRole::Organizer).await?;
            }
            Change::RemoveOrganizer(p) => {
                store::remove_call_role(&mut tx, call_id, p, CallRole::Organizer).await?;
            }
            Change::AddTeam(t) => {
                store::add_call_team(&mut tx, call_id, t, now).await?;
            }
            Change::RemoveTeam(t) => {
                store::remove_call_team(&mut tx, call_id, t).await?;
            }
        }
    }
    let detail: Vec<serde_json::Value> = changes.iter().map(|c| c.json()).collect();
    commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        AuditAction::Committee,
        serde_json::Value::from(detail),
        now,
    )
    .await
}

/// A whole committee as the API replaces it; a part left out (None) stays as it is.
#[derive(Debug, Clone, Default)]
pub struct CommitteeInput {
    /// (person id, own maximum load)
    pub judges: Option<Vec<(i64, Option<i64>)>>,
    /// The co-organizers (the creator stays an organizer whatever this says).
    pub co_organizers: Option<Vec<i64>>,
    pub teams: Option<Vec<i64>>,
}

/// The changes that turn the committee `c` into `input`.
pub fn changes_to(c: &Committee, input: &CommitteeInput) -> Vec<Change> {
    let mut out = Vec::new();
    if let Some(judges) = &input.judges {
        for m in &c.judges {
            if !judges.iter().any(|(p, _)| *p == m.person_id) {
                out.push(Change::RemoveJudge(m.person_id));
            }
        }
        for &(p, load) in judges {
            match c.judges.iter().find(|m| m.person_id == p) {
                None => {
                    out.push(Change::AddJudge(p));
                    if load.is_some() {
                        out.push(Change::SetLoad(p, load));
                    }
                }
                Some(m) if m.max_load != load => out.push(Change::SetLoad(p, load)),
                Some(_) => {}
            }
        }
    }
    if let Some(co) = &input.co_organizers {
        let current: Vec<i64> = c
            .organizers
            .iter()
            .map(|m| m.person_id)
            .filter(|p| Some(*p) != c.creator_id)
            .collect();
        for p in &current {
            if !co.contains(p) {
                out.push(Change::RemoveOrganizer(*p));
            }
        }
        for p in co {
            if !current.contains(p) && Some(*p) != c.creator_id {
                out.push(Change::AddOrganizer(*p));
            }
        }
    }
    if let Some(teams) = &input.teams {
        for t in &c.teams {
            if !teams.contains(&t.id) {
                out.push(Change::RemoveTeam(t.id));
            }
        }
        for t in teams {
            if !c.teams.iter().any(|x| x.id == *t) {
                out.push(Change::AddTeam(*t));
            }
        }
    }
    out.dedup();
    out
}

/// Replaces the committee (the parts given) and returns it as it now is.
pub async fn replace(
    db: &Db,
    actor: &Person,
    call_id: i64,
    input: &CommitteeInput,
    now: i64,
) -> Result<Committee> {
    let current = get(db, actor, call_id).await?;
    let changes = changes_to(&current, input);
    if !changes.is_empty() {
        change(db, actor, call_id, &changes, now).await?;
    }
    get(db, actor, call_id).await
}

/// What inviting an address into the committee did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invited {
    /// The address belongs to a person on the platform with the right role: they were added.
    Added(i64),
    /// An invitation was sent; the token of its link.
    Sent(String),
}

/// Brings the person at `email` into the call as a judge of the pool or a co-organizer: added
/// at once when they are on the platform already, invited otherwise (accepting the invitation
/// puts them in the committee).
pub async fn invite(
    db: &Db,
    actor: &Person,
    call_id: i64,
    email: &str,
    role: CallRole,
    base_url: &str,
    now: i64,
) -> Result<Invited> {
    super::require_call_editor(db, actor, call_id).await?;
    let creator_id = creator_of(db, call_id).await?;
    if role == CallRole::Organizer && !can_change_co_organizers(actor, creator_id == Some(actor.id))
    {
        return Err(ServiceError::Forbidden);
    }
    let email = super::valid_email(email)?;
    if let Some(known) = people::credentials(db, &email).await? {
        let change_of = match role {
            CallRole::Judge => Change::AddJudge(known.person_id),
            CallRole::Organizer => Change::AddOrganizer(known.person_id),
        };
        change(db, actor, call_id, &[change_of], now).await?;
        return Ok(Invited::Added(known.person_id));
    }
    let platform_role = match role {
        CallRole::Judge => Role::Judge,
        CallRole::Organizer => Role::Organizer,
    };
    let token = accounts::invite_into(
        db,
        actor,
        &email,
        platform_role,
        None,
        Some((call_id, role)),
        base_url,
        now,
    )
    .await?;
    Ok(Invited::Sent(token))
}

/// The invitations into the call's committee not accepted yet (pending or expired, not
/// revoked), newest first, for those who run it.
pub async fn pending_invitations(
    db: &Db,
    actor: &Person,
    call_id: i64,
    now: i64,
) -> Result<Vec<super::people::Invitation>> {
    super::require_call_manager(db, actor, call_id).await?;
    Ok(drx_store::people::call_invitations(db, call_id)
        .await?
        .into_iter()
        .map(|row| super::people::with_state(row, now))
        .filter(|i| i.state.may_revoke())
        .collect())
}

/// One of the call's invitations, for one who may change its committee (NotFound for an
/// invitation into another call or none; Forbidden for a co-organizer invitation when the actor
/// may not change the co-organizers).
async fn call_invitation(
    db: &Db,
    actor: &Person,
    call_id: i64,
    invitation_id: i64,
) -> Result<drx_store::people::InvitationRow> {
    super::require_call_editor(db, actor, call_id).await?;
    let row = drx_store::people::invitation(db, invitation_id)
        .await?
        .filter(|r| r.call_id == Some(call_id))
        .ok_or(ServiceError::NotFound)?;
    let creator_id = creator_of(db, call_id).await?;
    if row.role == Role::Organizer && !can_change_co_organizers(actor, creator_id == Some(actor.id))
    {
        return Err(ServiceError::Forbidden);
    }
    Ok(row)
}

/// Sends an invitation into the call's committee again (a new link); answers its token.
pub async fn resend_invitation(
    db: &Db,
    actor: &Person,
    call_id: i64,
    invitation_id: i64,
    base_url: &str,
    now: i64,
) -> Result<String> {
    let row = call_invitation(db, actor, call_id, invitation_id).await?;
    super::people::resend(db, actor, row, base_url, now).await
}

/// Revokes an invitation into the call's committee not accepted yet.
pub async fn revoke_invitation(
    db: &Db,
    actor: &Person,
    call_id: i64,
    invitation_id: i64,
    now: i64,
) -> Result<()> {
    let row = call_invitation(db, actor, call_id, invitation_id).await?;
    super::people::revoke(db, actor, row, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(person_id: i64, role: CallRole, max_load: Option<i64>) -> CommitteeMember {
        CommitteeMember {
            person_id,
            name: String::new(),
            email: String::new(),
            organization_en: String::new(),
            organization_zh: String::new(),
            role,
            max_load,
            active: true,
        }
    }

    #[test]
    fn a_replacement_becomes_the_changes_it_needs() {
        let c = Committee {
            call: CallJudging {
                id: 1,
                title_en: String::new(),
                title_zh: String::new(),
                phase: drx_domain::Phase::Open,
                blind_mode: drx_domain::BlindMode::Single,
                reviews_per_submission: 3,
                judge_min_load: 0,
                judge_max_load: 10,
                finalists: 1,
                archived_at: None,
            },
            creator_id: Some(1),
            judges: vec![
                member(5, CallRole::Judge, None),
                member(6, CallRole::Judge, Some(4)),
            ],
            organizers: vec![
                member(1, CallRole::Organizer, None),
                member(2, CallRole::Organizer, None),
            ],
            teams: vec![CallTeam {
                id: 9,
                name_en: String::new(),
                name_zh: String::new(),
                capacity: 1,
            }],
            may_change_organizers: true,
        };
        let input = CommitteeInput {
            judges: Some(vec![(6, Some(4)), (5, Some(2)), (7, None)]),
            co_organizers: Some(vec![3]),
            teams: None,
        };
        assert_eq!(
            changes_to(&c, &input),
            vec![
                Change::SetLoad(5, Some(2)),
                Change::AddJudge(7),
                Change::RemoveOrganizer(2),
                Change::AddOrganizer(3),
            ]
        );
        assert!(changes_to(&c, &CommitteeInput::default()).is_empty());
    }
}
