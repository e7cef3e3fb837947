//! The per-object rules that guard routes, as values: a route declares which one guards it
//! (`drx_web::Access::Party(ObjectRule::...)`), and [`allows`] answers it for a person and the
//! request's inputs by asking the same service reads and `auth::authorization` rules the
//! handlers ask. A rule is a variant here, so a route cannot name a rule that does not exist;
//! `tests/authorization_matrix.rs` calls [`allows`] for every such route and role and checks
//! it against what the route really answered.
use super::conversations::{self, Subject as ThreadSubject};
use super::interests::{self, Side};
use super::{projects, reviews, submissions, teams, Result, ServiceError};
use crate::auth::authorization::{can_edit_submission, can_withdraw_submission};
use drx_store::accounts::Person;
use drx_store::matchmaking::Target;
use drx_store::Db;

/// What a person must be allowed to do with the object a route names. The comment of each
/// variant says which input names the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectRule {
    /// `{id}` is a submission the person may see (in full or blind).
    ViewSubmission,
    /// `{id}` is a submission whose team may still change it.
    EditSubmission,
    /// `{id}` is a submission its team may still withdraw.
    WithdrawSubmission,
    /// `{id}` is an attachment of a submission the person may see.
    ViewAttachment,
    /// `{id}` is an attachment of a submission the person may change.
    EditAttachment,
    /// `{id}` is a submission of a call the person runs.
    ManageSubmissionCall,
    /// `{id}` is the person's own review.
    OwnReview,
    /// `{id}` is a submission whose discussion the person may join.
    JoinDiscussion,
    /// `{id}` is a project the person may see.
    ViewProject,
    /// `{id}` is a project the person works on.
    WorkOnProject,
    /// `{id}` is a project whose gates the person decides.
    DecideGate,
    /// `{id}` is a milestone of a project the person works on.
    WorkOnMilestone,
    /// `{id}` is a document of a project the person may see.
    ViewProjectDocument,
    /// `{list}` (and `call` for the call's lists) is a list the person may export.
    ExportList,
    /// The form's `side`, `team` and `need`/`submission`/`about`: the person speaks for that
    /// side of the interest.
    ExpressInterest,
    /// `{id}` is an open interest the person answers for the other side.
    AnswerInterest,
    /// `{kind}`/`{id}` is a need, submission or project whose conversations include the person.
    ConversationSubject,
    /// `{id}` is a thread of a subject whose conversations include the person.
    Thread,
    /// `{id}` is a file of such a thread.
    MessageFile,
    /// `{id}` is one of the person's own notices.
    OwnNotice,
    /// The form's `call`: a call the person runs (making a roadshow for it).
    EventCall,
    /// `{id}` is a roadshow of a call the person runs.
    ManageEvent,
    /// No object: the person runs at least one call (the form to make a roadshow).
    RunsSomeCall,
    /// `{id}` is an engineering team whose profile and members the person keeps.
    EditTeam,
    /// `{id}` is an engineering team the person is on.
    TeamMember,
    /// `{id}` is an invitation to a team addressed to the person.
    OwnTeamInvitation,
}

/// The named inputs of a request: path parameters, query parameters and form fields.
pub type Inputs<'a> = [(&'a str, &'a str)];

