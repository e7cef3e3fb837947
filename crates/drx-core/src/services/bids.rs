//! Bidding before assignment (issue 22, item 4): the judges of a call's pool mark its
//! submissions eager / willing / not willing / conflict; the assignment adds a fixed weight per
//! bid to the affinity and treats conflict bids as hard conflicts (docs/arch-assign.md);
//! organizers see the coverage. Who may is asked of `auth::authorization`.
use std::collections::HashMap;

use super::{Msg, Result, ServiceError};
use crate::auth::authorization::{self as authz, SubmissionView};
use drx_domain::{AuditAction, AuditEntity, Bid, RunKind, RunStatus};
use drx_store::accounts::Person;
use drx_store::catalogue::{self, CallJudging};
use drx_store::matching::{self as store, SubmissionText};
use drx_store::{bids, Db};

/// What a bid adds to a pair's affinity in the assignment (affinity is about 0..1; a strong
/// match scores 0.3-0.6). No bid adds nothing, so judges who do not bid are not penalised; an
/// eager bid outweighs a modest affinity gap, not a large one. Conflict is not a weight: the
/// pair is excluded.
pub const EAGER_WEIGHT: f64 = 0.2;
pub const WILLING_WEIGHT: f64 = 0.1;
pub const NOT_WILLING_WEIGHT: f64 = -0.2;

/// The additive adjustment of one bid (0 for no bid and for a conflict, which is excluded).
pub fn weight(bid: Option<Bid>) -> f64 {
    match bid {
        Some(Bid::Eager) => EAGER_WEIGHT,
        Some(Bid::Willing) => WILLING_WEIGHT,
        Some(Bid::NotWilling) => NOT_WILLING_WEIGHT,
        Some(Bid::Conflict) | None => 0.0,
    }
}

/// Every bid of the call by (submission id, judge id), for the assignment.
pub async fn of_call(db: &Db, call_id: i64) -> Result<HashMap<(i64, i64), Bid>> {
    Ok(bids::of_call(db, call_id)
        .await?
        .into_iter()
        .map(|b| ((b.submission_id, b.person_id), b.bid))
        .collect())
}

/// A judge's bidding sheet for a call.
#[derive(Debug)]
pub struct Sheet {
    pub call: CallJudging,
    pub view: SubmissionView,
    /// Why bidding is closed (a message key); None while open.
    pub closed: Option<&'static str>,
    /// The call's submissions taking part in review, each with the judge's bid.
    pub items: Vec<(SubmissionText, Option<Bid>)>,
    /// Who wrote each submission (by id), when the call is not double-blind; empty otherwise.
    pub authors: HashMap<i64, Authors>,
}

/// A submission's team and organization as a judge of a non-blind call sees them.
#[derive(Debug, Clone, Default)]
pub struct Authors {
    pub names: Vec<String>,
    pub organization_en: String,
    pub organization_zh: String,
}

/// The authors of the call's submissions by submission id.
async fn authors_of_call(db: &Db, call_id: i64) -> Result<HashMap<i64, Authors>> {
    let mut out: HashMap<i64, Authors> = HashMap::new();
    for line in drx_store::submissions::authors_of_call(db, call_id).await? {
        let a = out.entry(line.submission_id).or_insert_with(|| Authors {
            names: Vec::new(),
            organization_en: line.organization_en,
            organization_zh: line.organization_zh,
        });
        if !line.name.is_empty() {
            a.names.push(line.name);
        }
    }
    Ok(out)
}

