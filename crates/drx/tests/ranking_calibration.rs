//! The ranking people trust (issue 14, item 4): each row explains its calibrated score by the
//! judges' severities that moved it, flags fewer reviews than planned and high disagreement,
//! names judges only where the call shows them, and the calibration is computed once per state
//! of the reviews and kept (two views, one computation; a new review, a new computation).
mod common;

use axum::http::StatusCode;
use common::demo_client;
use drx::store::{accounts, matching, raw_execute, Db};

async fn review(db: &Db, submission: i64, judge: i64, score: f64) {
    let rid = common::assign_review(db, submission, judge).await;
    common::submit_review(db, rid, score, "", "").await;
}

/// The demo with organizers who do not see judges' names; judges 0 and 1 agree, judge 2 is two
/// points harsher on every submission they share; 30 has 1 of 3 reviews, 40 two far apart.
/// Returns the judges' (id, name).
async fn judged_demo(db: &Db) -> Vec<(i64, String)> {
    drx::demo::generate(db, 2026).await.unwrap();
    let hide = "UPDATE calls SET organizers_see_judges = 0, reviews_per_submission = 3, finalists = 2 WHERE id = 1";
    raw_execute(db, hide).await.unwrap();
    let mut js: Vec<(i64, String)> = matching::judges_of_call(db, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.person_id, e.name))
        .collect();
    js.sort();
    for (s, fair) in [(20, 8.0), (60, 6.0), (70, 7.0), (80, 5.0)] {
        review(db, s, js[0].0, fair).await;
        review(db, s, js[1].0, fair + 0.5).await;
        review(db, s, js[2].0, fair - 2.0).await;
    }
    review(db, 30, js[3].0, 6.0).await;
    review(db, 40, js[4].0, 2.0).await;
    review(db, 40, js[5].0, 9.0).await;
    js
}

async fn organizer(db: &Db) -> accounts::Person {
    let id = common::person_id(db, "organizer@drx.example").await;
    accounts::person(db, id).await.unwrap().unwrap()
}

db_test!(
    each_row_shows_the_judges_that_moved_it_and_its_flags_without_naming_hidden_judges,
    |db| {
        let js = judged_demo(db).await;
        let org = organizer(db).await;
        let r = drx::services::ranking::ranking(db, &org, 1).await.unwrap();
        let row = |id: i64| r.rows.iter().find(|x| x.submission_id == id).unwrap();

        // 20: the harsh judge's review is the largest shift, and gives points back.
        let twenty = row(20);
        let harsh = &twenty.movers[0];
        assert_eq!(harsh.letter, "C", "the third review of 20 is judge 2's");
        assert!(harsh.judge.is_none(), "names hidden from organizers");
        assert!(harsh.severity < -0.3 && harsh.shift > 0.1, "{harsh:?}");
        let explained: f64 =
            twenty.movers.iter().map(|m| m.shift).sum::<f64>() + twenty.estimate.shrinkage;
        assert!(
            (twenty.estimate.raw_mean.unwrap() + explained - twenty.estimate.quality).abs() < 1e-6
        );
        assert!(!twenty.fewer_than_planned && !twenty.disagreement);

        let thirty = row(30);
        assert_eq!((thirty.estimate.n, thirty.planned), (1, 3));
        assert!(thirty.fewer_than_planned && !thirty.disagreement);
        let forty = row(40);
        assert!(forty.fewer_than_planned && forty.disagreement);
        assert!(r.mc_error > 0.0 && r.mc_error < 0.1, "{}", r.mc_error);

        let mut c = demo_client(db, "organizer@drx.example").await;
        c.lang = Some("zh");
        let zh = c.get("/calls/1/ranking").await;
        assert!(zh.body.contains("评审 1/3 份") && zh.body.contains("评委 C（宽严 -"));
        c.lang = Some("en");
        let page = c.get("/calls/1/ranking").await;
        assert_eq!(page.status, StatusCode::OK);
        for text in [
            "1 of 3 reviews",
            "high disagreement",
            "Judge C (severity -",
            "Monte Carlo error",
        ] {
            assert!(page.body.contains(text), "the ranking page lacks {text:?}");
        }
        for (_, name) in js.iter().take(6) {
            assert!(!page.body.contains(name.as_str()), "the page names {name}");
        }

        // Where the call shows judges to its organizers, the shift carries the name.
        raw_execute(
            db,
            "UPDATE calls SET organizers_see_judges = 1 WHERE id = 1",
        )
        .await
        .unwrap();
        let page = c.get("/calls/1/ranking").await;
        assert!(page.body.contains(&format!("{} (severity -", js[2].1)));

        let csv = c.get("/exports/ranking/csv?call=1").await;
        assert_eq!(csv.status, StatusCode::OK);
        for text in [
            "Monte Carlo error",
            "Reviews planned",
            "Judges (severity: shift)",
        ] {
            assert!(csv.body.contains(text), "the export lacks {text:?}");
        }
        assert!(csv.body.contains(&format!("{} -", js[2].1)));
    }
);

