//! Every list page exports: ranking, review progress, needs and accounts as CSV and XLSX that
//! open, in the reader's language, with the pages' permissions.
mod common;

use axum::http::StatusCode;
use calamine::Reader;
use common::Client;

const PW: &str = drx::demo::DEMO_PASSWORD;

fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut wb =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("a workbook that opens");
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

db_test!(lists_export_as_csv_and_xlsx_that_open, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    drx::demo::simulate_reviews(db, 2026).await.unwrap();
    let mut org = Client::new(db);
    org.lang = Some("en");
    org.login("organizer@drx.example", PW).await;
    let ranking = org.get("/calls/1/ranking").await;
    assert!(ranking.body.contains("/exports/ranking/csv?call=1"));

    let csv = org.get("/exports/ranking/csv?call=1").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv
        .header("content-disposition")
        .contains("ranking-call-1.csv"));
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("Rank,Rank from,Rank to,ID"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + 155, "a row per submission");

    for list in ["ranking", "progress"] {
        let x = org.get(&format!("/exports/{list}/xlsx?call=1")).await;
        assert_eq!(x.status, StatusCode::OK);
        let rows = xlsx_rows(&x.bytes);
        assert!(rows.len() > 10, "{list}: {} rows", rows.len());
    }
    let people = org.get("/exports/people/csv").await;
    assert!(people.body.contains("organizer@drx.example"));
    let mut zh = Client::new(db);
    zh.lang = Some("zh");
    zh.login("organizer@drx.example", PW).await;
    let needs = zh.get("/exports/needs/csv").await;
    assert!(
        needs.body.lines().next().unwrap().contains("问题"),
        "headers in the reader's language"
    );
    assert_eq!(
        needs.body.trim_start_matches('\u{feff}').lines().count(),
        1 + 56
    );

    // The same permissions as the pages.
    let mut doc = Client::new(db);
    doc.login("clinician@drx.example", PW).await;
    doc.assert_statuses(&[
        ("/exports/ranking/csv?call=1", StatusCode::FORBIDDEN),
        ("/exports/progress/xlsx?call=1", StatusCode::FORBIDDEN),
        ("/exports/people/csv", StatusCode::FORBIDDEN),
        ("/exports/needs/csv", StatusCode::OK),
    ])
    .await;
    // Sign in first.
    Client::new(db)
        .assert_statuses(&[("/exports/needs/csv", StatusCode::SEE_OTHER)])
        .await;
    org.assert_statuses(&[
        // Which call?
        ("/exports/ranking/csv", StatusCode::BAD_REQUEST),
        ("/exports/secrets/csv", StatusCode::NOT_FOUND),
        ("/exports/needs/pdf", StatusCode::NOT_FOUND),
    ])
    .await;
});
