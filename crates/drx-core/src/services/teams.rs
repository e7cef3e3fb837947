//! Engineering teams: the capability catalogue (teams searched in Chinese and English with the
//! engine's analyzer on both the query and the teams' texts, filtered by field), one team's page,
//! and teams kept through the product: created by an engineer (who leads it) or by organizers
//! (who name its lead), their profile (names, organization, capabilities, technologies, fields,
//! capacity, past projects) edited by the lead and the organizers, and members who join by the
//! lead's invitation, leave, are removed or take over the lead. Each change is audited; the
//! affinity models read the profile at once.
use std::collections::HashSet;

use drx_domain::{AuditAction, AuditEntity, OrganizationStatus};
use drx_engine::text::Analyzer;

use super::{commit_audited, past_work, single_line, Msg, Result, ServiceError};
use crate::auth::authorization::{
    can_browse_catalogues, can_create_team, can_edit_team, can_join_team, can_leave_team,
    can_name_team_lead, TeamAccess,
};
use drx_store::accounts::{self, Person};
use drx_store::matchmaking::{self as store, Member, TeamCard, TeamMatch};
use drx_store::teams::{self as teams, Invitation, NewTeam, PastProject, TeamProfile};
use drx_store::{outbox, Db, Tx};

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

/// One team with its members, past projects and published matches, and what the person may do
/// with it.
pub struct TeamPage {
    pub team: TeamCard,
    pub members: Vec<Member>,
    pub past_projects: Vec<PastProject>,
    pub matches: Vec<TeamMatch>,
    /// The person is on the team (they may speak for it).
    pub is_member: bool,
    /// The person may edit the profile and keep the members (lead, organizers, admins).
    pub can_edit: bool,
    /// The person may leave the team.
    pub can_leave: bool,
    /// Pending invitations, for those who may edit (empty for others).
    pub invitations: Vec<Invitation>,
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
    let a = access(db, actor, id).await?;
    let can_edit = can_edit_team(actor, &a);
    let invitations = if can_edit {
        teams::pending_of_team(db, id).await?
    } else {
        Vec::new()
    };
    Ok(TeamPage {
        team,
        members,
        past_projects: teams::past_projects(db, id).await?,
        matches,
        is_member,
        can_edit,
        can_leave: can_leave_team(actor, &a),
        invitations,
    })
}

// ---- teams kept through the product ----

/// Longest name; capabilities; technologies; the most finalists a team may take.
pub const MAX_NAME: usize = 200;
pub const MAX_CAPABILITIES: usize = 4000;
pub const MAX_TECHNOLOGIES: usize = 1000;
pub const MAX_CAPACITY: i64 = 50;
/// The most past projects a team lists.
pub const MAX_PAST_PROJECTS: usize = 50;

/// A team's profile as a form or the API gives it (not yet checked).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TeamInput {
    pub name_en: String,
    pub name_zh: String,
    /// None: the creator's organization (on creation) or the team's own (on an edit).
    pub organization_id: Option<i64>,
    pub capabilities: String,
    pub technologies: String,
    pub field_ids: Vec<i64>,
    /// How many finalist projects the team can take (1 to [`MAX_CAPACITY`]).
    pub capacity: i64,
}

impl TeamInput {
    /// A stored profile as its edit form starts.
    pub fn of(t: &TeamProfile) -> TeamInput {
        TeamInput {
            name_en: t.name_en.clone(),
            name_zh: t.name_zh.clone(),
            organization_id: Some(t.organization_id),
            capabilities: t.capabilities.clone(),
            technologies: t.technologies.clone(),
            field_ids: t.field_ids.clone(),
            capacity: t.capacity,
        }
    }
}

/// One past project as typed: its title, year (empty or four digits) and a short description.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PastProjectInput {
    pub title: String,
    pub year: String,
    pub description: String,
}

/// A profile that passed the checks.
struct Checked {
    name_en: String,
    name_zh: String,
    organization_id: i64,
    capabilities: String,
    technologies: String,
    field_ids: Vec<i64>,
    capacity: i64,
}

