//! Consistent online backup of the SQLite database and its checks. (PostgreSQL is backed up with
//! pg_dump; see the README.)
use std::path::Path;

use super::{get_str, Db, Dialect, Result, StoreError};

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
    let rows = sqlx::query("PRAGMA integrity_check")
        .fetch_all(&db.pool)
        .await?;
    let lines: Vec<String> = rows
        .iter()
        .map(|r| get_str(r, "integrity_check"))
        .collect::<Result<_>>()?;
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
    let rows = sqlx::query(names).fetch_all(&db.pool).await?;
    let mut out = Vec::new();
    for r in &rows {
        let name = get_str(r, "name")?;
        // Table names come from the catalogue, not from a user.
        let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM \"{name}\"");
        let n = sqlx::query(&sql).fetch_one(&db.pool).await?;
        out.push((name, super::get_i64(&n, "n")?));
    }
    Ok(out)
}
