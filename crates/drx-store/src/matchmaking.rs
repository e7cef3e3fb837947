//! Matchmaking's tables: the team catalogue with its members, expressions of interest between
//! teams and needs or submissions, each call's confidentiality terms and who accepted which
//! version, and the published matches of teams with finalists.
use std::collections::HashMap;

use super::{Db, Result, Tx};
use drx_domain::{InterestSide, InterestStatus};

row! {
    /// A team as the catalogue shows it.
    #[derive(Debug, Clone)]
    pub struct TeamCard {
        pub id: i64,
        pub name_en: String,
        pub name_zh: String,
        pub organization_en: String = "org_en",
        pub organization_zh: String = "org_zh",
        pub capabilities: String,
        pub technologies: String,
        pub capacity: i64,
        /// (field id, English name, Chinese name).
        pub fields: Vec<super::Named> = default,
        /// Finalists the team is matched with (published matches of every call).
        pub load: i64 = "team_load",
    }
}

row! {
    /// One member of a team.
    #[derive(Debug, Clone)]
    pub struct Member {
        pub person_id: i64 = "id",
        pub name: String,
        pub title: String,
        pub lead: bool,
    }
}

macro_rules! team_select {
    () => {
        "SELECT t.id, t.name_en, t.name_zh, t.capabilities, t.technologies, t.capacity, \
     o.name_en AS org_en, o.name_zh AS org_zh, \
     CAST((SELECT COUNT(*) FROM team_matches m WHERE m.team_id = t.id) AS BIGINT) AS team_load \
     FROM teams t JOIN organizations o ON o.id = t.organization_id"
    };
}

async fn attach_fields(db: &Db, teams: &mut [TeamCard]) -> Result<()> {
    let index: HashMap<i64, usize> = teams.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    row! {
        struct TeamField {
            pub team_id: i64,
            pub field: super::Named = flatten,
        }
    }
    let rows: Vec<TeamField> = db
        .all(
            "SELECT tf.team_id, f.id, f.name_en, f.name_zh FROM team_fields tf JOIN fields f ON f.id = tf.field_id \
             ORDER BY tf.team_id, f.id",
            (),
        )
        .await?;
    for r in rows {
        if let Some(&i) = index.get(&r.team_id) {
            teams[i].fields.push(r.field);
        }
    }
    Ok(())
}

/// Every team, with fields and load, in id order.
pub async fn team_cards(db: &Db) -> Result<Vec<TeamCard>> {
    let sql = concat!(team_select!(), " ORDER BY t.id");
    let mut teams: Vec<TeamCard> = db.all(sql, ()).await?;
    attach_fields(db, &mut teams).await?;
    Ok(teams)
}

pub async fn team_card(db: &Db, id: i64) -> Result<Option<TeamCard>> {
    let sql = concat!(team_select!(), " WHERE t.id = ?");
    let Some(team) = db.opt::<TeamCard>(sql, (id,)).await? else {
        return Ok(None);
    };
    let mut teams = vec![team];
    attach_fields(db, &mut teams).await?;
    Ok(teams.pop())
}

pub async fn members(db: &Db, team_id: i64) -> Result<Vec<Member>> {
    db.all(
        "SELECT p.id, p.name, p.title, m.lead FROM team_members m JOIN people p ON p.id = m.person_id \
         WHERE m.team_id = ? ORDER BY m.lead DESC, p.name",
        (team_id,),
    )
    .await
}

/// The ids of the teams a person is a member of.
pub async fn team_ids_of(db: &Db, person_id: i64) -> Result<Vec<i64>> {
    db.all(
        "SELECT team_id FROM team_members WHERE person_id = ? ORDER BY team_id",
        (person_id,),
    )
    .await
}

/// Active members of a team with their email addresses, for notices and mail.
pub async fn member_recipients(tx: &mut Tx, team_id: i64) -> Result<Vec<(i64, String)>> {
    tx.all(
        "SELECT p.id, p.email FROM team_members m JOIN people p ON p.id = m.person_id \
         WHERE m.team_id = ? AND p.active = 1 ORDER BY p.id",
        (team_id,),
    )
    .await
}

