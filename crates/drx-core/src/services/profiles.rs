//! Expertise profiles of judges and engineers: fields, keywords, a short bio and past work, kept
//! by each person on their account (by hand or from a BibTeX, RIS or table file) and imported for
//! many people at once by organizers. The assignment reads them at once (`store::matching::
//! judges_of_call`), and the assignment page names the judges who have none before a run.
use std::collections::HashMap;

use super::imports::{read_table, RowError};
use super::past_work::{self, PastWork};
use super::{Msg, Result, ServiceError};
use crate::auth::authorization::{can_import_profiles, can_keep_profile};
use drx_domain::{AuditAction, AuditEntity};
use drx_store::accounts::{self, Person};
use drx_store::catalogue::{self, Field};
use drx_store::Db;

pub use drx_store::profiles::ProfileDocument;

pub const MAX_KEYWORDS: usize = 500;
pub const MAX_BIO: usize = 4000;

/// A person's profile as they edit it.
#[derive(Debug, Clone, Default)]
pub struct ExpertProfile {
    pub field_ids: Vec<i64>,
    pub keywords: String,
    pub bio: String,
    /// Past work (publications and projects), newest first.
    pub works: Vec<ProfileDocument>,
}

impl ExpertProfile {
    /// Nothing to match on: no field, no keyword, no bio, no past work.
    pub fn is_empty(&self) -> bool {
        self.field_ids.is_empty()
            && self.keywords.trim().is_empty()
            && self.bio.trim().is_empty()
            && self.works.is_empty()
    }
}

/// What the profile form sends.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub field_ids: Vec<i64>,
    pub keywords: String,
    pub bio: String,
}

fn require_keeper(actor: &Person) -> Result<()> {
    if can_keep_profile(actor) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// The actor's own profile.
pub async fn mine(db: &Db, actor: &Person) -> Result<ExpertProfile> {
    require_keeper(actor)?;
    let mut docs = drx_store::profiles::documents(db, actor.id).await?;
    let bio = match docs.iter().position(|d| d.kind == "profile") {
        Some(i) => docs.remove(i).body,
        None => String::new(),
    };
    docs.retain(|d| d.kind != "profile");
    Ok(ExpertProfile {
        field_ids: drx_store::profiles::field_ids(db, actor.id).await?,
        keywords: drx_store::profiles::keywords(db, actor.id).await?,
        bio,
        works: docs,
    })
}

fn checked_input(input: &ProfileInput, fields: &[Field]) -> Result<ProfileInput> {
    let keywords = input
        .keywords
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let bio = input.bio.trim().to_string();
    if keywords.chars().count() > MAX_KEYWORDS {
        return Err(ServiceError::Invalid(
            Msg::new("profile-error-keywords-long").arg("max", MAX_KEYWORDS),
        ));
    }
    if bio.chars().count() > MAX_BIO {
        return Err(ServiceError::Invalid(
            Msg::new("profile-error-bio-long").arg("max", MAX_BIO),
        ));
    }
    let known = fields.iter().map(|f| f.id);
    let field_ids = super::chosen_ids(&input.field_ids, known, "profile-error-field")?;
    Ok(ProfileInput {
        field_ids,
        keywords,
        bio,
    })
}

/// Saves the actor's fields, keywords and bio.
pub async fn save(db: &Db, actor: &Person, input: &ProfileInput, now: i64) -> Result<()> {
    require_keeper(actor)?;
    let input = checked_input(input, &catalogue::fields(db).await?)?;
    let mut tx = db.begin().await?;
    write_profile(&mut tx, actor, &input, now).await?;
    let detail = serde_json::json!({ "fields": input.field_ids.len(), "keywords": input.keywords });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        actor.id,
        AuditAction::ProfileUpdate,
        detail,
        now,
    )
    .await
}

async fn write_profile(
    tx: &mut drx_store::Tx,
    person: &Person,
    input: &ProfileInput,
    now: i64,
) -> Result<()> {
    catalogue::set_person_fields(tx, person.id, &input.field_ids).await?;
    drx_store::profiles::set_keywords(tx, person.id, &input.keywords, now).await?;
    catalogue::set_person_bio(tx, person.id, &person.name, &input.bio, now).await?;
    Ok(())
}

