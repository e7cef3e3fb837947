//! Calls: the call row, its phases, fields, roles and rubric (this module is the only one that
//! writes them), written whole from the organizer's form or row by row by loaders; and reading
//! the settings back.
use super::{Db, Result, Tx};
use drx_domain::{BlindMode, Phase};

row! {
    /// A call's settings as the organizer's form edits them.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CallSettings {
        pub slug: String,
        pub title_en: String,
        pub title_zh: String,
        pub description_en: String,
        pub description_zh: String,
        pub timezone: String,
        pub reviews_per_submission: i64,
        pub judge_min_load: i64,
        pub judge_max_load: i64,
        pub finalists: i64,
        pub blind_mode: BlindMode,
        pub grace_seconds: i64,
        /// The call's organizers see the judges' names on reviews (else "Judge A/B/C").
        pub organizers_see_judges: bool,
        /// When a judge reads the other reviews of a submission (`CoReviews` text).
        pub co_reviews: drx_domain::CoReviews,
        /// Judges who read each other's reviews see names (else letters).
        pub judges_see_judges: bool,
        /// Who may take part, and questions with their answers, as the public call page shows
        /// them (plain text; empty: not shown).
        pub eligibility_en: String,
        pub eligibility_zh: String,
        pub faq_en: String,
        pub faq_zh: String,
        pub field_ids: Vec<i64> = default,
        /// (phase, starts_at, ends_at)
        pub phases: Vec<(Phase, i64, i64)> = default,
        pub criteria: Vec<Criterion> = default,
    }
}

row! {
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Criterion {
        pub name_en: String,
        pub name_zh: String,
        pub weight: f64,
        pub scale_min: i64,
        pub scale_max: i64,
    }
}

pub async fn insert(tx: &mut Tx, c: &CallSettings, phase: Phase, by: i64, now: i64) -> Result<i64> {
    let id: i64 = tx
        .one(
            "INSERT INTO calls (slug, title_en, title_zh, description_en, description_zh, phase, timezone, reviews_per_submission, \
             judge_min_load, judge_max_load, finalists, blind_mode, grace_seconds, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                c.slug.as_str(),
                c.title_en.as_str(),
                c.title_zh.as_str(),
                c.description_en.as_str(),
                c.description_zh.as_str(),
                phase.as_str(),
                c.timezone.as_str(),
                c.reviews_per_submission,
                c.judge_min_load,
                c.judge_max_load,
                c.finalists,
                c.blind_mode.as_str(),
                c.grace_seconds,
                by,
                now,
            ),
        )
        .await
        .map_err(|e| e.duplicate_as("slug"))?;
    write_children(tx, id, c, true).await?;
    write_review_visibility(tx, id, c).await?;
    write_public_texts(tx, id, c).await?;
    Ok(id)
}

/// Replaces the settings; the rubric only when `rubric` (it cannot change once scores exist).
pub async fn update(tx: &mut Tx, id: i64, c: &CallSettings, rubric: bool) -> Result<()> {
    tx.exec("UPDATE calls SET slug = ?, title_en = ?, title_zh = ?, description_en = ?, description_zh = ?, timezone = ?, \
         reviews_per_submission = ?, judge_min_load = ?, judge_max_load = ?, finalists = ?, blind_mode = ?, grace_seconds = ? \
         WHERE id = ?", (c.slug.as_str(), c.title_en.as_str(), c.title_zh.as_str(), c.description_en.as_str(), c.description_zh.as_str(), c.timezone.as_str(), c.reviews_per_submission, c.judge_min_load, c.judge_max_load, c.finalists, c.blind_mode.as_str(), c.grace_seconds, id))
    .await
    .map_err(|e| e.duplicate_as("slug"))?;
    write_review_visibility(tx, id, c).await?;
    write_public_texts(tx, id, c).await?;
    write_children(tx, id, c, rubric).await
}

/// Who reads the call's reviews: judge names for organizers and for judges, co-reviews.
async fn write_review_visibility(tx: &mut Tx, id: i64, c: &CallSettings) -> Result<()> {
    tx.exec(
        "UPDATE calls SET organizers_see_judges = ?, co_reviews = ?, judges_see_judges = ? WHERE id = ?",
        (
            i64::from(c.organizers_see_judges),
            c.co_reviews.as_str(),
            i64::from(c.judges_see_judges),
            id,
        ),
    )
    .await?;
    Ok(())
}