/// A person's id and email when active (the need's author, for notices and mail).
pub async fn active_recipient(tx: &mut Tx, person_id: i64) -> Result<Option<(i64, String)>> {
    tx.opt(
        "SELECT id, email FROM people WHERE id = ? AND active = 1",
        (person_id,),
    )
    .await
}

// ---- interests ----

row! {
    /// One expression of interest, with the names needed to show it.
    #[derive(Debug, Clone)]
    pub struct Interest {
        pub id: i64,
        pub need_id: Option<i64>,
        pub submission_id: Option<i64>,
        pub team_id: i64,
        /// Clinical (the need's or submission's side) or team.
        pub from_side: InterestSide,
        pub status: InterestStatus,
        pub message: String,
        pub created_by: i64,
        pub created_at: i64,
        pub answered_at: Option<i64>,
        pub team_en: String = "name_en",
        pub team_zh: String = "name_zh",
        /// The need's problem or the submission's title.
        pub target: String,
    }
}

macro_rules! interest_select {
    () => {
        "SELECT i.id, i.need_id, i.submission_id, i.team_id, i.from_side, i.status, \
     i.message, i.created_by, i.created_at, i.answered_at, t.name_en, t.name_zh, \
     COALESCE(n.problem, s.title, '') AS target \
     FROM interests i JOIN teams t ON t.id = i.team_id \
     LEFT JOIN needs n ON n.id = i.need_id LEFT JOIN submissions s ON s.id = i.submission_id"
    };
}

/// What an interest is about: a need or a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Need(i64),
    Submission(i64),
}

impl Target {
    fn ids(self) -> (Option<i64>, Option<i64>) {
        match self {
            Target::Need(n) => (Some(n), None),
            Target::Submission(s) => (None, Some(s)),
        }
    }
}

pub struct NewInterest<'a> {
    pub target: Target,
    pub team_id: i64,
    pub from_side: InterestSide,
    pub message: &'a str,
    pub created_by: i64,
}

pub async fn insert_interest(tx: &mut Tx, i: &NewInterest<'_>, now: i64) -> Result<i64> {
    let (need, sub) = i.target.ids();
    tx.one(
        "INSERT INTO interests (need_id, submission_id, team_id, from_side, status, message, created_by, created_at) \
         VALUES (?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
        (need, sub, i.team_id, i.from_side.as_str(), i.message, i.created_by, now),
    )
    .await
}

/// The status of a live (open or accepted) interest between the target and the team, if any.
pub async fn live_interest(
    tx: &mut Tx,
    target: Target,
    team_id: i64,
) -> Result<Option<InterestStatus>> {
    let (column, id) = match target {
        Target::Need(n) => ("need_id", n),
        Target::Submission(s) => ("submission_id", s),
    };
    let sql = if column == "need_id" {
        "SELECT status FROM interests WHERE team_id = ? AND need_id = ? AND status IN ('open', 'accepted') LIMIT 1"
    } else {
        "SELECT status FROM interests WHERE team_id = ? AND submission_id = ? AND status IN ('open', 'accepted') LIMIT 1"
    };
    tx.opt(sql, (team_id, id)).await
}

pub async fn interest(db: &Db, id: i64) -> Result<Option<Interest>> {
    db.opt(concat!(interest_select!(), " WHERE i.id = ?"), (id,))
        .await
}

/// Answers an open interest; false when it was no longer open.
pub async fn answer_interest(
    tx: &mut Tx,
    id: i64,
    status: InterestStatus,
    now: i64,
) -> Result<bool> {
    let done = tx
        .exec(
            "UPDATE interests SET status = ?, answered_at = ? WHERE id = ? AND status = 'open'",
            (status.as_str(), now, id),
        )
        .await?;
    Ok(done == 1)
}

/// The interests that concern a person: those of their teams, of the needs they logged (every
/// need's when `all_needs`, for curators), and of the submissions they are on, newest first.
pub async fn interests_of_person(
    db: &Db,
    person_id: i64,
    all_needs: bool,
) -> Result<Vec<Interest>> {
    let sql = concat!(interest_select!(), " WHERE i.team_id IN (SELECT team_id FROM team_members WHERE person_id = ?) \
         OR n.created_by = ? OR (? = 1 AND i.need_id IS NOT NULL) OR s.created_by = ? \
         OR EXISTS (SELECT 1 FROM submission_members sm WHERE sm.submission_id = i.submission_id AND sm.person_id = ?) \
         ORDER BY i.id DESC");
    db.all(
        sql,
        (
            person_id,
            person_id,
            i64::from(all_needs),
            person_id,
            person_id,
        ),
    )
    .await
}

