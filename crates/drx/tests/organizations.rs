//! Organizations kept through the product: admins create, edit, deactivate, merge and import
//! them in the web UI and through the API; nobody else may; a merge moves every reference (every
//! column of the schema that points at an organization) and keeps the audit chain whole.
mod common;

use axum::http::{Method, StatusCode};
use common::{signed_in, FilePart};
use drx::domain::{OrganizationStatus, Role};
use drx::services::organizations::{self as svc, OrganizationInput};
use drx::services::ServiceError;
use drx::store::{organizations as store, Db};
use serde_json::{json, Value};

const ADMIN: &str = "root@drx.cn";
const ORGANIZER: &str = "org@drx.cn";
const CLINICIAN: &str = "doc@drx.cn";

async fn people(db: &Db) {
    common::account(db, ADMIN, &[Role::Admin]).await;
    common::account(db, ORGANIZER, &[Role::Organizer]).await;
    common::account(db, CLINICIAN, &[Role::Clinician]).await;
}

async fn person(db: &Db, email: &str) -> drx::store::accounts::Person {
    let id = common::person_id(db, email).await;
    drx::store::accounts::person(db, id).await.unwrap().unwrap()
}

fn input(kind: &str, en: &str, zh: &str) -> OrganizationInput {
    OrganizationInput::new(kind, en, zh)
}

/// The id in a `/admin/organizations/{id}?...` redirect.
fn id_of(location: &str) -> i64 {
    let rest = location.trim_start_matches("/admin/organizations/");
    rest.split('?').next().unwrap().parse().unwrap()
}

db_test!(admins_keep_organizations_through_the_pages, |db| {
    people(db).await;
    let mut root = signed_in(db, ADMIN).await;
    let list = root.get("/admin/organizations").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("/admin/organizations/import"));

    let north = [
        ("kind", "hospital"),
        ("name_zh", "北方医院"),
        ("name_en", "North Hospital"),
        ("short_name_zh", "北医"),
        ("city", "北京"),
    ];
    let r = root
        .submit("/admin/organizations", "/admin/organizations", &north)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = id_of(r.location());
    let page = root.get(r.location()).await;
    assert!(page.body.contains("北方医院") && page.body.contains("北医"));
    // The new hospital is offered where a submission chooses its lead hospital.
    let hospitals = drx::services::catalogue::hospitals(db).await.unwrap();
    assert!(hospitals.iter().any(|h| h.id == id));

    // The same name again is refused with the reason, and what was typed comes back.
    let again = [
        ("kind", "hospital"),
        ("name_zh", "北方医院"),
        ("city", "天津市"),
    ];
    let r = root
        .submit("/admin/organizations", "/admin/organizations", &again)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("天津市") && r.body.contains(&format!("#{id}")));
    // No kind, no name, a control character: refused, nothing written.
    for bad in [
        vec![("kind", "clinic"), ("name_en", "X")],
        vec![("kind", "company"), ("name_en", "  ")],
        vec![("kind", "company"), ("name_en", "A\u{1b}B")],
    ] {
        let r = root
            .submit("/admin/organizations", "/admin/organizations", &bad)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
    }
    assert_eq!(store::all(db).await.unwrap().len(), 1);

    // Edit, then deactivate: the record stays but is no longer offered; reactivate.
    let page = format!("/admin/organizations/{id}");
    let edited = [
        ("do", "save"),
        ("kind", "hospital"),
        ("name_zh", "北方医院"),
        ("name_en", "Northern Hospital"),
        ("city", "北京"),
    ];
    let r = root.submit(&page, &page, &edited).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        store::get(db, id).await.unwrap().unwrap().name_en,
        "Northern Hospital"
    );
    let r = root.submit(&page, &page, &[("do", "deactivate")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let hospitals = drx::services::catalogue::hospitals(db).await.unwrap();
    assert!(!hospitals.iter().any(|h| h.id == id));
    assert_eq!(
        store::get(db, id).await.unwrap().unwrap().status,
        OrganizationStatus::Inactive
    );
    root.submit(&page, &page, &[("do", "activate")]).await;
    assert_eq!(
        store::get(db, id).await.unwrap().unwrap().status,
        OrganizationStatus::Active
    );
    // The record's history lists what was done to it, in the reader's language.
    let page = root.get(&page).await;
    for action in ["create", "update", "deactivate", "activate"] {
        let label = drx::i18n::t(drx::i18n::Lang::Zh, &format!("audit-action-{action}"));
        assert!(page.body.contains(&label), "{action}: {label}");
    }
});

