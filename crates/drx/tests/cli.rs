//! The command line as an operator uses it: demo, migrate, backup and restore, audit verify,
//! admin create, and clear errors on bad input.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn drx(args: &[&str]) -> Output {
    drx_with(args, &[])
}

/// `drx` with these environment variables set.
fn drx_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_drx"))
        .args(args)
        .env_remove("DRX_DATABASE_URL")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// Asserts that `o` succeeded (or failed) and that its output says `says`.
fn assert_run(o: &Output, success: bool, says: &str) {
    assert!(
        o.status.success() == success && text(o).contains(says),
        "{}",
        text(o)
    );
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("drx_cli_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

async fn counts(dir: &Path) -> Vec<(String, i64)> {
    let db = drx::store::Db::open(&drx::store::sqlite_url(dir))
        .await
        .unwrap();
    let c = drx::store::backup::table_counts(&db).await.unwrap();
    db.close().await;
    c
}

#[tokio::test]
async fn backup_then_restore_gives_the_same_data_and_a_verified_audit_log() {
    let dir = temp("backup");
    let (live, restored, file) = (
        dir.join("live"),
        dir.join("restored"),
        dir.join("drx-backup.db"),
    );
    let (live_dir, restored_dir, file_path) = (
        live.to_str().unwrap(),
        restored.to_str().unwrap(),
        file.to_str().unwrap(),
    );
    let o = drx(&["demo", "--no-serve", "--data", live_dir]);
    assert!(o.status.success(), "{}", text(&o));
    let o = drx(&["assign", "--data", live_dir, "--call", "1", "--publish"]);
    assert!(o.status.success(), "{}", text(&o));
    let backup = ["backup", "--data", live_dir, "--out", file_path];
    assert_run(&drx(&backup), true, "integrity ok");
    let o = drx(&backup);
    assert!(
        !o.status.success() && text(&o).contains("exists already"),
        "never overwrites a backup"
    );

    let restore = ["restore", "--from", file_path, "--data", restored_dir];
    let o = drx(&restore);
    assert!(o.status.success(), "{}", text(&o));
    let before = counts(&live).await;
    assert_eq!(before, counts(&restored).await);
    assert!(before.iter().any(|(t, n)| t == "reviews" && *n == 465));
    assert_run(&drx(&restore), false, "--force");

    let verify = ["audit", "verify", "--data", restored_dir];
    assert_run(&drx(&verify), true, "hash chain intact");
    let db = drx::store::Db::open(&drx::store::sqlite_url(&restored))
        .await
        .unwrap();
    drx::store::raw_execute(&db, "UPDATE audit_events SET actor_id = 99 WHERE id = 2")
        .await
        .unwrap();
    db.close().await;
    assert_run(&drx(&verify), false, "broken at event 2");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn restoring_something_that_is_not_a_drx_backup_is_refused() {
    let dir = temp("garbage");
    let junk = dir.join("junk.db");
    std::fs::write(&junk, b"this is not a database at all, just text").unwrap();
    let o = drx(&[
        "restore",
        "--from",
        junk.to_str().unwrap(),
        "--data",
        dir.join("d").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(text(&o).contains("not a"), "{}", text(&o));
    assert!(!dir.join("d").join("drx.db").exists(), "nothing is written");
    let o = drx(&[
        "restore",
        "--from",
        dir.join("missing.db").to_str().unwrap(),
    ]);
    assert!(!o.status.success() && text(&o).contains("is not a file"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn admin_create_then_migrate_and_clear_errors() {
    let dir = temp("admin");
    let data = dir.to_str().unwrap();
    assert_run(&drx(&["migrate", "--data", data]), true, "schema version");
    let admin = [
        "admin",
        "create",
        "--data",
        data,
        "--email",
        "root@hospital.cn",
        "--name",
        "管理员",
    ];
    let o = drx_with(&admin, &[("DRX_ADMIN_PASSWORD", "short")]);
    assert_run(&o, false, "too short");
    let o = drx_with(&admin, &[("DRX_ADMIN_PASSWORD", "a long enough password")]);
    assert!(o.status.success(), "{}", text(&o));
    let o = drx(&["serve", "--database-url", "mysql://nope"]);
    assert!(!o.status.success() && text(&o).contains("must start with sqlite:// or postgres://"));
    let o = drx(&["assign", "--data", data, "--call", "42"]);
    assert_run(&o, false, "there is no call 42");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn token_create_prints_a_working_token_once_and_refuses_unknown_accounts() {
    let dir = temp("token");
    let data_dir = dir.join("data");
    let data = data_dir.to_str().unwrap();
    let o = drx(&["demo", "--no-serve", "--data", data]);
    assert!(o.status.success(), "{}", text(&o));
    let create = ["token", "create", "--data", data, "--email"];
    let o = drx(&[&create[..], &["organizer@drx.example", "--name", "ci"]].concat());
    assert!(o.status.success(), "{}", text(&o));
    let token = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert!(token.starts_with("drx_") && token.len() == 68, "{token}");
    let o = drx(&[&create[..], &["nobody@drx.example"]].concat());
    assert!(!o.status.success());
    assert!(text(&o).contains("no account has the email nobody@drx.example"));
    let _ = std::fs::remove_dir_all(&dir);
}
