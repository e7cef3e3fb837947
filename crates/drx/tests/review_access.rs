//! Who reads the judges' reviews (issue 14, items 1-3), on the demo call (double-blind, phase
//! review), through the pages, the exports and the API alike: the call's organizers read every
//! review (names, or letters when the call hides them), an organizer of another call nothing, a
//! judge of the submission the others' reviews as the call's co-review rule says (by letter
//! unless the call names them), the authors only the comments for authors without names, an
//! engineer nothing; the call's list of reviews and its filters; the exports.
mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{demo_client, Client, Resp};
use drx::store::accounts::{self, Person};
use drx::store::{raw_execute, reviews, Db};
use serde_json::Value;

const SUB: i64 = 3;
const OTHER_SUB: i64 = 5;
const COMMITTEE_B: &str = "Committee only: B doubts the budget";
const AUTHORS_B: &str = "For the authors: B likes the prototype";
const AUTHORS_C: &str = "For the authors: C wants more evidence";

async fn person(db: &Db, id: i64) -> Person {
    accounts::list_people(db, None)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
}

/// The demo with three judges on submission 3, in this order (so letters A, B, C): judge@
/// (not submitted), B (submitted, all 9), C (submitted, all 2); and B and C on submission 5
/// (7 and 8: no disagreement).
struct World {
    /// (person, review of submission 3)
    a: (Person, i64),
    b: (Person, i64),
    c: (Person, i64),
}

async fn review(db: &Db, judge: &Person, rid: i64, score: &str, authors: &str, committee: &str) {
    let criteria = reviews::criteria(db, 1).await.unwrap();
    let raw = drx::services::reviews::RawReview {
        scores: criteria.iter().map(|c| (c.id, score.to_string())).collect(),
        confidence: "4".into(),
        comments_for_authors: authors.into(),
        comments_for_committee: committee.into(),
    };
    drx::services::reviews::save(db, judge, rid, &raw, true, drx::store::now())
        .await
        .unwrap();
}

async fn world(db: &Db) -> World {
    drx::demo::generate(db, 2026).await.unwrap();
    let first = common::person_id(db, "judge@drx.example").await;
    let mut others: Vec<i64> = drx::store::matching::judges_of_call(db, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.person_id)
        .filter(|id| *id != first)
        .collect();
    others.sort();
    let (a, b, c) = (
        person(db, first).await,
        person(db, others[0]).await,
        person(db, others[1]).await,
    );
    let ra = common::assign_review(db, SUB, a.id).await;
    let rb = common::assign_review(db, SUB, b.id).await;
    let rc = common::assign_review(db, SUB, c.id).await;
    review(db, &b, rb, "9", AUTHORS_B, COMMITTEE_B).await;
    review(db, &c, rc, "2", AUTHORS_C, "Committee only: C").await;
    let b5 = common::assign_review(db, OTHER_SUB, b.id).await;
    let c5 = common::assign_review(db, OTHER_SUB, c.id).await;
    review(db, &b, b5, "7", "", "").await;
    review(db, &c, c5, "8", "", "").await;
    World {
        a: (a, ra),
        b: (b, rb),
        c: (c, rc),
    }
}

async fn set_call(db: &Db, set: &str) {
    raw_execute(db, &format!("UPDATE calls SET {set} WHERE id = 1"))
        .await
        .unwrap();
}

async fn client(db: &Db, p: &Person) -> Client {
    demo_client(db, &p.email).await
}

/// The reviews shown on a page (the cards of the submission page, the rows of the call's list).
fn shown(body: &str, marker: &str) -> usize {
    body.matches(marker).count()
}

fn cards(r: &Resp) -> usize {
    shown(&r.body, "id=\"review-")
}

