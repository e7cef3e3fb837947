//! The demo data exercises the submission features: kept versions, a revised version with a
//! visible difference, attachments, and the demo clinician's receipts.
mod common;

use axum::http::StatusCode;
use common::Client;
use drx::demo::DEMO_PASSWORD;
use drx::store::submissions::{self as subs, ListSort};

db_test!(
    demo_submissions_have_versions_attachments_and_receipts,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let call = drx::store::catalogue::calls(db).await.unwrap()[0].id;
        let (rows, n) = subs::list(db, call, &Default::default(), ListSort::Oldest, 1000, 0)
            .await
            .unwrap();
        assert_eq!(n, 155);
        let mut revised = None;
        let mut attached = None;
        for r in &rows {
            let revs = subs::revisions(db, r.id).await.unwrap();
            assert_eq!(
                revs.len() as i64,
                r.version,
                "every version kept for #{}",
                r.id
            );
            if r.version == 2 && revised.is_none() {
                revised = Some(r.id);
            }
            if attached.is_none() && !subs::attachments(db, r.id).await.unwrap().is_empty() {
                attached = Some(r.id);
            }
        }
        let (revised, attached) = (
            revised.expect("a revised one"),
            attached.expect("one with a file"),
        );
        let mut o = Client::new(db);
        o.login("organizer@drx.example", DEMO_PASSWORD).await;
        let diff = o
            .get(&format!("/submissions/{revised}/revisions?a=1&b=2"))
            .await;
        assert_eq!(diff.status, StatusCode::OK);
        assert!(
            diff.body.contains("<ins>"),
            "the revision shows what changed"
        );
        let a = subs::attachments(db, attached).await.unwrap();
        let file = o.get(&format!("/attachments/{}", a[0].id)).await;
        assert_eq!(file.status, StatusCode::OK);
        assert!(file.body.starts_with("%PDF-"));
        let mut c = Client::new(db);
        c.login("clinician@drx.example", DEMO_PASSWORD).await;
        assert!(
            c.get("/").await.body.contains("回执编号"),
            "the demo clinician has receipts"
        );
    }
);
