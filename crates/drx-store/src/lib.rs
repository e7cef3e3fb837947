//! Storage: one schema on SQLite (default) or PostgreSQL, its migrations, and all of drx's SQL.
//!
//! Every SQL statement of the application lives in a module of this crate, written once with `?`
//! placeholders; [`Db::q`] rewrites them to `$1, $2, ...` for PostgreSQL. Callers above this layer
//! never see SQL, only the functions and row types of these modules.
//!
//! **Invariant:** the only crate with SQL and the only one that knows the schema. It knows
//! nothing of permissions, languages or the web: it stores and reads what it is given. Only
//! `drx-core` (and the binary's loaders: demo, backup) depend on it; `drx-web` cannot.
//!
//! Rows are read one way: a row type is declared once with [`row!`] (its fields and the columns
//! they come from), and a query is one call of [`Db::all`], [`Db::opt`], [`Db::one`] or
//! [`Db::exec`] (the same on [`Tx`]) with its binds as a tuple. Columns holding one of
//! drx-domain's enums are decoded when the row is read; an unknown value is
//! [`StoreError::Corrupt`].
//!
//! Each table is written (INSERT, UPDATE, DELETE) by one module, its owner; other modules only read
//! it, or call the owner's functions (`tests/layers.rs` fails on a table written by two modules):
//!
//! | module | tables it writes |
//! | --- | --- |
//! | `accounts` | people, person_roles, sessions, invitations, password_resets, login_attempts, registrations |
//! | `api_tokens` | api_tokens |
//! | `audit` | audit_events |
//! | `bids` | bids |
//! | `calibrations` | calibrations (the kept calibration of each call) |
//! | `calls` | calls, call_phases, call_fields, call_roles, call_teams, rubric_criteria |
//! | `catalogue` | expertise_documents, person_fields |
//! | `conversations` | threads (the judges' discussions too), messages, message_attachments, thread_reads |
//! | `embeddings` | embeddings |
//! | `events` | events, event_agenda, event_registrations |
//! | `matching` | assignment_runs, assignment_pairs |
//! | `matchmaking` | interests, team_matches, confidentiality_terms, confidentiality_acceptances |
//! | `migrate` | schema_migrations |
//! | `needs` | needs |
//! | `notices` | notices |
//! | `organizations` | organizations |
//! | `outbox` | outbox |
//! | `profiles` | expert_profiles |
//! | `projects` | projects, milestones, gate_checks, gate_decisions, project_documents |
//! | `reviews` | reviews, review_scores, conflicts |
//! | `submissions` | submissions, submission_fields, submission_members, submission_revisions, attachments |
//! | `teams` | teams, team_members, team_fields, team_past_projects, team_invitations |