/// Interests about one need (for its page).
pub async fn interests_of_need(db: &Db, need_id: i64) -> Result<Vec<Interest>> {
    let sql = concat!(
        interest_select!(),
        " WHERE i.need_id = ? ORDER BY i.id DESC"
    );
    db.all(sql, (need_id,)).await
}

/// Whether one of the person's teams has an accepted interest with the need.
pub async fn team_accepted_for_need(db: &Db, need_id: i64, person_id: i64) -> Result<bool> {
    let row: Option<i64> = db
        .opt(
            "SELECT i.id FROM interests i JOIN team_members m ON m.team_id = i.team_id \
             WHERE i.need_id = ? AND i.status = 'accepted' AND m.person_id = ? LIMIT 1",
            (need_id, person_id),
        )
        .await?;
    Ok(row.is_some())
}

// ---- confidentiality terms ----

row! {
    #[derive(Debug, Clone)]
    pub struct Terms {
        pub call_id: i64,
        pub version: String,
        pub text_en: String,
        pub text_zh: String,
        pub updated_at: i64,
    }
}

pub async fn terms(db: &Db, call_id: i64) -> Result<Option<Terms>> {
    db.opt(
        "SELECT call_id, version, text_en, text_zh, updated_at FROM confidentiality_terms WHERE call_id = ?",
        (call_id,),
    )
    .await
}

/// Replaces the call's terms with a new version.
pub async fn save_terms(
    tx: &mut Tx,
    call_id: i64,
    version: &str,
    text_en: &str,
    text_zh: &str,
    by: i64,
    now: i64,
) -> Result<()> {
    tx.exec(
        "DELETE FROM confidentiality_terms WHERE call_id = ?",
        (call_id,),
    )
    .await?;
    tx.exec("INSERT INTO confidentiality_terms (call_id, version, text_en, text_zh, updated_by, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?)", (call_id, version, text_en, text_zh, by, now))
    .await?;
    Ok(())
}

/// When the person accepted this version of the call's terms, if they did.
pub async fn accepted_at(
    db: &Db,
    person_id: i64,
    call_id: i64,
    version: &str,
) -> Result<Option<i64>> {
    db.opt(
        "SELECT accepted_at FROM confidentiality_acceptances WHERE person_id = ? AND call_id = ? AND terms_version = ?",
        (person_id, call_id, version),
    )
    .await
}

/// Records an acceptance; false when this version was accepted before (the first time stays).
pub async fn record_acceptance(
    tx: &mut Tx,
    person_id: i64,
    call_id: i64,
    version: &str,
    now: i64,
) -> Result<bool> {
    let exists: Option<i64> = tx
        .opt(
            "SELECT accepted_at FROM confidentiality_acceptances WHERE person_id = ? AND call_id = ? AND terms_version = ?",
            (person_id, call_id, version),
        )
        .await?;
    if exists.is_some() {
        return Ok(false);
    }
    tx.exec("INSERT INTO confidentiality_acceptances (person_id, call_id, terms_version, accepted_at) VALUES (?, ?, ?, ?)", (person_id, call_id, version, now))
    .await?;
    Ok(true)
}

/// The call whose terms govern a need: the call of the newest submitted answer to it, else the
/// newest call.
pub async fn governing_call(db: &Db, need_id: i64) -> Result<Option<i64>> {
    let row: Option<i64> = db
        .opt(
            "SELECT call_id FROM submissions WHERE need_id = ? AND status NOT IN ('draft', 'withdrawn') \
             ORDER BY created_at DESC, id DESC LIMIT 1",
            (need_id,),
        )
        .await?;
    match row {
        Some(call_id) => Ok(Some(call_id)),
        None => super::matching::current_call(db).await,
    }
}

// ---- published team matches ----

row! {
    #[derive(Debug, Clone)]
    pub struct TeamMatch {
        pub call_id: i64,
        pub submission_id: i64,
        pub title: String,
        pub team_id: i64,
        pub team_en: String = "name_en",
        pub team_zh: String = "name_zh",
        pub affinity: f64,
        pub reason: String,
        pub created_at: i64,
    }
}

