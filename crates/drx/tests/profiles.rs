//! Expertise profiles (issue 22, item 3): a judge keeps fields, keywords, a bio and past work (by
//! hand or from BibTeX, RIS or CSV files, hostile ones refused by line); organizers import many
//! judges' profiles at once; the next assignment reads the profile at once and its reasons name
//! the matching terms; a judge without a profile is flagged on the assignment page before a run.
mod common;

use axum::http::StatusCode;
use common::{signed_in, FilePart};
use drx::domain::Role;
use drx::services::matching::{reason_line, JudgeModel};
use drx::services::profiles as svc;
use drx::store::catalogue as cat;
use drx::store::submissions::NewSubmission;
use drx::store::Db;

const ORGANIZER: &str = "org@h.cn";
const JUDGE: &str = "judge@h.cn";
const JUDGE2: &str = "judge2@h.cn";
const CLINICIAN: &str = "doc@h.cn";

struct World {
    call: i64,
}

async fn world(db: &Db) -> World {
    let organizer = common::account(db, ORGANIZER, &[Role::Organizer]).await;
    let judges = [
        common::account(db, JUDGE, &[Role::Judge]).await,
        common::account(db, JUDGE2, &[Role::Judge]).await,
    ];
    let clinician = common::account(db, CLINICIAN, &[Role::Clinician]).await;
    let mut tx = db.begin().await.unwrap();
    let hospital = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "上海", 1000)
        .await
        .unwrap();
    let call = common::insert_call(
        &mut tx,
        common::call_spec("c", "Call", drx::domain::Phase::Review),
        Some(organizer),
        1000,
    )
    .await;
    for j in judges {
        drx::store::calls::insert_call_role(&mut tx, call, j, drx::domain::CallRole::Judge)
            .await
            .unwrap();
    }
    let spec = NewSubmission {
        need_statement: "Atrial fibrillation goes unnoticed between clinic visits.",
        solution: "A wearable ECG patch with an arrhythmia detector.",
        ..common::solution_spec(
            call,
            hospital,
            clinician,
            "Wearable patch that detects atrial fibrillation",
        )
    };
    common::insert_solution(&mut tx, &spec, "Lead", 1000).await;
    let other = NewSubmission {
        title: "Hospital parking scheduler",
        need_statement: "Visitors cannot find parking.",
        solution: "A booking system for parking spaces.",
        ..spec
    };
    common::insert_solution(&mut tx, &other, "Lead", 1000).await;
    tx.commit().await.unwrap();
    World { call }
}

async fn person(db: &Db, email: &str) -> drx::store::accounts::Person {
    let id = common::person_id(db, email).await;
    drx::store::accounts::person(db, id).await.unwrap().unwrap()
}

/// A judge's import of past work from the file `name`.
async fn import_works(c: &mut common::Client, name: &str, bytes: &[u8]) -> common::Resp {
    let file = Some(FilePart::new(name, bytes));
    c.upload("/account/profile", "/account/profile/import", &[], file)
        .await
}

/// An organizer's import of profiles from the file `name`.
async fn import_profiles(c: &mut common::Client, name: &str, bytes: &[u8]) -> common::Resp {
    let file = Some(FilePart::new(name, bytes));
    c.upload(
        "/admin/profiles/import",
        "/admin/profiles/import",
        &[],
        file,
    )
    .await
}

