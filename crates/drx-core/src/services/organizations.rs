//! Organizations as admins keep them: create, edit, deactivate and reactivate, accept the ones
//! asked for at sign-up, merge two records of the same hospital (every reference moves, the
//! audit chain records it), and import many at once from CSV or XLSX (all or nothing).
use drx_domain::{AuditAction, AuditEntity, OrganizationKind, OrganizationStatus};
use drx_store::accounts::Person;
use drx_store::organizations::{self as store, Description, Organization};
use drx_store::Db;

use super::imports::{self, RowError};
use super::{commit_audited, single_line, Msg, Result, ServiceError};
use crate::auth::authorization::{can, Permission};

/// Longest full name and city; short names are shorter.
const MAX_NAME: usize = 200;
const MAX_SHORT: usize = 40;
const MAX_CITY: usize = 100;

/// An organization as a form, the API or a file row gives it (not yet checked); a missing
/// field reads as empty.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct OrganizationInput {
    /// hospital, company, university, poc_centre or other.
    pub kind: String,
    pub name_en: String,
    pub name_zh: String,
    pub short_name_en: String,
    pub short_name_zh: String,
    pub city: String,
}

impl OrganizationInput {
    /// A kind and the two names (the rest empty).
    pub fn new(kind: &str, name_en: &str, name_zh: &str) -> OrganizationInput {
        OrganizationInput {
            kind: kind.into(),
            name_en: name_en.into(),
            name_zh: name_zh.into(),
            ..OrganizationInput::default()
        }
    }

    /// A record as its edit form starts.
    pub fn of(o: &Organization) -> OrganizationInput {
        OrganizationInput {
            kind: o.kind.as_str().into(),
            name_en: o.name_en.clone(),
            name_zh: o.name_zh.clone(),
            short_name_en: o.short_name_en.clone(),
            short_name_zh: o.short_name_zh.clone(),
            city: o.city.clone(),
        }
    }
}

/// Checks an input: a known kind, at least one full name, lengths, no control characters.
pub fn check(input: &OrganizationInput) -> Result<Description> {
    let kind = OrganizationKind::parse(input.kind.trim())
        .ok_or_else(|| ServiceError::invalid("org-error-kind"))?;
    let d = Description {
        kind,
        name_en: single_line(&input.name_en, MAX_NAME, "name_en")?,
        name_zh: single_line(&input.name_zh, MAX_NAME, "name_zh")?,
        short_name_en: single_line(&input.short_name_en, MAX_SHORT, "short_name_en")?,
        short_name_zh: single_line(&input.short_name_zh, MAX_SHORT, "short_name_zh")?,
        city: single_line(&input.city, MAX_CITY, "city")?,
    };
    if d.name_en.is_empty() && d.name_zh.is_empty() {
        return Err(ServiceError::invalid("org-error-name"));
    }
    Ok(d)
}

