//! The confidentiality gate of matchmaking: each call's terms (bilingual text and a version),
//! edited by its organizers; acceptances recorded per person, call and version; and the rule
//! that opens a need's confidential part to an engineer (see docs/arch-matchmaking.md).
use super::{Msg, Result, ServiceError};
use crate::auth::authorization::{can_open_confidential, can_speak_for_need};
use drx_domain::{AuditAction, AuditEntity};
use drx_store::accounts::Person;
use drx_store::matchmaking::{self as store, Terms};
use drx_store::{audit, Db};

pub const VERSION_MAX: usize = 40;
pub const TEXT_MAX: usize = 20_000;

/// Where one person stands before a need's confidential part.
#[derive(Debug, Clone)]
pub struct Gate {
    /// The call whose terms govern the need (none when there is no call at all).
    pub call_id: Option<i64>,
    /// That call's current terms, if its organizers set them.
    pub terms: Option<Terms>,
    /// The need's author or a curator: always open.
    pub owner: bool,
    /// One of the person's teams has an accepted interest with the need.
    pub interest_accepted: bool,
    /// When the person accepted the current version of the terms.
    pub accepted_at: Option<i64>,
    /// The confidential part opens to the person.
    pub open: bool,
    /// The need has a confidential part at all.
    pub has_confidential: bool,
}

/// The gate for a person and a need, and the confidential details when it is open.
pub async fn gate(db: &Db, actor: &Person, need_id: i64) -> Result<(Gate, Option<String>)> {
    let need = drx_store::needs::get(db, need_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let owner = can_speak_for_need(actor, need.created_by);
    let call_id = store::governing_call(db, need_id).await?;
    let terms = match call_id {
        Some(c) => store::terms(db, c).await?,
        None => None,
    };
    let accepted_at = match &terms {
        Some(t) => store::accepted_at(db, actor.id, t.call_id, &t.version).await?,
        None => None,
    };
    let interest_accepted = store::team_accepted_for_need(db, need_id, actor.id).await?;
    let open = can_open_confidential(actor, owner, interest_accepted, accepted_at.is_some());
    let has_confidential = !need.confidential_details.trim().is_empty();
    let details = open.then_some(need.confidential_details);
    Ok((
        Gate {
            call_id,
            terms,
            owner,
            interest_accepted,
            accepted_at,
            open,
            has_confidential,
        },
        details,
    ))
}

/// The person accepts the terms governing a need, in the version they were shown. Refused when
/// the terms changed meanwhile (they must read the new version first).
pub async fn accept_for_need(
    db: &Db,
    actor: &Person,
    need_id: i64,
    version_shown: &str,
    now: i64,
) -> Result<i64> {
    if !crate::auth::authorization::can_browse_catalogues(actor) {
        return Err(ServiceError::Forbidden);
    }
    let (g, _) = gate(db, actor, need_id).await?;
    let terms = g.terms.ok_or_else(|| ServiceError::invalid("terms-none"))?;
    if terms.version != version_shown.trim() {
        return Err(ServiceError::invalid("terms-changed"));
    }
    let mut tx = db.begin().await?;
    if store::record_acceptance(&mut tx, actor.id, terms.call_id, &terms.version, now).await? {
        let detail = serde_json::json!({ "version": terms.version, "need_id": need_id });
        audit::record(
            &mut tx,
            Some(actor.id),
            AuditEntity::Call,
            terms.call_id,
            AuditAction::TermsAccept,
            &detail.to_string(),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(terms.call_id)
}

/// The organizer sets new terms for the call; the version must change with them, so that
/// earlier acceptances no longer count.
pub async fn save_terms(
    db: &Db,
    actor: &Person,
    call_id: i64,
    version: &str,
    text_en: &str,
    text_zh: &str,
    now: i64,
) -> Result<()> {
    super::require_call_manager(db, actor, call_id).await?;
    let version = super::required_text(version, VERSION_MAX, "terms-version")?;
    let text_en = text_en.trim();
    let text_zh = text_zh.trim();
    for (v, f) in [(text_en, "terms-text-en"), (text_zh, "terms-text-zh")] {
        if v.is_empty() {
            return Err(ServiceError::Invalid(
                Msg::new("error-required").arg("field", f),
            ));
        }
        if v.chars().count() > TEXT_MAX {
            return Err(super::too_long(f, TEXT_MAX));
        }
    }
    if let Some(current) = store::terms(db, call_id).await? {
        if current.version == version {
            return Err(ServiceError::invalid("terms-version-same"));
        }
    }
    let mut tx = db.begin().await?;
    store::save_terms(&mut tx, call_id, &version, text_en, text_zh, actor.id, now).await?;
    let detail = serde_json::json!({ "version": version });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        AuditAction::TermsSet,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// A suggested next version: the current one with its last number raised ("v2" -> "v3").
pub fn next_version(current: Option<&str>) -> String {
    let Some(cur) = current else {
        return "v1".to_string();
    };
    let digits: String = cur
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    match digits.parse::<u64>() {
        Ok(n) => format!("{}{}", &cur[..cur.len() - digits.len()], n + 1),
        Err(_) => format!("{cur}-2"),
    }
}

#[cfg(test)]
mod tests {
    use super::next_version;

    #[test]
    fn versions_bump_their_last_number() {
        assert_eq!(next_version(None), "v1");
        assert_eq!(next_version(Some("v1")), "v2");
        assert_eq!(next_version(Some("2026.9")), "2026.10");
        assert_eq!(next_version(Some("draft")), "draft-2");
    }
}

/// A call's terms page for one person: the call's judging settings (for its title), whether
/// they run the call, the current terms and when the person accepted that version.
pub struct TermsView {
    pub call: drx_store::catalogue::CallJudging,
    pub manager: bool,
    pub current: Option<Terms>,
    pub accepted_at: Option<i64>,
}

pub async fn terms_view(db: &Db, actor: &Person, call_id: i64) -> Result<TermsView> {
    let call = drx_store::catalogue::call_settings(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let manager = super::manages_call(db, actor, call_id).await?;
    let current = store::terms(db, call_id).await?;
    let accepted_at = match &current {
        Some(t) => store::accepted_at(db, actor.id, call_id, &t.version).await?,
        None => None,
    };
    Ok(TermsView {
        call,
        manager,
        current,
        accepted_at,
    })
}