/// The judge's best affinity in the call and its reason.
async fn best_fit(db: &Db, call: i64, email: &str) -> (f64, String) {
    let m = JudgeModel::load(db, call).await.unwrap();
    let j = m.judge_index(common::person_id(db, email).await).unwrap();
    (0..m.submissions.len())
        .map(|s| {
            let e = m.model.explain(j, s, 5);
            (e.score, reason_line(&e))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap()
}

db_test!(a_judge_profile_feeds_affinity_and_lifts_the_warning, |db| {
    let w = world(db).await;
    let assignment = format!("/calls/{}/assignment", w.call);
    let mut org = signed_in(db, ORGANIZER).await;
    let before = org.get(&assignment).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.body.contains("judges-without-profile"));
    let (score, reason) = best_fit(db, w.call, JUDGE).await;
    assert_eq!(score, 0.0, "{reason}");

    let mut judge = signed_in(db, JUDGE).await;
    let page = judge.get("/account/profile").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(judge
        .get("/account")
        .await
        .body
        .contains("/account/profile"));
    let r = judge
        .submit(
            "/account/profile",
            "/account/profile",
            &[
                ("keywords", "atrial fibrillation, arrhythmia"),
                (
                    "bio",
                    "Cardiologist; I detect arrhythmia with wearable ECG monitors.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let (score, reason) = best_fit(db, w.call, JUDGE).await;
    assert!(score > 0.0, "{score} {reason}");
    let lower = reason.to_lowercase();
    assert!(
        lower.contains("fibrillation") || lower.contains("arrhythmia") || lower.contains("ecg"),
        "{reason}"
    );
    // The other judge still has none: still flagged, by name; this one is not.
    let after = org.get(&assignment).await;
    assert!(after.body.contains("judges-without-profile"));
    let judge2 = person(db, JUDGE2).await;
    let flagged = svc::judges_without_profile(db, &person(db, ORGANIZER).await, w.call)
        .await
        .unwrap();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].person_id, judge2.id);
    // Judges may not ask who is flagged.
    assert!(
        svc::judges_without_profile(db, &person(db, JUDGE).await, w.call)
            .await
            .is_err()
    );
    // A field that does not exist is refused on the page.
    let r = judge
        .submit(
            "/account/profile",
            "/account/profile",
            &[("field", "999999")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Clinicians keep no profile.
    let mut doc = signed_in(db, CLINICIAN).await;
    assert_eq!(
        doc.get("/account/profile").await.status,
        StatusCode::FORBIDDEN
    );
});

db_test!(past_work_by_hand_and_from_files, |db| {
    world(db).await;
    let me = person(db, JUDGE).await;
    let mut judge = signed_in(db, JUDGE).await;
    let r = judge
        .submit(
            "/account/profile",
            "/account/profile/works",
            &[
                ("title", "ECG screening in primary care"),
                ("abstract", "A trial."),
                ("year", "2021"),
                ("venue", "BMJ"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let works = svc::mine(db, &me).await.unwrap().works;
    assert_eq!(works.len(), 1);
    assert_eq!(works[0].year, Some(2021));
    assert_eq!(works[0].venue, "BMJ");
    let r = judge
        .submit(
            "/account/profile",
            "/account/profile/works",
            &[("title", "No year"), ("year", "yesterday")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let bib = b"@article{a,\n title = {Deep learning for {ECG}},\n journal = {Circulation},\n year = 2020\n}\n";
    let ris = b"TY  - JOUR\nTI  - Wearable sensors\nPY  - 2019\nJO  - Sensors\nER  - \n";
    let csv = "title,abstract,year,venue\n心电监测,摘要,2022,中华心血管病杂志\n".as_bytes();
    for (name, bytes) in [("w.bib", &bib[..]), ("w.ris", &ris[..]), ("w.csv", csv)] {
        let r = import_works(&mut judge, name, bytes).await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.body);
    }
    let works = svc::mine(db, &me).await.unwrap().works;
    assert_eq!(works.len(), 4);
    assert!(works
        .iter()
        .any(|w| w.title == "Deep learning for ECG" && w.venue == "Circulation"));
    assert!(works
        .iter()
        .any(|w| w.title == "心电监测" && w.year == Some(2022)));

    // Hostile and malformed files are refused whole, by line; nothing of them is kept.
    let hostile: &[(&str, &[u8], &str)] = &[
        (
            "nul.bib",
            b"@article{a, title={A}}\n@article{b, title={\0}}\n",
            "2",
        ),
        (
            "open.bib",
            b"@article{a, title={A}, year=2020}\n@article{b,\n title = {B\n",
            "2",
        ),
        (
            "notitle.ris",
            b"TY  - JOUR\nAB  - only an abstract\nER  - \n",
            "1",
        ),
        ("bin.csv", b"\x89PNG\r\n\x1a\n\xff\xfe\xfd", "1"),
    ];
    for (name, bytes, line) in hostile {
        let r = import_works(&mut judge, name, bytes).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains(line), "{name}: {}", r.body);
    }
    let big = vec![b'@'; 6 * 1024 * 1024];
    let r = import_works(&mut judge, "big.bib", &big).await;
    assert!(r.status.is_client_error(), "{}", r.status);
    assert_eq!(svc::mine(db, &me).await.unwrap().works.len(), 4);

    // Removing: one's own past work only.
    let id = works[0].id;
    let r = judge
        .submit(
            "/account/profile",
            &format!("/account/profile/works/{id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(svc::mine(db, &me).await.unwrap().works.len(), 3);
    let theirs = svc::mine(db, &me).await.unwrap().works[0].id;
    let mut judge2 = signed_in(db, JUDGE2).await;
    let r = judge2
        .submit(
            "/account/profile",
            &format!("/account/profile/works/{theirs}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(svc::mine(db, &me).await.unwrap().works.len(), 3);
});

db_test!(organizers_import_many_profiles_at_once, |db| {
    let w = world(db).await;
    let fields = cat::fields(db).await.unwrap();
    let field = &fields[0];
    let csv = format!(
        "email,fields,keywords,bio,title,abstract,year,venue\n\
         {JUDGE},{},\"atrial fibrillation, ECG\",Cardiologist,AF screening,,2020,Heart\n\
         {JUDGE},,,,Wearable ECG,,2021,\n\
         {JUDGE2},,parking,Logistics,,,,\n",
        field.code
    );
    // Refused for judges and clinicians.
    for email in [JUDGE, CLINICIAN] {
        let mut c = signed_in(db, email).await;
        assert_eq!(
            c.get("/admin/profiles/import").await.status,
            StatusCode::FORBIDDEN
        );
        let csrf = c.csrf_token().await;
        let r = c
            .post_multipart("/admin/profiles/import", &csrf, "p.csv", csv.as_bytes())
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
    }
    let mut org = signed_in(db, ORGANIZER).await;
    // One bad row refuses the whole file, every bad row by line.
    let bad = format!(
        "{csv}nobody@h.cn,,x,,,,,\n{CLINICIAN},,x,,,,,\n{JUDGE},no-such-field,,,,,,\n{JUDGE},,,,,,1700,\n"
    );
    let r = import_profiles(&mut org, "p.csv", bad.as_bytes()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for line in ["5", "6", "7", "8"] {
        assert!(r.body.contains(line), "line {line}: {}", r.body);
    }
    let judge = person(db, JUDGE).await;
    assert!(svc::mine(db, &judge).await.unwrap().is_empty());

    let r = import_profiles(&mut org, "p.csv", csv.as_bytes()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let p = svc::mine(db, &judge).await.unwrap();
    assert_eq!(p.field_ids, vec![field.id]);
    assert_eq!(p.keywords, "atrial fibrillation, ECG");
    assert_eq!(p.bio, "Cardiologist");
    assert_eq!(p.works.len(), 2);
    // XLSX too.
    let xlsx = common::xlsx(&[&["邮箱", "关键词"], &[JUDGE2, "parking, logistics"]]);
    let r = import_profiles(&mut org, "p.xlsx", &xlsx).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        svc::mine(db, &person(db, JUDGE2).await)
            .await
            .unwrap()
            .keywords,
        "parking, logistics"
    );
    // Nobody is flagged any more, and the judge's fit names a term of the submission.
    let flagged = svc::judges_without_profile(db, &person(db, ORGANIZER).await, w.call)
        .await
        .unwrap();
    assert!(flagged.is_empty());
    let assignment = format!("/calls/{}/assignment", w.call);
    assert!(!org
        .get(&assignment)
        .await
        .body
        .contains("judges-without-profile"));
    let (score, reason) = best_fit(db, w.call, JUDGE).await;
    assert!(score > 0.0 && !reason.is_empty(), "{score} {reason}");
});