async fn api(db: &Db, path: &str, email: &str) -> Resp {
    let token = drx::services::api_tokens::create_for_email(db, email, "t", drx::store::now())
        .await
        .unwrap();
    let req = Request::get(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    Client::new(db).send(req).await
}

fn json(r: &Resp) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

/// Neither the submission (404) nor the call's reviews, their exports (403) nor the API (404).
async fn reads_nothing(db: &Db, c: &mut Client, email: &str) {
    c.assert_statuses(&[
        (&format!("/submissions/{SUB}"), StatusCode::NOT_FOUND),
        ("/calls/1/reviews", StatusCode::FORBIDDEN),
        ("/exports/reviews/csv?call=1", StatusCode::FORBIDDEN),
        ("/exports/decisions/csv?call=1", StatusCode::FORBIDDEN),
    ])
    .await;
    let r = api(db, &format!("/api/v1/submissions/{SUB}/reviews"), email).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// Another organizer running another call only.
async fn organizer_elsewhere(db: &Db) -> Person {
    let id = common::account(db, "org2@drx.example", &[drx::domain::Role::Organizer]).await;
    let mut tx = db.begin().await.unwrap();
    let spec = common::call_spec("elsewhere", "Elsewhere", drx::domain::Phase::Review);
    common::insert_call(&mut tx, spec, Some(id), drx::store::now()).await;
    tx.commit().await.unwrap();
    person(db, id).await
}

db_test!(
    organizers_read_every_review_with_names_or_letters_as_the_call_says,
    |db| {
        let w = world(db).await;
        let mut o = demo_client(db, "organizer@drx.example").await;
        let page = o.get(&format!("/submissions/{SUB}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(cards(&page), 3, "every review, the unsubmitted one too");
        for text in [COMMITTEE_B, AUTHORS_B, AUTHORS_C] {
            assert!(page.body.contains(text), "{text}");
        }
        for j in [&w.a.0, &w.b.0, &w.c.0] {
            assert!(page.body.contains(&j.name), "names by default: {}", j.name);
        }
        assert!(page.body.contains("pill status-draft"), "A is missing");

        // The call hides the judges from its organizers: letters, stable per submission.
        set_call(db, "organizers_see_judges = 0").await;
        o.lang = Some("en");
        let page = o.get(&format!("/submissions/{SUB}")).await;
        for j in [&w.a.0, &w.b.0, &w.c.0] {
            assert!(!page.body.contains(&j.name), "{} is hidden", j.name);
        }
        let (ia, ib, ic) = (
            page.body.find("Judge A").unwrap(),
            page.body.find("Judge B").unwrap(),
            page.body.find("Judge C").unwrap(),
        );
        assert!(ia < ib && ib < ic);
        assert!(
            page.body[ib..ic].contains(COMMITTEE_B),
            "B's review under B"
        );

        // An organizer of another call reads nothing of this one.
        let stranger = organizer_elsewhere(db).await;
        let mut s = Client::new(db);
        s.login(&stranger.email, common::PASSWORD).await;
        reads_nothing(db, &mut s, &stranger.email).await;
    }
);

db_test!(
    a_judge_reads_the_others_only_as_the_co_review_rule_says,
    |db| {
        let w = world(db).await;
        let path = format!("/submissions/{SUB}");
        let mut a = client(db, &w.a.0).await;
        a.lang = Some("en");
        // Before submitting their own: nothing of the others.
        let page = a.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(cards(&page), 0);
        assert!(!page.body.contains(COMMITTEE_B));

        // After the review phase (that rule), even without submitting.
        set_call(db, "co_reviews = 'after_phase'").await;
        assert_eq!(cards(&a.get(&path).await), 0, "the review phase lasts");
        set_call(db, "phase = 'decision'").await;
        let page = a.get(&path).await;
        assert_eq!(cards(&page), 3, "the others' submitted ones and one's own");
        assert!(page.body.contains(COMMITTEE_B));
        set_call(db, "phase = 'review', co_reviews = 'after_own'").await;

        // After submitting: the others by letter, both kinds of comments, no names; the
        // workspace links them.
        let workspace = format!("/reviews/{}", w.a.1);
        assert!(!a.get(&workspace).await.body.contains("#reviews"));
        review(db, &w.a.0, w.a.1, "5", "A for authors", "A for committee").await;
        assert!(a
            .get(&workspace)
            .await
            .body
            .contains(&format!("{path}#reviews")));
        let page = a.get(&path).await;
        assert_eq!(cards(&page), 3);
        for text in [COMMITTEE_B, AUTHORS_B, "Judge A", "Judge B", "Judge C"] {
            assert!(page.body.contains(text), "{text}");
        }
        for j in [&w.b.0, &w.c.0] {
            assert!(!page.body.contains(&j.name), "{} is hidden", j.name);
        }
        assert!(!page.body.contains("Declared conflicts"));
        // The call names judges to each other.
        set_call(db, "judges_see_judges = 1").await;
        let page = a.get(&path).await;
        assert!(page.body.contains(&w.b.0.name) && page.body.contains(&w.c.0.name));
        // Never.
        set_call(db, "co_reviews = 'never'").await;
        let page = a.get(&path).await;
        assert_eq!(cards(&page), 0);
        assert!(!page.body.contains(COMMITTEE_B));
        // Judges never reach the call's list or its exports.
        a.assert_statuses(&[
            ("/calls/1/reviews", StatusCode::FORBIDDEN),
            ("/exports/reviews/csv?call=1", StatusCode::FORBIDDEN),
        ])
        .await;
        let _ = &w.c;
    }
);

db_test!(
    authors_see_only_the_comments_for_authors_and_engineers_nothing,
    |db| {
        let w = world(db).await;
        let author = person(db, common::submission(db, SUB).await.created_by).await;
        set_call(db, "phase = 'decision'").await;
        raw_execute(
            db,
            &format!("UPDATE submissions SET status = 'not_selected', decision_told = 'not_selected' WHERE id = {SUB}"),
        )
        .await
        .unwrap();
        for lang in ["en", "zh"] {
            let mut c = client(db, &author).await;
            c.lang = Some(lang);
            let page = c.get(&format!("/submissions/{SUB}")).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.body.contains(AUTHORS_B) && page.body.contains(AUTHORS_C));
            assert!(!page.body.contains("Committee only"), "{lang}");
            assert_eq!(cards(&page), 0, "{lang}");
            for j in [&w.a.0, &w.b.0, &w.c.0] {
                assert!(!page.body.contains(&j.name), "{lang}: {}", j.name);
            }
            assert!(!page.body.contains("Judge B") && !page.body.contains("评委 B"));
        }
        let r = api(
            db,
            &format!("/api/v1/submissions/{SUB}/reviews"),
            &author.email,
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(!r.body.contains("Committee only"));

        let mut e = demo_client(db, "engineer@drx.example").await;
        reads_nothing(db, &mut e, "engineer@drx.example").await;
    }
);

/// The review ids the call's list shows.
fn rows(r: &Resp) -> Vec<i64> {
    let marker = "data-review=\"";
    r.body
        .match_indices(marker)
        .map(|(i, _)| {
            let rest = &r.body[i + marker.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

db_test!(
    the_call_list_filters_missing_late_and_high_disagreement,
    |db| {
        let w = world(db).await;
        let mut o = demo_client(db, "organizer@drx.example").await;
        let all = o.get("/calls/1/reviews").await;
        assert_eq!(all.status, StatusCode::OK);
        assert_eq!(rows(&all).len(), 5);
        for lang in ["en", "zh"] {
            o.lang = Some(lang);
            assert_eq!(o.get("/calls/1/reviews").await.status, StatusCode::OK);
        }
        assert_eq!(
            rows(&o.get("/calls/1/reviews?show=missing").await),
            vec![w.a.1]
        );

        // The review phase ended at 2000; B and C submitted at 1000, A never: A is late.
        raw_execute(
            db,
            "UPDATE call_phases SET ends_at = 2000 WHERE call_id = 1 AND phase = 'review'",
        )
        .await
        .unwrap();
        raw_execute(
            db,
            "UPDATE reviews SET submitted_at = 1000 WHERE status = 'submitted'",
        )
        .await
        .unwrap();
        assert_eq!(
            rows(&o.get("/calls/1/reviews?show=late").await),
            vec![w.a.1]
        );
        // C submitted after the end: late too.
        raw_execute(
            db,
            &format!(
                "UPDATE reviews SET submitted_at = 3000 WHERE id = {}",
                w.c.1
            ),
        )
        .await
        .unwrap();
        assert_eq!(
            rows(&o.get("/calls/1/reviews?show=late").await),
            vec![w.a.1, w.c.1]
        );

        // 9 against 2 on a 1-10 rubric is a high disagreement; 7 against 8 is not. Every review
        // of the submission in disagreement is listed.
        let d = o.get("/calls/1/reviews?show=disagreement").await;
        assert_eq!(rows(&d), vec![w.a.1, w.b.1, w.c.1]);
        let _ = &w.b;
    }
);

db_test!(
    the_exports_have_a_column_per_criterion_and_the_decisions_with_reasons,
    |db| {
        let w = world(db).await;
        let criteria = reviews::criteria(db, 1).await.unwrap();
        let mut o = demo_client(db, "organizer@drx.example").await;
        o.lang = Some("en");
        let csv = o.get("/exports/reviews/csv?call=1").await;
        assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
        let text = csv.body.trim_start_matches('\u{feff}');
        let mut lines = text.split("\r\n");
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        for c in &criteria {
            assert_eq!(
                header.iter().filter(|h| **h == c.name_en).count(),
                1,
                "one column for {}",
                c.name_en
            );
        }
        assert_eq!(header.len(), 5 + criteria.len() + 7, "{header:?}");
        let b_line = lines
            .clone()
            .find(|l| l.contains(&w.b.0.name) && l.starts_with(&format!("{SUB},")))
            .expect("B's review of the submission");
        let first = header
            .iter()
            .position(|h| *h == criteria[0].name_en)
            .unwrap();
        let cells: Vec<&str> = b_line.split(',').collect();
        assert_eq!(cells[first], "9");
        assert_eq!(
            text.matches("\r\n").count(),
            1 + 5,
            "a header and five reviews"
        );
        let xlsx = o.get("/exports/reviews/xlsx?call=1").await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx.bytes.starts_with(b"PK\x03\x04"));
        // Letters where the call hides the judges.
        set_call(db, "organizers_see_judges = 0").await;
        let csv = o.get("/exports/reviews/csv?call=1").await;
        assert!(csv.body.contains("Judge B") && !csv.body.contains(&w.b.0.name));

        // The decision record: an override of the preselection with its reason.
        let organizer = person(db, common::person_id(db, "organizer@drx.example").await).await;
        let ranking = drx::services::ranking::ranking(db, &organizer, 1)
            .await
            .unwrap();
        let mut selected: Vec<i64> = ranking
            .rows
            .iter()
            .filter(|r| r.preselected)
            .map(|r| r.submission_id)
            .collect();
        let added = ranking
            .rows
            .iter()
            .find(|r| !r.preselected)
            .unwrap()
            .submission_id;
        selected.push(added);
        let reasons = [(added, "Strong clinical pull".to_string())]
            .into_iter()
            .collect();
        drx::services::ranking::decide(
            db,
            &organizer,
            1,
            &selected,
            &reasons,
            "http://x",
            drx::store::now(),
        )
        .await
        .unwrap();
        let csv = o.get("/exports/decisions/csv?call=1").await;
        assert_eq!(csv.status, StatusCode::OK);
        let line = csv
            .body
            .split("\r\n")
            .find(|l| l.starts_with(&format!("{added},")))
            .unwrap();
        assert!(
            line.contains("Strong clinical pull") && line.contains("added to the finalists"),
            "{line}"
        );
        assert!(line.contains(&organizer.name), "{line}");
        let finalists = csv
            .body
            .split("\r\n")
            .filter(|l| l.split(',').nth(2) == Some("Finalist"))
            .count();
        assert_eq!(finalists, selected.len(), "each finalist once");
    }
);

db_test!(the_api_answers_as_the_pages_do, |db| {
    let w = world(db).await;
    let path = format!("/api/v1/submissions/{SUB}/reviews");
    let criteria = reviews::criteria(db, 1).await.unwrap();
    let r = api(db, &path, "organizer@drx.example").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = json(&r);
    assert_eq!(page["total"], 3);
    let b = &page["items"][1];
    assert_eq!(b["judge"]["letter"], "B");
    assert_eq!(b["judge"]["name"], w.b.0.name.as_str());
    assert_eq!(b["scores"].as_array().unwrap().len(), criteria.len());
    assert_eq!(b["scores"][0]["score"], 9.0);
    assert_eq!(b["comments"]["for_committee"], COMMITTEE_B);
    assert_eq!(b["comments"]["for_authors"], AUTHORS_B);
    assert_eq!(b["confidence"], 4);
    assert_eq!(page["items"][0]["missing"], true);

    // A judge: refused before submitting, letters after.
    let r = api(db, &path, &w.a.0.email).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    review(db, &w.a.0, w.a.1, "5", "", "").await;
    let page = json(&api(db, &path, &w.a.0.email).await);
    assert_eq!(page["total"], 3);
    assert_eq!(page["items"][0]["own"], true);
    assert!(page["items"][1]["judge"]["name"].is_null());
    assert_eq!(page["items"][2]["judge"]["letter"], "C");
    assert_eq!(page["items"][2]["comments"]["for_authors"], AUTHORS_C);
    set_call(db, "co_reviews = 'never'").await;
    assert_eq!(
        api(db, &path, &w.a.0.email).await.status,
        StatusCode::FORBIDDEN
    );

    let doc = json(&api(db, "/api/v1/openapi.json", "organizer@drx.example").await);
    assert!(doc["paths"]["/api/v1/submissions/{id}/reviews"]["get"].is_object());
    let _ = &w.c;
});

/// The call form of `s` as the edit page would send it.
fn form_of(s: &drx::store::calls::CallSettings) -> Vec<(String, String)> {
    use drx::services::calls::format_local;
    let mut f: Vec<(String, String)> = vec![
        ("slug".into(), s.slug.clone()),
        ("title_en".into(), s.title_en.clone()),
        ("title_zh".into(), s.title_zh.clone()),
        ("description_en".into(), s.description_en.clone()),
        ("description_zh".into(), s.description_zh.clone()),
        (
            "reviews_per_submission".into(),
            s.reviews_per_submission.to_string(),
        ),
        ("judge_min_load".into(), s.judge_min_load.to_string()),
        ("judge_max_load".into(), s.judge_max_load.to_string()),
        ("finalists".into(), s.finalists.to_string()),
        ("blind_mode".into(), s.blind_mode.to_string()),
        ("grace_minutes".into(), (s.grace_seconds / 60).to_string()),
    ];
    f.extend(
        s.field_ids
            .iter()
            .map(|id| ("field".into(), id.to_string())),
    );
    for (p, start, end) in &s.phases {
        f.push((format!("{p}_start"), format_local(*start, &s.timezone)));
        f.push((format!("{p}_end"), format_local(*end, &s.timezone)));
    }
    for c in &s.criteria {
        f.push(("crit_en".into(), c.name_en.clone()));
        f.push(("crit_zh".into(), c.name_zh.clone()));
        f.push(("crit_weight".into(), c.weight.to_string()));
        f.push(("crit_min".into(), c.scale_min.to_string()));
        f.push(("crit_max".into(), c.scale_max.to_string()));
    }
    f
}

db_test!(the_call_form_sets_who_reads_the_reviews, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let mut o = demo_client(db, "organizer@drx.example").await;
    for lang in ["zh", "en"] {
        o.lang = Some(lang);
        let edit = o.get("/calls/1/edit").await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(
            edit.body.contains("value=\"after_own\" selected"),
            "the default"
        );
        assert!(edit.body.contains("name=\"organizer_judge_names\""));
    }
    let s = drx::store::calls::settings(db, 1).await.unwrap().unwrap();
    assert!(s.organizers_see_judges && !s.judges_see_judges);
    assert_eq!(s.co_reviews, drx::domain::CoReviews::AfterOwn);
    let mut f = form_of(&s);
    f.push(("organizer_judge_names".into(), "lettered".into()));
    f.push(("co_reviews".into(), "after_phase".into()));
    f.push(("judge_judge_names".into(), "named".into()));
    let r = o.submit_owned("/calls/1/edit", "/calls/1/edit", &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let s = drx::store::calls::settings(db, 1).await.unwrap().unwrap();
    assert!(!s.organizers_see_judges && s.judges_see_judges);
    assert_eq!(s.co_reviews, drx::domain::CoReviews::AfterPhase);
    assert!(o
        .get("/calls/1/edit")
        .await
        .body
        .contains("value=\"after_phase\" selected"));

    f.retain(|(k, _)| k != "co_reviews");
    f.push(("co_reviews".into(), "sometimes".into()));
    for (lang, words) in [
        ("en", "One of the choices in the form is not valid"),
        ("zh", "表单中有无效的选项"),
    ] {
        o.lang = Some(lang);
        let r = o.submit_owned("/calls/1/edit", "/calls/1/edit", &f).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(words), "{lang}: {}", r.body);
    }
    let s = drx::store::calls::settings(db, 1).await.unwrap().unwrap();
    assert_eq!(
        s.co_reviews,
        drx::domain::CoReviews::AfterPhase,
        "unchanged"
    );
});
