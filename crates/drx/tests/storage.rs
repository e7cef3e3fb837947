//! Storage: migrations on both databases, refusal of newer schemas, bad database URLs.
mod common;

use common::{fresh_unmigrated, Backend};
use drx::store::{self, migrate::latest_version, migrate::versions, StoreError};

async fn migrations_apply_once(backend: Backend) {
    let Some(t) = fresh_unmigrated(backend).await else {
        eprintln!("{backend:?} not configured: skipped");
        return;
    };
    assert_eq!(t.db.schema_version().await.unwrap(), 0);
    let applied = t.db.migrate().await.unwrap();
    assert_eq!(applied, versions());
    assert!(
        t.db.migrate().await.unwrap().is_empty(),
        "a second run applies nothing"
    );
    assert_eq!(t.db.schema_version().await.unwrap(), latest_version());
    let fields = store::catalogue::fields(&t.db).await.unwrap();
    for code in [
        "rehabilitation",
        "cardiovascular",
        "oncology",
        "respiratory",
        "urology",
        "robotics",
    ] {
        let f = fields
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code} is seeded"));
        assert!(!f.name_zh.is_empty() && !f.name_en.is_empty());
    }
    t.close().await;
}

backend_tests!(migrations_apply_once: migrations_apply_once_on_sqlite, migrations_apply_once_on_postgres);

async fn newer_schema_is_refused(backend: Backend) {
    let Some(t) = common::fresh(backend).await else {
        return;
    };
    store::raw_execute(
        &t.db,
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
    )
    .await
    .unwrap();
    let err = t.db.migrate().await.unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaTooNew { database: 999, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer than this drx binary"));
    t.close().await;
}

backend_tests!(newer_schema_is_refused: newer_schema_is_refused_on_sqlite, newer_schema_is_refused_on_postgres);

/// What opening the database at `url` fails with.
async fn open_error(url: &str) -> String {
    store::Db::open(url).await.err().unwrap().to_string()
}

#[tokio::test]
async fn unusable_database_urls_give_clear_errors() {
    let err = open_error("mysql://x").await;
    assert!(err.contains("must start with sqlite:// or postgres://"));
    let err = open_error("sqlite:///nonexistent-dir/sub/drx.db?mode=rwc").await;
    assert!(err.starts_with("cannot open the database"), "{err}");
    let err = open_error("postgres://nobody:secret@127.0.0.1:1/none").await;
    assert!(
        err.contains("nobody:***@"),
        "passwords are not shown: {err}"
    );
}
