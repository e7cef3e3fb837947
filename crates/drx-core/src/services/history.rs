//! An object's history from the audit log (when, who, what), for those allowed to read it: the
//! rule for each kind of object is in `auth::authorization`, asked here and nowhere else.
use std::collections::HashMap;

use super::Result;
use crate::auth::authorization::{
    can, can_curate_needs, can_see_project_history, can_see_submission_history, Permission,
};
use drx_domain::{AuditAction, AuditEntity};
use drx_store::accounts::{self, Person};
use drx_store::{audit, Db};

/// The object whose history is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Call(i64),
    Submission(i64),
    Need(i64),
    Project(i64),
    Organization(i64),
    Team(i64),
}

impl Subject {
    fn entity(self) -> (AuditEntity, i64) {
        match self {
            Subject::Call(id) => (AuditEntity::Call, id),
            Subject::Submission(id) => (AuditEntity::Submission, id),
            Subject::Need(id) => (AuditEntity::Need, id),
            Subject::Project(id) => (AuditEntity::Project, id),
            Subject::Organization(id) => (AuditEntity::Organization, id),
            Subject::Team(id) => (AuditEntity::Team, id),
        }
    }
}

/// One line of a history.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub at: i64,
    /// The person who acted; None for the system (imports, the demo, background work).
    pub actor: Option<String>,
    pub action: AuditAction,
    /// What changed, as the service recorded it (JSON).
    pub detail: String,
}

/// Whether the person may read the subject's history (the log names judges and organizers).
pub async fn may_see(db: &Db, actor: &Person, subject: Subject) -> Result<bool> {
    Ok(match subject {
        Subject::Call(id) => super::manages_call(db, actor, id).await?,
        Subject::Submission(id) => match drx_store::submissions::access(db, id, actor.id).await? {
            Some(f) => can_see_submission_history(actor, &super::submissions::access_of(&f)),
            None => false,
        },
        Subject::Need(_) => can_curate_needs(actor),
        Subject::Organization(_) => can(actor, Permission::ManageOrganizations),
        // Those who keep the team read its history (invitations, removals name people).
        Subject::Team(id) => super::teams::may_edit(db, actor, id).await?,
        Subject::Project(id) => {
            match drx_store::projects::with_access(db, id, actor.id, drx_store::now()).await? {
                Some((_, f)) => can_see_project_history(actor, &super::projects::access(&f)),
                None => false,
            }
        }
    })
}

/// The subject's history, oldest first; None for those who may not read it (the rule is asked
/// once, here).
pub async fn of(db: &Db, actor: &Person, subject: Subject) -> Result<Option<Vec<Entry>>> {
    if !may_see(db, actor, subject).await? {
        return Ok(None);
    }
    let (entity, id) = subject.entity();
    let events = audit::history(db, entity, id).await?;
    let mut names: HashMap<i64, String> = HashMap::new();
    for e in &events {
        if let Some(a) = e.actor_id {
            if !names.contains_key(&a) {
                let n = accounts::person(db, a)
                    .await?
                    .map(|p| p.name)
                    .unwrap_or_default();
                names.insert(a, n);
            }
        }
    }
    Ok(Some(
        events
            .into_iter()
            .map(|e| Entry {
                at: e.at,
                actor: e.actor_id.and_then(|a| names.get(&a).cloned()),
                action: e.action,
                detail: e.detail,
            })
            .collect(),
    ))
}
