//! Engineering teams as their leads and the organizers keep them: the team itself, its fields,
//! members (one of them the lead), past projects, and the invitations its lead sends. The
//! catalogue's reads of teams are in `matchmaking`; the affinity model's in `matching`.
use super::{Db, Result, Tx};

pub struct NewTeam<'a> {
    pub organization_id: i64,
    pub name_en: &'a str,
    pub name_zh: &'a str,
    pub capabilities: &'a str,
    pub technologies: &'a str,
    pub capacity: i64,
}

/// A new team; `created_by` is None for loaders (the demo).
pub async fn insert_team(tx: &mut Tx, t: &NewTeam<'_>, now: i64) -> Result<i64> {
    insert_team_by(tx, t, None, now).await
}

pub async fn insert_team_by(
    tx: &mut Tx,
    t: &NewTeam<'_>,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO teams (organization_id, name_en, name_zh, capabilities, technologies, capacity, created_by, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            t.organization_id,
            t.name_en,
            t.name_zh,
            t.capabilities,
            t.technologies,
            t.capacity,
            created_by,
            now,
            now,
        ),
    )
    .await
}

/// Replaces a team's description; its revision moves so that cached models see the change.
pub async fn update_team(tx: &mut Tx, id: i64, t: &NewTeam<'_>, now: i64) -> Result<bool> {
    Ok(tx
        .exec(
            "UPDATE teams SET organization_id = ?, name_en = ?, name_zh = ?, capabilities = ?, \
             technologies = ?, capacity = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
            (
                t.organization_id,
                t.name_en,
                t.name_zh,
                t.capabilities,
                t.technologies,
                t.capacity,
                now,
                id,
            ),
        )
        .await?
        > 0)
}

/// Marks a team's profile changed (a past project added or removed).
pub async fn touch_team(tx: &mut Tx, id: i64, now: i64) -> Result<()> {
    tx.exec(
        "UPDATE teams SET updated_at = ?, revision = revision + 1 WHERE id = ?",
        (now, id),
    )
    .await?;
    Ok(())
}

pub async fn insert_team_field(tx: &mut Tx, team_id: i64, field_id: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO team_fields (team_id, field_id) VALUES (?, ?)",
        (team_id, field_id),
    )
    .await?;
    Ok(())
}

/// Replaces a team's fields with these.
pub async fn set_team_fields(tx: &mut Tx, team_id: i64, field_ids: &[i64]) -> Result<()> {
    tx.exec("DELETE FROM team_fields WHERE team_id = ?", (team_id,))
        .await?;
    for &f in field_ids {
        insert_team_field(tx, team_id, f).await?;
    }
    Ok(())
}

/// Re-points engineering teams from organization `from` to `into` (a merge).
pub async fn move_teams_organization(tx: &mut Tx, from: i64, into: i64) -> Result<u64> {
    let statements = ["UPDATE teams SET organization_id = ? WHERE organization_id = ?"];
    super::repoint(tx, &statements, from, into).await
}

row! {
    /// A team's own description, as its edit form starts.
    #[derive(Debug, Clone)]
    pub struct TeamProfile {
        pub id: i64,
        pub organization_id: i64,
        pub name_en: String,
        pub name_zh: String,
        pub capabilities: String,
        pub technologies: String,
        pub capacity: i64,
        pub field_ids: Vec<i64> = default,
    }
}

pub async fn profile(db: &Db, id: i64) -> Result<Option<TeamProfile>> {
    let Some(mut t) = db
        .opt::<TeamProfile>(
            "SELECT id, organization_id, name_en, name_zh, capabilities, technologies, capacity FROM teams WHERE id = ?",
            (id,),
        )
        .await?
    else {
        return Ok(None);
    };
    t.field_ids = db
        .all(
            "SELECT field_id FROM team_fields WHERE team_id = ? ORDER BY field_id",
            (id,),
        )
        .await?;
    Ok(Some(t))
}

// ---- members ----

pub async fn insert_team_member(
    tx: &mut Tx,
    team_id: i64,
    person_id: i64,
    lead: bool,
) -> Result<()> {
    tx.exec(
        "INSERT INTO team_members (team_id, person_id, lead) VALUES (?, ?, ?)",
        (team_id, person_id, lead as i64),
    )
    .await?;
    Ok(())
}

row! {
    /// One person's place in one team, and how many leads the team has.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Membership {
        pub member: bool,
        pub lead: bool,
        pub leads: i64,
    }
}

const MEMBERSHIP: &str = "SELECT \
     CAST((SELECT COUNT(*) FROM team_members WHERE team_id = ? AND person_id = ?) AS BIGINT) AS member, \
     CAST((SELECT COUNT(*) FROM team_members WHERE team_id = ? AND person_id = ? AND lead = 1) AS BIGINT) AS lead, \
     CAST((SELECT COUNT(*) FROM team_members WHERE team_id = ? AND lead = 1) AS BIGINT) AS leads";

/// The person's membership of the team (read before a permission is asked).
pub async fn membership(db: &Db, team_id: i64, person_id: i64) -> Result<Membership> {
    db.one(
        MEMBERSHIP,
        (team_id, person_id, team_id, person_id, team_id),
    )
    .await
}

/// The same inside the transaction that changes it.
pub async fn membership_in(tx: &mut Tx, team_id: i64, person_id: i64) -> Result<Membership> {
    tx.one(
        MEMBERSHIP,
        (team_id, person_id, team_id, person_id, team_id),
    )
    .await
}

