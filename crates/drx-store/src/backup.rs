//! Consistent online backup of the SQLite database and its checks. (PostgreSQL is backed up with
//! pg_dump; see the README.)
use std::path::Path;

use super::{Db, Dialect, Result, StoreError};

/// Writes a consistent copy of the live database to `out` (SQLite `VACUUM INTO`: readers and
/// writers go on meanwhile; the copy is one point in time).
pub async fn backup_sqlite(db: &Db, out: &Path) -> Result<()> {
    if db.dialect() != Dialect::Sqlite {
        return Err(StoreError::Open {
            url: "postgres".into(),
            reason: "drx backup copies SQLite databases; back up PostgreSQL with pg_dump".into(),
        });
    }
    let target = out.to_string_lossy().replace('\'', "''");
    sqlx::query(&format!("VACUUM INTO '{target}'"))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// SQLite's own integrity check: "ok" or the list of problems.
pub async fn integrity_check(db: &Db) -> Result<String> {
    let lines: Vec<String> = db.all("PRAGMA integrity_check", ()).await?;
    Ok(lines.join("; "))
}

/// Row counts of every table, for comparing a restore with its source.
pub async fn table_counts(db: &Db) -> Result<Vec<(String, i64)>> {
    let names = match db.dialect() {
        Dialect::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Dialect::Postgres => "SELECT CAST(tablename AS TEXT) AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
    };
    let names: Vec<String> = db.all(names, ()).await?;
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        // Table names come from the database's catalogue, not from a user.
        let n = super::count_rows(db, &name).await?;
        out.push((name, n));
    }
    Ok(out)
}