/// Declares a row struct and its [`FromRow`] mapping. A field reads the column of its own name,
/// `= "col"` another column, `= default` nothing (the caller fills it in afterwards), `= flatten` a whole row type.
macro_rules! row {
    (@col $r:ident, $f:ident) => { $crate::Column::named($r, stringify!($f))? };
    (@col $r:ident, $f:ident, default) => { Default::default() };
    (@col $r:ident, $f:ident, flatten) => { $crate::FromRow::from_row($r)? };
    (@col $r:ident, $f:ident, $col:literal) => { $crate::Column::named($r, $col)? };
    ($(#[$m:meta])* $vis:vis struct $name:ident {
        $($(#[$fm:meta])* pub $f:ident : $t:ty $(= $col:tt)?),* $(,)?
    }) => {
        $(#[$m])*
        $vis struct $name { $($(#[$fm])* pub $f: $t),* }
        impl $crate::FromRow for $name {
            fn from_row(r: &sqlx::any::AnyRow) -> $crate::Result<Self> {
                Ok($name { $($f: row!(@col r, $f $(, $col)?)),* })
            }
        }
    };
}

pub mod accounts;
pub mod api_tokens;
pub mod audit;
pub mod backup;
pub mod bids;
pub mod calibrations;
pub mod calls;
pub mod catalogue;
pub mod conversations;
pub mod embeddings;
pub mod events;
pub mod matching;
pub mod matchmaking;
pub mod migrate;
pub mod needs;
pub mod notices;
pub mod organizations;
pub mod outbox;
pub mod people;
pub mod profiles;
pub mod projects;
pub mod reviews;
pub mod steps;
pub mod submissions;
pub mod teams;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

/// The storage layer's one error type.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {url}: {reason}")]
    Open { url: String, reason: String },
    #[error(
        "the database is at schema version {database}, newer than this drx binary knows ({binary}); \
         run a newer drx or restore a backup made with this version"
    )]
    SchemaTooNew { database: i64, binary: i64 },
    #[error("{0} already exists")]
    Duplicate(String),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("the database holds {value:?} in {column}, which this drx binary does not know")]
    Corrupt { column: String, value: String },
}

impl StoreError {
    /// Turns a unique-constraint violation into [`StoreError::Duplicate`], naming what was duplicated.
    pub fn duplicate_as(self, what: &str) -> StoreError {
        match &self {
            StoreError::Sql(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                StoreError::Duplicate(what.to_string())
            }
            _ => self,
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A pool of connections to one drx database.
#[derive(Clone)]
pub struct Db {
    pub(crate) pool: AnyPool,
    dialect: Dialect,
    /// Which opened database this is within the process (for caches keyed per database).
    instance: u64,
}

static NEXT_INSTANCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The URL of the embedded default database inside a data directory.
pub fn sqlite_url(data_dir: &std::path::Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("drx.db").display())
}

impl Db {
    /// A number that tells this opened database from any other opened by this process.
    pub fn instance(&self) -> u64 {
        self.instance
    }

    /// Opens a database by URL (`sqlite://PATH?mode=rwc` or `postgres://...`). Does not migrate.
    pub async fn open(url: &str) -> Result<Db> {
        Self::open_with(url, None).await
    }

    /// Like [`Db::open`]; on PostgreSQL, `schema` (if given) becomes the search path of every
    /// connection, which lets tests share one server database without seeing each other.
    pub async fn open_with(url: &str, schema: Option<String>) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let dialect = if url.starts_with("sqlite:") {
            Dialect::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Dialect::Postgres
        } else {
            return Err(StoreError::Open {
                url: redact(url),
                reason: "the URL must start with sqlite:// or postgres://".into(),
            });
        };
        let max = if dialect == Dialect::Sqlite { 8 } else { 16 };
        let read_only = url.contains("mode=ro");
        let options = AnyPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                let schema = schema.clone();
                Box::pin(async move {
                    match dialect {
                        Dialect::Sqlite => {
                            for pragma in [
                                "PRAGMA foreign_keys = ON",
                                "PRAGMA journal_mode = WAL",
                                "PRAGMA synchronous = NORMAL",
                                "PRAGMA busy_timeout = 10000",
                            ] {
                                // A read-only file (a backup being checked) keeps its journal mode.
                                if read_only && pragma.contains("journal_mode") {
                                    continue;
                                }
                                sqlx::query(pragma).execute(&mut *conn).await?;
                            }
                        }
                        Dialect::Postgres => {
                            if let Some(schema) = schema {
                                let set = format!("SET search_path TO \"{schema}\"");
                                sqlx::query(&set).execute(&mut *conn).await?;
                            }
                        }
                    }
                    Ok(())
                })
            });
        let pool = options.connect(url).await.map_err(|e| StoreError::Open {
            url: redact(url),
            reason: e.to_string(),
        })?;
        let instance = NEXT_INSTANCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Db {
            pool,
            dialect,
            instance,
        })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The statement in this database's placeholder syntax. Statements are `'static` literals, so
    /// each rewrite is done once and kept for the life of the process.
    pub fn q(&self, sql: &'static str) -> &'static str {
        placeholders_for(self.dialect, sql)
    }

    /// Begins a write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), so
    /// a transaction that reads then writes never fails half-way on a concurrent writer.
    pub async fn begin(&self) -> Result<Tx> {
        let inner = match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Dialect::Postgres => self.pool.begin().await?,
        };
        Ok(Tx {
            inner,
            dialect: self.dialect,
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A write transaction; dropped without [`Tx::commit`], it rolls back.
pub struct Tx {
    pub(crate) inner: sqlx::Transaction<'static, sqlx::Any>,
    dialect: Dialect,
}

impl Tx {
    pub fn q(&self, sql: &'static str) -> &'static str {
        placeholders_for(self.dialect, sql)
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub(crate) fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.inner
    }

    pub async fn commit(self) -> Result<()> {
        Ok(self.inner.commit().await?)
    }
}

/// The statement in the dialect's placeholder syntax, rewritten once per literal and kept.
fn placeholders_for(dialect: Dialect, sql: &'static str) -> &'static str {
    match dialect {
        Dialect::Sqlite => sql,
        Dialect::Postgres => {
            static CACHE: OnceLock<Mutex<HashMap<usize, &'static str>>> = OnceLock::new();
            let cache = CACHE.get_or_init(Default::default);
            // Keyed by address and length: two literals never share both.
            let key = sql.as_ptr() as usize ^ (sql.len() << 48);
            let mut cache = cache.lock().expect("placeholder cache poisoned");
            cache
                .entry(key)
                .or_insert_with(|| Box::leak(numbered_placeholders(sql).into_boxed_str()))
        }
    }
}

/// `?` -> `$1`, `$2`, ... outside string literals.
fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut in_string = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                in_string = !in_string;
                out.push(c);
            }
            '?' if !in_string => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

/// Hides a password in a database URL before it is shown or logged.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Seconds since the Unix epoch, the unit of every time column.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `%text%` for LIKE, lower-cased, with the user's own wildcards made literal.
pub fn like_pattern(search: &str) -> String {
    let s = search.trim();
    if s.is_empty() {
        return String::new();
    }
    let escaped = s
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The binds of a text search over four columns, `(? = '' OR a LIKE ? OR b LIKE ? OR c LIKE ? OR
/// d LIKE ?)`: a flag that is empty when there is nothing to search for, then the pattern four times.
pub(crate) fn like_binds(search: &str) -> (&'static str, String, String, String, String) {
    let like = like_pattern(search);
    let flag = if like.is_empty() { "" } else { "y" };
    (flag, like.clone(), like.clone(), like.clone(), like)
}

/// A file to store (submission attachments, project documents and message files are stored
/// alike): its name, type, checksum (SHA-256, hex) and bytes.
#[derive(Debug, Clone, Copy)]
pub struct NewFile<'a> {
    pub filename: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

impl<'a> NewFile<'a> {
    /// The binds of the columns `filename, content_type, size_bytes, sha256, content`, in that
    /// order.
    pub(crate) fn binds(&self) -> (&'a str, &'a str, i64, &'a str, Vec<u8>) {
        let size = self.content.len() as i64;
        (
            self.filename,
            self.content_type,
            size,
            self.sha256,
            self.content.to_vec(),
        )
    }
}

/// One column's value, read by name from a row.
pub(crate) trait Column: Sized {
    fn named(row: &AnyRow, col: &str) -> Result<Self>;
}

macro_rules! plain_columns {
    ($($t:ty),*) => {$(
        impl Column for $t {
            fn named(row: &AnyRow, col: &str) -> Result<Self> {
                Ok(row.try_get::<$t, _>(col)?)
            }
        }
    )*};
}
plain_columns!(
    i64,
    String,
    f64,
    Vec<u8>,
    Option<i64>,
    Option<String>,
    Option<f64>
);

/// Booleans are stored as BIGINT 0/1.
impl Column for bool {
    fn named(row: &AnyRow, col: &str) -> Result<Self> {
        Ok(row.try_get::<i64, _>(col)? != 0)
    }
}

macro_rules! enum_columns {
    ($($t:ty),*) => {$(
        impl Column for $t {
            fn named(row: &AnyRow, col: &str) -> Result<Self> {
                let value: String = row.try_get(col)?;
                <$t>::parse(&value).ok_or(StoreError::Corrupt { column: col.to_string(), value })
            }
        }
        /// A nullable column of the enum: NULL is None, an unknown text still Corrupt.
        impl Column for Option<$t> {
            fn named(row: &AnyRow, col: &str) -> Result<Self> {
                let value: Option<String> = row.try_get(col)?;
                value
                    .map(|v| <$t>::parse(&v).ok_or(StoreError::Corrupt { column: col.to_string(), value: v }))
                    .transpose()
            }
        }
    )*};
}
enum_columns!(
    drx_domain::Role,
    drx_domain::Phase,
    drx_domain::BlindMode,
    drx_domain::CoReviews,
    drx_domain::Stage,
    drx_domain::SubmissionStatus,
    drx_domain::OrganizationKind,
    drx_domain::OrganizationStatus,
    drx_domain::AuditEntity,
    drx_domain::AuditAction,
    drx_domain::ThreadKind,
    drx_domain::ReviewStatus,
    drx_domain::NeedStatus,
    drx_domain::Urgency,
    drx_domain::ProjectStatus,
    drx_domain::ProjectStage,
    drx_domain::GateDecision,
    drx_domain::InterestStatus,
    drx_domain::InterestSide,
    drx_domain::CallRole,
    drx_domain::RunKind,
    drx_domain::RunStatus,
    drx_domain::Bid,
    drx_domain::TokenScope
);

row! {
    /// Something with an id and a name in both languages (a field, a hospital, a call's title).
    #[derive(Debug, Clone, PartialEq)]
    pub struct Named {
        pub id: i64,
        pub name_en: String,
        pub name_zh: String,
    }
}

/// A value built from one result row.
pub trait FromRow: Sized {
    fn from_row(row: &AnyRow) -> Result<Self>;
}

/// A single column (the first of the row) is a row too: `SELECT id ...`, `SELECT COUNT(*) ...`.
macro_rules! scalar_rows {
    ($($t:ty),*) => {$(
        impl FromRow for $t {
            fn from_row(row: &AnyRow) -> Result<Self> {
                let name = sqlx::Column::name(row.try_column(0)?).to_string();
                <$t as Column>::named(row, &name)
            }
        }
    )*};
}
scalar_rows!(
    i64,
    String,
    f64,
    Option<i64>,
    Option<String>,
    drx_domain::Role,
    drx_domain::CallRole,
    drx_domain::InterestStatus,
    drx_domain::OrganizationKind
);

/// Two columns, in order.
impl<A: Column, B: Column> FromRow for (A, B) {
    fn from_row(row: &AnyRow) -> Result<Self> {
        let a = sqlx::Column::name(row.try_column(0)?).to_string();
        let b = sqlx::Column::name(row.try_column(1)?).to_string();
        Ok((A::named(row, &a)?, B::named(row, &b)?))
    }
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// The values bound to a statement's `?`s, in order: `()`, `(a,)`, `(a, b)`, ...
pub(crate) trait Binds<'q> {
    fn bind_to(self, q: Query<'q>) -> Query<'q>;
}

macro_rules! tuple_binds {
    ($($t:ident)*) => {
        impl<'q, $($t: 'q + Send + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>),*> Binds<'q> for ($($t,)*) {
            #[allow(non_snake_case, unused_mut)]
            fn bind_to(self, mut q: Query<'q>) -> Query<'q> {
                let ($($t,)*) = self;
                $(q = q.bind($t);)*
                q
            }
        }
    };
}
tuple_binds!();
tuple_binds!(A);
tuple_binds!(A B);
tuple_binds!(A B C);
tuple_binds!(A B C D);
tuple_binds!(A B C D E);
tuple_binds!(A B C D E F);
tuple_binds!(A B C D E F G);
tuple_binds!(A B C D E F G H);
tuple_binds!(A B C D E F G H I);
tuple_binds!(A B C D E F G H I J);
tuple_binds!(A B C D E F G H I J K);
tuple_binds!(A B C D E F G H I J K L);
tuple_binds!(A B C D E F G H I J K L M);
tuple_binds!(A B C D E F G H I J K L M N);
tuple_binds!(A B C D E F G H I J K L M N O);
tuple_binds!(A B C D E F G H I J K L M N O P);
tuple_binds!(A B C D E F G H I J K L M N O P Q);
tuple_binds!(A B C D E F G H I J K L M N O P Q R);

/// The same value bound to every `?` of a statement that repeats it `N` times.
impl<
        'q,
        T: 'q + Send + Clone + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>,
        const N: usize,
    > Binds<'q> for [T; N]
{
    fn bind_to(self, mut q: Query<'q>) -> Query<'q> {
        for v in self {
            q = q.bind(v);
        }
        q
    }
}

/// The binds of one part of a statement, then those of the next.
pub(crate) struct Then<A, B>(pub A, pub B);

impl<'q, A: Binds<'q>, B: Binds<'q>> Binds<'q> for Then<A, B> {
    fn bind_to(self, q: Query<'q>) -> Query<'q> {
        self.1.bind_to(self.0.bind_to(q))
    }
}

/// Values counted at run time, in order.
impl<'q, T: 'q + Send + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>> Binds<'q> for Vec<T> {
    fn bind_to(self, mut q: Query<'q>) -> Query<'q> {
        for v in self {
            q = q.bind(v);
        }
        q
    }
}

pub(crate) fn rows_as<T: FromRow>(rows: Vec<AnyRow>) -> Result<Vec<T>> {
    rows.iter().map(T::from_row).collect()
}

/// The four ways of running a statement, on the pool ([`Db`]) and in a transaction ([`Tx`]) alike.
macro_rules! runners {
    ($ty:ty, [$($recv:tt)*], $self:ident => $ex:expr) => {
        #[allow(dead_code)]
        impl $ty {
            /// Every row of the statement.
            pub(crate) async fn all<'q, T: FromRow>($($recv)*, sql: &'static str, binds: impl Binds<'q>) -> Result<Vec<T>> {
                let q = binds.bind_to(sqlx::query($self.q(sql)));
                rows_as(q.fetch_all($ex).await?)
            }
            /// The first row, if any.
            pub(crate) async fn opt<'q, T: FromRow>($($recv)*, sql: &'static str, binds: impl Binds<'q>) -> Result<Option<T>> {
                let q = binds.bind_to(sqlx::query($self.q(sql)));
                q.fetch_optional($ex).await?.as_ref().map(T::from_row).transpose()
            }
            /// The one row (an error when there is none).
            pub(crate) async fn one<'q, T: FromRow>($($recv)*, sql: &'static str, binds: impl Binds<'q>) -> Result<T> {
                let q = binds.bind_to(sqlx::query($self.q(sql)));
                T::from_row(&q.fetch_one($ex).await?)
            }
            /// Runs a statement for its effect; the number of rows it changed.
            pub(crate) async fn exec<'q>($($recv)*, sql: &'static str, binds: impl Binds<'q>) -> Result<u64> {
                let q = binds.bind_to(sqlx::query($self.q(sql)));
                Ok(q.execute($ex).await?.rows_affected())
            }
        }
    };
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_strings() {
        assert_eq!(
            numbered_placeholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c = ?"),
            "SELECT * FROM t WHERE a = $1 AND b = '?' AND c = $2"
        );
    }

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("sqlite://x.db"), "sqlite://x.db");
    }
}

