//! Roadshows: events of a call, their agenda of presented submissions, and registrations.
use super::{Db, Result, Tx};
use drx_domain::BlindMode;

row! {
    #[derive(Debug, Clone)]
    pub struct Event {
        pub id: i64,
        pub call_id: Option<i64>,
        pub call_en: String,
        pub call_zh: String,
        /// The call's blind mode; open when the event has no call.
        pub blind_mode: BlindMode,
        pub title: String,
        pub location: String,
        pub description: String,
        pub starts_at: i64,
        pub ends_at: i64,
        pub created_at: i64,
        pub registrations: i64,
    }
}

pub struct NewEvent<'a> {
    pub call_id: i64,
    pub title: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub created_by: i64,
}

const SELECT: &str = "SELECT e.id, e.call_id, COALESCE(c.title_en, '') AS call_en, \
     COALESCE(c.title_zh, '') AS call_zh, COALESCE(c.blind_mode, 'open') AS blind_mode, e.title, \
     e.location, e.description, e.starts_at, e.ends_at, e.created_at, \
     (SELECT COUNT(*) FROM event_registrations er WHERE er.event_id = e.id) AS registrations \
     FROM events e LEFT JOIN calls c ON c.id = e.call_id";

pub async fn insert(tx: &mut Tx, e: &NewEvent<'_>, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO events (call_id, title, location, description, starts_at, ends_at, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (e.call_id, e.title, e.location, e.description, e.starts_at, e.ends_at, e.created_by, now),
    )
    .await
}

/// Every event, soonest first.
pub async fn list(db: &Db) -> Result<Vec<Event>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL
        .get_or_init(|| Box::leak(format!("{SELECT} ORDER BY e.starts_at, e.id").into_boxed_str()));
    db.all(sql, ()).await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Event>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| Box::leak(format!("{SELECT} WHERE e.id = ?").into_boxed_str()));
    db.opt(sql, (id,)).await
}

row! {
    /// One presentation of the agenda, with the names a non-blind page may show.
    #[derive(Debug, Clone)]
    pub struct AgendaItem {
        pub id: i64,
        pub submission_id: i64,
        pub title: String,
        pub organization_en: String = "name_en",
        pub organization_zh: String = "name_zh",
        /// The lead author (or the author who created the submission).
        pub presenter: String,
        pub starts_at: i64,
        pub ends_at: i64,
    }
}

/// The agenda in time order.
pub async fn agenda(db: &Db, event_id: i64) -> Result<Vec<AgendaItem>> {
    db.all(
        "SELECT a.id, a.submission_id, s.title, o.name_en, o.name_zh, a.starts_at, a.ends_at, \
           COALESCE((SELECT sm.name FROM submission_members sm WHERE sm.submission_id = s.id \
             AND sm.role = 'lead' ORDER BY sm.position LIMIT 1), p.name) AS presenter \
         FROM event_agenda a JOIN submissions s ON s.id = a.submission_id \
         JOIN organizations o ON o.id = s.organization_id JOIN people p ON p.id = s.created_by \
         WHERE a.event_id = ? ORDER BY a.starts_at, a.id",
        (event_id,),
    )
    .await
}

/// Adds a presentation; a submission already on the agenda is a `Duplicate`.
pub async fn insert_agenda_item(
    tx: &mut Tx,
    event_id: i64,
    submission_id: i64,
    starts_at: i64,
    ends_at: i64,
) -> Result<i64> {
    tx.one(
        "INSERT INTO event_agenda (event_id, submission_id, starts_at, ends_at) VALUES (?, ?, ?, ?) RETURNING id",
        (event_id, submission_id, starts_at, ends_at),
    )
    .await
    .map_err(|e| e.duplicate_as("agenda item"))
}

/// Removes a presentation from the event's agenda; the submission it was, if any.
pub async fn delete_agenda_item(tx: &mut Tx, event_id: i64, item_id: i64) -> Result<Option<i64>> {
    tx.opt(
        "DELETE FROM event_agenda WHERE id = ? AND event_id = ? RETURNING submission_id",
        (item_id, event_id),
    )
    .await
}

/// The finalists of a call (what an agenda may present): (id, title).
pub async fn finalists(db: &Db, call_id: i64) -> Result<Vec<(i64, String)>> {
    db.all(
        "SELECT id, title FROM submissions WHERE call_id = ? AND status = 'finalist' ORDER BY id",
        (call_id,),
    )
    .await
}

/// Registers the person; false when already registered.
pub async fn register(tx: &mut Tx, event_id: i64, person_id: i64, now: i64) -> Result<bool> {
    let done = tx.exec("INSERT INTO event_registrations (event_id, person_id, registered_at) VALUES (?, ?, ?) \
         ON CONFLICT (event_id, person_id) DO NOTHING", (event_id, person_id, now))
    .await?;
    Ok(done == 1)
}

/// Cancels the person's registration; false when there was none.
pub async fn unregister(tx: &mut Tx, event_id: i64, person_id: i64) -> Result<bool> {
    let done = tx
        .exec(
            "DELETE FROM event_registrations WHERE event_id = ? AND person_id = ?",
            (event_id, person_id),
        )
        .await?;
    Ok(done == 1)
}

pub async fn is_registered(db: &Db, event_id: i64, person_id: i64) -> Result<bool> {
    let n: i64 = db
        .one(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM event_registrations WHERE event_id = ? AND person_id = ?",
            (event_id, person_id),
        )
        .await?;
    Ok(n > 0)
}

row! {
    /// Who registered, in order of registration.
    #[derive(Debug, Clone)]
    pub struct Registrant {
        pub name: String,
        pub email: String,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub registered_at: i64,
    }
}

pub async fn registrants(db: &Db, event_id: i64) -> Result<Vec<Registrant>> {
    db.all(
        "SELECT p.name, p.email, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh, \
           r.registered_at FROM event_registrations r JOIN people p ON p.id = r.person_id \
         LEFT JOIN organizations o ON o.id = p.organization_id \
         WHERE r.event_id = ? ORDER BY r.registered_at, p.id",
        (event_id,),
    )
    .await
}