/// Adds one past work by hand; a refusal names the first problem.
pub async fn add_work(
    db: &Db,
    actor: &Person,
    title: &str,
    abstract_: &str,
    year: &str,
    venue: &str,
    now: i64,
) -> Result<()> {
    require_keeper(actor)?;
    let work = past_work::checked(0, title, abstract_, year, venue)
        .map_err(|mut e| ServiceError::Invalid(e.remove(0).msg))?;
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, actor.id, &work, now).await?;
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        actor.id,
        AuditAction::PastWorkAdd,
        id,
        now,
    )
    .await
}

async fn insert(tx: &mut drx_store::Tx, person_id: i64, w: &PastWork, now: i64) -> Result<i64> {
    Ok(
        catalogue::insert_past_work(tx, person_id, &w.title, &w.abstract_, w.year, &w.venue, now)
            .await?,
    )
}

/// Removes one of the actor's past works.
pub async fn remove_work(db: &Db, actor: &Person, id: i64, now: i64) -> Result<()> {
    require_keeper(actor)?;
    let mut tx = db.begin().await?;
    if !catalogue::delete_past_work(&mut tx, actor.id, id).await? {
        return Err(ServiceError::NotFound);
    }
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        actor.id,
        AuditAction::PastWorkRemove,
        id,
        now,
    )
    .await
}

/// Adds the past work of a BibTeX, RIS, CSV or XLSX file to the actor's profile: all of it, or
/// none with every refused entry by line.
pub async fn import_works(
    db: &Db,
    actor: &Person,
    file_name: &str,
    bytes: &[u8],
    now: i64,
) -> Result<std::result::Result<usize, Vec<RowError>>> {
    require_keeper(actor)?;
    let works = match past_work::parse(file_name, bytes) {
        Ok(w) => w,
        Err(e) => return Ok(Err(e)),
    };
    let mut tx = db.begin().await?;
    for w in &works {
        insert(&mut tx, actor.id, w, now).await?;
    }
    let detail = serde_json::json!({ "works": works.len() });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        actor.id,
        AuditAction::PastWorkImport,
        detail,
        now,
    )
    .await?;
    Ok(Ok(works.len()))
}

const PROFILE_COLUMNS: &[(&str, &[&str])] = &[
    ("email", &["邮箱", "电子邮件", "e-mail"]),
    ("fields", &["领域", "field"]),
    ("keywords", &["关键词", "keyword"]),
    ("bio", &["简介", "biography"]),
    ("title", &["标题", "题目", "题名"]),
    ("abstract", &["摘要", "summary"]),
    ("year", &["年份", "年"]),
    ("venue", &["期刊", "会议", "出处", "journal", "source"]),
];

/// One person's part of a bulk import.
#[derive(Default)]
struct Imported {
    fields: Option<Vec<i64>>,
    keywords: Option<String>,
    bio: Option<String>,
    works: Vec<PastWork>,
}

fn field_ids_of(cell: &str, fields: &[Field]) -> std::result::Result<Vec<i64>, String> {
    let mut ids = Vec::new();
    for name in super::matching::split_keywords(cell) {
        let lower = name.to_lowercase();
        match fields
            .iter()
            .find(|f| f.code == lower || f.name_en.to_lowercase() == lower || f.name_zh == name)
        {
            Some(f) => ids.push(f.id),
            None => return Err(name),
        }
    }
    Ok(ids)
}

