//! The reference data every signed-in person reads (fields, organizations, calls) and a person's
//! own lists (their submissions, teams, notices). No rule beyond being signed in, which the
//! caller has established; anything narrower is asked of `auth::authorization` elsewhere.
use super::Result;
use drx_store::accounts::Person;
use drx_store::catalogue::{self as store, CallSummary, Field, SubmissionRow, TeamRow};
use drx_store::organizations::Organization;
use drx_store::{submissions as subs, Db};

/// The field taxonomy in its order.
pub async fn fields(db: &Db) -> Result<Vec<Field>> {
    Ok(store::fields(db).await?)
}

/// The organizations that may be chosen (active hospitals, companies, universities, PoC
/// centres); `services::organizations` manages them.
pub async fn organizations(db: &Db) -> Result<Vec<Organization>> {
    Ok(drx_store::organizations::active(db).await?)
}

/// The hospitals, for filters and forms.
pub async fn hospitals(db: &Db) -> Result<Vec<drx_store::Named>> {
    Ok(subs::hospitals(db).await?)
}

/// The calls `viewer` may see, newest first, with their counts: the archived ones (`archived`)
/// or the others (the default lists). Drafts only for those who run them.
pub async fn calls_listed(db: &Db, viewer: &Person, archived: bool) -> Result<Vec<CallSummary>> {
    let mut seen = Vec::new();
    for c in store::calls(db).await? {
        if c.archived != archived {
            continue;
        }
        let roles = if c.phase == drx_domain::Phase::Draft {
            store::call_roles(db, c.id, viewer.id).await?
        } else {
            Vec::new()
        };
        if crate::auth::authorization::can_see_call(viewer, c.phase, &roles) {
            seen.push(c);
        }
    }
    Ok(seen)
}

/// The calls `viewer` may see, not archived, newest first, with their counts.
pub async fn calls_seen_by(db: &Db, viewer: &Person) -> Result<Vec<CallSummary>> {
    calls_listed(db, viewer, false).await
}

/// The calls anyone may know of: not archived and past their draft, newest first.
pub async fn calls(db: &Db) -> Result<Vec<CallSummary>> {
    let mut calls = store::calls(db).await?;
    calls.retain(|c| !c.archived && c.phase != drx_domain::Phase::Draft);
    Ok(calls)
}

/// The calls open for submissions, by title.
pub async fn open_calls(db: &Db) -> Result<Vec<drx_store::Named>> {
    Ok(subs::open_calls(db).await?)
}

/// A call's fields.
pub async fn call_fields(db: &Db, call_id: i64) -> Result<Vec<drx_store::Named>> {
    Ok(subs::call_fields(db, call_id).await?)
}

/// The submissions the person created or is a team member of (drafts included), each with the
/// decision its team was told of.
pub async fn my_submissions(db: &Db, person: &Person) -> Result<Vec<SubmissionRow>> {
    let mut rows = store::submissions_of_person(db, person.id).await?;
    for r in &mut rows {
        r.status = super::decision_notices::status_told(r.status, r.decision_told);
    }
    Ok(rows)
}

/// The teams the person belongs to.
pub async fn my_teams(db: &Db, person: &Person) -> Result<Vec<TeamRow>> {
    Ok(store::teams_of_person(db, person.id).await?)
}

/// The person's latest notices.
pub async fn my_notices(db: &Db, person: &Person, limit: i64) -> Result<Vec<subs::Notice>> {
    Ok(subs::notices(db, person.id, limit).await?)
}

/// Open needs, newest first.
pub async fn open_needs(db: &Db, limit: i64) -> Result<Vec<store::OpenNeed>> {
    Ok(store::open_needs(db, limit).await?)
}

/// The call most pages default to (the newest one), if any.
pub async fn current_call(db: &Db) -> Result<Option<i64>> {
    Ok(drx_store::matching::current_call(db).await?)
}

/// The platform's size for an admin's home page: (i18n key, count).
pub async fn platform_counts(db: &Db, actor: &Person) -> Result<Vec<(&'static str, i64)>> {
    if !actor.active || !actor.roles.contains(&drx_domain::Role::Admin) {
        return Err(super::ServiceError::Forbidden);
    }
    let mut stats = Vec::new();
    for (table, key) in [
        ("people", "stat-people"),
        ("organizations", "stat-organizations"),
        ("calls", "stat-calls"),
        ("submissions", "stat-submissions"),
        ("teams", "stat-teams"),
        ("audit_events", "stat-audit"),
    ] {
        stats.push((key, store::count(db, table).await?));
    }
    Ok(stats)
}

/// The newest call a person runs, with its submissions by field and hospital and the latest
/// submissions: the organizer's home page.
pub struct CallGlance {
    pub call: CallSummary,
    pub by_field: Vec<store::LabelCount>,
    pub by_organization: Vec<store::LabelCount>,
    pub recent: Vec<SubmissionRow>,
}

pub async fn newest_call_run_by(db: &Db, actor: &Person) -> Result<Option<CallGlance>> {
    for call in store::calls(db).await? {
        if super::manages_call(db, actor, call.id).await? {
            return Ok(Some(CallGlance {
                by_field: store::counts_by_field(db, call.id).await?,
                by_organization: store::counts_by_organization(db, call.id).await?,
                recent: store::submissions_of_call(db, call.id, 10).await?,
                call,
            }));
        }
    }
    Ok(None)
}
