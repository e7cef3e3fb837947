//! `drx audit verify` on a database with gate decisions: the chain verifies, and an edited
//! gate-decision event is named.
use std::process::Command;

use drx::store::{audit, Db};

fn verify(dir: &std::path::Path) -> (bool, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_drx"))
        .args(["audit", "verify", "--data", dir.to_str().unwrap()])
        .env_remove("DRX_DATABASE_URL")
        .output()
        .unwrap();
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

/// An empty, migrated SQLite database in its own data directory.
async fn fresh_data_dir(name: &str) -> (std::path::PathBuf, Db) {
    let dir = std::env::temp_dir().join(format!("drx_audit_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = Db::open(&drx::store::sqlite_url(&dir)).await.unwrap();
    db.migrate().await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn drx_audit_verify_names_an_edited_gate_decision() {
    let (dir, db) = fresh_data_dir("gate").await;
    drx::demo::generate(&db, 2026).await.unwrap();
    let org = drx::store::accounts::list_people(&db, Some(drx::domain::Role::Organizer))
        .await
        .unwrap()
        .remove(0);
    let call = drx::store::catalogue::calls(&db).await.unwrap()[0].id;
    let sub = drx::store::catalogue::submissions_of_call(&db, call, 1)
        .await
        .unwrap()[0]
        .id;
    let team = drx::store::projects::teams(&db).await.unwrap()[0].id;
    let svc = drx::services::projects::create;
    let p = svc(&db, &org, sub, team, None, 100).await.unwrap();
    drx::services::projects::decide(&db, &org, p, "hold", "waiting for bench data", 200)
        .await
        .unwrap();
    let event = audit::history(&db, drx::domain::AuditEntity::Project, p)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.action.as_str() == "gate-decision")
        .unwrap();
    db.close().await;
    let (ok, out) = verify(&dir);
    assert!(ok && out.contains("hash chain intact"), "{out}");

    // Rewrite history: the hold becomes a go, in the decision row and in its audit event.
    let db = Db::open(&drx::store::sqlite_url(&dir)).await.unwrap();
    drx::store::raw_execute(&db, "UPDATE gate_decisions SET decision = 'go'")
        .await
        .unwrap();
    drx::store::raw_execute(
        &db,
        &format!(
            "UPDATE audit_events SET detail = REPLACE(detail, '\"hold\"', '\"go\"') WHERE id = {}",
            event.id
        ),
    )
    .await
    .unwrap();
    db.close().await;
    let (ok, out) = verify(&dir);
    assert!(
        !ok && out.contains(&format!("broken at event {}", event.id)),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn an_unknown_audit_action_is_corrupt_and_verify_names_its_event() {
    use drx::domain::{AuditAction, AuditEntity};
    use drx::store::StoreError;
    let (dir, db) = fresh_data_dir("corrupt").await;
    let mut tx = db.begin().await.unwrap();
    let (entity, action) = (AuditEntity::Need, AuditAction::Create);
    audit::record(&mut tx, None, entity, 7, action, "{}", 100)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let events = audit::history(&db, entity, 7).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].entity, events[0].action), (entity, action));
    assert_eq!(audit::verify(&db).await.unwrap(), None);

    // A value this binary does not know is never read as some default.
    drx::store::raw_execute(&db, "UPDATE audit_events SET action = 'teleport'")
        .await
        .unwrap();
    match audit::history(&db, entity, 7).await {
        Err(StoreError::Corrupt { column, value }) => {
            assert_eq!((column.as_str(), value.as_str()), ("action", "teleport"))
        }
        other => panic!("expected Corrupt, got {:?}", other.map(|e| e.len())),
    }
    // The chain check reads the stored text, so it still names the edited event.
    assert_eq!(audit::verify(&db).await.unwrap(), Some(events[0].id));
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
