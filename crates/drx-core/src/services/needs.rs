//! The clinical need catalogue: browsing for everyone signed in, confidential details only for
//! those who logged the need and the organizers, and the side-by-side comparison of the
//! submissions answering one need (each shown only to those who may see it, blind if so).
use super::{Result, ServiceError};
use crate::auth::authorization::{can_curate_needs, can_see_need_confidential, SubmissionView};
use drx_domain::{AuditEntity, NeedStatus, Urgency};
use drx_store::accounts::Person;
use drx_store::needs::NewNeed;
use drx_store::needs::{self as store, Need, NeedFilter};
use drx_store::submissions::Submission;
use drx_store::{Db, Tx};

fn redact(actor: &Person, mut n: Need) -> Need {
    if !can_see_need_confidential(actor, n.created_by) {
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
    if NeedStatus::parse(&f.status) == Some(NeedStatus::Draft) && !can_curate_needs(actor) {
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
    if need.status == NeedStatus::Draft && !can_see_need_confidential(actor, need.created_by) {
        return Err(ServiceError::NotFound);
    }
    // A submission the actor sees blind is left out: listed under its need, it would be tied to
    // the need's hospital, which is most often its own.
    let mut shown = Vec::new();
    for sid in store::answering(db, id).await? {
        match super::submissions::load(db, actor, sid).await {
            Ok((s, SubmissionView::Full, _)) => shown.push((s, SubmissionView::Full)),
            Ok((_, SubmissionView::Blind, _)) => {}
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

/// What the need form sends.
#[derive(Debug, Clone, Default)]
pub struct NeedInput {
    pub organization_id: Option<i64>,
    pub field_id: i64,
    pub problem: String,
    pub population: String,
    pub outcome: String,
    pub current_practice: String,
    pub confidential_details: String,
    pub urgency: String,
}

/// Logs a need in the catalogue (clinicians, organizers, admins), open at once.
pub async fn create(db: &Db, actor: &Person, n: &NeedInput, now: i64) -> Result<i64> {
    use crate::auth::authorization::{can, Permission};
    if !(can(actor, Permission::Submit) || can_curate_needs(actor)) {
        return Err(ServiceError::Forbidden);
    }
    let problem = super::required_text(&n.problem, 1000, "need-problem")?;
    let population = super::required_text(&n.population, 1000, "need-population")?;
    let outcome = super::required_text(&n.outcome, 1000, "need-outcome")?;
    for (v, f) in [
        (&n.current_practice, "need-current-practice"),
        (&n.confidential_details, "need-confidential"),
    ] {
        if v.chars().count() > 4000 {
            return Err(super::too_long(f, 4000));
        }
    }
    let urgency = urgency_of(&n.urgency)?;
    let hospitals = drx_store::submissions::hospitals(db).await?;
    let org = n
        .organization_id
        .or(actor.organization_id)
        .filter(|o| hospitals.iter().any(|h| h.id == *o))
        .ok_or_else(|| ServiceError::invalid("error-sub-hospital"))?;
    if !crate::auth::authorization::can_act_for_organization(actor, org) {
        return Err(ServiceError::invalid("error-not-your-organization"));
    }
    let fields = drx_store::catalogue::fields(db).await?;
    if !fields.iter().any(|f| f.id == n.field_id) {
        return Err(ServiceError::invalid("error-bad-choice"));
    }
    let checked = NeedInput {
        organization_id: Some(org),
        field_id: n.field_id,
        problem,
        population,
        outcome,
        current_practice: n.current_practice.trim().into(),
        confidential_details: n.confidential_details.trim().into(),
        urgency: urgency.as_str().into(),
    };
    let mut tx = db.begin().await?;
    let id = insert_open(&mut tx, actor, org, &checked, now).await?;
    if !checked.confidential_details.is_empty() {
        store::set_confidential(&mut tx, id, &checked.confidential_details).await?;
    }
    super::commit_created(tx, Some(actor.id), AuditEntity::Need, id, "{}", now).await
}

/// Writes a checked need of hospital `org`, open at once, in the language its problem and
/// population are written in (the form and the import both come here).
pub(super) async fn insert_open(
    tx: &mut Tx,
    actor: &Person,
    org: i64,
    n: &NeedInput,
    now: i64,
) -> Result<i64> {
    let text = format!("{}{}", n.problem, n.population);
    let lang = if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        "zh"
    } else {
        "en"
    };
    let need = NewNeed {
        organization_id: org,
        field_id: n.field_id,
        problem: &n.problem,
        population: &n.population,
        outcome: &n.outcome,
        current_practice: &n.current_practice,
        urgency: urgency_of(&n.urgency)?,
        lang,
        created_by: Some(actor.id),
    };
    Ok(store::insert(tx, &need, NeedStatus::Open, now).await?)
}

/// A need's urgency as a form gives it: medium when not given.
fn urgency_of(value: &str) -> Result<Urgency> {
    match value.trim() {
        "" => Ok(Urgency::Medium),
        v => Urgency::parse(v).ok_or_else(|| ServiceError::invalid("error-bad-choice")),
    }
}

/// Whether the person may log needs (the catalogue shows them the form's link).
pub fn can_create(actor: &Person) -> bool {
    crate::auth::authorization::can(actor, crate::auth::authorization::Permission::Submit)
        || can_curate_needs(actor)
}
