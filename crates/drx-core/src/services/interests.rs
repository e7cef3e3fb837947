//! Expressions of interest between the two sides of matchmaking: an engineering team and a need
//! (or a finalist submission). Either side asks, the other accepts or declines; both are told in
//! the app and by email, and every step is audited.
use super::{Result, ServiceError};
use crate::auth::authorization::{
    can_speak_for_need, can_speak_for_submission, can_speak_for_team,
};
use drx_domain::{AuditAction, AuditEntity, InterestStatus, SubmissionStatus};
use drx_store::accounts::Person;
use drx_store::matchmaking::{self as store, Interest, NewInterest, Target};
use drx_store::{notices, outbox, submissions, Db, Tx};

pub const MESSAGE_MAX: usize = 2000;

/// Which side a person speaks for in an interest: clinical (the need's author and curators, or
/// the submission's team) or team (the engineering team's members).
pub use drx_domain::InterestSide as Side;

/// The side that answers an interest expressed by `side`.
fn other(side: Side) -> Side {
    match side {
        Side::Clinical => Side::Team,
        Side::Team => Side::Clinical,
    }
}

/// Whether the person speaks for the clinical side of `target`. NotFound when the target does
/// not exist or the person may not see it.
async fn speaks_for_clinical(db: &Db, actor: &Person, target: Target) -> Result<bool> {
    match target {
        Target::Need(id) => {
            let need = drx_store::needs::get(db, id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            Ok(can_speak_for_need(actor, need.created_by))
        }
        Target::Submission(id) => {
            let facts = submissions::access(db, id, actor.id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            Ok(can_speak_for_submission(
                actor,
                &super::submissions::access_of(&facts),
            ))
        }
    }
}

async fn speaks_for_team(db: &Db, actor: &Person, team_id: i64) -> Result<bool> {
    let mine = store::team_ids_of(db, actor.id).await?;
    Ok(can_speak_for_team(actor, mine.contains(&team_id)))
}

/// Whether the person speaks for `side` of an interest about `target` with `team_id`.
pub async fn speaks_for(
    db: &Db,
    actor: &Person,
    side: Side,
    target: Target,
    team_id: i64,
) -> Result<bool> {
    match side {
        Side::Team => speaks_for_team(db, actor, team_id).await,
        Side::Clinical => speaks_for_clinical(db, actor, target).await,
    }
}

pub fn target_of(i: &Interest) -> Target {
    match (i.need_id, i.submission_id) {
        (Some(n), _) => Target::Need(n),
        (None, Some(s)) => Target::Submission(s),
        (None, None) => Target::Need(0),
    }
}

/// Whether a submission's team may offer it to engineering teams: once submitted, until it is
/// not selected or withdrawn.
pub fn open_for_interest(status: SubmissionStatus) -> bool {
    matches!(
        status,
        SubmissionStatus::Submitted | SubmissionStatus::UnderReview | SubmissionStatus::Finalist
    )
}

/// The target is open to interest: an open need, or a submission in judging or after it (a
/// team only approaches finalists, whose titles the call publishes).
async fn check_target(db: &Db, target: Target, side: Side) -> Result<()> {
    match target {
        Target::Need(id) => {
            let need = drx_store::needs::get(db, id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            if need.status != drx_domain::NeedStatus::Open {
                return Err(ServiceError::invalid("interest-need-not-open"));
            }
        }
        Target::Submission(id) => {
            let status = drx_store::submissions::get(db, id)
                .await?
                .ok_or(ServiceError::NotFound)?
                .status;
            let ok = match side {
                Side::Team => status == SubmissionStatus::Finalist,
                Side::Clinical => open_for_interest(status),
            };
            if !ok {
                return Err(ServiceError::invalid("interest-submission-not-open"));
            }
        }
    }
    Ok(())
}

/// One side expresses interest in the other. Refused when a live (open or accepted) interest
/// between the same two already exists.
#[allow(clippy::too_many_arguments)]
pub async fn express(
    db: &Db,
    actor: &Person,
    side: Side,
    target: Target,
    team_id: i64,
    message: &str,
    base_url: &str,
    now: i64,
) -> Result<i64> {
    let team = store::team_card(db, team_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !speaks_for(db, actor, side, target, team_id).await? {
        return Err(ServiceError::Forbidden);
    }
    check_target(db, target, side).await?;
    let message = message.trim();
    if message.chars().count() > MESSAGE_MAX {
        return Err(super::too_long("interest-message", MESSAGE_MAX));
    }
    let mut tx = db.begin().await?;
    match store::live_interest(&mut tx, target, team_id).await? {
        Some(InterestStatus::Accepted) => {
            return Err(ServiceError::invalid("interest-already-accepted"))
        }
        Some(_) => return Err(ServiceError::invalid("interest-duplicate")),
        None => {}
    }
    let id = store::insert_interest(
        &mut tx,
        &NewInterest {
            target,
            team_id,
            from_side: side,
            message,
            created_by: actor.id,
        },
        now,
    )
    .await?;
    let what = describe(db, target).await?;
    let body = format!(
        "{}（{}）对「{}」表达了合作意向。/ {} ({}) expressed interest in “{}”.",
        actor.name, team.name_zh, what, actor.name, team.name_en, what
    );
    notify(
        &mut tx,
        db,
        other(side),
        target,
        team_id,
        &body,
        base_url,
        now,
    )
    .await?;
    let detail = serde_json::json!({
        "need_id": target_need(target), "submission_id": target_submission(target),
        "team_id": team_id, "from_side": side.as_str(),
    });
    super::commit_created(tx, Some(actor.id), AuditEntity::Interest, id, &detail, now).await
}

fn target_need(t: Target) -> Option<i64> {
    match t {
        Target::Need(n) => Some(n),
        Target::Submission(_) => None,
    }
}

fn target_submission(t: Target) -> Option<i64> {
    match t {
        Target::Submission(s) => Some(s),
        Target::Need(_) => None,
    }
}

/// A short name of the target for messages.
async fn describe(db: &Db, target: Target) -> Result<String> {
    Ok(match target {
        Target::Need(id) => drx_store::needs::get(db, id)
            .await?
            .map(|n| n.problem)
            .unwrap_or_default(),
        Target::Submission(id) => drx_store::submissions::get(db, id)
            .await?
            .map(|s| s.title)
            .unwrap_or_default(),
    })
}

/// The page each side follows an interest on.
fn link_for(side: Side, target: Target, team_id: i64) -> String {
    match (side, target) {
        (Side::Team, Target::Need(n)) => format!("/needs/{n}"),
        (Side::Team, Target::Submission(_)) => format!("/teams/{team_id}"),
        (Side::Clinical, _) => "/interests".to_string(),
    }
}

/// Tells everyone on `side` (a notice and an email each).
#[allow(clippy::too_many_arguments)]
async fn notify(
    tx: &mut Tx,
    db: &Db,
    side: Side,
    target: Target,
    team_id: i64,
    body: &str,
    base_url: &str,
    now: i64,
) -> Result<()> {
    let recipients: Vec<(i64, String)> = match (side, target) {
        (Side::Team, _) => store::member_recipients(tx, team_id).await?,
        (Side::Clinical, Target::Need(id)) => {
            let author = drx_store::needs::get(db, id)
                .await?
                .and_then(|n| n.created_by);
            let author = match author {
                Some(p) => store::active_recipient(tx, p).await?,
                None => None,
            };
            match author {
                Some(a) => vec![a],
                // A need whose author left is followed by the organizers of its call.
                None => match store::governing_call(db, id).await? {
                    Some(call) => drx_store::reviews::organizers(tx, call).await?,
                    None => Vec::new(),
                },
            }
        }
        (Side::Clinical, Target::Submission(id)) => submissions::team_recipients(tx, id)
            .await?
            .into_iter()
            .map(|r| (r.id, r.email))
            .collect(),
    };
    let link = link_for(side, target, team_id);
    let base = base_url.trim_end_matches('/');
    for (person, email) in recipients {
        notices::insert(tx, person, body, "/interests", now).await?;
        outbox::enqueue(
            tx,
            &email,
            "drx 合作意向 / drx expression of interest",
            &format!("{body}\n{base}/interests\n{base}{link}"),
            now,
        )
        .await?;
    }
    Ok(())
}

/// Whether the person speaks for the side that did not ask (the one that answers).
async fn answers_for(db: &Db, actor: &Person, i: &Interest) -> Result<bool> {
    let asked = i.from_side;
    speaks_for(db, actor, other(asked), target_of(i), i.team_id).await
}

/// Whether the person may answer this interest (NotFound when there is none).
pub async fn may_answer(db: &Db, actor: &Person, interest_id: i64) -> Result<bool> {
    let i = store::interest(db, interest_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    answers_for(db, actor, &i).await
}

/// The other side accepts or declines an open interest; the side that asked is told.
pub async fn answer(
    db: &Db,
    actor: &Person,
    interest_id: i64,
    accept: bool,
    base_url: &str,
    now: i64,
) -> Result<()> {
    let i = store::interest(db, interest_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !answers_for(db, actor, &i).await? {
        return Err(ServiceError::Forbidden);
    }
    let status = if accept {
        InterestStatus::Accepted
    } else {
        InterestStatus::Declined
    };
    let mut tx = db.begin().await?;
    if !store::answer_interest(&mut tx, i.id, status, now).await? {
        return Err(ServiceError::invalid("interest-not-open"));
    }
    let body = if accept {
        format!(
            "「{}」与{}的合作意向已被接受。/ The interest between “{}” and {} was accepted.",
            i.target, i.team_zh, i.target, i.team_en
        )
    } else {
        format!(
            "「{}」与{}的合作意向被婉拒。/ The interest between “{}” and {} was declined.",
            i.target, i.team_zh, i.target, i.team_en
        )
    };
    let asked = i.from_side;
    notify(
        &mut tx,
        db,
        asked,
        target_of(&i),
        i.team_id,
        &body,
        base_url,
        now,
    )
    .await?;
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Interest,
        i.id,
        if accept {
            AuditAction::Accepted
        } else {
            AuditAction::Declined
        },
        "{}",
        now,
    )
    .await?;
    Ok(())
}

/// An interest as one person sees it on their list.
pub struct MyInterest {
    pub interest: Interest,
    /// The other side asked (the person may answer it while it is open).
    pub incoming: bool,
    pub can_answer: bool,
}

/// The interests that concern the person, incoming and outgoing.
pub async fn mine(db: &Db, actor: &Person) -> Result<Vec<MyInterest>> {
    let curator = crate::auth::authorization::can_curate_needs(actor);
    let mut out = Vec::new();
    for i in store::interests_of_person(db, actor.id, curator).await? {
        let asked = i.from_side;
        let target = target_of(&i);
        let answers = speaks_for(db, actor, other(asked), target, i.team_id).await?;
        let asks = speaks_for(db, actor, asked, target, i.team_id).await?;
        out.push(MyInterest {
            incoming: answers && !asks,
            can_answer: answers && i.status == InterestStatus::Open,
            interest: i,
        });
    }
    Ok(out)
}

/// The interests between a team and any need or submission that are not declined: the pages
/// show their state in place of a form that would repeat them.
pub async fn live_of_team(db: &Db, team_id: i64) -> Result<Vec<Interest>> {
    Ok(store::interests_of_team(db, team_id)
        .await?
        .into_iter()
        .filter(|i| i.status != InterestStatus::Declined)
        .collect())
}

/// Every interest in a need (the need page shows each team its own, and the need's author all).
pub async fn of_need(db: &Db, need_id: i64) -> Result<Vec<Interest>> {
    Ok(store::interests_of_need(db, need_id).await?)
}

/// The open needs the person logged, as (id, problem): what they may offer a team.
pub async fn my_open_needs(db: &Db, actor: &Person) -> Result<Vec<(i64, String)>> {
    Ok(store::open_needs_of_author(db, actor.id).await?)
}
