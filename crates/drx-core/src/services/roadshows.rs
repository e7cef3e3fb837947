//! Roadshows: events of a call where finalists present. The call's organizers make them and set
//! the agenda; everyone may read them (authors hidden when the call is blind) and fetch the
//! calendar file; signed-in people register.
use super::ics::{self, CalendarEvent};
use super::{required_text, Result, ServiceError};
use crate::auth::authorization::can_manage_call;
use crate::i18n::{t, Lang};
use drx_domain::{AuditAction, AuditEntity, BlindMode, SubmissionStatus};
use drx_store::accounts::Person;
use drx_store::events::{self as store, AgendaItem, Event, NewEvent, Registrant};
use drx_store::{audit, catalogue, Db, StoreError};

/// China time, in which the forms are filled in and the pages are read.
const OFFSET: i64 = super::calls::CHINA_OFFSET;

/// What the event form sends; times as an HTML `datetime-local` (`YYYY-MM-DDTHH:MM`, China time).
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub call_id: i64,
    pub title: String,
    pub location: String,
    pub description: String,
    pub starts: String,
    pub ends: String,
}

/// `YYYY-MM-DDTHH:MM` (or with a space, or with seconds) in China time, as Unix seconds.
pub fn parse_local(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, clock) = s.split_once(['T', ' '])?;
    let mut d = date.splitn(3, '-');
    let y: i32 = d.next()?.parse().ok()?;
    let m: u8 = d.next()?.parse().ok()?;
    let day: u8 = d.next()?.parse().ok()?;
    let mut c = clock.splitn(3, ':');
    let h: u8 = c.next()?.parse().ok()?;
    let min: u8 = c.next()?.parse().ok()?;
    let sec: u8 = match c.next() {
        Some(x) => x.parse().ok()?,
        None => 0,
    };
    let date = time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, day).ok()?;
    let clock = time::Time::from_hms(h, min, sec).ok()?;
    Some(date.with_time(clock).assume_utc().unix_timestamp() - OFFSET)
}

/// The value of a `datetime-local` input for a time (China time).
pub fn local_input(ts: i64) -> String {
    super::calls::datetime_local_value(ts + OFFSET)
}

/// `HH:MM` in China time.
pub fn clock(ts: i64) -> String {
    local_input(ts)[11..].to_string()
}

fn times(starts: &str, ends: &str) -> Result<(i64, i64)> {
    let s = parse_local(starts).ok_or_else(|| ServiceError::invalid("error-roadshow-time"))?;
    let e = parse_local(ends).ok_or_else(|| ServiceError::invalid("error-roadshow-time"))?;
    if e <= s {
        return Err(ServiceError::invalid("error-roadshow-order"));
    }
    Ok((s, e))
}

/// Whether the person runs the call of the event (organizers of the call, admins).
async fn manages(db: &Db, actor: &Person, call_id: Option<i64>) -> Result<bool> {
    Ok(match call_id {
        Some(c) => super::manages_call(db, actor, c).await?,
        None => can_manage_call(actor, &[]),
    })
}

/// The calls the person may make events for: (id, title en, title zh).
pub async fn calls_for_events(db: &Db, actor: &Person) -> Result<Vec<(i64, String, String)>> {
    let mut out = Vec::new();
    for c in catalogue::calls(db).await? {
        if manages(db, actor, Some(c.id)).await? {
            out.push((c.id, c.title_en, c.title_zh));
        }
    }
    Ok(out)
}

/// Makes a roadshow for a call (its organizers and admins).
pub async fn create(db: &Db, actor: &Person, input: &EventInput, now: i64) -> Result<i64> {
    super::require_call_manager(db, actor, input.call_id).await?;
    let title = required_text(&input.title, 200, "roadshow-title")?;
    let location = super::optional_text(&input.location, 200, "roadshow-location")?;
    let description = super::optional_text(&input.description, 4000, "roadshow-description")?;
    let (starts_at, ends_at) = times(&input.starts, &input.ends)?;
    let mut tx = db.begin().await?;
    let id = store::insert(
        &mut tx,
        &NewEvent {
            call_id: input.call_id,
            title: &title,
            location: &location,
            description: &description,
            starts_at,
            ends_at,
            created_by: actor.id,
        },
        now,
    )
    .await?;
    let detail = serde_json::json!({ "call": input.call_id, "title": title, "starts_at": starts_at, "ends_at": ends_at });
    super::commit_created(tx, Some(actor.id), AuditEntity::Event, id, &detail, now).await
}