fn input<'a>(inputs: &'a Inputs<'a>, name: &str) -> Option<&'a str> {
    inputs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

fn id_of(inputs: &Inputs<'_>, name: &str) -> Option<i64> {
    input(inputs, name).and_then(|v| v.trim().parse().ok())
}

/// Ok(()) is yes; Forbidden and NotFound are no; a refusal of the request's content (Invalid:
/// the person reached the object, the service said "not now" or "not like this") is yes;
/// anything else is an error.
fn verdict(r: Result<()>) -> Result<bool> {
    match r {
        Ok(()) | Err(ServiceError::Invalid(_)) => Ok(true),
        Err(ServiceError::Forbidden | ServiceError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether `rule` lets `person` (None: anonymous) use the object the inputs name. `now` is the
/// clock the services read (deadlines, overdue milestones).
pub async fn allows(
    db: &Db,
    person: Option<&Person>,
    rule: ObjectRule,
    inputs: &Inputs<'_>,
    now: i64,
) -> Result<bool> {
    let Some(p) = person else {
        return Ok(false);
    };
    if !p.active {
        return Ok(false);
    }
    verdict(check(db, p, rule, inputs, now).await)
}

/// The rule as a service answer: Ok when the person may, Forbidden or NotFound when not.
async fn check(db: &Db, p: &Person, rule: ObjectRule, inputs: &Inputs<'_>, now: i64) -> Result<()> {
    let id = id_of(inputs, "id");
    let need = |v: Option<i64>| v.ok_or(ServiceError::NotFound);
    match rule {
        ObjectRule::ViewSubmission => submissions::load(db, p, need(id)?).await.map(|_| ()),
        ObjectRule::EditSubmission => edit_submission(db, p, need(id)?).await,
        ObjectRule::WithdrawSubmission => {
            let (_, _, a) = submissions::load(db, p, need(id)?).await?;
            allowed(can_withdraw_submission(p, &a))
        }
        ObjectRule::ViewAttachment => submissions::download(db, p, need(id)?).await.map(|_| ()),
        ObjectRule::EditAttachment => {
            let sid = submissions::submission_of_attachment(db, need(id)?).await?;
            edit_submission(db, p, sid).await
        }
        ObjectRule::ManageSubmissionCall => {
            super::matching::managed_call_of_submission(db, p, need(id)?)
                .await
                .map(|_| ())
        }
        ObjectRule::OwnReview => reviews::workspace(db, p, need(id)?).await.map(|_| ()),
        ObjectRule::JoinDiscussion => reviews::discussion(db, p, need(id)?).await.map(|_| ()),
        ObjectRule::ViewProject => projects::get(db, p, need(id)?, now).await.map(|_| ()),
        ObjectRule::WorkOnProject => {
            let (_, powers) = projects::get(db, p, need(id)?, now).await?;
            allowed(powers.work)
        }
        ObjectRule::DecideGate => {
            let (_, powers) = projects::get(db, p, need(id)?, now).await?;
            allowed(powers.decide)
        }
        ObjectRule::WorkOnMilestone => {
            let (_, powers) = projects::milestone_with_powers(db, p, need(id)?, now).await?;
            allowed(powers.work)
        }
        ObjectRule::ViewProjectDocument => projects::download_document(db, p, need(id)?, now)
            .await
            .map(|_| ()),
        ObjectRule::ExportList => export_list(db, p, inputs, now).await,
        ObjectRule::ExpressInterest => {
            let side = input(inputs, "side")
                .and_then(Side::parse)
                .ok_or(ServiceError::NotFound)?;
            let team = need(id_of(inputs, "team"))?;
            let target = interest_target(inputs).ok_or(ServiceError::NotFound)?;
            allowed(interests::speaks_for(db, p, side, target, team).await?)
        }
        ObjectRule::AnswerInterest => allowed(interests::may_answer(db, p, need(id)?).await?),
        ObjectRule::ConversationSubject => {
            let kind = input(inputs, "kind")
                .and_then(ThreadSubject::parse)
                .ok_or(ServiceError::NotFound)?;
            allowed(conversations::is_party(db, p, kind, need(id)?).await?)
        }
        ObjectRule::Thread => conversations::view(db, p, need(id)?, now).await.map(|_| ()),
        ObjectRule::MessageFile => conversations::download(db, p, need(id)?).await.map(|_| ()),
        ObjectRule::OwnNotice => allowed(conversations::owns_notice(db, p, need(id)?).await?),
        ObjectRule::EventCall => {
            let call = need(id_of(inputs, "call"))?;
            allowed(super::manages_call(db, p, call).await?)
        }
        ObjectRule::ManageEvent => {
            allowed(super::roadshows::manages_event(db, p, need(id)?).await?)
        }
        ObjectRule::RunsSomeCall => {
            allowed(!super::roadshows::calls_for_events(db, p).await?.is_empty())
        }
        ObjectRule::EditTeam => allowed(teams::may_edit(db, p, need(id)?).await?),
        ObjectRule::TeamMember => allowed(teams::is_member(db, p, need(id)?).await?),
        ObjectRule::OwnTeamInvitation => allowed(teams::is_invited(db, p, need(id)?).await?),
    }
}

fn allowed(yes: bool) -> Result<()> {
    if yes {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

async fn edit_submission(db: &Db, p: &Person, id: i64) -> Result<()> {
    let (_, _, a) = submissions::load(db, p, id).await?;
    allowed(can_edit_submission(p, &a))
}

fn interest_target(inputs: &Inputs<'_>) -> Option<Target> {
    if let Some(n) = id_of(inputs, "need") {
        return Some(Target::Need(n));
    }
    if let Some(s) = id_of(inputs, "submission") {
        return Some(Target::Submission(s));
    }
    let about = input(inputs, "about")?;
    let (kind, id) = about.split_once('-')?;
    let id = id.parse().ok()?;
    match kind {
        "need" => Some(Target::Need(id)),
        "submission" => Some(Target::Submission(id)),
        _ => None,
    }
}

async fn export_list(db: &Db, p: &Person, inputs: &Inputs<'_>, now: i64) -> Result<()> {
    use super::list_exports as lists;
    use crate::i18n::Lang;
    let call = || id_of(inputs, "call").ok_or(ServiceError::NotFound);
    match input(inputs, "list").unwrap_or_default() {
        "ranking" => lists::ranking_table(db, p, call()?, Lang::En)
            .await
            .map(|_| ()),
        "progress" => lists::progress_table(db, p, call()?, Lang::En, now)
            .await
            .map(|_| ()),
        "reviews" => lists::reviews_table(db, p, call()?, Lang::En, now)
            .await
            .map(|_| ()),
        "decisions" => lists::decisions_table(db, p, call()?, Lang::En)
            .await
            .map(|_| ()),
        "bids" => lists::bids_table(db, p, call()?, Lang::En)
            .await
            .map(|_| ()),
        "needs" => lists::needs_table(db, p, Lang::En).await.map(|_| ()),
        "people" => lists::people_table(db, p, Lang::En).await.map(|_| ()),
        _ => Err(ServiceError::NotFound),
    }
}
