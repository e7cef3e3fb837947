//! The organizers' dashboard, the printable call report and their exports on the demo call.
mod common;

use axum::http::StatusCode;
use common::demo_client;
use drx::store::{catalogue, now, projects, raw_execute};

db_test!(the_dashboard_draws_every_figure_in_both_languages, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let call = catalogue::calls(db).await.unwrap()[0].id;
    // Two reviews assigned, one submitted with top scores; one project three days in concept.
    let subs = catalogue::submissions_of_call(db, call, 2).await.unwrap();
    let judge = drx::store::accounts::list_people(db, Some(drx::domain::Role::Judge))
        .await
        .unwrap()
        .remove(0);
    let mut tx = db.begin().await.unwrap();
    for s in &subs {
        drx::store::reviews::insert_review(&mut tx, s.id, judge.id, 0)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    raw_execute(
        db,
        &format!(
            "UPDATE reviews SET status = 'submitted' WHERE submission_id = {}",
            subs[0].id
        ),
    )
    .await
    .unwrap();
    raw_execute(
        db,
        "INSERT INTO review_scores (review_id, criterion_id, score) \
         SELECT r.id, c.id, c.scale_max FROM reviews r JOIN submissions s ON s.id = r.submission_id \
         JOIN rubric_criteria c ON c.call_id = s.call_id WHERE r.status = 'submitted'",
    )
    .await
    .unwrap();
    let organizer = drx::store::accounts::list_people(db, Some(drx::domain::Role::Organizer))
        .await
        .unwrap()
        .remove(0);
    let team = projects::teams(db).await.unwrap()[0].id;
    drx::services::projects::create(db, &organizer, subs[1].id, team, None, now() - 3 * 86_400)
        .await
        .unwrap();

    let mut o = demo_client(db, "organizer@drx.example").await;
    let r = o.get("/dashboard").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.matches("<svg").count() >= 6,
        "every figure is a chart"
    );
    assert!(
        !r.body.contains(" style="),
        "the CSP allows no inline style"
    );
    assert!(r.body.contains("从方案到项目") && r.body.contains(">155<"));
    assert!(r.body.contains(&judge.name) && r.body.contains("1 / 2"));
    assert!(
        r.body.contains("90–100"),
        "the top-scored review is charted"
    );
    assert!(r.body.contains(">3.0<"), "three days in the concept stage");
    o.lang = Some("en");
    let r = o.get(&format!("/dashboard?call={call}")).await;
    assert!(
        r.body.contains("From submissions to projects") && r.body.contains("Projects by stage")
    );
    // The report prints the same figures.
    let r = o.get(&format!("/calls/{call}/report")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Call report") && r.body.contains("<svg"));
    // Exports: a workbook, and one CSV per table.
    let x = o.get(&format!("/dashboard/export/xlsx?call={call}")).await;
    assert_eq!(x.status, StatusCode::OK);
    assert!(x.header("content-type").contains("spreadsheetml"));
    let csv = o
        .get(&format!("/dashboard/export/csv?call={call}&table=2"))
        .await;
    assert!(csv.body.starts_with('\u{feff}') && csv.body.contains("Submitted,155"));
    assert_eq!(
        o.get(&format!("/dashboard/export/csv?call={call}&table=99"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
});

db_test!(
    only_the_calls_organizers_and_admins_see_the_dashboard,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let call = catalogue::calls(db).await.unwrap()[0].id;
        for who in [
            "clinician@drx.example",
            "engineer@drx.example",
            "poc@drx.example",
        ] {
            let mut c = demo_client(db, who).await;
            assert_eq!(
                c.get("/dashboard").await.status,
                StatusCode::FORBIDDEN,
                "{who}"
            );
            assert_eq!(
                c.get(&format!("/calls/{call}/report")).await.status,
                StatusCode::FORBIDDEN
            );
            assert_eq!(
                c.get(&format!("/dashboard/export/xlsx?call={call}"))
                    .await
                    .status,
                StatusCode::FORBIDDEN
            );
        }
        let mut a = demo_client(db, "admin@drx.example").await;
        assert_eq!(
            a.get(&format!("/calls/{call}/report")).await.status,
            StatusCode::OK
        );
    }
);
