//! Organizations: hospitals, companies, universities and proof-of-concept centres. This module
//! owns the `organizations` table; the tables that refer to an organization each re-point their
//! own rows when two records are merged (`move_organization` in their modules).
use drx_domain::{OrganizationKind, OrganizationStatus};

use super::{Db, Result, Tx};

row! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct Organization {
        pub id: i64,
        pub kind: OrganizationKind,
        pub name_en: String,
        pub name_zh: String,
        pub short_name_en: String,
        pub short_name_zh: String,
        pub city: String,
        pub status: OrganizationStatus,
        pub merged_into: Option<i64>,
    }
}

/// What describes an organization (everything but its life cycle).
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    pub kind: OrganizationKind,
    pub name_en: String,
    pub name_zh: String,
    pub short_name_en: String,
    pub short_name_zh: String,
    pub city: String,
}

impl Description {
    /// A record with its kind, names and city only (no short names).
    pub fn named(kind: OrganizationKind, name_en: &str, name_zh: &str, city: &str) -> Description {
        Description {
            kind,
            name_en: name_en.into(),
            name_zh: name_zh.into(),
            short_name_en: String::new(),
            short_name_zh: String::new(),
            city: city.into(),
        }
    }
}

/// The columns of [`Organization`], for `concat!` with each statement's tail.
macro_rules! select {
    () => {
        "SELECT id, kind, name_en, name_zh, short_name_en, short_name_zh, city, status, merged_into \
         FROM organizations"
    };
}

pub async fn insert(
    tx: &mut Tx,
    d: &Description,
    status: OrganizationStatus,
    now: i64,
) -> Result<i64> {
    let id = tx
        .one(
            "INSERT INTO organizations (kind, name_en, name_zh, status, created_at) \
             VALUES (?, '', '', ?, ?) RETURNING id",
            (d.kind.as_str(), status.as_str(), now),
        )
        .await?;
    update(tx, id, d, now).await?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, id: i64, d: &Description, now: i64) -> Result<()> {
    tx.exec(
        "UPDATE organizations SET kind = ?, name_en = ?, name_zh = ?, short_name_en = ?, short_name_zh = ?, \
         city = ?, updated_at = ? WHERE id = ?",
        (
            d.kind.as_str(),
            d.name_en.as_str(),
            d.name_zh.as_str(),
            d.short_name_en.as_str(),
            d.short_name_zh.as_str(),
            d.city.as_str(),
            now,
            id,
        ),
    )
    .await?;
    Ok(())
}

/// Sets the record's status; `merged_into` is kept only for [`OrganizationStatus::Merged`].
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: OrganizationStatus,
    merged_into: Option<i64>,
    now: i64,
) -> Result<()> {
    tx.exec(
        "UPDATE organizations SET status = ?, merged_into = ?, updated_at = ? WHERE id = ?",
        (status.as_str(), merged_into, now, id),
    )
    .await?;
    Ok(())
}

/// Every record, merged ones included, by kind and name.
pub async fn all(db: &Db) -> Result<Vec<Organization>> {
    db.all(
        concat!(select!(), " ORDER BY kind, name_en, name_zh, id"),
        (),
    )
    .await
}

/// The records that may be chosen today (active), by kind and name.
pub async fn active(db: &Db) -> Result<Vec<Organization>> {
    db.all(
        concat!(
            select!(),
            " WHERE status = 'active' ORDER BY kind, name_en, name_zh, id"
        ),
        (),
    )
    .await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Organization>> {
    db.opt(concat!(select!(), " WHERE id = ?"), (id,)).await
}

/// The same, inside a transaction (a merge reads both records where it writes).
pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<Organization>> {
    tx.opt(concat!(select!(), " WHERE id = ?"), (id,)).await
}

/// Records other than `except` (0: none) that are not merged away and carry this English or
/// Chinese name (compared without case); how duplicates are caught before they are written.
pub async fn same_name(
    tx: &mut Tx,
    name_en: &str,
    name_zh: &str,
    except: i64,
) -> Result<Vec<Organization>> {
    tx.all(
        concat!(
            select!(),
            " WHERE id <> ? AND status <> 'merged' \
             AND ((? <> '' AND LOWER(name_en) = LOWER(?)) OR (? <> '' AND name_zh = ?)) ORDER BY id"
        ),
        (except, name_en, name_en, name_zh, name_zh),
    )
    .await
}

/// Records merged earlier into `from` now point at `into`, so a chain of merges ends at a
/// record that is not merged.
pub async fn repoint_merged(tx: &mut Tx, from: i64, into: i64) -> Result<u64> {
    let statements = ["UPDATE organizations SET merged_into = ? WHERE merged_into = ?"];
    super::repoint(tx, &statements, from, into).await
}

/// An active record from its kind's code, names and city, as the demo and tests seed them.
pub async fn seed(
    tx: &mut Tx,
    kind: &str,
    name_en: &str,
    name_zh: &str,
    city: &str,
    now: i64,
) -> Result<i64> {
    let kind = OrganizationKind::parse(kind).ok_or_else(|| super::StoreError::Corrupt {
        column: "kind".into(),
        value: kind.into(),
    })?;
    let d = Description::named(kind, name_en, name_zh, city);
    insert(tx, &d, OrganizationStatus::Active, now).await
}
