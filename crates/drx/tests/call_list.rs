//! The organizer's list on the demo call: filters, search in both languages, sorting, counts,
//! pages, CSV and XLSX exports, and who may see them.
mod common;

use axum::http::{header, StatusCode};
use common::{demo_client, Client};
use drx::store::submissions::{self as store, ListFilter, ListRow, ListSort};
use drx::store::{catalogue, Db};

async fn demo(db: &Db) -> i64 {
    drx::demo::generate(db, 2026).await.unwrap();
    catalogue::calls(db).await.unwrap()[0].id
}

/// The newest submissions of the call under the default filter changed by `set`, at most
/// `limit`, and their count.
async fn newest_where(
    db: &Db,
    call: i64,
    limit: i64,
    set: impl FnOnce(&mut ListFilter),
) -> (Vec<ListRow>, i64) {
    let mut filter = ListFilter::default();
    set(&mut filter);
    store::list(db, call, &filter, ListSort::Newest, limit, 0)
        .await
        .unwrap()
}

db_test!(the_list_filters_searches_sorts_and_pages, |db| {
    let call = demo(db).await;
    let mut o = demo_client(db, "organizer@drx.example").await;
    let base = format!("/calls/{call}/submissions");
    let r = o.get(&base).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("共 155 个方案"), "all 155 counted");
    assert!(r.body.contains("第 1 页，共 4 页"));
    let p4 = o.get(&format!("{base}?page=4")).await.body;
    assert_eq!(
        p4.matches("href=\"/submissions/").count(),
        5,
        "155 = 3 × 50 + 5"
    );
    // Per hospital: the filter agrees with the count shown beside it.
    let orgs = store::organization_counts(db, call).await.unwrap();
    assert_eq!(orgs.len(), 12);
    assert_eq!(orgs.iter().map(|o| o.n).sum::<i64>(), 155);
    let (oid, zh, n) = (orgs[0].id, &orgs[0].name_zh, orgs[0].n);
    let r = o.get(&format!("{base}?hospital={oid}")).await.body;
    assert!(r.contains(&format!("共 {n} 个方案")), "{zh}");
    // Per field, likewise.
    let fields = store::field_counts(db, call).await.unwrap();
    let (fid, fnum) = (fields[0].id, fields[0].n);
    assert!(o
        .get(&format!("{base}?field={fid}"))
        .await
        .body
        .contains(&format!("共 {fnum} 个方案")));
    // Search: a Chinese word and an English word from real titles, case-insensitive.
    let all = store::list(db, call, &ListFilter::default(), ListSort::Title, 1000, 0)
        .await
        .unwrap()
        .0;
    let zh_title = all
        .iter()
        .find(|r| {
            r.title
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        })
        .unwrap();
    let word: String = zh_title.title.chars().take(4).collect();
    let (found, n) = newest_where(db, call, 1000, |q| q.search = word.clone()).await;
    assert!((1..155).contains(&n), "the search narrows the list");
    assert!(found.iter().any(|r| r.id == zh_title.id));
    let r = o
        .get(&format!("{base}?q={}", drx::web::error::urlencode(&word)))
        .await
        .body;
    assert!(r.contains(&zh_title.title));
    let en_title = all
        .iter()
        .find(|r| r.title.is_ascii() && r.title.len() > 10)
        .unwrap();
    let en_word = en_title
        .title
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_uppercase();
    let (found, _) = newest_where(db, call, 1000, |q| q.search = en_word).await;
    assert!(
        found.iter().any(|r| r.id == en_title.id),
        "case-insensitive English search"
    );
    // LIKE wildcards typed by the user are literal.
    let (_, n) = newest_where(db, call, 10, |q| q.search = "%_%".into()).await;
    assert_eq!(n, 0);
    // Stage filter and sorting.
    let (protos, _) = newest_where(db, call, 1000, |q| q.stage = "prototype".into()).await;
    assert!(!protos.is_empty() && protos.iter().all(|r| r.stage.as_str() == "prototype"));
    assert_eq!(all.len(), 155);
    assert!(
        all.windows(2)
            .all(|w| w[0].title <= w[1].title
                || w[0].title.to_lowercase() <= w[1].title.to_lowercase()),
        "sorted by title"
    );
    let (newest, _) = store::list(db, call, &ListFilter::default(), ListSort::Newest, 3, 0)
        .await
        .unwrap();
    assert!(newest[0].id > newest[1].id && newest[1].id > newest[2].id);
    // Drafts are hidden unless asked for; withdrawn ones are filtered by status.
    let (drafts, n) = newest_where(db, call, 10, |q| q.status = "draft".into()).await;
    assert!(drafts.iter().all(|r| r.status.as_str() == "draft"));
    let _ = n;
    // Both languages.
    o.lang = Some("en");
    assert!(o.get(&base).await.body.contains("155 submissions match."));
});