impl Checked {
    fn new_team(&self) -> NewTeam<'_> {
        NewTeam {
            organization_id: self.organization_id,
            name_en: &self.name_en,
            name_zh: &self.name_zh,
            capabilities: &self.capabilities,
            technologies: &self.technologies,
            capacity: self.capacity,
        }
    }

    /// The profile as the audit chain keeps it.
    fn detail(&self, extra: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "name_en": self.name_en, "name_zh": self.name_zh,
            "organization_id": self.organization_id, "fields": self.field_ids,
            "capacity": self.capacity, "more": extra,
        })
    }
}

/// A longer text: trimmed, at most `max` characters.
fn long_text(value: &str, max: usize, field: &'static str) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(super::too_long(field, max));
    }
    Ok(v.to_string())
}

/// Checks a profile: one name at least, an active organization, capabilities, known fields, a
/// capacity in range. `default_org` stands in for a missing organization.
async fn check(db: &Db, input: &TeamInput, default_org: Option<i64>) -> Result<Checked> {
    let name_en = single_line(&input.name_en, MAX_NAME, "team-name_en")?;
    let name_zh = single_line(&input.name_zh, MAX_NAME, "team-name_zh")?;
    if name_en.is_empty() && name_zh.is_empty() {
        return Err(ServiceError::invalid("team-error-name"));
    }
    let organization_id = input
        .organization_id
        .or(default_org)
        .ok_or_else(|| ServiceError::invalid("team-error-organization"))?;
    let active = drx_store::organizations::get(db, organization_id)
        .await?
        .is_some_and(|o| o.status == OrganizationStatus::Active);
    if !active {
        return Err(ServiceError::invalid("team-error-organization"));
    }
    let capabilities = long_text(&input.capabilities, MAX_CAPABILITIES, "team-capabilities")?;
    if capabilities.is_empty() {
        return Err(ServiceError::invalid("team-error-capabilities"));
    }
    let technologies = long_text(&input.technologies, MAX_TECHNOLOGIES, "team-technologies")?;
    let mut field_ids = input.field_ids.clone();
    field_ids.sort_unstable();
    field_ids.dedup();
    let known = drx_store::catalogue::fields(db).await?;
    if field_ids.iter().any(|f| !known.iter().any(|k| k.id == *f)) {
        return Err(ServiceError::invalid("team-error-field"));
    }
    if !(1..=MAX_CAPACITY).contains(&input.capacity) {
        return Err(ServiceError::Invalid(
            Msg::new("team-error-capacity").arg("max", MAX_CAPACITY),
        ));
    }
    Ok(Checked {
        name_en,
        name_zh,
        organization_id,
        capabilities,
        technologies,
        field_ids,
        capacity: input.capacity,
    })
}

/// Checks past projects (title required, a year of four digits or none, lengths); a refusal
/// names the first problem.
fn check_projects(projects: &[PastProjectInput]) -> Result<Vec<past_work::PastWork>> {
    if projects.len() > MAX_PAST_PROJECTS {
        return Err(ServiceError::Invalid(
            Msg::new("team-error-too-many-projects").arg("max", MAX_PAST_PROJECTS),
        ));
    }
    projects
        .iter()
        .map(|p| {
            past_work::checked(0, &p.title, &p.description, &p.year, "")
                .map_err(|mut e| ServiceError::Invalid(e.remove(0).msg))
        })
        .collect()
}

async fn insert_projects(
    tx: &mut Tx,
    team_id: i64,
    projects: &[past_work::PastWork],
    now: i64,
) -> Result<()> {
    for p in projects {
        teams::insert_past_project(tx, team_id, &p.title, p.year, &p.abstract_, now).await?;
    }
    Ok(())
}

/// The person's standing in the team, as the authorization rules ask it.
async fn access(db: &Db, actor: &Person, team_id: i64) -> Result<TeamAccess> {
    let m = teams::membership(db, team_id, actor.id).await?;
    Ok(TeamAccess {
        member: m.member,
        lead: m.lead,
    })
}

