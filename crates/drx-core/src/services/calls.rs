//! Running a call: organizers create and edit calls (bilingual texts, fields, phases, rubric,
//! review settings, blind mode, grace), move them between phases and extend the deadline.
use super::decision_notices::{self, CallTitles};
use super::{required_text, Msg, Result, ServiceError};
use crate::auth::authorization::{
    can_archive_call, can_create_call, can_delete_call, can_unarchive_call,
};
use drx_domain::Phase;
use drx_domain::{AuditAction, AuditEntity};
use drx_store::accounts::Person;
use drx_store::calls::{self as store, CallSettings};
use drx_store::submissions as subs;
use drx_store::{Db, StoreError};

/// The phases that carry dates (draft and closed have none).
pub const DATED_PHASES: &[Phase] = &[
    Phase::Open,
    Phase::Review,
    Phase::Decision,
    Phase::Matchmaking,
    Phase::Incubation,
];

fn in_range(v: i64, lo: i64, hi: i64, field: &'static str) -> Result<()> {
    if v < lo || v > hi {
        return Err(ServiceError::Invalid(
            Msg::new("error-call-range")
                .arg("field", field)
                .arg("min", lo)
                .arg("max", hi),
        ));
    }
    Ok(())
}

/// Checks and normalizes settings from the form.
pub async fn validate(db: &Db, c: &CallSettings) -> Result<CallSettings> {
    let slug = c.slug.trim().to_ascii_lowercase();
    if slug.len() < 2
        || slug.len() > 60
        || !slug
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        return Err(ServiceError::invalid("error-call-slug"));
    }
    let title_en = required_text(&c.title_en, 200, "call-title-en")?;
    let title_zh = required_text(&c.title_zh, 200, "call-title-zh")?;
    for (d, f) in [
        (&c.description_en, "call-description-en"),
        (&c.description_zh, "call-description-zh"),
        (&c.eligibility_en, "call-eligibility-en"),
        (&c.eligibility_zh, "call-eligibility-zh"),
        (&c.faq_en, "call-faq-en"),
        (&c.faq_zh, "call-faq-zh"),
    ] {
        if d.chars().count() > 10_000 {
            return Err(super::too_long(f, 10_000));
        }
    }
    in_range(c.reviews_per_submission, 1, 20, "call-reviews")?;
    in_range(c.judge_max_load, 1, 1000, "call-max-load")?;
    in_range(c.judge_min_load, 0, c.judge_max_load, "call-min-load")?;
    in_range(c.finalists, 0, 10_000, "finalists")?;
    in_range(c.grace_seconds, 0, 24 * 3600, "call-grace")?;
    let known = drx_store::catalogue::fields(db).await?;
    let field_ids =
        super::chosen_ids(&c.field_ids, known.iter().map(|f| f.id), "error-bad-choice")?;
    let mut phases = c.phases.clone();
    if phases.iter().any(|(_, s, e)| s >= e) {
        return Err(ServiceError::invalid("error-call-phase-order"));
    }
    phases.sort_by_key(|(p, _, _)| {
        DATED_PHASES
            .iter()
            .position(|x| x == p)
            .unwrap_or(usize::MAX)
    });
    for w in phases.windows(2) {
        if w[1].1 < w[0].1 {
            return Err(ServiceError::invalid("error-call-phases-sequence"));
        }
    }
    let mut criteria = Vec::new();
    for k in &c.criteria {
        let (en, zh) = (k.name_en.trim(), k.name_zh.trim());
        if en.is_empty() && zh.is_empty() {
            continue;
        }
        if en.is_empty() || zh.is_empty() || en.chars().count() > 200 || zh.chars().count() > 200 {
            return Err(ServiceError::invalid("error-call-criterion-name"));
        }
        if !(k.weight > 0.0 && k.weight <= 100.0 && k.weight.is_finite()) {
            return Err(ServiceError::invalid("error-call-criterion-weight"));
        }
        if k.scale_min >= k.scale_max || k.scale_min < 0 || k.scale_max > 100 {
            return Err(ServiceError::invalid("error-call-criterion-scale"));
        }
        criteria.push(store::Criterion {
            name_en: en.into(),
            name_zh: zh.into(),
            ..k.clone()
        });
    }
    Ok(CallSettings {
        slug,
        title_en,
        title_zh,
        description_en: c.description_en.trim().into(),
        description_zh: c.description_zh.trim().into(),
        eligibility_en: c.eligibility_en.trim().into(),
        eligibility_zh: c.eligibility_zh.trim().into(),
        faq_en: c.faq_en.trim().into(),
        faq_zh: c.faq_zh.trim().into(),
        timezone: if c.timezone.trim().is_empty() {
            "Asia/Shanghai".into()
        } else {
            c.timezone.trim().chars().take(64).collect()
        },
        field_ids,
        phases,
        criteria,
        ..c.clone()
    })
}

fn slug_taken(e: StoreError) -> ServiceError {
    match e {
        StoreError::Duplicate(_) => ServiceError::invalid("error-call-slug-taken"),
        e => e.into(),
    }
}