/// Whether the person runs the event's call (NotFound when there is no such event).
pub async fn manages_event(db: &Db, actor: &Person, event_id: i64) -> Result<bool> {
    let e = store::get(db, event_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    manages(db, actor, e.call_id).await
}

async fn event_for_manager(db: &Db, actor: &Person, event_id: i64) -> Result<Event> {
    let e = store::get(db, event_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !manages(db, actor, e.call_id).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(e)
}

/// Puts a finalist of the event's call on its agenda, in a slot inside the event that overlaps
/// no other presentation.
pub async fn add_to_agenda(
    db: &Db,
    actor: &Person,
    event_id: i64,
    submission_id: i64,
    starts: &str,
    ends: &str,
    now: i64,
) -> Result<i64> {
    let e = event_for_manager(db, actor, event_id).await?;
    let (s, en) = times(starts, ends)?;
    if s < e.starts_at || en > e.ends_at {
        return Err(ServiceError::invalid("error-roadshow-outside"));
    }
    if store::agenda(db, event_id)
        .await?
        .iter()
        .any(|a| a.starts_at < en && s < a.ends_at)
    {
        return Err(ServiceError::invalid("error-roadshow-overlap"));
    }
    let mut tx = db.begin().await?;
    match drx_store::submissions::call_and_status(&mut tx, submission_id).await? {
        Some((call, status)) if Some(call) == e.call_id && status == SubmissionStatus::Finalist => {
        }
        _ => return Err(ServiceError::invalid("error-roadshow-not-finalist")),
    }
    let id = match store::insert_agenda_item(&mut tx, event_id, submission_id, s, en).await {
        Ok(id) => id,
        Err(StoreError::Duplicate(_)) => {
            return Err(ServiceError::invalid("error-roadshow-duplicate"))
        }
        Err(e) => return Err(e.into()),
    };
    let detail = serde_json::json!({ "submission": submission_id, "starts_at": s, "ends_at": en });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Event,
        event_id,
        AuditAction::AgendaAdd,
        &detail,
        now,
    )
    .await?;
    Ok(id)
}

pub async fn remove_from_agenda(
    db: &Db,
    actor: &Person,
    event_id: i64,
    item_id: i64,
    now: i64,
) -> Result<()> {
    event_for_manager(db, actor, event_id).await?;
    let mut tx = db.begin().await?;
    let submission = store::delete_agenda_item(&mut tx, event_id, item_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let detail = serde_json::json!({ "submission": submission });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Event,
        event_id,
        AuditAction::AgendaRemove,
        &detail,
        now,
    )
    .await?;
    Ok(())
}

/// Registers a signed-in person for an event that has not ended.
/// Registers the person (once); a new registration is audited and confirmed by mail in the
/// person's language, with the times, the place and the links to the page and the calendar file.
pub async fn register(
    db: &Db,
    actor: &Person,
    event_id: i64,
    base_url: &str,
    now: i64,
) -> Result<()> {
    let e = store::get(db, event_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !actor.active {
        return Err(ServiceError::Forbidden);
    }
    if e.ends_at <= now {
        return Err(ServiceError::invalid("error-roadshow-over"));
    }
    let mut tx = db.begin().await?;
    if store::register(&mut tx, event_id, actor.id, now).await? {
        audit::record(
            &mut tx,
            Some(actor.id),
            AuditEntity::Event,
            event_id,
            AuditAction::Register,
            "{}",
            now,
        )
        .await?;
        let lang = Lang::parse(&actor.locale).unwrap_or(Lang::Zh);
        let page = format!("{}/events/{event_id}", base_url.trim_end_matches('/'));
        let subject =
            crate::i18n::t_args(lang, "roadshow-mail-subject", &[("title", e.title.clone())]);
        let body = crate::i18n::t_args(
            lang,
            "roadshow-mail-body",
            &[
                ("name", actor.name.clone()),
                ("title", e.title.clone()),
                ("starts", local_input(e.starts_at).replace('T', " ")),
                ("ends", local_input(e.ends_at).replace('T', " ")),
                ("location", e.location.clone()),
                ("link", page.clone()),
                ("ics", format!("{page}.ics")),
            ],
        );
        drx_store::outbox::enqueue(&mut tx, &actor.email, &subject, &body, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn unregister(db: &Db, actor: &Person, event_id: i64) -> Result<()> {
    store::get(db, event_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut tx = db.begin().await?;
    store::unregister(&mut tx, event_id, actor.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether presenters' names and hospitals are hidden: the call is not open, and the reader does
/// not run it.
pub fn names_hidden(e: &Event, manages: bool) -> bool {
    e.blind_mode != BlindMode::Open && !manages
}

/// An event as one reader (or an anonymous visitor) sees it.
pub struct EventView {
    pub event: Event,
    pub agenda: Vec<AgendaItem>,
    pub names_hidden: bool,
    /// The reader runs the event's call: agenda editing, registrants.
    pub manage: bool,
    pub registered: bool,
    /// For those who manage: who registered, and the finalists the agenda may present.
    pub registrants: Vec<Registrant>,
    pub finalists: Vec<(i64, String)>,
}

pub async fn list(db: &Db) -> Result<Vec<Event>> {
    Ok(store::list(db).await?)
}

pub async fn view(db: &Db, actor: Option<&Person>, event_id: i64) -> Result<EventView> {
    let event = store::get(db, event_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let manage = match actor {
        Some(a) => manages(db, a, event.call_id).await?,
        None => false,
    };
    let registered = match actor {
        Some(a) => store::is_registered(db, event_id, a.id).await?,
        None => false,
    };
    let (registrants, finalists) = if manage {
        let f = match event.call_id {
            Some(c) => store::finalists(db, c).await?,
            None => Vec::new(),
        };
        (store::registrants(db, event_id).await?, f)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut agenda = store::agenda(db, event_id).await?;
    let names_hidden = names_hidden(&event, manage);
    if names_hidden {
        for a in &mut agenda {
            a.presenter.clear();
            a.organization_en.clear();
            a.organization_zh.clear();
        }
    }
    Ok(EventView {
        event,
        agenda,
        names_hidden,
        manage,
        registered,
        registrants,
        finalists,
    })
}

/// The agenda as calendar text, in `lang`: one line per presentation.
pub fn agenda_text(lang: Lang, agenda: &[AgendaItem]) -> String {
    let mut out = String::new();
    if agenda.is_empty() {
        return out;
    }
    out.push_str(&t(lang, "roadshow-agenda"));
    out.push(':');
    for a in agenda {
        out.push('\n');
        out.push_str(&format!(
            "{}–{} {}",
            clock(a.starts_at),
            clock(a.ends_at),
            a.title
        ));
        if !a.presenter.is_empty() {
            out.push_str(&format!(
                " ({}, {})",
                a.presenter,
                lang.pick(&a.organization_en, &a.organization_zh)
            ));
        }
    }
    out
}

/// The event's calendar file (anonymous readers see what the event page shows them).
pub async fn calendar(
    db: &Db,
    actor: Option<&Person>,
    event_id: i64,
    lang: Lang,
    base_url: &str,
    now: i64,
) -> Result<String> {
    let v = view(db, actor, event_id).await?;
    let base = base_url.trim_end_matches('/');
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or(base)
        .split(['/', ':'])
        .next()
        .unwrap_or("drx");
    let mut description = String::new();
    if !v.event.description.is_empty() {
        description.push_str(&v.event.description);
        description.push_str("\n\n");
    }
    description.push_str(&agenda_text(lang, &v.agenda));
    let e = CalendarEvent {
        uid: format!("event-{}@{host}", v.event.id),
        stamp: now,
        starts_at: v.event.starts_at,
        ends_at: v.event.ends_at,
        summary: v.event.title.clone(),
        location: v.event.location.clone(),
        description: description.trim().to_string(),
        url: Some(format!("{base}/events/{}", v.event.id)),
    };
    Ok(ics::calendar(&[e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_china_time() {
        let ts = parse_local("2026-01-01T10:00").unwrap();
        assert_eq!(ts, 1_767_225_600 + 2 * 3600);
        assert_eq!(local_input(ts), "2026-01-01T10:00");
        assert_eq!(clock(ts), "10:00");
        assert_eq!(parse_local("2026-01-01 10:00:30"), Some(ts + 30));
        for bad in [
            "",
            "2026-13-01T10:00",
            "2026-01-01",
            "tomorrow",
            "2026-02-30T10:00",
        ] {
            assert_eq!(parse_local(bad), None, "{bad}");
        }
    }
}
