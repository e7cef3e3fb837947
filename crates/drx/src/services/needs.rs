//! The clinical need catalogue: browsing for everyone signed in, confidential details only for
//! those who logged the need and the organizers, and the side-by-side comparison of the
//! submissions answering one need (each shown only to those who may see it, blind if so).
use super::{Result, ServiceError};
use crate::auth::authorization::SubmissionView;
use crate::domain::Role;
use crate::store::accounts::Person;
use crate::store::needs::{self as store, Need, NeedFilter};
use crate::store::submissions::Submission;
use crate::store::Db;

/// Organizers and admins see every need and its confidential details.
fn curator(actor: &Person) -> bool {
    actor.active && (actor.roles.contains(&Role::Admin) || actor.roles.contains(&Role::Organizer))
}

/// Whether the person may read a need's confidential details.
pub fn can_see_confidential(actor: &Person, need: &Need) -> bool {
    curator(actor) || need.created_by == Some(actor.id)
}

fn redact(actor: &Person, mut n: Need) -> Need {
    if !can_see_confidential(actor, &n) {
        n.confidential_details.clear();
    }
    n
}

pub async fn list(
    db: &Db,
    actor: &Person,
    filter: &NeedFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Need>, i64)> {
    let mut f = filter.clone();
    // Draft needs are their author's and the organizers' business.
    if f.status == "draft" && !curator(actor) {
        f.status.clear();
    }
    let (needs, n) = store::list(db, &f, limit, offset).await?;
    Ok((needs.into_iter().map(|x| redact(actor, x)).collect(), n))
}

/// A need and the answering submissions this person may see, each with its view.
pub async fn compare(
    db: &Db,
    actor: &Person,
    id: i64,
) -> Result<(Need, Vec<(Submission, SubmissionView)>)> {
    let need = store::get(db, id).await?.ok_or(ServiceError::NotFound)?;
    if need.status == "draft" && !can_see_confidential(actor, &need) {
        return Err(ServiceError::NotFound);
    }
    let mut shown = Vec::new();
    for sid in store::answering(db, id).await? {
        match super::submissions::load(db, actor, sid).await {
            Ok((s, view, _)) => shown.push((s, view)),
            Err(ServiceError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    Ok((redact(actor, need), shown))
}

/// The need in the statement form, in the page's language.
pub fn statement(lang: crate::i18n::Lang, n: &Need) -> String {
    crate::i18n::t_args(
        lang,
        "need-statement-form",
        &[
            ("problem", n.problem.clone()),
            ("population", n.population.clone()),
            ("outcome", n.outcome.clone()),
        ],
    )
}