db_test!(only_admins_manage_organizations, |db| {
    people(db).await;
    let root = person(db, ADMIN).await;
    let id = svc::create(db, &root, &input("hospital", "H", "医院"), 1)
        .await
        .unwrap();
    for email in [ORGANIZER, CLINICIAN] {
        let who = person(db, email).await;
        let refused = |r: Result<_, ServiceError>| matches!(r, Err(ServiceError::Forbidden));
        assert!(refused(
            svc::create(db, &who, &input("company", "C", ""), 2)
                .await
                .map(|_| ())
        ));
        assert!(refused(
            svc::update(db, &who, id, &input("hospital", "H2", ""), 2).await
        ));
        assert!(refused(svc::set_active(db, &who, id, false, 2).await));
        assert!(refused(
            svc::merge(db, &who, id, id + 1, 2).await.map(|_| ())
        ));
        assert!(refused(
            svc::import(db, &who, b"kind,name_en\nhospital,X\n", 2)
                .await
                .map(|_| ())
        ));
        let mut c = signed_in(db, email).await;
        assert_eq!(
            c.get("/admin/organizations").await.status,
            StatusCode::FORBIDDEN
        );
        assert!(!c.get("/").await.body.contains("/admin/organizations"));
        // Everyone reads the active records, not the inactive ones.
        assert_eq!(svc::list(db, &who).await.unwrap().len(), 1);
    }
    svc::set_active(db, &root, id, false, 3).await.unwrap();
    let doc = person(db, CLINICIAN).await;
    assert!(svc::list(db, &doc).await.unwrap().is_empty());
    assert!(matches!(
        svc::get(db, &doc, id).await,
        Err(ServiceError::NotFound)
    ));
    assert_eq!(svc::list(db, &root).await.unwrap().len(), 1);
});

/// Every (table, column) of the schema that refers to an organization, read from the migrations,
/// so that a table added later is checked without changing this test.
fn references() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../drx-store/migrations");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let mut table = String::new();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["CREATE", "TABLE", name, ..] | ["ALTER", "TABLE", name, ..] => {
                    table = name.trim_end_matches('(').to_string();
                }
                _ => {}
            }
            if line.contains("REFERENCES organizations(id)") {
                let column = match words.as_slice() {
                    ["ALTER", "TABLE", _, "ADD", "COLUMN", col, ..] => col.to_string(),
                    [col, ..] => col.to_string(),
                    [] => unreachable!(),
                };
                out.push((table.clone(), column));
            }
        }
    }
    out
}

async fn pointing_at(db: &Db, org: i64) -> i64 {
    let mut n = 0;
    for (table, column) in references() {
        let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE {column} = {org}");
        n += drx::store::raw_count(db, &sql).await.unwrap();
    }
    n
}

db_test!(
    a_merge_moves_every_reference_and_keeps_the_audit_chain,
    |db| {
        let f = common::fixture::fixture(db).await;
        let refs = references();
        for expected in [
            ("people", "organization_id"),
            ("needs", "organization_id"),
            ("submissions", "organization_id"),
            ("teams", "organization_id"),
            ("projects", "poc_centre_id"),
            ("organizations", "merged_into"),
        ] {
            assert!(
                refs.contains(&(expected.0.into(), expected.1.into())),
                "{expected:?} in {refs:?}"
            );
        }
        let admin = person(db, "admin@drx.example").await;
        let home = f.organization;
        let before_home = pointing_at(db, home).await;
        assert!(before_home > 0, "the demo hospital is referred to");
        // A second record of the same hospital, used by a new account and an earlier merge.
        let twin = svc::create(
            db,
            &admin,
            &input("hospital", "Twin record", "重复记录"),
            10,
        )
        .await
        .unwrap();
        let older = svc::create(db, &admin, &input("hospital", "Older record", "旧记录"), 10)
            .await
            .unwrap();
        svc::merge(db, &admin, older, twin, 11).await.unwrap();
        common::account_in(db, "twin@drx.cn", "双", Some(twin), &[Role::Judge]).await;
        let twin_refs = pointing_at(db, twin).await;
        assert_eq!(twin_refs, 2, "an account and the older merged record");

        let moved = svc::merge(db, &admin, home, twin, 12).await.unwrap();
        assert_eq!(
            pointing_at(db, home).await,
            0,
            "nothing points at the old record"
        );
        // Everything moved, plus the old record itself now points at the twin.
        assert_eq!(
            pointing_at(db, twin).await,
            before_home + twin_refs + 1,
            "{moved:?}"
        );
        let old = store::get(db, home).await.unwrap().unwrap();
        assert_eq!(
            (old.status, old.merged_into),
            (OrganizationStatus::Merged, Some(twin))
        );
        assert_eq!(
            store::get(db, older).await.unwrap().unwrap().merged_into,
            Some(twin),
            "a chain of merges ends at a live record"
        );
        // The clinician's conflicts now come from the merged record.
        let clinician = person(db, "clinician@drx.example").await;
        assert_eq!(clinician.organization_id, Some(twin));
        assert_eq!(drx::store::audit::verify(db).await.unwrap(), None);
        let history = drx::services::history::of(
            db,
            &admin,
            drx::services::history::Subject::Organization(home),
        )
        .await
        .unwrap()
        .unwrap();
        assert!(history
            .iter()
            .any(|e| e.action == drx::domain::AuditAction::Merge));

        // A merged record cannot be merged, edited or reactivated; nor merged into itself.
        for r in [
            svc::merge(db, &admin, home, twin, 13).await.map(|_| ()),
            svc::merge(db, &admin, twin, home, 13).await.map(|_| ()),
            svc::merge(db, &admin, twin, twin, 13).await.map(|_| ()),
            svc::update(db, &admin, home, &input("hospital", "X", ""), 13).await,
            svc::set_active(db, &admin, home, true, 13).await,
        ] {
            assert!(matches!(r, Err(ServiceError::Invalid(_))), "{r:?}");
        }
    }
);

