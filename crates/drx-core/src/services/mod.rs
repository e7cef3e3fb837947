//! The use cases of drx. Each checks permission (through `auth::authorization`), validates its
//! input, changes state in one transaction and writes the audit event in that same transaction.
pub mod accounts;
pub mod api_tokens;
pub mod archive;
pub mod assignment;
pub mod bids;
pub mod calibration;
pub mod calls;
pub mod catalogue;
pub mod committees;
pub mod confidentiality;
pub mod conversations;
pub mod dashboard;
pub mod decision_notices;
pub mod diff;
pub mod embeddings;
pub mod exports;
pub mod guards;
pub mod history;
pub mod ics;
pub mod imports;
pub mod interests;
pub mod list_exports;
pub mod mail;
pub mod matching;
pub mod needs;
pub mod open_calls;
pub mod organizations;
pub mod overlaps;
pub mod past_work;
pub mod people;
pub mod profiles;
pub mod projects;
pub mod ranking;
pub mod registration;
pub mod reports;
pub mod review_reading;
pub mod reviews;
pub mod roadshows;
pub mod runs;
pub mod steps;
pub mod submissions;
pub mod team_matching;
pub mod teams;
pub mod uploads;

use drx_store::StoreError;

/// A message for the user: an i18n key and its arguments; the web layer words it.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Msg {
        self.args.push((name, value.to_string()));
        self
    }
}

/// The services layer's one error type.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(Msg),
    #[error("too many attempts; retry in {minutes} minutes")]
    Throttled { minutes: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ServiceError {
    pub fn invalid(key: &'static str) -> ServiceError {
        ServiceError::Invalid(Msg::new(key))
    }
}

pub type Result<T> = std::result::Result<T, ServiceError>;

/// May `actor` run this call (its organizers and admins)? The one place that gathers the
/// person's roles in the call and asks `auth::authorization::can_manage_call`.
pub async fn manages_call(
    db: &drx_store::Db,
    actor: &drx_store::accounts::Person,
    call_id: i64,
) -> Result<bool> {
    let roles = drx_store::catalogue::call_roles(db, call_id, actor.id).await?;
    Ok(crate::auth::authorization::can_manage_call(actor, &roles))
}

/// The call's settings when `actor` may run the call (its organizers and admins); otherwise
/// Forbidden, or NotFound when there is no such call.
pub async fn require_call_manager(
    db: &drx_store::Db,
    actor: &drx_store::accounts::Person,
    call_id: i64,
) -> Result<drx_store::catalogue::CallJudging> {
    let call = drx_store::catalogue::call_settings(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !manages_call(db, actor, call_id).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(call)
}

/// Like [`require_call_manager`], for a change to the call: an archived call is read-only.
pub async fn require_call_editor(
    db: &drx_store::Db,
    actor: &drx_store::accounts::Person,
    call_id: i64,
) -> Result<drx_store::catalogue::CallJudging> {
    let call = require_call_manager(db, actor, call_id).await?;
    if call.archived_at.is_some() {
        return Err(ServiceError::invalid("error-call-archived"));
    }
    Ok(call)
}

/// Records `action` on `entity` #`entity_id` in the audit chain (`detail`: JSON, a value or its
/// text) and commits `tx` with it: the last step of every audited change.
pub(crate) async fn commit_audited(
    mut tx: drx_store::Tx,
    actor_id: Option<i64>,
    entity: drx_domain::AuditEntity,
    entity_id: i64,
    action: drx_domain::AuditAction,
    detail: impl std::fmt::Display,
    at: i64,
) -> Result<()> {
    let detail = detail.to_string();
    drx_store::audit::record(&mut tx, actor_id, entity, entity_id, action, &detail, at).await?;
    tx.commit().await?;
    Ok(())
}

/// Records the creation of `entity` #`id` in the audit chain and commits `tx` with it; answers
/// the new id (the last step of every use case that creates something).
pub(crate) async fn commit_created(
    tx: drx_store::Tx,
    actor_id: Option<i64>,
    entity: drx_domain::AuditEntity,
    id: i64,
    detail: impl std::fmt::Display,
    at: i64,
) -> Result<i64> {
    let create = drx_domain::AuditAction::Create;
    commit_audited(tx, actor_id, entity, id, create, detail, at).await?;
    Ok(id)
}

/// A form's choices among `allowed` (the taxonomy's fields, a call's): each once, in id order;
/// Invalid with `error` when one of them is not allowed.
pub(crate) fn chosen_ids(
    chosen: &[i64],
    allowed: impl IntoIterator<Item = i64>,
    error: &'static str,
) -> Result<Vec<i64>> {
    let allowed: std::collections::HashSet<i64> = allowed.into_iter().collect();
    let mut ids = chosen.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.iter().any(|id| !allowed.contains(id)) {
        return Err(ServiceError::invalid(error));
    }
    Ok(ids)
}

/// Checks a required single-line text: trimmed, not empty, at most `max` characters.
pub fn required_text(value: &str, max: usize, field: &'static str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(ServiceError::Invalid(
            Msg::new("error-required").arg("field", field),
        ));
    }
    optional_text(v, max, field)
}

/// Checks an optional single-line text: trimmed, at most `max` characters.
pub fn optional_text(value: &str, max: usize, field: &'static str) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(too_long(field, max));
    }
    Ok(v.to_string())
}

/// Checks an optional single-line text: trimmed, at most `max` characters, no control characters.
pub fn single_line(value: &str, max: usize, field: &'static str) -> Result<String> {
    let v = optional_text(value, max, field)?;
    if v.chars().any(char::is_control) {
        return Err(ServiceError::Invalid(
            Msg::new("error-control-characters").arg("field", field),
        ));
    }
    Ok(v)
}

/// The refusal of a text longer than `max` characters in `field`.
pub fn too_long(field: &'static str, max: usize) -> ServiceError {
    ServiceError::Invalid(
        Msg::new("error-too-long")
            .arg("field", field)
            .arg("max", max),
    )
}

/// A plausible email address: one `@`, something on each side, a dot in the domain.
pub fn valid_email(value: &str) -> Result<String> {
    let v = drx_store::accounts::normalize_email(value);
    let ok = v.len() <= 254
        && v.split('@').count() == 2
        && v.split('@').all(|p| !p.is_empty())
        && v.rsplit('@')
            .next()
            .is_some_and(|d| d.contains('.') && !d.starts_with('.') && !d.ends_with('.'))
        && !v.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(v)
    } else {
        Err(ServiceError::invalid("error-email"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_and_lowercased() {
        assert_eq!(
            valid_email(" Li.Wei@Hospital.CN ").unwrap(),
            "li.wei@hospital.cn"
        );
        for bad in ["", "a", "a@b", "@b.cn", "a@.cn", "a b@c.cn", "a@b@c.cn"] {
            assert!(valid_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn required_text_rejects_empty_and_over_long() {
        assert!(required_text("  ", 10, "name").is_err());
        assert!(required_text(&"长".repeat(11), 10, "name").is_err());
        assert_eq!(required_text(" 李伟 ", 10, "name").unwrap(), "李伟");
    }
}
