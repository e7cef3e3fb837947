//! Bidding before assignment (issue 22, item 4): who may bid and see bids, blind rules on the
//! bidding sheet, bids in the assignment (conflict bids exclude a pair, eager bids attract it),
//! the organizer's coverage, the audit, the REST API.
mod common;

use axum::http::{Method, StatusCode};
use common::signed_in;
use drx::domain::{AuditEntity, CallRole, Phase, Role};
use drx::services::assignment::{self, AssignParams, RunOutcome};
use drx::store::{calls, matching, Db};
use serde_json::{json, Value};

/// A double-blind call in review run by organizer@, with three submissions of "Zeta General
/// Hospital" led by "Dr Secretname", judges a@ and b@ in its pool (out@ is a judge outside it),
/// one review each. Returns (call, submission ids).
async fn bidding_call(db: &Db) -> (i64, Vec<i64>) {
    let organizer = common::account(db, "org@drx.cn", &[Role::Organizer]).await;
    let a = common::account(db, "a@drx.cn", &[Role::Judge]).await;
    let b = common::account_in(db, "b@drx.cn", "Judge Bravo", None, &[Role::Judge]).await;
    common::account(db, "out@drx.cn", &[Role::Judge]).await;
    common::account(db, "eng@drx.cn", &[Role::Engineer]).await;
    let author = common::account(db, "author@drx.cn", &[Role::Clinician]).await;
    let mut tx = db.begin().await.unwrap();
    let hospital = drx::store::organizations::seed(
        &mut tx,
        "hospital",
        "Zeta General Hospital",
        "泽塔医院",
        "",
        0,
    )
    .await
    .unwrap();
    let spec = calls::NewCall {
        judge_max_load: 10,
        created_by: Some(organizer),
        ..common::call_spec("bidding", "Bidding call", Phase::Review)
    };
    let call = common::insert_call(&mut tx, spec, Some(organizer), 0).await;
    for j in [a, b] {
        calls::insert_call_role(&mut tx, call, j, CallRole::Judge)
            .await
            .unwrap();
    }
    let mut subs = Vec::new();
    for title in ["Gait exoskeleton", "Smart inhaler", "Sepsis alert"] {
        let s = drx::store::submissions::NewSubmission {
            solution: "A device that helps the ward.",
            ..common::solution_spec(call, hospital, author, title)
        };
        subs.push(common::insert_solution(&mut tx, &s, "Dr Secretname", 0).await);
    }
    tx.commit().await.unwrap();
    (call, subs)
}

/// Saves bids from the bidding page as `who`.
async fn bid(c: &mut common::Client, call: i64, bids: &[(i64, &str)]) -> common::Resp {
    let page = format!("/calls/{call}/bids");
    let fields: Vec<(String, String)> = bids
        .iter()
        .map(|(s, b)| (format!("bid-{s}"), b.to_string()))
        .collect();
    c.submit(&page, &page, &common::borrowed(&fields)).await
}