db_test!(imports_are_all_or_nothing, |db| {
    people(db).await;
    let root = person(db, ADMIN).await;
    svc::create(
        db,
        &root,
        &input("hospital", "North Hospital", "北方医院"),
        1,
    )
    .await
    .unwrap();
    let bad = "类型,中文名称,英文名称,城市\n\
        医院,南方医院,South Hospital,广州\n\
        clinic,诊所,Clinic,\n\
        企业,,,\n\
        hospital,北方医院,,\n\
        大学,南方医院,,\n";
    let errors = svc::import(db, &root, bad.as_bytes(), 2)
        .await
        .unwrap()
        .unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 6], "{errors:?}");
    assert_eq!(store::all(db).await.unwrap().len(), 1, "nothing written");
    // A name already there is found once the rows themselves are right.
    let existing = "kind,name_zh\nhospital,西部医院\nhospital,北方医院\n";
    let errors = svc::import(db, &root, existing.as_bytes(), 2)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 3);
    assert_eq!(store::all(db).await.unwrap().len(), 1);
    // Hostile and broken files.
    for file in [
        &b"kind,name_en\nhospital,A\0B\n"[..],
        &b"\xff\xfe\x00k"[..],
        &b""[..],
        &b"name_en\nX\n"[..],
    ] {
        assert!(svc::import(db, &root, file, 2).await.unwrap().is_err());
    }
    assert_eq!(store::all(db).await.unwrap().len(), 1);

    // A clean file, CSV then XLSX, through the page.
    let good = "类型,中文名称,英文名称,中文简称,城市\n\
        医院,南方医院,South Hospital,南医,广州\n\
        概念验证中心,上海概念验证中心,Shanghai PoC Centre,,上海\n";
    let mut c = signed_in(db, ADMIN).await;
    let xlsx = common::xlsx(&[&["kind", "name_en"], &["university", "East University"]]);
    for (name, bytes, status) in [
        ("orgs.csv", good.as_bytes(), StatusCode::OK),
        ("orgs.xlsx", &xlsx[..], StatusCode::OK),
        ("orgs.csv", bad.as_bytes(), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let file = Some(FilePart::new(name, bytes));
        let r = c
            .upload(
                "/admin/organizations",
                "/admin/organizations/import",
                &[],
                file,
            )
            .await;
        assert_eq!(r.status, status, "{name}: {}", r.body);
    }
    let all = store::all(db).await.unwrap();
    assert!(all
        .iter()
        .any(|o| o.short_name_zh == "南医" && o.city == "广州"));
    assert!(all
        .iter()
        .any(|o| o.kind == drx::domain::OrganizationKind::PocCentre));
    assert_eq!(store::all(db).await.unwrap().len(), 4);
});

use common::api;

db_test!(the_api_keeps_organizations_too, |db| {
    people(db).await;
    let now = drx::store::now();
    let root = drx::services::api_tokens::create_for_email(db, ADMIN, "t", now)
        .await
        .unwrap();
    let doc = drx::services::api_tokens::create_for_email(db, CLINICIAN, "t", now)
        .await
        .unwrap();
    let base = "/api/v1/organizations";
    let body = json!({ "kind": "hospital", "name_zh": "北方医院", "city": "北京" });
    let r = api(db, Method::POST, base, &doc, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = api(db, Method::POST, base, &root, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let north: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(north["status"], "active");
    let r = api(db, Method::POST, base, &root, Some(body)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "the same name");
    let r = api(
        db,
        Method::POST,
        base,
        &root,
        Some(json!({ "name_en": "X" })),
    )
    .await;
    assert!(r.status.is_client_error(), "no kind: {}", r.status);

    let twin = json!({ "kind": "hospital", "name_en": "North Hospital" });
    let r = api(db, Method::POST, base, &root, Some(twin)).await;
    let twin: Value = serde_json::from_str(&r.body).unwrap();
    let path = format!("{base}/{}", twin["id"]);
    let edit = json!({ "kind": "hospital", "name_en": "North Hospital", "city": "北京" });
    let r = api(db, Method::PUT, &path, &root, Some(edit.clone())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        api(db, Method::PUT, &path, &doc, Some(edit)).await.status,
        StatusCode::FORBIDDEN
    );
    let merge = json!({ "into": north["id"] });
    let r = api(
        db,
        Method::POST,
        &format!("{path}/merge"),
        &root,
        Some(merge),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let out: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(out["organization"]["id"], north["id"]);

    // The clinician reads the active records only; the admin reads the merged one too.
    let r = api(db, Method::GET, base, &doc, None).await;
    let page: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(page["total"], 1);
    let r = api(db, Method::GET, &path, &doc, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = api(db, Method::GET, &path, &root, None).await;
    let merged: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(merged["status"], "merged");
    assert_eq!(merged["merged_into"], north["id"]);
});