db_test!(exports_carry_the_same_selection_in_csv_and_xlsx, |db| {
    let call = demo(db).await;
    let mut o = demo_client(db, "organizer@drx.example").await;
    let r = o.get(&format!("/calls/{call}/export/csv")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header(header::CONTENT_TYPE).starts_with("text/csv"));
    assert!(r
        .header(header::CONTENT_DISPOSITION)
        .contains("drx-2026-submissions.csv"));
    assert!(r.body.starts_with('\u{feff}'), "BOM for Excel");
    assert!(r.body.contains("牵头医院"), "Chinese headers");
    // Count records, not lines: need statements may hold line breaks inside quotes.
    let records = r.body.matches("\r\n").count();
    assert_eq!(records, 156, "header + 155 rows");
    let orgs = store::organization_counts(db, call).await.unwrap();
    let r = o
        .get(&format!("/calls/{call}/export/csv?hospital={}", orgs[0].id))
        .await;
    assert_eq!(r.body.matches("\r\n").count() as i64, orgs[0].n + 1);
    let x = o.get(&format!("/calls/{call}/export/xlsx")).await;
    assert_eq!(x.status, StatusCode::OK);
    assert_eq!(
        drx::services::submissions::sniff(&x.bytes),
        Some(drx::services::submissions::FileKind::Xlsx)
    );
});

db_test!(only_the_calls_organizers_and_admins_get_the_list, |db| {
    let call = demo(db).await;
    for email in [
        "clinician@drx.example",
        "judge@drx.example",
        "engineer@drx.example",
        "poc@drx.example",
    ] {
        let mut c = demo_client(db, email).await;
        for path in ["submissions", "export/csv", "export/xlsx"] {
            assert_eq!(
                c.get(&format!("/calls/{call}/{path}")).await.status,
                StatusCode::FORBIDDEN,
                "{email} {path}"
            );
        }
    }
    // An organizer who does not organize this call.
    let organizer = &[drx::domain::Role::Organizer];
    common::account_in(db, "other-org@drx.example", "Other", None, organizer).await;
    let mut c = common::signed_in(db, "other-org@drx.example").await;
    assert_eq!(
        c.get(&format!("/calls/{call}/submissions")).await.status,
        StatusCode::FORBIDDEN
    );
    let newest = store::list(db, call, &ListFilter::default(), ListSort::Newest, 1, 0)
        .await
        .unwrap()
        .0;
    let home = c.get("/").await.body;
    assert!(
        !home.contains(&format!("/submissions/{}\"", newest[0].id)),
        "no submissions of a call they do not run on their home"
    );
    let mut org = demo_client(db, "organizer@drx.example").await;
    assert!(
        org.get("/")
            .await
            .body
            .contains(&format!("/submissions/{}\"", newest[0].id)),
        "the call's organizer sees them"
    );
    let mut a = demo_client(db, "admin@drx.example").await;
    assert_eq!(
        a.get(&format!("/calls/{call}/submissions")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        a.get("/calls/999999/submissions").await.status,
        StatusCode::NOT_FOUND
    );
    let r = Client::new(db)
        .get(&format!("/calls/{call}/export/csv"))
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "signed out: to the login page"
    );
});

db_test!(overlap_hints_show_close_pairs_to_organizers_only, |db| {
    let call = demo(db).await;
    let mut o = demo_client(db, "organizer@drx.example").await;
    let r = o.get(&format!("/calls/{call}/overlaps")).await;
    assert_eq!(r.status, StatusCode::OK);
    let pairs = r.body.matches(" ↔ ").count();
    assert!(pairs >= 1, "the demo has solutions close to each other");
    assert!(r.body.contains("共同词语"));
    let mut c = demo_client(db, "clinician@drx.example").await;
    assert_eq!(
        c.get(&format!("/calls/{call}/overlaps")).await.status,
        StatusCode::FORBIDDEN
    );
    let mut j = demo_client(db, "judge@drx.example").await;
    assert_eq!(
        j.get(&format!("/calls/{call}/overlaps")).await.status,
        StatusCode::FORBIDDEN
    );
});
