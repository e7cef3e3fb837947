//! Schema migrations: one ordered list, applied in a transaction each, refused when the database
//! is newer than this binary.
use super::{now, Db, Dialect, Result, StoreError};
use sqlx::Row;

/// Every migration this binary knows, in order. Never edit one that has shipped; add the next.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "initial schema",
        include_str!("../migrations/0001_init.sql"),
    ),
    (
        2,
        "field taxonomy",
        include_str!("../migrations/0002_field_taxonomy.sql"),
    ),
    (
        3,
        "embeddings",
        include_str!("../migrations/0003_embeddings.sql"),
    ),
    (
        4,
        "pipeline",
        include_str!("../migrations/0004_pipeline.sql"),
    ),
    (
        5,
        "project documents",
        include_str!("../migrations/0005_project_documents.sql"),
    ),
    (
        6,
        "matchmaking",
        include_str!("../migrations/0006_matchmaking.sql"),
    ),
    (
        7,
        "conversations and roadshows",
        include_str!("../migrations/0007_exchange.sql"),
    ),
    (
        8,
        "api tokens",
        include_str!("../migrations/0008_api_tokens.sql"),
    ),
    (
        9,
        "organizations managed in the product",
        include_str!("../migrations/0009_organizations.sql"),
    ),
    (
        10,
        "invitations with an id, a state and a revocation",
        include_str!("../migrations/0010_invitation_states.sql"),
    ),
    (
        11,
        "expertise profiles",
        include_str!("../migrations/0011_expertise_profiles.sql"),
    ),
    (
        12,
        "per-call committees, participating teams, archived calls",
        include_str!("../migrations/0012_call_committees.sql"),
    ),
    (
        13,
        "engineering teams created, joined and profiled in the product",
        include_str!("../migrations/0013_teams_self_service.sql"),
    ),
    (
        14,
        "who reads the reviews: judge names for organizers and judges, co-reviews",
        include_str!("../migrations/0014_review_visibility.sql"),
    ),
    (
        15,
        "judges' bids before assignment",
        include_str!("../migrations/0015_bids.sql"),
    ),
    (
        16,
        "API token scopes and expiry; when a password last changed; rate events",
        include_str!("../migrations/0016_security.sql"),
    ),
    (
        17,
        "open calls: public texts of a call, self-registration",
        include_str!("../migrations/0017_open_calls.sql"),
    ),
    (
        18,
        "kept calibrations of the ranking",
        include_str!("../migrations/0018_calibrations.sql"),
    ),
    (
        19,
        "decisions told to the authors at the decision phase, once",
        include_str!("../migrations/0019_decision_told.sql"),
    ),
    (
        20,
        "people named on a submission's team are invited before they are members",
        include_str!("../migrations/0020_team_invitations_on_submissions.sql"),
    ),
];

/// Every version this binary knows, in order.
pub fn versions() -> Vec<i64> {
    MIGRATIONS.iter().map(|m| m.0).collect()
}

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

fn render(sql: &str, dialect: Dialect) -> String {
    let (id, blob, real) = match dialect {
        Dialect::Sqlite => ("INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB", "REAL"),
        Dialect::Postgres => ("BIGSERIAL PRIMARY KEY", "BYTEA", "DOUBLE PRECISION"),
    };
    sql.replace("{{id}}", id)
        .replace("{{blob}}", blob)
        .replace("{{real}}", real)
}

/// The statements of a migration script: separated by `;` at a line's end, comments dropped.
fn statements(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in script.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("--") || trimmed.is_empty() {
            continue;
        }
        current.push_str(line);
        current.push('\n');
        if trimmed.ends_with(';') {
            let stmt = current.trim().trim_end_matches(';').to_string();
            out.push(stmt);
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

impl Db {
    /// The schema version of the database (0 when empty).
    pub async fn schema_version(&self) -> Result<i64> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        let row = sqlx::query(
            "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) AS v FROM schema_migrations",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<i64, _>("v")?)
    }

    /// Refuses a database written by a newer drx, which this binary could damage.
    pub async fn check_schema_not_newer(&self) -> Result<i64> {
        let current = self.schema_version().await?;
        if current > latest_version() {
            return Err(StoreError::SchemaTooNew {
                database: current,
                binary: latest_version(),
            });
        }
        Ok(current)
    }

    /// Applies every pending migration; returns the versions applied. Safe to run from several
    /// nodes at once on PostgreSQL (an advisory lock serialises them).
    pub async fn migrate(&self) -> Result<Vec<i64>> {
        self.check_schema_not_newer().await?;
        let mut applied = Vec::new();
        for &(version, name, script) in MIGRATIONS {
            let mut tx = self.pool.begin().await?;
            if self.dialect == Dialect::Postgres {
                sqlx::query("SELECT pg_advisory_xact_lock(4242001)")
                    .execute(&mut *tx)
                    .await?;
            }
            let done = sqlx::query(
                self.q("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = ?"),
            )
            .bind(version)
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("n")?;
            if done > 0 {
                tx.rollback().await?;
                continue;
            }
            for stmt in statements(&render(script, self.dialect)) {
                sqlx::query(&stmt).execute(&mut *tx).await?;
            }
            sqlx::query(
                self.q(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                ),
            )
            .bind(version)
            .bind(name)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            applied.push(version);
        }
        Ok(applied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_split_into_statements_without_comments() {
        let s = statements("-- c\nCREATE TABLE a (x BIGINT);\n\nCREATE INDEX i ON a(x);\n");
        assert_eq!(
            s,
            vec!["CREATE TABLE a (x BIGINT)", "CREATE INDEX i ON a(x)"]
        );
    }

    #[test]
    fn dialect_tokens_are_replaced() {
        let pg = render("id {{id}}, b {{blob}}, r {{real}}", Dialect::Postgres);
        assert_eq!(pg, "id BIGSERIAL PRIMARY KEY, b BYTEA, r DOUBLE PRECISION");
        assert!(!render(MIGRATIONS[0].2, Dialect::Sqlite).contains("{{"));
    }
}