/// The texts only the public call page shows: eligibility and FAQ.
async fn write_public_texts(tx: &mut Tx, id: i64, c: &CallSettings) -> Result<()> {
    let eligibility = (c.eligibility_en.as_str(), c.eligibility_zh.as_str());
    set_public_texts(tx, id, eligibility, (&c.faq_en, &c.faq_zh)).await
}

/// Sets a call's eligibility and FAQ, each as (English, Chinese).
pub async fn set_public_texts(
    tx: &mut Tx,
    id: i64,
    eligibility: (&str, &str),
    faq: (&str, &str),
) -> Result<()> {
    tx.exec(
        "UPDATE calls SET eligibility_en = ?, eligibility_zh = ?, faq_en = ?, faq_zh = ? WHERE id = ?",
        (eligibility.0, eligibility.1, faq.0, faq.1, id),
    )
    .await?;
    Ok(())
}

async fn write_children(tx: &mut Tx, id: i64, c: &CallSettings, rubric: bool) -> Result<()> {
    tx.exec("DELETE FROM call_fields WHERE call_id = ?", (id,))
        .await?;
    for f in &c.field_ids {
        insert_call_field(tx, id, *f).await?;
    }
    tx.exec("DELETE FROM call_phases WHERE call_id = ?", (id,))
        .await?;
    for (p, s, e) in &c.phases {
        insert_call_phase(tx, id, *p, *s, *e).await?;
    }
    if rubric {
        tx.exec("DELETE FROM rubric_criteria WHERE call_id = ?", (id,))
            .await?;
        for (i, k) in c.criteria.iter().enumerate() {
            let scale = (k.scale_min, k.scale_max);
            insert_criterion(tx, id, i as i64, &k.name_en, &k.name_zh, k.weight, scale).await?;
        }
    }
    Ok(())
}

/// A call as a loader (the demo, tests) writes it: timezone and grace period take the schema's
/// defaults, and phases, fields, roles and rubric are added row by row.
pub struct NewCall<'a> {
    pub slug: &'a str,
    pub title_en: &'a str,
    pub title_zh: &'a str,
    pub description_en: &'a str,
    pub description_zh: &'a str,
    pub phase: Phase,
    pub reviews_per_submission: i64,
    pub judge_min_load: i64,
    pub judge_max_load: i64,
    pub finalists: i64,
    pub blind_mode: BlindMode,
    pub created_by: Option<i64>,
}

pub async fn insert_call(tx: &mut Tx, c: &NewCall<'_>, now: i64) -> Result<i64> {
    tx.one(
        "INSERT INTO calls (slug, title_en, title_zh, description_en, description_zh, phase, reviews_per_submission, \
         judge_min_load, judge_max_load, finalists, blind_mode, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            c.slug,
            c.title_en,
            c.title_zh,
            c.description_en,
            c.description_zh,
            c.phase.as_str(),
            c.reviews_per_submission,
            c.judge_min_load,
            c.judge_max_load,
            c.finalists,
            c.blind_mode.as_str(),
            c.created_by,
            now,
        ),
    )
    .await
    .map_err(|e| e.duplicate_as(&format!("a call named {}", c.slug)))
}

pub async fn insert_call_phase(
    tx: &mut Tx,
    call_id: i64,
    phase: Phase,
    starts_at: i64,
    ends_at: i64,
) -> Result<()> {
    tx.exec(
        "INSERT INTO call_phases (call_id, phase, starts_at, ends_at) VALUES (?, ?, ?, ?)",
        (call_id, phase.as_str(), starts_at, ends_at),
    )
    .await?;
    Ok(())
}

pub async fn insert_call_field(tx: &mut Tx, call_id: i64, field_id: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO call_fields (call_id, field_id) VALUES (?, ?)",
        (call_id, field_id),
    )
    .await?;
    Ok(())
}

pub async fn insert_call_role(
    tx: &mut Tx,
    call_id: i64,
    person_id: i64,
    role: drx_domain::CallRole,
) -> Result<()> {
    tx.exec(
        "INSERT INTO call_roles (call_id, person_id, role) VALUES (?, ?, ?)",
        (call_id, person_id, role.as_str()),
    )
    .await?;
    Ok(())
}