/// Takes a person off a team; false when they were not on it.
pub async fn remove_member(tx: &mut Tx, team_id: i64, person_id: i64) -> Result<bool> {
    Ok(tx
        .exec(
            "DELETE FROM team_members WHERE team_id = ? AND person_id = ?",
            (team_id, person_id),
        )
        .await?
        > 0)
}

/// Makes one member the team's only lead (the others stay members).
pub async fn set_only_lead(tx: &mut Tx, team_id: i64, person_id: i64) -> Result<()> {
    tx.exec(
        "UPDATE team_members SET lead = CASE WHEN person_id = ? THEN 1 ELSE 0 END WHERE team_id = ?",
        (person_id, team_id),
    )
    .await?;
    Ok(())
}

// ---- past projects ----

row! {
    /// A project the team did before: its title, year and a short description.
    #[derive(Debug, Clone)]
    pub struct PastProject {
        pub id: i64,
        pub team_id: i64,
        pub title: String,
        pub year: Option<i64>,
        pub description: String,
    }
}

pub async fn insert_past_project(
    tx: &mut Tx,
    team_id: i64,
    title: &str,
    year: Option<i64>,
    description: &str,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO team_past_projects (team_id, title, year, description, created_at) \
         VALUES (?, ?, ?, ?, ?) RETURNING id",
        (team_id, title, year, description, now),
    )
    .await
}

/// Removes one of the team's past projects; false when it has none of that id.
pub async fn delete_past_project(tx: &mut Tx, team_id: i64, id: i64) -> Result<bool> {
    Ok(tx
        .exec(
            "DELETE FROM team_past_projects WHERE id = ? AND team_id = ?",
            (id, team_id),
        )
        .await?
        > 0)
}

/// Removes every past project of the team (before the API replaces the list).
pub async fn clear_past_projects(tx: &mut Tx, team_id: i64) -> Result<()> {
    tx.exec(
        "DELETE FROM team_past_projects WHERE team_id = ?",
        (team_id,),
    )
    .await?;
    Ok(())
}

/// The team's past projects, newest year first.
pub async fn past_projects(db: &Db, team_id: i64) -> Result<Vec<PastProject>> {
    db.all(
        "SELECT id, team_id, title, year, description FROM team_past_projects WHERE team_id = ? \
         ORDER BY COALESCE(year, 0) DESC, id DESC",
        (team_id,),
    )
    .await
}

/// Every team's past projects (for the affinity model), by team then id.
pub async fn all_past_projects(db: &Db) -> Result<Vec<PastProject>> {
    db.all(
        "SELECT id, team_id, title, year, description FROM team_past_projects ORDER BY team_id, id",
        (),
    )
    .await
}

// ---- invitations ----

row! {
    /// An invitation to join a team, with the names to show it.
    #[derive(Debug, Clone)]
    pub struct Invitation {
        pub id: i64,
        pub team_id: i64,
        pub person_id: i64,
        pub invited_by: i64,
        pub status: String,
        pub created_at: i64,
        pub team_en: String = "name_en",
        pub team_zh: String = "name_zh",
        /// The invitee's name and email.
        pub person_name: String,
        pub person_email: String,
        pub inviter_name: String,
    }
}

macro_rules! invitation_select {
    ($tail:literal) => {
        concat!(
            "SELECT i.id, i.team_id, i.person_id, i.invited_by, i.status, i.created_at, t.name_en, t.name_zh, \
                p.name AS person_name, p.email AS person_email, b.name AS inviter_name \
             FROM team_invitations i JOIN teams t ON t.id = i.team_id \
             JOIN people p ON p.id = i.person_id JOIN people b ON b.id = i.invited_by ",
            $tail
        )
    };
}

pub async fn insert_invitation(
    tx: &mut Tx,
    team_id: i64,
    person_id: i64,
    invited_by: i64,
    now: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO team_invitations (team_id, person_id, invited_by, status, created_at) \
         VALUES (?, ?, ?, 'pending', ?) RETURNING id",
        (team_id, person_id, invited_by, now),
    )
    .await
}

/// Whether the person has a pending invitation to the team.
pub async fn has_pending(tx: &mut Tx, team_id: i64, person_id: i64) -> Result<bool> {
    let n: i64 = tx
        .one(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM team_invitations \
             WHERE team_id = ? AND person_id = ? AND status = 'pending'",
            (team_id, person_id),
        )
        .await?;
    Ok(n > 0)
}

pub async fn invitation(db: &Db, id: i64) -> Result<Option<Invitation>> {
    db.opt(invitation_select!("WHERE i.id = ?"), (id,)).await
}

/// Closes a pending invitation with `status` (accepted, declined, cancelled); false when it was
/// no longer pending.
pub async fn close_invitation(tx: &mut Tx, id: i64, status: &str, now: i64) -> Result<bool> {
    Ok(tx
        .exec(
            "UPDATE team_invitations SET status = ?, answered_at = ? WHERE id = ? AND status = 'pending'",
            (status, now, id),
        )
        .await?
        > 0)
}

/// The person's pending invitations, newest first.
pub async fn pending_for_person(db: &Db, person_id: i64) -> Result<Vec<Invitation>> {
    db.all(
        invitation_select!("WHERE i.person_id = ? AND i.status = 'pending' ORDER BY i.id DESC"),
        (person_id,),
    )
    .await
}

/// The team's pending invitations, oldest first.
pub async fn pending_of_team(db: &Db, team_id: i64) -> Result<Vec<Invitation>> {
    db.all(
        invitation_select!("WHERE i.team_id = ? AND i.status = 'pending' ORDER BY i.id"),
        (team_id,),
    )
    .await
}