db_test!(who_may_bid_and_see_bids, |db| {
    let (call, subs) = bidding_call(db).await;
    let sheet = format!("/calls/{call}/bids");
    let coverage = format!("/calls/{call}/bids/coverage");

    // A judge of the pool sees the sheet: content, no authors or hospitals (double-blind).
    let mut a = signed_in(db, "a@drx.cn").await;
    let r = a.get(&sheet).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Smart inhaler"));
    assert!(r.body.contains("id=\"blind-note\""));
    for hidden in ["Secretname", "Zeta General", "泽塔医院", "author@drx.cn"] {
        assert!(!r.body.contains(hidden), "{hidden} shown while bidding");
    }
    // Linked from the judge's home and the call page; not for judges outside the pool.
    assert!(a.get("/").await.body.contains(&sheet));
    assert!(a
        .get(&format!("/calls/{call}"))
        .await
        .body
        .contains("id=\"bid-link\""));
    let mut outsider = signed_in(db, "out@drx.cn").await;
    assert!(!outsider.get("/").await.body.contains(&sheet));
    // The English page too.
    let r = a.get(&format!("{sheet}?lang=en")).await;
    assert_eq!(r.status, StatusCode::OK);

    // A judge outside the pool, a clinician (the author), an engineer: refused.
    for email in ["out@drx.cn", "author@drx.cn", "eng@drx.cn"] {
        let mut c = signed_in(db, email).await;
        assert_eq!(c.get(&sheet).await.status, StatusCode::FORBIDDEN, "{email}");
        assert_eq!(
            c.get(&coverage).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    let mut out = signed_in(db, "out@drx.cn").await;
    let csrf = out.csrf_token().await;
    let field = format!("bid-{}", subs[0]);
    let r = out
        .post_form(&sheet, &[("csrf", &csrf), (&field, "eager")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "an outsider's bid");

    // a@ bids; one audit event for the save, with the count.
    let r = bid(
        &mut a,
        call,
        &[(subs[0], "eager"), (subs[1], "conflict"), (subs[2], "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = a.get(&format!("{sheet}?saved=2")).await;
    let own = &r.body[r.body.find(&format!("id=\"sub-{}\"", subs[0])).unwrap()..];
    let own = &own[..own.find("</tr>").unwrap()];
    assert!(own.contains("value=\"eager\" checked"), "{own}");
    let events: Vec<_> = drx::store::audit::history(db, AuditEntity::Call, call)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action.as_str() == "bids")
        .collect();
    assert_eq!(events.len(), 1);
    assert!(
        events[0].detail.contains("\"changed\":2"),
        "{}",
        events[0].detail
    );
    // An unknown value is refused; a submission of no call's bidding is refused with a reason.
    let r = bid(&mut a, call, &[(subs[0], "maybe")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = bid(&mut a, call, &[(999_999, "eager")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("#999999"), "{}", r.body);

    // A judge cannot see the coverage; the organizer does: counts, shortfalls, silent judges.
    assert_eq!(a.get(&coverage).await.status, StatusCode::FORBIDDEN);
    let mut o = signed_in(db, "org@drx.cn").await;
    assert_eq!(
        o.get(&sheet).await.status,
        StatusCode::FORBIDDEN,
        "organizers do not bid"
    );
    let r = o.get(&coverage).await;
    assert_eq!(r.status, StatusCode::OK);
    let row = |id: i64| {
        let start = r.body.find(&format!("id=\"cov-{id}\"")).unwrap();
        r.body[start..start + r.body[start..].find("</tr>").unwrap()].to_string()
    };
    assert!(
        !row(subs[0]).contains("class=\"short\""),
        "{}",
        row(subs[0])
    );
    assert!(row(subs[1]).contains("short"), "{}", row(subs[1]));
    let silent = &r.body[r.body.find("id=\"no-bids\"").unwrap()..];
    assert!(silent.contains("Judge Bravo"), "{silent}");
    assert!(o
        .get(&format!("/calls/{call}/assignment"))
        .await
        .body
        .contains("bid-coverage-link"));

    // Once the assignment is published, bidding is closed with the reason.
    let r = o
        .submit(
            &format!("/calls/{call}/assignment"),
            &format!("/calls/{call}/assignment"),
            &[("one_per_org", "on")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let run = r.location().to_string();
    let r = o.submit(&run, &format!("{run}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = bid(&mut a, call, &[(subs[2], "willing")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("评委分配已发布"), "{}", r.body);
});

db_test!(bids_steer_the_assignment, |db| {
    let (call, subs) = bidding_call(db).await;
    let a_id = common::person_id(db, "a@drx.cn").await;
    let b_id = common::person_id(db, "b@drx.cn").await;
    let mut a = signed_in(db, "a@drx.cn").await;
    let mut b = signed_in(db, "b@drx.cn").await;
    // Neither judge has a profile: equal affinity everywhere. a@ is eager for the first and
    // b@ for the third; on the second a@ declares a conflict and b@ is not willing, which
    // alone would send it to a@.
    let r = bid(&mut a, call, &[(subs[0], "eager"), (subs[1], "conflict")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = bid(
        &mut b,
        call,
        &[(subs[1], "not_willing"), (subs[2], "eager")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let organizer = common::fixture::person(db, "org@drx.cn").await;
    let params = AssignParams {
        one_judge_per_org: true,
        ..AssignParams::default()
    };
    let out = assignment::run_judges(db, &organizer, call, &params, 10, &|_| {})
        .await
        .unwrap();
    let RunOutcome::Saved { run_id, .. } = out else {
        panic!("{out:?}")
    };
    let pairs = matching::run_pairs(db, run_id).await.unwrap();
    let judge_of = |s: i64| pairs.iter().find(|p| p.submission_id == s).unwrap();
    assert_eq!(judge_of(subs[0]).assignee_id, a_id, "{pairs:?}");
    assert!(judge_of(subs[0]).reason.contains("bid: eager"), "{pairs:?}");
    // The run's page labels the bid in the reader's language, like the other reasons.
    let mut o = signed_in(db, "org@drx.cn").await;
    let r = o.get(&format!("/calls/{call}/assignment/{run_id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("投标: </span>非常想评"), "{}", r.body);
    assert!(!r.body.contains("bid: eager"), "{}", r.body);
    assert_eq!(judge_of(subs[2]).assignee_id, b_id, "{pairs:?}");
    // b@ is not willing but a@ has a conflict: the conflict holds.
    assert_eq!(judge_of(subs[1]).assignee_id, b_id, "{pairs:?}");
    assert!(
        judge_of(subs[1]).reason.contains("bid: not_willing"),
        "{pairs:?}"
    );

    // A pin against a conflict bid is refused with its reason.
    let pinned = AssignParams {
        pinned: vec![(subs[1], a_id)],
        ..params.clone()
    };
    let out = assignment::run_judges(db, &organizer, call, &pinned, 11, &|_| {})
        .await
        .unwrap();
    match out {
        RunOutcome::Infeasible(m) => {
            assert_eq!(m[0].key, "assign-pin-conflict-bid", "{m:?}")
        }
        other => panic!("{other:?}"),
    }
});

use common::api;

db_test!(the_api_follows_the_same_rules, |db| {
    let (call, subs) = bidding_call(db).await;
    let token = |email: &'static str| async move {
        drx::services::api_tokens::create_for_email(db, email, "t", drx::store::now())
            .await
            .unwrap()
    };
    let (a, out, org, author) = (
        token("a@drx.cn").await,
        token("out@drx.cn").await,
        token("org@drx.cn").await,
        token("author@drx.cn").await,
    );
    let bids = format!("/api/v1/calls/{call}/bids");
    let coverage = format!("/api/v1/calls/{call}/bids/coverage");

    let r = api(db, Method::GET, &bids, &a, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["open"], true);
    assert_eq!(v["blind"], true);
    assert_eq!(v["submissions"].as_array().unwrap().len(), 3);
    assert!(!r.body.contains("Secretname") && !r.body.contains("Zeta"));

    let put = json!({ "bids": [
        { "submission_id": subs[0], "bid": "eager" },
        { "submission_id": subs[1], "bid": "not_willing" },
    ] });
    let r = api(db, Method::PUT, &bids, &a, Some(put.clone())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["submissions"][0]["bid"], "eager");
    assert_eq!(v["submissions"][1]["bid"], "not_willing");
    assert!(v["submissions"][2]["bid"].is_null());
    let r = api(
        db,
        Method::PUT,
        &bids,
        &a,
        Some(json!({ "bids": [ { "submission_id": subs[0], "bid": "maybe" } ] })),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("not_willing"),
        "the refusal names the values: {}",
        r.body
    );

    // Outside the pool, the author, the organizer: no bids of their own.
    for t in [&out, &author, &org] {
        assert_eq!(
            api(db, Method::GET, &bids, t, None).await.status,
            StatusCode::FORBIDDEN
        );
        let r = api(db, Method::PUT, &bids, t, Some(put.clone())).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
    // Coverage: the organizer only.
    for t in [&a, &out, &author] {
        assert_eq!(
            api(db, Method::GET, &coverage, t, None).await.status,
            StatusCode::FORBIDDEN
        );
    }
    let r = api(db, Method::GET, &coverage, &org, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["submissions"][0]["eager"], 1);
    assert_eq!(v["submissions"][1]["not_willing"], 1);
    assert_eq!(v["submissions"][1]["short"], true);
    assert_eq!(v["judges_without_bids"][0]["name"], "Judge Bravo");

    // The OpenAPI document lists them.
    let r = api(db, Method::GET, "/api/v1/openapi.json", &a, None).await;
    assert!(
        r.body.contains("/api/v1/calls/{id}/bids/coverage"),
        "openapi"
    );
});

db_test!(
    judges_of_a_non_blind_call_see_who_wrote_what_they_bid_on,
    |db| {
        let (call, subs) = bidding_call(db).await;
        let sheet = format!("/calls/{call}/bids");
        let mut a = signed_in(db, "a@drx.cn").await;
        for (mode, shown) in [("single", true), ("open", true), ("double", false)] {
            let sql = format!("UPDATE calls SET blind_mode = '{mode}' WHERE id = {call}");
            drx::store::raw_execute(db, &sql).await.unwrap();
            let r = a.get(&sheet).await;
            assert_eq!(r.status, StatusCode::OK);
            let row = &r.body[r.body.find(&format!("id=\"sub-{}\"", subs[0])).unwrap()..];
            let row = &row[..row.find("</tr>").unwrap()];
            for name in ["Dr Secretname", "泽塔医院"] {
                assert_eq!(row.contains(name), shown, "{mode}: {name} in {row}");
            }
            assert_eq!(r.body.contains("id=\"blind-note\""), !shown, "{mode}");
            assert!(!r.body.contains("author@drx.cn"), "never the address");
        }
    }
);

db_test!(
    the_bid_coverage_exports_as_csv_and_xlsx_for_organizers_only,
    |db| {
        let (call, subs) = bidding_call(db).await;
        let mut a = signed_in(db, "a@drx.cn").await;
        let r = bid(&mut a, call, &[(subs[0], "eager"), (subs[1], "conflict")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut b = signed_in(db, "b@drx.cn").await;
        let r = bid(&mut b, call, &[(subs[0], "not_willing")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        let csv = format!("/exports/bids/csv?call={call}");
        let xlsx = format!("/exports/bids/xlsx?call={call}");
        let mut o = signed_in(db, "org@drx.cn").await;
        let page = o.get(&format!("/calls/{call}/bids/coverage")).await;
        assert!(page
            .body
            .contains(&format!("/exports/bids/csv?call={call}")));
        assert!(page
            .body
            .contains(&format!("/exports/bids/xlsx?call={call}")));
        let r = o.get(&csv).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let lines: Vec<&str> = r.body.lines().collect();
        assert!(
            lines[0].contains("非常想评")
                && lines[0].contains("利益冲突")
                && lines[0].contains("意向评委数"),
            "{}",
            lines[0]
        );
        let line = |id: i64| {
            *lines
                .iter()
                .find(|l| l.starts_with(&format!("{id},")))
                .unwrap_or_else(|| panic!("no line for {id}: {lines:?}"))
        };
        // eager, willing, not willing, conflict, bidders.
        assert!(line(subs[0]).contains(",1,0,1,0,2,"), "{}", line(subs[0]));
        assert!(
            line(subs[0]).contains("Judge Bravo (不愿意)"),
            "{}",
            line(subs[0])
        );
        assert!(line(subs[1]).contains(",0,0,0,1,1,"), "{}", line(subs[1]));
        assert!(line(subs[2]).contains(",0,0,0,0,0,"), "{}", line(subs[2]));
        let r = o.get(&xlsx).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.bytes.starts_with(b"PK"), "an XLSX archive");
        // Judges (even of the pool), the author, an engineer: refused, like the page.
        for email in ["a@drx.cn", "out@drx.cn", "author@drx.cn", "eng@drx.cn"] {
            let mut c = signed_in(db, email).await;
            for path in [&csv, &xlsx] {
                assert_eq!(
                    c.get(path).await.status,
                    StatusCode::FORBIDDEN,
                    "{email} {path}"
                );
            }
        }
    }
);