pub async fn insert_criterion(
    tx: &mut Tx,
    call_id: i64,
    position: i64,
    name_en: &str,
    name_zh: &str,
    weight: f64,
    scale: (i64, i64),
) -> Result<()> {
    tx.exec(
        "INSERT INTO rubric_criteria (call_id, position, name_en, name_zh, weight, scale_min, scale_max) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (call_id, position, name_en, name_zh, weight, scale.0, scale.1),
    )
    .await?;
    Ok(())
}

/// The settings of a call as stored.
pub async fn settings(db: &Db, id: i64) -> Result<Option<CallSettings>> {
    let Some(mut c) = db
        .opt::<CallSettings>(
            "SELECT slug, title_en, title_zh, description_en, description_zh, timezone, reviews_per_submission, judge_min_load, \
             judge_max_load, finalists, blind_mode, grace_seconds, organizers_see_judges, co_reviews, judges_see_judges, \
             eligibility_en, eligibility_zh, faq_en, faq_zh FROM calls WHERE id = ?",
            (id,),
        )
        .await?
    else {
        return Ok(None);
    };
    c.field_ids = db
        .all(
            "SELECT field_id FROM call_fields WHERE call_id = ? ORDER BY field_id",
            (id,),
        )
        .await?;
    row! {
        struct Window {
            pub phase: Phase,
            pub starts_at: i64,
            pub ends_at: i64,
        }
    }
    let windows: Vec<Window> = db
        .all(
            "SELECT phase, starts_at, ends_at FROM call_phases WHERE call_id = ? ORDER BY starts_at, phase",
            (id,),
        )
        .await?;
    c.phases = windows
        .into_iter()
        .map(|w| (w.phase, w.starts_at, w.ends_at))
        .collect();
    c.criteria = criteria(db, id).await?;
    Ok(Some(c))
}

pub async fn criteria(db: &Db, call_id: i64) -> Result<Vec<Criterion>> {
    db.all(
        "SELECT name_en, name_zh, weight, scale_min, scale_max FROM rubric_criteria WHERE call_id = ? ORDER BY position, id",
        (call_id,),
    )
    .await
}

/// Whether any review score uses one of the call's criteria.
pub async fn rubric_in_use(db: &Db, call_id: i64) -> Result<bool> {
    let n: i64 = db
        .one(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM review_scores s JOIN rubric_criteria c ON c.id = s.criterion_id WHERE c.call_id = ?",
            (call_id,),
        )
        .await?;
    Ok(n > 0)
}

pub async fn set_phase(tx: &mut Tx, id: i64, phase: Phase) -> Result<()> {
    tx.exec(
        "UPDATE calls SET phase = ? WHERE id = ?",
        (phase.as_str(), id),
    )
    .await?;
    Ok(())
}

/// Moves the end of the "open" phase (creating the phase when the call had none).
pub async fn set_open_end(tx: &mut Tx, id: i64, starts_at: i64, ends_at: i64) -> Result<()> {
    let res = tx
        .exec(
            "UPDATE call_phases SET ends_at = ? WHERE call_id = ? AND phase = 'open'",
            (ends_at, id),
        )
        .await?;
    if res == 0 {
        insert_call_phase(tx, id, Phase::Open, starts_at, ends_at).await?;
    }
    Ok(())
}

// ---- the call's committee: judge pool, organizers, participating teams ----

/// Puts a person in the call with a role; false when they held it already.
pub async fn add_call_role(
    tx: &mut Tx,
    call_id: i64,
    person_id: i64,
    role: drx_domain::CallRole,
) -> Result<bool> {
    let n = tx
        .exec(
            "INSERT INTO call_roles (call_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (call_id, person_id, role.as_str()),
        )
        .await?;
    Ok(n == 1)
}

/// Takes a role in the call from a person; false when they did not hold it.
pub async fn remove_call_role(
    tx: &mut Tx,
    call_id: i64,
    person_id: i64,
    role: drx_domain::CallRole,
) -> Result<bool> {
    let n = tx
        .exec(
            "DELETE FROM call_roles WHERE call_id = ? AND person_id = ? AND role = ?",
            (call_id, person_id, role.as_str()),
        )
        .await?;
    Ok(n == 1)
}

