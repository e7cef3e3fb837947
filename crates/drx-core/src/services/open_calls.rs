//! The calls as anyone reads them, signed in or not: the list of open and past calls, each
//! call's public page (texts, phases and dates, rubric, fields, eligibility, FAQ) and, once
//! published, its results. What a visitor may see is decided here, once:
//! - a draft is never public (NotFound, as if it did not exist);
//! - an archived call leaves the lists but its page stays readable (old links keep working);
//! - results are published from the decision phase on, once finalists are decided;
//! - a blind call (single or double) shows its finalists' titles only, never a team or a
//!   hospital; a submission its authors marked confidential shows no title either.
use drx_domain::{BlindMode, Phase};
use drx_store::calls::CallSettings;
use drx_store::catalogue::{self as store, CallSummary, PublicFinalist};
use drx_store::submissions::CallInfo;
use drx_store::{Db, Named};

use super::{Result, ServiceError};

/// The calls a visitor may browse, newest first: those taking submissions, and the others
/// (past or under way) apart.
pub struct CallLists {
    pub open: Vec<CallSummary>,
    pub past: Vec<CallSummary>,
}

/// Whether anyone may read a call in this phase: every phase but the draft.
pub fn is_public(phase: Phase) -> bool {
    phase != Phase::Draft
}

/// Whether a call in this phase has published its results (the decisions are taken).
pub fn results_published(phase: Phase) -> bool {
    matches!(
        phase,
        Phase::Decision | Phase::Matchmaking | Phase::Incubation | Phase::Closed
    )
}

/// The public calls not archived: open ones, then the others.
pub async fn lists(db: &Db) -> Result<CallLists> {
    let (open, past) = store::calls(db)
        .await?
        .into_iter()
        .filter(|c| is_public(c.phase) && !c.archived)
        .partition(|c| c.phase == Phase::Open);
    Ok(CallLists { open, past })
}

/// A finalist as the public results show it: each part only where the rules allow.
pub struct ShownFinalist {
    /// None: the title is confidential.
    pub title: Option<String>,
    /// None: the call is blind (nobody identifying is shown).
    pub organization: Option<(String, String)>,
    pub members: Vec<String>,
}

/// Everything the public page of a call shows.
pub struct PublicCall {
    pub info: CallInfo,
    pub settings: CallSettings,
    pub fields: Vec<Named>,
    /// None until the results are published.
    pub results: Option<Vec<ShownFinalist>>,
}

/// What of a finalist the public may see under the call's blind mode.
pub fn shown(f: PublicFinalist, blind: BlindMode) -> ShownFinalist {
    let open = blind == BlindMode::Open;
    ShownFinalist {
        title: (!f.confidential).then_some(f.title),
        organization: open.then_some((f.organization_en, f.organization_zh)),
        members: if open { f.members } else { Vec::new() },
    }
}

/// The public page of a call; NotFound for a draft or a call that does not exist.
pub async fn call(db: &Db, id: i64) -> Result<PublicCall> {
    let info = drx_store::submissions::call(db, id)
        .await?
        .filter(|c| is_public(c.phase))
        .ok_or(ServiceError::NotFound)?;
    let settings = drx_store::calls::settings(db, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let fields = drx_store::submissions::call_fields(db, id).await?;
    let results = if results_published(info.phase) {
        let finalists = store::finalists_of_call(db, id).await?;
        (!finalists.is_empty()).then(|| {
            finalists
                .into_iter()
                .map(|f| shown(f, info.blind_mode))
                .collect()
        })
    } else {
        None
    };
    Ok(PublicCall {
        info,
        settings,
        fields,
        results,
    })
}

/// The call a visitor came from, when it is one they may read (else None: the link is
/// dropped rather than refused).
pub async fn public_call_id(db: &Db, id: Option<i64>) -> Result<Option<i64>> {
    let Some(id) = id else { return Ok(None) };
    let call = drx_store::submissions::call(db, id).await?;
    Ok(call.filter(|c| is_public(c.phase)).map(|c| c.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finalist(confidential: bool) -> PublicFinalist {
        PublicFinalist {
            id: 1,
            title: "Gait aid".into(),
            confidential,
            organization_en: "North Hospital".into(),
            organization_zh: "北方医院".into(),
            members: vec!["Dr. Li".into()],
        }
    }

    #[test]
    fn blind_calls_show_nobody() {
        for blind in [BlindMode::Single, BlindMode::Double] {
            let s = shown(finalist(false), blind);
            assert_eq!(s.title.as_deref(), Some("Gait aid"));
            assert!(s.organization.is_none() && s.members.is_empty());
        }
        let open = shown(finalist(false), BlindMode::Open);
        assert!(open.organization.is_some());
        assert_eq!(open.members, vec!["Dr. Li".to_string()]);
    }

    #[test]
    fn confidential_titles_stay_hidden() {
        assert!(shown(finalist(true), BlindMode::Open).title.is_none());
    }

    #[test]
    fn drafts_are_never_public_and_results_wait_for_decisions() {
        assert!(!is_public(Phase::Draft));
        assert!(is_public(Phase::Open) && is_public(Phase::Closed));
        assert!(!results_published(Phase::Open) && !results_published(Phase::Review));
        assert!(results_published(Phase::Decision) && results_published(Phase::Closed));
    }
}