macro_rules! match_select {
    () => {
        "SELECT m.call_id, m.submission_id, s.title, m.team_id, t.name_en, t.name_zh, \
     m.affinity, m.reason, m.created_at FROM team_matches m \
     JOIN submissions s ON s.id = m.submission_id JOIN teams t ON t.id = m.team_id"
    };
}

/// The call's matches become these pairs (a later publication replaces an earlier one).
pub async fn replace_matches(
    tx: &mut Tx,
    call_id: i64,
    run_id: i64,
    pairs: &[super::matching::RunPair],
    now: i64,
) -> Result<()> {
    tx.exec("DELETE FROM team_matches WHERE call_id = ?", (call_id,))
        .await?;
    for p in pairs {
        tx.exec("INSERT INTO team_matches (call_id, submission_id, team_id, run_id, affinity, reason, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)", (call_id, p.submission_id, p.assignee_id, run_id, p.affinity, &p.reason, now))
        .await?;
    }
    Ok(())
}

pub async fn matches_of_call(db: &Db, call_id: i64) -> Result<Vec<TeamMatch>> {
    let sql = concat!(
        match_select!(),
        " WHERE m.call_id = ? ORDER BY m.submission_id, m.team_id"
    );
    db.all(sql, (call_id,)).await
}

pub async fn matches_of_team(db: &Db, team_id: i64) -> Result<Vec<TeamMatch>> {
    let sql = concat!(
        match_select!(),
        " WHERE m.team_id = ? ORDER BY m.call_id DESC, m.submission_id"
    );
    db.all(sql, (team_id,)).await
}

/// Published matches that no project was made of yet (for the new-project page).
pub async fn matches_without_project(db: &Db) -> Result<Vec<TeamMatch>> {
    let sql = concat!(
        match_select!(),
        " WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.submission_id = m.submission_id) \
         ORDER BY m.call_id DESC, m.submission_id, m.team_id"
    );
    db.all(sql, ()).await
}

/// Per team, the finalists it is matched with in calls other than `call_id`.
pub async fn loads_outside(db: &Db, call_id: i64) -> Result<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = db
        .all(
            "SELECT team_id, CAST(COUNT(*) AS BIGINT) AS n FROM team_matches WHERE call_id <> ? GROUP BY team_id",
            (call_id,),
        )
        .await?;
    Ok(rows.into_iter().collect())
}

/// Open needs a person logged: (id, problem), for the "express interest" form.
pub async fn open_needs_of_author(db: &Db, person_id: i64) -> Result<Vec<(i64, String)>> {
    db.all(
        "SELECT id, problem FROM needs WHERE created_by = ? AND status = 'open' ORDER BY id DESC",
        (person_id,),
    )
    .await
}

// ---- for the demo data set ----

/// The first `limit` teams and, for each, its lead (or first member).
pub async fn teams_with_lead(tx: &mut Tx, limit: i64) -> Result<Vec<(i64, i64)>> {
    let rows: Vec<(i64, Option<i64>)> = tx
        .all(
            "SELECT t.id, (SELECT m.person_id FROM team_members m WHERE m.team_id = t.id ORDER BY m.lead DESC, m.person_id LIMIT 1) AS lead \
             FROM teams t ORDER BY t.id LIMIT ?",
            (limit,),
        )
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, lead)| lead.map(|lead| (id, lead)))
        .collect())
}

/// Open needs in the team's fields, with their authors: (need id, author).
pub async fn needs_in_team_fields(
    tx: &mut Tx,
    team_id: i64,
    limit: i64,
) -> Result<Vec<(i64, Option<i64>)>> {
    tx.all(
        "SELECT n.id, n.created_by FROM needs n JOIN team_fields tf ON tf.field_id = n.field_id \
         WHERE tf.team_id = ? AND n.status = 'open' ORDER BY n.id LIMIT ?",
        (team_id, limit),
    )
    .await
}

/// Interests of one team (for its page).
pub async fn interests_of_team(db: &Db, team_id: i64) -> Result<Vec<Interest>> {
    let sql = concat!(
        interest_select!(),
        " WHERE i.team_id = ? ORDER BY i.id DESC"
    );
    db.all(sql, (team_id,)).await
}