/// Sets a pool judge's own maximum load (None: the call's); false when they are not in the pool.
pub async fn set_judge_max_load(
    tx: &mut Tx,
    call_id: i64,
    person_id: i64,
    max_load: Option<i64>,
) -> Result<bool> {
    let n = tx
        .exec(
            "UPDATE call_roles SET max_load = ? WHERE call_id = ? AND person_id = ? AND role = 'judge'",
            (max_load, call_id, person_id),
        )
        .await?;
    Ok(n == 1)
}

/// Adds an engineering team to those taking part in the call; false when it was there already.
pub async fn add_call_team(tx: &mut Tx, call_id: i64, team_id: i64, now: i64) -> Result<bool> {
    let n = tx
        .exec(
            "INSERT INTO call_teams (call_id, team_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (call_id, team_id, now),
        )
        .await?;
    Ok(n == 1)
}

/// Removes a team from the call's participants; false when it was not one.
pub async fn remove_call_team(tx: &mut Tx, call_id: i64, team_id: i64) -> Result<bool> {
    let n = tx
        .exec(
            "DELETE FROM call_teams WHERE call_id = ? AND team_id = ?",
            (call_id, team_id),
        )
        .await?;
    Ok(n == 1)
}

row! {
    /// A person in a call's committee: a pool judge (with their own maximum load, if set) or an
    /// organizer.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CommitteeMember {
        pub person_id: i64,
        pub name: String,
        pub email: String,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub role: drx_domain::CallRole,
        pub max_load: Option<i64>,
        pub active: bool,
    }
}

/// Everyone holding a role in the call, judges and organizers, by name.
pub async fn committee(db: &Db, call_id: i64) -> Result<Vec<CommitteeMember>> {
    db.all(
        "SELECT p.id AS person_id, p.name, p.email, COALESCE(o.name_en, '') AS org_en, COALESCE(o.name_zh, '') AS org_zh, \
         r.role, r.max_load, p.active FROM call_roles r JOIN people p ON p.id = r.person_id \
         LEFT JOIN organizations o ON o.id = p.organization_id WHERE r.call_id = ? ORDER BY r.role, p.name, p.id",
        (call_id,),
    )
    .await
}

row! {
    /// An engineering team taking part in a call.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CallTeam {
        pub id: i64,
        pub name_en: String,
        pub name_zh: String,
        pub capacity: i64,
    }
}

pub async fn call_teams(db: &Db, call_id: i64) -> Result<Vec<CallTeam>> {
    db.all(
        "SELECT t.id, t.name_en, t.name_zh, t.capacity FROM call_teams ct JOIN teams t ON t.id = ct.team_id \
         WHERE ct.call_id = ? ORDER BY t.id",
        (call_id,),
    )
    .await
}

/// Who created the call (None for a call a loader wrote without one); None when there is no
/// such call.
pub async fn creator(db: &Db, call_id: i64) -> Result<Option<Option<i64>>> {
    db.opt("SELECT created_by FROM calls WHERE id = ?", (call_id,))
        .await
}

// ---- archiving and deleting ----

/// Archives the call at `at`, or brings it back with None.
pub async fn set_archived(tx: &mut Tx, call_id: i64, at: Option<i64>) -> Result<()> {
    tx.exec(
        "UPDATE calls SET archived_at = ? WHERE id = ?",
        (at, call_id),
    )
    .await?;
    Ok(())
}

/// Deletes the call; its phases, fields, roles, rubric, teams, runs, terms, events and
/// invitations go with it (the schema cascades). Its submissions must be gone first.
pub async fn delete(tx: &mut Tx, call_id: i64) -> Result<bool> {
    let n = tx
        .exec("DELETE FROM calls WHERE id = ?", (call_id,))
        .await?;
    Ok(n == 1)
}

/// The calls whose judge pool holds this person, by id.
pub async fn judge_pool_calls(db: &Db, person_id: i64) -> Result<Vec<i64>> {
    db.all(
        "SELECT call_id FROM call_roles WHERE person_id = ? AND role = 'judge' ORDER BY call_id",
        (person_id,),
    )
    .await
}