/// The team's profile when the person may edit it (NotFound: no such team; Forbidden: not theirs).
pub async fn editable(db: &Db, actor: &Person, team_id: i64) -> Result<TeamProfile> {
    let t = teams::profile(db, team_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !can_edit_team(actor, &access(db, actor, team_id).await?) {
        return Err(ServiceError::Forbidden);
    }
    Ok(t)
}

/// Whether the person may edit the team (NotFound when there is no such team).
pub async fn may_edit(db: &Db, actor: &Person, team_id: i64) -> Result<bool> {
    match editable(db, actor, team_id).await {
        Ok(_) => Ok(true),
        Err(ServiceError::Forbidden) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether the person is on the team (NotFound when there is no such team).
pub async fn is_member(db: &Db, actor: &Person, team_id: i64) -> Result<bool> {
    teams::profile(db, team_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(can_leave_team(actor, &access(db, actor, team_id).await?))
}

/// An active engineer by id: who may be on a team.
async fn engineer(db: &Db, person_id: i64) -> Result<Option<Person>> {
    Ok(accounts::person(db, person_id)
        .await?
        .filter(|p| can_join_team(p)))
}

/// The engineers a team could take in (those not already on it), by name; for the forms that
/// name a lead or invite someone. Only for those who may create or edit teams.
pub async fn engineers(db: &Db, actor: &Person, team_id: Option<i64>) -> Result<Vec<Person>> {
    let allowed = match team_id {
        Some(t) => may_edit(db, actor, t).await?,
        None => can_create_team(actor),
    };
    if !allowed {
        return Err(ServiceError::Forbidden);
    }
    let on_team: Vec<i64> = match team_id {
        Some(t) => store::members(db, t)
            .await?
            .into_iter()
            .map(|m| m.person_id)
            .collect(),
        None => Vec::new(),
    };
    Ok(accounts::list_people(db, Some(drx_domain::Role::Engineer))
        .await?
        .into_iter()
        .filter(|p| p.active && !on_team.contains(&p.id))
        .collect())
}

/// Creates a team. An engineer leads the team they create; organizers and admins name its lead
/// (`lead`: an active engineer; themselves when they are one and name nobody). The organization
/// defaults to the creator's (or the lead's, for a creator of none). `projects` are its first
/// past projects.
pub async fn create(
    db: &Db,
    actor: &Person,
    input: &TeamInput,
    lead: Option<i64>,
    projects: &[PastProjectInput],
    now: i64,
) -> Result<i64> {
    if !can_create_team(actor) {
        return Err(ServiceError::Forbidden);
    }
    let lead_id = match lead {
        Some(id) if id != actor.id && !can_name_team_lead(actor) => {
            return Err(ServiceError::Forbidden)
        }
        Some(id) => id,
        None if can_join_team(actor) => actor.id,
        None => return Err(ServiceError::invalid("team-error-lead-required")),
    };
    let Some(lead) = engineer(db, lead_id).await? else {
        return Err(ServiceError::invalid("team-error-lead-not-engineer"));
    };
    // The creator's organization, else (staff of no organization) the lead's.
    let t = check(db, input, actor.organization_id.or(lead.organization_id)).await?;
    let projects = check_projects(projects)?;
    let mut tx = db.begin().await?;
    let id = teams::insert_team_by(&mut tx, &t.new_team(), Some(actor.id), now).await?;
    teams::set_team_fields(&mut tx, id, &t.field_ids).await?;
    teams::insert_team_member(&mut tx, id, lead_id, true).await?;
    insert_projects(&mut tx, id, &projects, now).await?;
    let detail = t.detail(serde_json::json!({ "lead": lead_id, "past_projects": projects.len() }));
    commit(tx, actor, id, AuditAction::Create, detail, now).await?;
    Ok(id)
}

/// Replaces a team's profile (its lead, organizers, admins); with `projects`, its past projects
/// too (the API's full replacement; pages add and remove them one by one).
pub async fn update(
    db: &Db,
    actor: &Person,
    id: i64,
    input: &TeamInput,
    projects: Option<&[PastProjectInput]>,
    now: i64,
) -> Result<()> {
    let before = editable(db, actor, id).await?;
    let t = check(db, input, Some(before.organization_id)).await?;
    let projects = projects.map(check_projects).transpose()?;
    let mut tx = db.begin().await?;
    if !teams::update_team(&mut tx, id, &t.new_team(), now).await? {
        return Err(ServiceError::NotFound);
    }
    teams::set_team_fields(&mut tx, id, &t.field_ids).await?;
    if let Some(projects) = &projects {
        teams::clear_past_projects(&mut tx, id).await?;
        insert_projects(&mut tx, id, projects, now).await?;
    }
    let n = projects.as_ref().map(Vec::len);
    let detail = t.detail(serde_json::json!({ "past_projects": n }));
    commit(tx, actor, id, AuditAction::Update, detail, now).await
}

/// Adds one past project to a team's profile.
pub async fn add_past_project(
    db: &Db,
    actor: &Person,
    team_id: i64,
    p: &PastProjectInput,
    now: i64,
) -> Result<i64> {
    editable(db, actor, team_id).await?;
    let checked = check_projects(std::slice::from_ref(p))?;
    let have = teams::past_projects(db, team_id).await?.len();
    if have >= MAX_PAST_PROJECTS {
        return Err(ServiceError::Invalid(
            Msg::new("team-error-too-many-projects").arg("max", MAX_PAST_PROJECTS),
        ));
    }
    let w = &checked[0];
    let mut tx = db.begin().await?;
    let id =
        teams::insert_past_project(&mut tx, team_id, &w.title, w.year, &w.abstract_, now).await?;
    teams::touch_team(&mut tx, team_id, now).await?;
    let detail = serde_json::json!({ "id": id, "title": w.title, "year": w.year });
    commit(tx, actor, team_id, AuditAction::PastWorkAdd, detail, now).await?;
    Ok(id)
}

/// Removes one of a team's past projects; one the team does not have is refused by name.
pub async fn remove_past_project(
    db: &Db,
    actor: &Person,
    team_id: i64,
    project_id: i64,
    now: i64,
) -> Result<()> {
    editable(db, actor, team_id).await?;
    let mut tx = db.begin().await?;
    if !teams::delete_past_project(&mut tx, team_id, project_id).await? {
        return Err(ServiceError::invalid("team-error-project-not-found"));
    }
    teams::touch_team(&mut tx, team_id, now).await?;
    let detail = serde_json::json!({ "id": project_id });
    commit(tx, actor, team_id, AuditAction::PastWorkRemove, detail, now).await
}

/// Commits `tx` with `action` on team `id` in the audit chain.
async fn commit(
    tx: Tx,
    actor: &Person,
    id: i64,
    action: AuditAction,
    detail: serde_json::Value,
    now: i64,
) -> Result<()> {
    commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Team,
        id,
        action,
        detail,
        now,
    )
    .await
}

/// The team's name in both languages, for notices and mail ("中文 / English").
fn both_names(zh: &str, en: &str) -> (String, String) {
    let zh = if zh.is_empty() { en } else { zh };
    let en = if en.is_empty() { zh } else { en };
    (zh.to_string(), en.to_string())
}

/// A notice to one person, and the same by mail when `email` is given.
async fn tell(
    tx: &mut Tx,
    person_id: i64,
    email: Option<&str>,
    body: &str,
    link: &str,
    base_url: &str,
    now: i64,
) -> Result<()> {
    drx_store::notices::insert(tx, person_id, body, link, now).await?;
    if let Some(email) = email {
        let base = base_url.trim_end_matches('/');
        let text = format!("{body}\n{base}{link}");
        outbox::enqueue(tx, email, "drx 工程团队 / drx engineering team", &text, now).await?;
    }
    Ok(())
}

/// Who the lead invites: a person on the platform by email, or one picked from the list.
#[derive(Debug, Clone, PartialEq)]
pub enum Invitee {
    Email(String),
    Person(i64),
}

/// The lead (or an organizer, an admin) invites an engineer already on the platform; they see
/// it on their home page (and get a notice and a mail) and accept or decline.
pub async fn invite(
    db: &Db,
    actor: &Person,
    team_id: i64,
    who: &Invitee,
    base_url: &str,
    now: i64,
) -> Result<i64> {
    let team = editable(db, actor, team_id).await?;
    let person_id = match who {
        Invitee::Email(e) if e.trim().is_empty() => {
            return Err(ServiceError::invalid("team-error-invitee-required"))
        }
        Invitee::Email(e) => {
            let email = super::valid_email(e)?;
            accounts::credentials(db, &email)
                .await?
                .ok_or_else(|| {
                    ServiceError::Invalid(
                        Msg::new("team-error-invitee-unknown").arg("email", &email),
                    )
                })?
                .person_id
        }
        Invitee::Person(id) => *id,
    };
    let Some(invitee) = engineer(db, person_id).await? else {
        return Err(ServiceError::invalid("team-error-invitee-not-engineer"));
    };
    let mut tx = db.begin().await?;
    if teams::membership_in(&mut tx, team_id, invitee.id)
        .await?
        .member
    {
        return Err(ServiceError::Invalid(
            Msg::new("team-error-already-member").arg("name", &invitee.name),
        ));
    }
    if teams::has_pending(&mut tx, team_id, invitee.id).await? {
        return Err(ServiceError::Invalid(
            Msg::new("team-error-already-invited").arg("name", &invitee.name),
        ));
    }
    let id = teams::insert_invitation(&mut tx, team_id, invitee.id, actor.id, now).await?;
    let (zh, en) = both_names(&team.name_zh, &team.name_en);
    let body = format!(
        "{} 邀请您加入工程团队「{zh}」，请在首页接受或婉拒。/ {} invites you to join the engineering team “{en}”: accept or decline on your home page.",
        actor.name, actor.name
    );
    tell(
        &mut tx,
        invitee.id,
        Some(&invitee.email),
        &body,
        "/",
        base_url,
        now,
    )
    .await?;
    let detail = serde_json::json!({ "invitation": id, "person_id": invitee.id });
    commit(tx, actor, team_id, AuditAction::TeamInvite, detail, now).await?;
    Ok(id)
}

/// The lead (or an organizer, an admin) cancels an invitation of the team not answered yet; the
/// invitee no longer sees it (NotFound for an invitation of another team).
pub async fn cancel_invitation(
    db: &Db,
    actor: &Person,
    team_id: i64,
    invitation_id: i64,
    now: i64,
) -> Result<()> {
    editable(db, actor, team_id).await?;
    let i = teams::invitation(db, invitation_id)
        .await?
        .filter(|i| i.team_id == team_id)
        .ok_or(ServiceError::NotFound)?;
    let mut tx = db.begin().await?;
    if !teams::close_invitation(&mut tx, i.id, "cancelled", now).await? {
        return Err(ServiceError::invalid("team-error-invitation-closed"));
    }
    let detail = serde_json::json!({ "invitation": i.id, "person_id": i.person_id });
    commit(tx, actor, team_id, AuditAction::Revoke, detail, now).await
}

/// The person's pending invitations to teams.
pub async fn my_invitations(db: &Db, actor: &Person) -> Result<Vec<Invitation>> {
    Ok(teams::pending_for_person(db, actor.id).await?)
}

/// Whether the invitation is addressed to the person (NotFound when there is none).
pub async fn is_invited(db: &Db, actor: &Person, invitation_id: i64) -> Result<bool> {
    let i = teams::invitation(db, invitation_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(actor.active && i.person_id == actor.id)
}

/// The invitee accepts (and joins the team) or declines; whoever invited is told.
pub async fn answer_invitation(
    db: &Db,
    actor: &Person,
    invitation_id: i64,
    accept: bool,
    base_url: &str,
    now: i64,
) -> Result<i64> {
    if !is_invited(db, actor, invitation_id).await? {
        return Err(ServiceError::Forbidden);
    }
    let i = teams::invitation(db, invitation_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if accept && !can_join_team(actor) {
        return Err(ServiceError::invalid("team-error-invitee-not-engineer"));
    }
    let status = if accept { "accepted" } else { "declined" };
    let mut tx = db.begin().await?;
    if !teams::close_invitation(&mut tx, i.id, status, now).await? {
        return Err(ServiceError::invalid("team-error-invitation-closed"));
    }
    if accept
        && !teams::membership_in(&mut tx, i.team_id, actor.id)
            .await?
            .member
    {
        teams::insert_team_member(&mut tx, i.team_id, actor.id, false).await?;
    }
    let (zh, en) = both_names(&i.team_zh, &i.team_en);
    let body = if accept {
        format!(
            "{} 已加入工程团队「{zh}」。/ {} joined the engineering team “{en}”.",
            actor.name, actor.name
        )
    } else {
        format!("{} 婉拒了加入工程团队「{zh}」的邀请。/ {} declined to join the engineering team “{en}”.", actor.name, actor.name)
    };
    let link = format!("/teams/{}", i.team_id);
    let inviter = store::active_recipient(&mut tx, i.invited_by).await?;
    if let Some((id, email)) = inviter {
        tell(&mut tx, id, Some(&email), &body, &link, base_url, now).await?;
    }
    let action = if accept {
        AuditAction::AcceptInvitation
    } else {
        AuditAction::Declined
    };
    let detail = serde_json::json!({ "invitation": i.id, "person_id": actor.id });
    commit(tx, actor, i.team_id, action, detail, now).await?;
    Ok(i.team_id)
}

/// What the lead (or an organizer, an admin) does with one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberAction {
    /// Takes them off the team (never the last lead).
    Remove,
    /// Hands the lead to them (the previous lead stays a member).
    MakeLead,
}

/// Removes a member or hands them the lead; they get a notice.
pub async fn member_action(
    db: &Db,
    actor: &Person,
    team_id: i64,
    person_id: i64,
    what: MemberAction,
    now: i64,
) -> Result<()> {
    let team = editable(db, actor, team_id).await?;
    let mut tx = db.begin().await?;
    let m = teams::membership_in(&mut tx, team_id, person_id).await?;
    if !m.member {
        return Err(ServiceError::invalid("team-error-not-member"));
    }
    let (zh, en) = both_names(&team.name_zh, &team.name_en);
    let (action, body, link) = match what {
        MemberAction::Remove => {
            if m.lead && m.leads <= 1 {
                return Err(ServiceError::invalid("team-error-remove-last-lead"));
            }
            teams::remove_member(&mut tx, team_id, person_id).await?;
            let body = format!(
                "您已不在工程团队「{zh}」中。/ You are no longer on the engineering team “{en}”."
            );
            (AuditAction::MemberRemove, body, "/".to_string())
        }
        MemberAction::MakeLead => {
            teams::set_only_lead(&mut tx, team_id, person_id).await?;
            let body = format!(
                "您现在是工程团队「{zh}」的负责人。/ You now lead the engineering team “{en}”."
            );
            (AuditAction::LeadHandover, body, format!("/teams/{team_id}"))
        }
    };
    drx_store::notices::insert(&mut tx, person_id, &body, &link, now).await?;
    let detail = serde_json::json!({ "person_id": person_id });
    commit(tx, actor, team_id, action, detail, now).await
}

/// A member leaves the team; the last lead must hand the lead over first.
pub async fn leave(db: &Db, actor: &Person, team_id: i64, now: i64) -> Result<()> {
    if !is_member(db, actor, team_id).await? {
        return Err(ServiceError::Forbidden);
    }
    let mut tx = db.begin().await?;
    let m = teams::membership_in(&mut tx, team_id, actor.id).await?;
    if m.lead && m.leads <= 1 {
        return Err(ServiceError::invalid("team-error-last-lead"));
    }
    if !teams::remove_member(&mut tx, team_id, actor.id).await? {
        return Err(ServiceError::Forbidden);
    }
    let detail = serde_json::json!({ "person_id": actor.id });
    commit(tx, actor, team_id, AuditAction::Leave, detail, now).await
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
