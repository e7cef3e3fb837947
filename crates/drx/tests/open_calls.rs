//! The public call pages, read without an account: which calls are listed, what a call's page
//! shows (texts, dates in the call's zone, rubric, eligibility, FAQ, how to take part), when
//! its results appear and what blind rules hide from them.
mod common;

use axum::http::StatusCode;
use common::{account, insert_call, insert_solution, solution_spec, Client};
use drx::domain::{BlindMode, Phase, Role, SubmissionStatus};
use drx::store::calls::NewCall;
use drx::store::{self, Db};

/// A call in `phase` with a rubric, an open window, eligibility and FAQ; its id.
async fn call(db: &Db, slug: &str, title: &str, phase: Phase, blind: BlindMode) -> i64 {
    let now = store::now();
    let mut tx = db.begin().await.unwrap();
    let spec = NewCall {
        blind_mode: blind,
        ..common::call_spec(slug, title, phase)
    };
    let id = insert_call(&mut tx, spec, None, now).await;
    // 2026-03-01 09:30 in China.
    store::calls::insert_call_phase(
        &mut tx,
        id,
        Phase::Open,
        1_772_328_600,
        1_772_328_600 + 86400,
    )
    .await
    .unwrap();
    store::calls::insert_criterion(&mut tx, id, 0, "Clinical value", "临床价值", 2.0, (1, 7))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut settings = store::calls::settings(db, id).await.unwrap().unwrap();
    settings.eligibility_en = "Clinicians of any hospital in China.".into();
    settings.eligibility_zh = "全国各医院的临床医生。".into();
    settings.faq_en = "Q: May teams apply? A: Yes.".into();
    settings.faq_zh = "问：团队可以申报吗？答：可以。".into();
    let mut tx = db.begin().await.unwrap();
    store::calls::update(&mut tx, id, &settings, false)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// A finalist of `call` from a new hospital, led by "Dr. Finalist".
async fn finalist(db: &Db, call: i64, title: &str) -> i64 {
    let author = account(db, &format!("{}@north.cn", call), &[Role::Clinician]).await;
    let now = store::now();
    let mut tx = db.begin().await.unwrap();
    let org =
        store::organizations::seed(&mut tx, "hospital", "North Hospital", "北方医院", "", now)
            .await
            .unwrap();
    let id = insert_solution(
        &mut tx,
        &solution_spec(call, org, author, title),
        "Dr. Finalist",
        now,
    )
    .await;
    let from = [SubmissionStatus::Submitted];
    store::submissions::set_status(&mut tx, id, &from, SubmissionStatus::Finalist, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

db_test!(
    drafts_are_never_public_and_archived_calls_leave_the_list,
    |db| {
        let open = call(db, "open-one", "Gait call", Phase::Open, BlindMode::Double).await;
        let draft = call(
            db,
            "draft-one",
            "Secret draft",
            Phase::Draft,
            BlindMode::Double,
        )
        .await;
        let past = call(db, "past-one", "Old call", Phase::Closed, BlindMode::Open).await;
        let archived = call(
            db,
            "arch-one",
            "Archived call",
            Phase::Closed,
            BlindMode::Open,
        )
        .await;
        let mut tx = db.begin().await.unwrap();
        store::calls::set_archived(&mut tx, archived, Some(store::now()))
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let mut c = Client::new(db);
        c.lang = Some("en");
        let list = c.get("/open-calls").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains(&format!("/open-calls/{open}\"")));
        assert!(list.body.contains(&format!("/open-calls/{past}\"")));
        assert!(
            !list.body.contains("Secret draft"),
            "drafts are never listed"
        );
        assert!(
            !list.body.contains("Archived call"),
            "archived calls leave the list"
        );
        let home = c.get("/").await;
        assert!(home.body.contains("Gait call") && !home.body.contains("Secret draft"));
        assert!(
            home.body.contains("href=\"/open-calls\"") && home.body.contains("href=\"/register\"")
        );

        assert_eq!(
            c.get(&format!("/open-calls/{draft}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            c.get("/open-calls/999999").await.status,
            StatusCode::NOT_FOUND
        );
        let old = c.get(&format!("/open-calls/{archived}")).await;
        assert_eq!(
            old.status,
            StatusCode::OK,
            "an archived call's page stays readable"
        );
    }
);

db_test!(
    a_call_page_shows_everything_a_visitor_needs_in_both_languages,
    |db| {
        let id = call(db, "open-two", "Gait call", Phase::Open, BlindMode::Double).await;
        let mut c = Client::new(db);
        c.lang = Some("en");
        let page = c.get(&format!("/open-calls/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        for text in [
            "Gait call",
            "2026-03-01 09:30 (Asia/Shanghai)",
            "Clinical value",
            "Clinicians of any hospital in China.",
            "Q: May teams apply? A: Yes.",
            &format!("/register?call={id}"),
            &format!("/login?next=/calls/{id}"),
        ] {
            assert!(page.body.contains(text), "{text} in {}", page.body);
        }
        assert!(
            !page.body.contains("id=\"results\""),
            "no results while open"
        );

        // The language switch works signed out and comes back to the page.
        let path = format!("/open-calls/{id}");
        let switched = c.get(&format!("/lang/zh?next={path}")).await;
        assert_eq!(switched.location(), path);
        c.lang = None;
        let zh = c.get(&path).await;
        assert!(zh.body.contains("临床价值") && zh.body.contains("全国各医院的临床医生。"));
        assert!(zh.body.contains("问：团队可以申报吗？"));
    }
);

db_test!(
    results_appear_after_decisions_and_blind_calls_name_nobody,
    |db| {
        let blind = call(db, "blind", "Blind call", Phase::Review, BlindMode::Double).await;
        let open = call(db, "named", "Named call", Phase::Decision, BlindMode::Open).await;
        finalist(db, blind, "Smart cane").await;
        finalist(db, open, "Fall sensor").await;
        let mut c = Client::new(db);
        c.lang = Some("en");

        let review = c.get(&format!("/open-calls/{blind}")).await;
        assert!(
            !review.body.contains("Smart cane"),
            "nothing before the decision phase"
        );

        let mut tx = db.begin().await.unwrap();
        store::calls::set_phase(&mut tx, blind, Phase::Decision)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let blind_page = c.get(&format!("/open-calls/{blind}")).await;
        assert!(
            blind_page.body.contains("id=\"results\"") && blind_page.body.contains("Smart cane")
        );
        for hidden in ["North Hospital", "Dr. Finalist"] {
            assert!(
                !blind_page.body.contains(hidden),
                "a blind call shows no {hidden}"
            );
        }

        let named = c.get(&format!("/open-calls/{open}")).await;
        for shown in ["Fall sensor", "North Hospital", "Dr. Finalist"] {
            assert!(named.body.contains(shown), "{shown} in {}", named.body);
        }
    }
);

db_test!(organizers_edit_eligibility_and_faq_with_the_call, |db| {
    let id = call(db, "edit-me", "Edited call", Phase::Open, BlindMode::Double).await;
    account(db, "admin@drx.cn", &[Role::Admin]).await;
    let mut admin = common::signed_in(db, "admin@drx.cn").await;
    let form = admin.get(&format!("/calls/{id}/edit")).await;
    assert!(form.body.contains("name=\"eligibility_zh\"") && form.body.contains("name=\"faq_en\""));
    assert!(form.body.contains("Clinicians of any hospital in China."));
});

db_test!(public_texts_are_shown_as_text_never_as_markup, |db| {
    let id = call(db, "hostile", "Hostile call", Phase::Open, BlindMode::Open).await;
    let mut tx = db.begin().await.unwrap();
    let script = "<script>alert(1)</script>";
    store::calls::set_public_texts(&mut tx, id, (script, script), (script, script))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let page = Client::new(db).get(&format!("/open-calls/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(script));
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
});