/// The call's settings and the actor's roles in it (NotFound for no such call).
async fn call_and_roles(
    db: &Db,
    actor: &Person,
    call_id: i64,
) -> Result<(CallJudging, Vec<drx_domain::CallRole>)> {
    let call = catalogue::call_settings(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let roles = catalogue::call_roles(db, call_id, actor.id).await?;
    Ok((call, roles))
}

/// The call when `actor` may bid on it (in its judge pool), with why bidding is closed.
async fn bidder_call(
    db: &Db,
    actor: &Person,
    call_id: i64,
) -> Result<(CallJudging, Option<&'static str>)> {
    let (call, roles) = call_and_roles(db, actor, call_id).await?;
    if !authz::can_bid(actor, &roles) {
        return Err(ServiceError::Forbidden);
    }
    let published = store::runs_of_call(db, call_id, RunKind::Judges)
        .await?
        .iter()
        .any(|r| r.status == RunStatus::Published);
    let closed = authz::bidding_closed(call.phase, call.archived_at.is_some(), published);
    Ok((call, closed))
}

/// The calls on which `actor` may bid now (in their judge pool, bidding open), for links from
/// their home and the call page; empty for anyone else.
pub async fn open_for(db: &Db, actor: &Person) -> Result<Vec<CallJudging>> {
    let mut open = Vec::new();
    for call_id in drx_store::calls::judge_pool_calls(db, actor.id).await? {
        match bidder_call(db, actor, call_id).await {
            Ok((call, None)) => open.push(call),
            Ok(_) | Err(ServiceError::Forbidden) | Err(ServiceError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(open)
}

/// The judge's own sheet (Forbidden for anyone not in the call's judge pool).
pub async fn sheet(db: &Db, actor: &Person, call_id: i64) -> Result<Sheet> {
    let (call, closed) = bidder_call(db, actor, call_id).await?;
    let mine: HashMap<i64, Bid> = bids::of_judge(db, call_id, actor.id)
        .await?
        .into_iter()
        .map(|b| (b.submission_id, b.bid))
        .collect();
    let items = store::submissions_of_call(db, call_id)
        .await?
        .into_iter()
        .map(|s| {
            let bid = mine.get(&s.id).copied();
            (s, bid)
        })
        .collect();
    let view = authz::bid_view(call.blind_mode);
    let authors = if view == SubmissionView::Full {
        authors_of_call(db, call_id).await?
    } else {
        HashMap::new()
    };
    Ok(Sheet {
        view,
        authors,
        call,
        closed,
        items,
    })
}

/// Saves the judge's bids on these submissions (None: no bid) in one change, audited once with
/// the number of bids that changed; answers that number. Submissions not listed keep theirs.
pub async fn save(
    db: &Db,
    actor: &Person,
    call_id: i64,
    choices: &[(i64, Option<Bid>)],
    now: i64,
) -> Result<usize> {
    let (_, closed) = bidder_call(db, actor, call_id).await?;
    if let Some(key) = closed {
        return Err(ServiceError::invalid(key));
    }
    let subs: Vec<i64> = store::submissions_of_call(db, call_id)
        .await?
        .iter()
        .map(|s| s.id)
        .collect();
    let mine: HashMap<i64, Bid> = bids::of_judge(db, call_id, actor.id)
        .await?
        .into_iter()
        .map(|b| (b.submission_id, b.bid))
        .collect();
    let mut changed: Vec<(i64, Option<Bid>)> = Vec::new();
    for &(sid, bid) in choices {
        if !subs.contains(&sid) {
            return Err(ServiceError::Invalid(
                Msg::new("bids-unknown-submission").arg("id", sid),
            ));
        }
        if mine.get(&sid).copied() != bid && !changed.iter().any(|c| c.0 == sid) {
            changed.push((sid, bid));
        }
    }
    if changed.is_empty() {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    for &(sid, bid) in &changed {
        bids::set(&mut tx, call_id, sid, actor.id, bid, now).await?;
    }
    let detail = serde_json::json!({ "judge": actor.id, "changed": changed.len() });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        AuditAction::Bids,
        &detail,
        now,
    )
    .await?;
    Ok(changed.len())
}

/// One submission's bids, counted.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CoverageRow {
    pub submission_id: i64,
    pub title: String,
    pub eager: usize,
    pub willing: usize,
    pub not_willing: usize,
    pub conflict: usize,
    /// The judges who bid on it, by name, with their bid.
    #[serde(skip)]
    pub bidders: Vec<(String, Bid)>,
    /// Fewer eager and willing bids than the call's reviews per submission.
    pub short: bool,
}

/// The call's bid coverage, for those who run it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    pub reviews_per_submission: i64,
    pub submissions: Vec<CoverageRow>,
    /// The pool's judges who have not bid at all, as (person id, name).
    pub judges_without_bids: Vec<(i64, String)>,
}

/// Per submission the count of each bid, those short of positive bids flagged, and the judges
/// of the pool who have not bid (Forbidden for anyone who does not run the call).
pub async fn coverage(db: &Db, actor: &Person, call_id: i64) -> Result<Coverage> {
    let (call, roles) = call_and_roles(db, actor, call_id).await?;
    if !authz::can_see_bids(actor, &roles) {
        return Err(ServiceError::Forbidden);
    }
    let all = bids::of_call(db, call_id).await?;
    let judges = store::judges_of_call(db, call_id).await?;
    let name_of = |id: i64| {
        judges
            .iter()
            .find(|j| j.person_id == id)
            .map(|j| j.name.clone())
            .unwrap_or_else(|| format!("#{id}"))
    };
    let needed = call.reviews_per_submission.max(0) as usize;
    let submissions = store::submissions_of_call(db, call_id)
        .await?
        .into_iter()
        .map(|s| {
            let mut row = CoverageRow {
                submission_id: s.id,
                title: s.title,
                ..CoverageRow::default()
            };
            for b in all.iter().filter(|b| b.submission_id == s.id) {
                match b.bid {
                    Bid::Eager => row.eager += 1,
                    Bid::Willing => row.willing += 1,
                    Bid::NotWilling => row.not_willing += 1,
                    Bid::Conflict => row.conflict += 1,
                }
                row.bidders.push((name_of(b.person_id), b.bid));
            }
            row.short = row.eager + row.willing < needed;
            row
        })
        .collect();
    let judges_without_bids = judges
        .into_iter()
        .filter(|j| !all.iter().any(|b| b.person_id == j.person_id))
        .map(|j| (j.person_id, j.name))
        .collect();
    Ok(Coverage {
        reviews_per_submission: call.reviews_per_submission,
        submissions,
        judges_without_bids,
    })
}