fn require_admin(actor: &Person) -> Result<()> {
    if can(actor, Permission::ManageOrganizations) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// Every record for admins (merged ones too); the active ones for everyone else.
pub async fn list(db: &Db, actor: &Person) -> Result<Vec<Organization>> {
    if can(actor, Permission::ManageOrganizations) {
        Ok(store::all(db).await?)
    } else {
        Ok(store::active(db).await?)
    }
}

/// One record: any for admins, an active one for everyone else (others are NotFound).
pub async fn get(db: &Db, actor: &Person, id: i64) -> Result<Organization> {
    let org = store::get(db, id).await?.ok_or(ServiceError::NotFound)?;
    if org.status != OrganizationStatus::Active && !can(actor, Permission::ManageOrganizations) {
        return Err(ServiceError::NotFound);
    }
    Ok(org)
}

/// Refuses a name another record (not merged away) already carries.
async fn refuse_same_name(tx: &mut drx_store::Tx, d: &Description, except: i64) -> Result<()> {
    if let Some(other) = store::same_name(tx, &d.name_en, &d.name_zh, except)
        .await?
        .first()
    {
        let name = if other.name_zh.is_empty() {
            &other.name_en
        } else {
            &other.name_zh
        };
        return Err(ServiceError::Invalid(
            Msg::new("org-error-exists")
                .arg("name", name)
                .arg("id", other.id),
        ));
    }
    Ok(())
}

/// Commits `tx` with `action` on organization `id` in the audit chain.
async fn commit(
    tx: drx_store::Tx,
    actor: &Person,
    id: i64,
    action: AuditAction,
    detail: serde_json::Value,
    now: i64,
) -> Result<()> {
    let entity = AuditEntity::Organization;
    commit_audited(tx, Some(actor.id), entity, id, action, detail, now).await
}

/// The record, unless it is missing (NotFound) or merged away (it cannot change any more).
async fn live(tx: &mut drx_store::Tx, id: i64) -> Result<Organization> {
    let org = store::get_in(tx, id).await?.ok_or(ServiceError::NotFound)?;
    if org.status == OrganizationStatus::Merged {
        return Err(ServiceError::invalid("org-error-merged"));
    }
    Ok(org)
}

/// Creates an active record (admins).
pub async fn create(db: &Db, actor: &Person, input: &OrganizationInput, now: i64) -> Result<i64> {
    require_admin(actor)?;
    let d = check(input)?;
    let mut tx = db.begin().await?;
    refuse_same_name(&mut tx, &d, 0).await?;
    let id = store::insert(&mut tx, &d, OrganizationStatus::Active, now).await?;
    commit(tx, actor, id, AuditAction::Create, described(&d), now).await?;
    Ok(id)
}

/// A description as the audit chain keeps it.
fn described(d: &Description) -> serde_json::Value {
    serde_json::json!({
        "kind": d.kind.as_str(), "name_en": d.name_en, "name_zh": d.name_zh,
        "short_name_en": d.short_name_en, "short_name_zh": d.short_name_zh, "city": d.city,
    })
}

/// Changes a record's description (admins); a merged record cannot change any more.
pub async fn update(
    db: &Db,
    actor: &Person,
    id: i64,
    input: &OrganizationInput,
    now: i64,
) -> Result<()> {
    require_admin(actor)?;
    let d = check(input)?;
    let mut tx = db.begin().await?;
    live(&mut tx, id).await?;
    refuse_same_name(&mut tx, &d, id).await?;
    store::update(&mut tx, id, &d, now).await?;
    commit(tx, actor, id, AuditAction::Update, described(&d), now).await
}

/// Activates (also: accepts a requested record) or deactivates a record (admins). An inactive
/// record keeps its references but is no longer offered in forms.
pub async fn set_active(db: &Db, actor: &Person, id: i64, active: bool, now: i64) -> Result<()> {
    require_admin(actor)?;
    let mut tx = db.begin().await?;
    let before = live(&mut tx, id).await?;
    let status = if active {
        OrganizationStatus::Active
    } else {
        OrganizationStatus::Inactive
    };
    store::set_status(&mut tx, id, status, None, now).await?;
    let detail = serde_json::json!({ "from": before.status.as_str(), "to": status.as_str() });
    let action = if active {
        AuditAction::Activate
    } else {
        AuditAction::Deactivate
    };
    commit(tx, actor, id, action, detail, now).await
}

/// What a merge moved: references re-pointed, by table.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Moved {
    pub people_and_invitations: u64,
    pub needs: u64,
    pub submissions_and_members: u64,
    pub teams: u64,
    pub projects: u64,
}

impl Moved {
    pub fn total(&self) -> u64 {
        self.people_and_invitations
            + self.needs
            + self.submissions_and_members
            + self.teams
            + self.projects
    }
}

/// Merges record `from` into `into` (admins), for two records of the same organization: every
/// reference to `from` (people, invitations, needs, submissions and their members, teams,
/// projects' PoC centres, earlier merges) moves to `into`, and `from` stays as a merged record
/// pointing at `into`, so old links and the audit history still resolve. One transaction.
pub async fn merge(db: &Db, actor: &Person, from: i64, into: i64, now: i64) -> Result<Moved> {
    require_admin(actor)?;
    if from == into {
        return Err(ServiceError::invalid("org-error-merge-self"));
    }
    let mut tx = db.begin().await?;
    live(&mut tx, from).await?;
    live(&mut tx, into).await?;
    let moved = Moved {
        people_and_invitations: drx_store::accounts::move_organization(&mut tx, from, into).await?,
        needs: drx_store::needs::move_organization(&mut tx, from, into).await?,
        submissions_and_members: drx_store::submissions::move_organization(&mut tx, from, into)
            .await?,
        teams: drx_store::teams::move_teams_organization(&mut tx, from, into).await?,
        projects: drx_store::projects::move_organization(&mut tx, from, into).await?,
    };
    store::repoint_merged(&mut tx, from, into).await?;
    store::set_status(&mut tx, from, OrganizationStatus::Merged, Some(into), now).await?;
    let absorbed = serde_json::json!({ "from": from }).to_string();
    drx_store::audit::record(
        &mut tx,
        Some(actor.id),
        AuditEntity::Organization,
        into,
        AuditAction::Absorb,
        &absorbed,
        now,
    )
    .await?;
    let mut detail = serde_json::to_value(&moved).unwrap_or_default();
    detail["into"] = into.into();
    commit(tx, actor, from, AuditAction::Merge, detail, now).await?;
    Ok(moved)
}

