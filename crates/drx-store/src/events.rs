//! Roadshows: events of a call, their agenda of presented submissions, and registrations.
use super::{get_i64, get_opt_i64, get_str, Db, Result, Tx};
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct Event {
    pub id: i64,
    pub call_id: Option<i64>,
    pub call_en: String,
    pub call_zh: String,
    /// The call's blind mode (`open`, `single`, `double`); `open` when the event has no call.
    pub blind_mode: String,
    pub title: String,
    pub location: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub created_at: i64,
    pub registrations: i64,
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

fn event_from(r: &AnyRow) -> Result<Event> {
    Ok(Event {
        id: get_i64(r, "id")?,
        call_id: get_opt_i64(r, "call_id")?,
        call_en: get_str(r, "call_en")?,
        call_zh: get_str(r, "call_zh")?,
        blind_mode: get_str(r, "blind_mode")?,
        title: get_str(r, "title")?,
        location: get_str(r, "location")?,
        description: get_str(r, "description")?,
        starts_at: get_i64(r, "starts_at")?,
        ends_at: get_i64(r, "ends_at")?,
        created_at: get_i64(r, "created_at")?,
        registrations: get_i64(r, "registrations")?,
    })
}

pub async fn insert(tx: &mut Tx, e: &NewEvent<'_>, now: i64) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO events (call_id, title, location, description, starts_at, ends_at, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(e.call_id)
    .bind(e.title)
    .bind(e.location)
    .bind(e.description)
    .bind(e.starts_at)
    .bind(e.ends_at)
    .bind(e.created_by)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    get_i64(&row, "id")
}

/// Every event, soonest first.
pub async fn list(db: &Db) -> Result<Vec<Event>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL
        .get_or_init(|| Box::leak(format!("{SELECT} ORDER BY e.starts_at, e.id").into_boxed_str()));
    let rows = sqlx::query(db.q(sql)).fetch_all(&db.pool).await?;
    rows.iter().map(event_from).collect()
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Event>> {
    static SQL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| Box::leak(format!("{SELECT} WHERE e.id = ?").into_boxed_str()));
    let row = sqlx::query(db.q(sql))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(event_from).transpose()
}

/// One presentation of the agenda, with the names a non-blind page may show.
#[derive(Debug, Clone)]
pub struct AgendaItem {
    pub id: i64,
    pub submission_id: i64,
    pub title: String,
    pub organization_en: String,
    pub organization_zh: String,
    /// The lead author (or the author who created the submission).
    pub presenter: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// The agenda in time order.
pub async fn agenda(db: &Db, event_id: i64) -> Result<Vec<AgendaItem>> {
    let rows = sqlx::query(db.q(
        "SELECT a.id, a.submission_id, s.title, o.name_en, o.name_zh, a.starts_at, a.ends_at, \
           COALESCE((SELECT sm.name FROM submission_members sm WHERE sm.submission_id = s.id \
             AND sm.role = 'lead' ORDER BY sm.position LIMIT 1), p.name) AS presenter \
         FROM event_agenda a JOIN submissions s ON s.id = a.submission_id \
         JOIN organizations o ON o.id = s.organization_id JOIN people p ON p.id = s.created_by \
         WHERE a.event_id = ? ORDER BY a.starts_at, a.id",
    ))
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AgendaItem {
                id: get_i64(r, "id")?,
                submission_id: get_i64(r, "submission_id")?,
                title: get_str(r, "title")?,
                organization_en: get_str(r, "name_en")?,
                organization_zh: get_str(r, "name_zh")?,
                presenter: get_str(r, "presenter")?,
                starts_at: get_i64(r, "starts_at")?,
                ends_at: get_i64(r, "ends_at")?,
            })
        })
        .collect()
}

/// Adds a presentation; a submission already on the agenda is a `Duplicate`.
pub async fn insert_agenda_item(
    tx: &mut Tx,
    event_id: i64,
    submission_id: i64,
    starts_at: i64,
    ends_at: i64,
) -> Result<i64> {
    let row = sqlx::query(tx.q(
        "INSERT INTO event_agenda (event_id, submission_id, starts_at, ends_at) VALUES (?, ?, ?, ?) RETURNING id",
    ))
    .bind(event_id)
    .bind(submission_id)
    .bind(starts_at)
    .bind(ends_at)
    .fetch_one(tx.conn())
    .await
    .map_err(|e| super::StoreError::from(e).duplicate_as("agenda item"))?;
    get_i64(&row, "id")
}

/// Removes a presentation from the event's agenda; the submission it was, if any.
pub async fn delete_agenda_item(tx: &mut Tx, event_id: i64, item_id: i64) -> Result<Option<i64>> {
    let row = sqlx::query(
        tx.q("DELETE FROM event_agenda WHERE id = ? AND event_id = ? RETURNING submission_id"),
    )
    .bind(item_id)
    .bind(event_id)
    .fetch_optional(tx.conn())
    .await?;
    row.map(|r| get_i64(&r, "submission_id")).transpose()
}

/// The call and status of a submission.
pub async fn submission_state(tx: &mut Tx, submission_id: i64) -> Result<Option<(i64, String)>> {
    let row = sqlx::query(tx.q("SELECT call_id, status FROM submissions WHERE id = ?"))
        .bind(submission_id)
        .fetch_optional(tx.conn())
        .await?;
    row.map(|r| Ok((get_i64(&r, "call_id")?, get_str(&r, "status")?)))
        .transpose()
}

/// The finalists of a call (what an agenda may present): (id, title).
pub async fn finalists(db: &Db, call_id: i64) -> Result<Vec<(i64, String)>> {
    let rows = sqlx::query(db.q(
        "SELECT id, title FROM submissions WHERE call_id = ? AND status = 'finalist' ORDER BY id",
    ))
    .bind(call_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((get_i64(r, "id")?, get_str(r, "title")?)))
        .collect()
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
    let row = sqlx::query(db.q(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM event_registrations WHERE event_id = ? AND person_id = ?",
    ))
    .bind(event_id)
    .bind(person_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(get_i64(&row, "n")? > 0)
}

/// Who registered, in order of registration.
#[derive(Debug, Clone)]
pub struct Registrant {
    pub name: String,
    pub email: String,
    pub organization_en: String,
    pub organization_zh: String,
    pub registered_at: i64,
}

pub async fn registrants(db: &Db, event_id: i64) -> Result<Vec<Registrant>> {
    let rows = sqlx::query(db.q(
        "SELECT p.name, p.email, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh, \
           r.registered_at FROM event_registrations r JOIN people p ON p.id = r.person_id \
         LEFT JOIN organizations o ON o.id = p.organization_id \
         WHERE r.event_id = ? ORDER BY r.registered_at, p.id",
    ))
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Registrant {
                name: get_str(r, "name")?,
                email: get_str(r, "email")?,
                organization_en: get_str(r, "org_en")?,
                organization_zh: get_str(r, "org_zh")?,
                registered_at: get_i64(r, "registered_at")?,
            })
        })
        .collect()
}