/// Runs one statement with no parameters and no result (administrative DDL for tests and tools).
pub async fn raw_execute(db: &Db, sql: &str) -> Result<()> {
    sqlx::query(sql).execute(&db.pool).await?;
    Ok(())
}

/// Runs each `UPDATE ... SET col = ? WHERE col = ?` with (`into`, `from`): how the owners of
/// tables that refer to an organization re-point their rows when two records are merged.
pub(crate) async fn repoint(
    tx: &mut Tx,
    statements: &[&'static str],
    from: i64,
    into: i64,
) -> Result<u64> {
    let mut changed = 0;
    for sql in statements {
        changed += tx.exec(sql, (into, from)).await?;
    }
    Ok(changed)
}

/// The single number a statement answers (`SELECT COUNT(*) ...`), for tests and tools that
/// check the schema as a whole.
pub async fn raw_count(db: &Db, sql: &str) -> Result<i64> {
    let row = sqlx::query(sql).fetch_one(&db.pool).await?;
    Column::named(&row, "n")
}

runners!(Db, [&self], self => &self.pool);
runners!(Tx, [&mut self], self => self.conn());

/// How many rows a table holds. The name is put into the statement as a quoted identifier, so it
/// must be one of the database's own table names, never a user's text.
pub(crate) async fn count_rows(db: &Db, table: &str) -> Result<i64> {
    let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM \"{table}\"");
    let row = sqlx::query(&sql).fetch_one(&db.pool).await?;
    FromRow::from_row(&row)
}