/// Organizers' import of many judges' (or engineers') profiles from a CSV or XLSX file: one or
/// more rows per person by email; the fields, keywords and bio given replace theirs, and each row
/// with a title adds a past work. All of it, or nothing with every refused row by line.
pub async fn import_profiles(
    db: &Db,
    actor: &Person,
    bytes: &[u8],
    now: i64,
) -> Result<std::result::Result<usize, Vec<RowError>>> {
    if !can_import_profiles(actor) {
        return Err(ServiceError::Forbidden);
    }
    if let Err(e) = past_work::text_of(bytes) {
        if super::uploads::sniff(bytes) != Some(super::uploads::FileKind::Xlsx) {
            return Ok(Err(e));
        }
    }
    let (cols, rows) = match read_table(bytes, PROFILE_COLUMNS, &["email"]) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let fields = catalogue::fields(db).await?;
    let people: HashMap<String, Person> = accounts::list_people(db, None)
        .await?
        .into_iter()
        .map(|p| (p.email.to_lowercase(), p))
        .collect();
    let mut errors = Vec::new();
    let mut by_person: Vec<(Person, Imported)> = Vec::new();
    for (line, row) in &rows {
        let line = *line;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |k| cols.get(row, k);
        let email = get("email").to_lowercase();
        let Some(person) = people.get(&email) else {
            errors.push(RowError {
                line,
                msg: Msg::new("profile-error-unknown-email")
                    .arg("value", email.chars().take(60).collect::<String>()),
            });
            continue;
        };
        if !can_keep_profile(person) {
            errors.push(RowError {
                line,
                msg: Msg::new("profile-error-not-expert").arg("value", &person.email),
            });
            continue;
        }
        let field_ids = match field_ids_of(get("fields"), &fields) {
            Ok(ids) => ids,
            Err(name) => {
                errors.push(RowError {
                    line,
                    msg: Msg::new("import-error-unknown")
                        .arg("column", "fields")
                        .arg("value", name.chars().take(60).collect::<String>()),
                });
                continue;
            }
        };
        let input = ProfileInput {
            field_ids: field_ids.clone(),
            keywords: get("keywords").to_string(),
            bio: get("bio").to_string(),
        };
        if let Err(ServiceError::Invalid(msg)) = checked_input(&input, &fields) {
            errors.push(RowError { line, msg });
            continue;
        }
        let work = if get("title").is_empty()
            && get("abstract").is_empty()
            && get("year").is_empty()
            && get("venue").is_empty()
        {
            None
        } else {
            match past_work::checked(
                line,
                get("title"),
                get("abstract"),
                get("year"),
                get("venue"),
            ) {
                Ok(w) => Some(w),
                Err(e) => {
                    errors.extend(e);
                    continue;
                }
            }
        };
        let i = match by_person.iter().position(|(p, _)| p.id == person.id) {
            Some(i) => i,
            None => {
                by_person.push((person.clone(), Imported::default()));
                by_person.len() - 1
            }
        };
        let entry = &mut by_person[i].1;
        if !field_ids.is_empty() {
            entry.fields = Some(field_ids);
        }
        if !input.keywords.trim().is_empty() {
            entry.keywords = Some(input.keywords);
        }
        if !input.bio.trim().is_empty() {
            entry.bio = Some(input.bio);
        }
        entry.works.extend(work);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    if by_person.is_empty() {
        return Ok(Err(vec![RowError {
            line: 1,
            msg: Msg::new("import-error-empty"),
        }]));
    }
    let mut tx = db.begin().await?;
    for (person, imported) in &by_person {
        if let Some(ids) = &imported.fields {
            catalogue::set_person_fields(&mut tx, person.id, ids).await?;
        }
        if let Some(k) = &imported.keywords {
            let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
            drx_store::profiles::set_keywords(&mut tx, person.id, &k, now).await?;
        }
        if let Some(b) = &imported.bio {
            catalogue::set_person_bio(&mut tx, person.id, &person.name, b.trim(), now).await?;
        }
        for w in &imported.works {
            insert(&mut tx, person.id, w, now).await?;
        }
    }
    let detail = serde_json::json!({ "people": by_person.len() });
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Person,
        0,
        AuditAction::ProfileImport,
        detail,
        now,
    )
    .await?;
    Ok(Ok(by_person.len()))
}

/// A judge of a call with nothing to match on.
#[derive(Debug, Clone, PartialEq)]
pub struct Unprofiled {
    pub person_id: i64,
    pub name: String,
}

/// The call's judges with no profile (no field, no keyword, no document): every affinity of
/// theirs would be zero. For the call's organizers, before a run.
pub async fn judges_without_profile(
    db: &Db,
    actor: &Person,
    call_id: i64,
) -> Result<Vec<Unprofiled>> {
    super::require_call_manager(db, actor, call_id).await?;
    Ok(drx_store::matching::judges_of_call(db, call_id)
        .await?
        .into_iter()
        .filter(|j| j.fields.is_empty() && j.keywords.trim().is_empty() && j.documents.is_empty())
        .map(|j| Unprofiled {
            person_id: j.person_id,
            name: j.name,
        })
        .collect())
}