/// A new call in the draft phase; its creator organizes it.
pub async fn create(db: &Db, actor: &Person, c: &CallSettings, now: i64) -> Result<i64> {
    if !can_create_call(actor) {
        return Err(ServiceError::Forbidden);
    }
    let c = validate(db, c).await?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, &c, Phase::Draft, actor.id, now)
        .await
        .map_err(slug_taken)?;
    store::insert_call_role(&mut tx, id, actor.id, drx_domain::CallRole::Organizer).await?;
    let detail = serde_json::json!({ "slug": c.slug }).to_string();
    super::commit_created(tx, Some(actor.id), AuditEntity::Call, id, &detail, now).await
}

async fn require_manager(db: &Db, actor: &Person, id: i64) -> Result<()> {
    super::require_call_manager(db, actor, id).await.map(|_| ())
}

/// Saves the settings. The rubric is frozen once a judge has scored with it.
pub async fn update(db: &Db, actor: &Person, id: i64, c: &CallSettings, now: i64) -> Result<()> {
    super::require_call_editor(db, actor, id).await?;
    let c = validate(db, c).await?;
    let current = store::criteria(db, id).await?;
    let rubric_changed = current != c.criteria;
    if rubric_changed && store::rubric_in_use(db, id).await? {
        return Err(ServiceError::invalid("error-call-rubric-in-use"));
    }
    let mut tx = db.begin().await?;
    store::update(&mut tx, id, &c, rubric_changed)
        .await
        .map_err(slug_taken)?;
    let detail =
        serde_json::json!({ "slug": c.slug, "rubric_changed": rubric_changed }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        id,
        AuditAction::Update,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Moves the call to a phase (open, close, on to review...).
/// Moves the call to a phase. Into the decision phase, the authors are told of the decisions
/// recorded during review that they have not been told of yet (each decision once).
pub async fn set_phase(
    db: &Db,
    actor: &Person,
    id: i64,
    phase: Phase,
    base_url: &str,
    now: i64,
) -> Result<()> {
    super::require_call_editor(db, actor, id).await?;
    let call = subs::call(db, id).await?.ok_or(ServiceError::NotFound)?;
    let mut tx = db.begin().await?;
    store::set_phase(&mut tx, id, phase).await?;
    if phase == Phase::Decision {
        let titles = CallTitles {
            en: &call.title_en,
            zh: &call.title_zh,
        };
        decision_notices::tell_untold(&mut tx, id, titles, base_url, now).await?;
    }
    let detail = serde_json::json!({ "phase": phase.as_str() }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        id,
        AuditAction::Phase,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Moves the submission deadline later. Earlier is refused: people plan on the announced date.
pub async fn extend(db: &Db, actor: &Person, id: i64, until: i64, now: i64) -> Result<()> {
    super::require_call_editor(db, actor, id).await?;
    let call = subs::call(db, id).await?.ok_or(ServiceError::NotFound)?;
    if let Some(end) = call.open_ends_at {
        if until <= end {
            return Err(ServiceError::invalid("error-call-extend-earlier"));
        }
    }
    if until <= now {
        return Err(ServiceError::invalid("error-call-extend-earlier"));
    }
    let mut tx = db.begin().await?;
    store::set_open_end(&mut tx, id, call.open_starts_at.unwrap_or(now), until).await?;
    let detail = serde_json::json!({ "from": call.open_ends_at, "to": until }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        id,
        AuditAction::Extend,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Deletes a draft call with everything that hangs off it (phases, fields, committee, teams,
/// rubric, runs, draft submissions). A call past draft is archived instead; one that received
/// submissions is never deleted.
pub async fn delete(db: &Db, actor: &Person, id: i64, now: i64) -> Result<()> {
    let call = super::require_call_manager(db, actor, id).await?;
    let roles = drx_store::catalogue::call_roles(db, id, actor.id).await?;
    if !can_delete_call(actor, &roles, call.phase) {
        return Err(ServiceError::invalid("error-call-delete-not-draft"));
    }
    if subs::sent_in_call(db, id).await? > 0 {
        return Err(ServiceError::invalid("error-call-delete-submissions"));
    }
    let info = subs::call(db, id).await?.ok_or(ServiceError::NotFound)?;
    let mut tx = db.begin().await?;
    let drafts = subs::delete_of_call(&mut tx, id).await?;
    if !store::delete(&mut tx, id).await? {
        return Err(ServiceError::NotFound);
    }
    let detail = serde_json::json!({ "slug": info.slug, "title_en": info.title_en, "title_zh": info.title_zh, "draft_submissions": drafts });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        id,
        AuditAction::Delete,
        detail,
        now,
    )
    .await
}

/// Archives a call past draft (out of the default lists, read-only), or with `archived ==
/// false` brings it back (admins only).
pub async fn set_archived(
    db: &Db,
    actor: &Person,
    id: i64,
    archived: bool,
    now: i64,
) -> Result<()> {
    let call = super::require_call_manager(db, actor, id).await?;
    let roles = drx_store::catalogue::call_roles(db, id, actor.id).await?;
    if archived == call.archived_at.is_some() {
        return Ok(());
    }
    let action = if archived {
        if !can_archive_call(actor, &roles, call.phase) {
            return Err(ServiceError::invalid("error-call-archive-draft"));
        }
        AuditAction::Archive
    } else {
        if !can_unarchive_call(actor) {
            return Err(ServiceError::Forbidden);
        }
        AuditAction::Unarchive
    };
    let mut tx = db.begin().await?;
    store::set_archived(&mut tx, id, archived.then_some(now)).await?;
    super::commit_audited(tx, Some(actor.id), AuditEntity::Call, id, action, "{}", now).await
}

/// "2026-03-01T09:30" (an HTML datetime-local value) in the call's zone, to Unix seconds.
pub fn parse_local(value: &str, timezone: &str) -> Option<i64> {
    let v = value.trim();
    let (date, time) = v.split_once('T').or_else(|| v.split_once(' '))?;
    let mut d = date.split('-').map(|x| x.parse::<i64>());
    let (y, m, day) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let mut t = time.split(':').map(|x| x.parse::<i64>());
    let (h, min) = (t.next()?.ok()?, t.next()?.ok()?);
    let month = time::Month::try_from(u8::try_from(m).ok()?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(y).ok()?, month, u8::try_from(day).ok()?)
            .ok()?;
    let tm = time::Time::from_hms(u8::try_from(h).ok()?, u8::try_from(min).ok()?, 0).ok()?;
    let local = time::PrimitiveDateTime::new(date, tm)
        .assume_utc()
        .unix_timestamp();
    Some(local - zone_offset(timezone))
}

/// Unix seconds to an HTML datetime-local value in the call's zone.
pub fn format_local(ts: i64, timezone: &str) -> String {
    datetime_local_value(ts + zone_offset(timezone))
}

/// A `datetime-local` input's value for `local`: Unix seconds already shifted to the zone.
pub fn datetime_local_value(local: i64) -> String {
    minute_text(local, 'T')
}

/// The time of China (UTC+8, no daylight saving), where drx's calls run.
pub const CHINA_OFFSET: i64 = 8 * 3600;

/// A date and time to the minute as people in China read it: "2026-03-01 09:30".
pub fn china_time(ts: i64) -> String {
    minute_text(ts + CHINA_OFFSET, ' ')
}

/// `local` (Unix seconds already shifted to a zone) as "YYYY-MM-DD", `between`, "HH:MM".
pub fn minute_text(local: i64, between: char) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(local)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}{between}{:02}:{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// drx's calls run in China (UTC+8, no daylight saving); other zones are taken as UTC.
pub fn zone_offset(timezone: &str) -> i64 {
    if timezone.starts_with("Asia/") {
        CHINA_OFFSET
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_round_trip_in_china_time() {
        let ts = parse_local("2026-03-01T09:30", "Asia/Shanghai").unwrap();
        assert_eq!(ts, 1_772_328_600);
        assert_eq!(format_local(ts, "Asia/Shanghai"), "2026-03-01T09:30");
        assert_eq!(
            parse_local("2026-03-01T09:30", "UTC").unwrap() - ts,
            8 * 3600
        );
        for bad in [
            "",
            "2026-13-01T00:00",
            "2026-02-30T00:00",
            "yesterday",
            "2026-03-01T25:00",
        ] {
            assert_eq!(parse_local(bad, "Asia/Shanghai"), None, "{bad}");
        }
    }
}

/// A call's title, texts, phase and dates, with no viewer's rule: for use cases that have
/// already established the actor's right (or need none, as the phase clock); NotFound if none.
pub async fn info(db: &Db, id: i64) -> Result<subs::CallInfo> {
    subs::call(db, id).await?.ok_or(ServiceError::NotFound)
}

/// The call as `viewer` may read it: NotFound for a draft they do not run, as for no call.
pub async fn info_for(db: &Db, viewer: &Person, id: i64) -> Result<subs::CallInfo> {
    let call = info(db, id).await?;
    let roles = drx_store::catalogue::call_roles(db, id, viewer.id).await?;
    if !crate::auth::authorization::can_see_call(viewer, call.phase, &roles) {
        return Err(ServiceError::NotFound);
    }
    Ok(call)
}

/// The call's editable settings (phases, rubric, review settings), for those who run it.
pub async fn settings(db: &Db, actor: &Person, id: i64) -> Result<CallSettings> {
    require_manager(db, actor, id).await?;
    store::settings(db, id).await?.ok_or(ServiceError::NotFound)
}

/// Forbidden (or NotFound) unless `actor` runs the call: asked by pages before they read a form,
/// so that a stranger learns nothing from the form's errors.
pub async fn authorize_manager(db: &Db, actor: &Person, id: i64) -> Result<()> {
    require_manager(db, actor, id).await
}