const COLUMNS: &[(&str, &[&str])] = &[
    ("kind", &["类型", "type"]),
    ("name_en", &["英文名称", "name (english)", "english name"]),
    (
        "name_zh",
        &["中文名称", "name (chinese)", "chinese name", "名称"],
    ),
    ("short_name_en", &["英文简称", "short name (english)"]),
    (
        "short_name_zh",
        &["中文简称", "简称", "short name (chinese)"],
    ),
    ("city", &["城市"]),
];

/// A kind as a file may write it: the code, or its English or Chinese word.
fn kind_code(value: &str) -> String {
    let kind = match value.trim().to_lowercase().as_str() {
        "医院" => OrganizationKind::Hospital,
        "企业" | "公司" => OrganizationKind::Company,
        "大学" | "高校" => OrganizationKind::University,
        "概念验证中心" | "poc centre" | "poc center" | "proof-of-concept centre" => {
            OrganizationKind::PocCentre
        }
        "其他" => OrganizationKind::Other,
        other => return other.replace([' ', '-'], "_"),
    };
    kind.as_str().to_string()
}

/// Imports organizations (admins) from CSV or XLSX with a header row (`kind`, `name_en`,
/// `name_zh`, `short_name_en`, `short_name_zh`, `city`, or their Chinese names). Every row is
/// checked first (also against the records there and the file's own earlier rows); one bad row
/// refuses the whole file, with each refusal's line. Outer error: not allowed or storage.
pub async fn import(
    db: &Db,
    actor: &Person,
    bytes: &[u8],
    now: i64,
) -> Result<std::result::Result<usize, Vec<RowError>>> {
    require_admin(actor)?;
    let (cols, rows) = match imports::read_table(bytes, COLUMNS, &["kind"]) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let mut good: Vec<Description> = Vec::new();
    for (line, row) in &rows {
        let get = |k: &str| cols.get(row, k).to_string();
        let input = OrganizationInput {
            kind: kind_code(&get("kind")),
            name_en: get("name_en"),
            name_zh: get("name_zh"),
            short_name_en: get("short_name_en"),
            short_name_zh: get("short_name_zh"),
            city: get("city"),
        };
        match check(&input) {
            Ok(d) => {
                let repeated = good.iter().any(|g| same_name(g, &d));
                if repeated {
                    errors.push(RowError {
                        line: *line,
                        msg: Msg::new("org-error-repeated"),
                    });
                } else {
                    good.push(d);
                }
            }
            Err(ServiceError::Invalid(msg)) => errors.push(RowError { line: *line, msg }),
            Err(e) => return Err(e),
        }
    }
    let mut tx = db.begin().await?;
    if errors.is_empty() {
        for (i, d) in good.iter().enumerate() {
            if let Err(ServiceError::Invalid(msg)) = refuse_same_name(&mut tx, d, 0).await {
                errors.push(RowError {
                    line: rows[i].0,
                    msg,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    for d in &good {
        store::insert(&mut tx, d, OrganizationStatus::Active, now).await?;
    }
    let detail = serde_json::json!({ "organizations": good.len() });
    commit(tx, actor, 0, AuditAction::Import, detail, now).await?;
    Ok(Ok(good.len()))
}

fn same_name(a: &Description, b: &Description) -> bool {
    (!a.name_en.is_empty() && a.name_en.to_lowercase() == b.name_en.to_lowercase())
        || (!a.name_zh.is_empty() && a.name_zh == b.name_zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_needs_a_known_kind_and_one_name() {
        assert!(check(&OrganizationInput::new("hospital", "North Hospital", "")).is_ok());
        assert!(check(&OrganizationInput::new("poc_centre", "", "概念验证中心")).is_ok());
        assert!(check(&OrganizationInput::new("clinic", "A", "B")).is_err());
        assert!(check(&OrganizationInput::new("hospital", "  ", " ")).is_err());
        assert!(check(&OrganizationInput::new("hospital", &"长".repeat(201), "")).is_err());
        assert!(check(&OrganizationInput::new("hospital", "A\u{7}B", "")).is_err());
        let d = check(&OrganizationInput::new("company", " Xinmai ", " 新脉 ")).unwrap();
        assert_eq!((d.name_en.as_str(), d.name_zh.as_str()), ("Xinmai", "新脉"));
    }

    #[test]
    fn kinds_read_in_both_languages() {
        assert_eq!(kind_code("医院"), "hospital");
        assert_eq!(kind_code("PoC Centre"), "poc_centre");
        assert_eq!(kind_code("概念验证中心"), "poc_centre");
        assert_eq!(kind_code("University"), "university");
    }
}