db_test!(
    the_calibration_is_computed_once_per_state_of_the_reviews,
    |db| {
        let js = judged_demo(db).await;
        let org = organizer(db).await;
        let first = drx::services::ranking::ranking(db, &org, 1).await.unwrap();
        assert!(!first.reused, "the first view computes");
        let second = drx::services::ranking::ranking(db, &org, 1).await.unwrap();
        assert!(second.reused, "the second view reads the kept calibration");
        assert_eq!(second.computed_at, first.computed_at);
        let ranks = |r: &drx::services::ranking::Ranking| {
            r.rows
                .iter()
                .map(|x| (x.submission_id, x.estimate.quality))
                .collect::<Vec<_>>()
        };
        assert_eq!(ranks(&first), ranks(&second));
        let mut c = demo_client(db, "organizer@drx.example").await;
        assert_eq!(c.get("/calls/1/ranking").await.status, StatusCode::OK);
        assert!(
            drx::services::ranking::ranking(db, &org, 1)
                .await
                .unwrap()
                .reused,
            "the page read it too"
        );

        // A draft changes nothing; a submitted review does.
        common::assign_review(db, 30, js[6].0).await;
        assert!(
            drx::services::ranking::ranking(db, &org, 1)
                .await
                .unwrap()
                .reused
        );
        review(db, 30, js[7].0, 7.0).await;
        let after = drx::services::ranking::ranking(db, &org, 1).await.unwrap();
        assert!(!after.reused, "a new review recomputes");
        let thirty = after.rows.iter().find(|x| x.submission_id == 30).unwrap();
        assert_eq!(thirty.estimate.n, 2);
        assert!(
            drx::services::ranking::ranking(db, &org, 1)
                .await
                .unwrap()
                .reused
        );
    }
);

db_test!(
    the_ranking_api_gives_the_same_explained_rows_to_organizers_only,
    |db| {
        let js = judged_demo(db).await;
        let token = |email: &'static str| async move {
            drx::services::api_tokens::create_for_email(db, email, "t", drx::store::now())
                .await
                .unwrap()
        };
        let (org, judge) = (
            token("organizer@drx.example").await,
            token("judge@drx.example").await,
        );
        let path = "/api/v1/calls/1/ranking";
        let r = common::api(db, axum::http::Method::GET, path, &judge, None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        let r = common::api(db, axum::http::Method::GET, path, &org, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let rows = v["rows"].as_array().unwrap();
        let row = |id: i64| rows.iter().find(|x| x["submission_id"] == id).unwrap();
        assert_eq!(row(30)["reviews"], 1);
        assert_eq!(row(30)["reviews_planned"], 3);
        assert_eq!(row(30)["fewer_reviews_than_planned"], true);
        assert_eq!(row(40)["high_disagreement"], true);
        let harsh = &row(20)["movers"][0];
        assert_eq!(harsh["letter"], "C");
        assert!(harsh["judge"].is_null(), "names hidden: {harsh}");
        assert!(
            harsh["severity"].as_f64().unwrap() < 0.0 && harsh["shift"].as_f64().unwrap() > 0.0
        );
        assert!(v["mc_error"].as_f64().unwrap() > 0.0);
        for (_, name) in js.iter().take(6) {
            assert!(!r.body.contains(name.as_str()), "the API names {name}");
        }
    }
);
