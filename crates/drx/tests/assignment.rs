//! Matching and assignment through the web layer on the demo call: who may see what, runs that
//! satisfy every constraint, pins and removals, infeasibility in words, publishing to judges.
mod common;

use std::collections::HashMap;

use axum::http::StatusCode;
use common::Client;
use drx::store::{catalogue, matching, raw_execute, Db};

const PW: &str = drx::demo::DEMO_PASSWORD;

async fn organizer(db: &Db) -> Client {
    common::demo_client(db, "organizer@drx.example").await
}

/// Runs the assignment from the call's page; returns the run id.
async fn run(c: &mut Client, fields: &[(&str, &str)]) -> i64 {
    let r = c
        .submit("/calls/1/assignment", "/calls/1/assignment", fields)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().rsplit('/').next().unwrap().parse().unwrap()
}

/// Every constraint of the demo call holds for a run's pairs.
async fn assert_valid(db: &Db, run_id: i64) -> Vec<matching::RunPair> {
    let call = catalogue::call_settings(db, 1).await.unwrap().unwrap();
    let pairs = matching::run_pairs(db, run_id).await.unwrap();
    let subs = matching::submissions_of_call(db, 1).await.unwrap();
    let judges = matching::judges_of_call(db, 1).await.unwrap();
    let org: HashMap<i64, Option<i64>> = judges
        .iter()
        .map(|j| (j.person_id, j.organization_id))
        .collect();
    let mut per_sub: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut load: HashMap<i64, i64> = judges.iter().map(|j| (j.person_id, 0)).collect();
    for p in &pairs {
        per_sub
            .entry(p.submission_id)
            .or_default()
            .push(p.assignee_id);
        *load.get_mut(&p.assignee_id).unwrap() += 1;
        assert!(!p.reason.is_empty(), "every pair has a reason");
    }
    for s in &subs {
        let js = &per_sub[&s.id];
        assert_eq!(
            js.len() as i64,
            call.reviews_per_submission,
            "submission {}",
            s.id
        );
        for j in js {
            assert!(
                !s.members.contains(j),
                "a team member judges their own submission"
            );
            if let Some(o) = org[j] {
                assert!(
                    !s.member_organizations.contains(&o),
                    "judge {j} of an author organization on {}",
                    s.id
                );
            }
        }
        let orgs: Vec<_> = js.iter().filter_map(|j| org[j]).collect();
        let mut dedup = orgs.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(
            orgs.len(),
            dedup.len(),
            "two judges of one organization on {}",
            s.id
        );
    }
    for (j, n) in load {
        assert!(
            (call.judge_min_load..=call.judge_max_load).contains(&n),
            "judge {j} has load {n}"
        );
    }
    pairs
}

db_test!(
    organizers_see_who_fits_a_submission_and_others_do_not,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let mut org = organizer(db).await;
        let r = org.get("/submissions/5/matches").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("最匹配的评委") && r.body.contains("最匹配的工程团队"));
        assert!(r.body.contains("共同术语"), "reasons name shared terms");
        for email in [
            "clinician@drx.example",
            "judge@drx.example",
            "engineer@drx.example",
        ] {
            let mut c = Client::new(db);
            c.login(email, PW).await;
            c.assert_statuses(&[
                ("/submissions/5/matches", StatusCode::FORBIDDEN),
                ("/calls/1/assignment", StatusCode::FORBIDDEN),
            ])
            .await;
        }
        org.assert_statuses(&[("/submissions/99999/matches", StatusCode::NOT_FOUND)])
            .await;
    }
);

db_test!(judges_and_engineers_see_what_fits_them, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let mut judge = Client::new(db);
    judge.login("judge@drx.example", PW).await;
    let home = judge.get("/").await;
    assert!(
        home.body.contains("与您专长相符的参赛方案"),
        "{}",
        home.body
    );
    let mut eng = Client::new(db);
    eng.lang = Some("en");
    eng.login("engineer@drx.example", PW).await;
    let home = eng.get("/").await;
    assert!(home.body.contains("Needs that fit your team"));
});

db_test!(
    an_assignment_run_satisfies_every_constraint_and_publishes_to_judges,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let mut org = organizer(db).await;
        let run_id = run(&mut org, &[("one_per_org", "on")]).await;
        let pairs = assert_valid(db, run_id).await;
        let page = org.get(&format!("/calls/1/assignment/{run_id}")).await;
        assert!(page.body.contains("评委工作量分布") && page.body.contains("匹配最差的方案"));
        // Each pair's stored reason is shown with the reader's labels and field names.
        assert!(page.body.contains("共同术语") && page.body.contains("领域"));
        assert!(!page.body.contains("terms: ") && !page.body.contains("fields: "));

        // Nothing reaches judges before publication.
        assert_eq!(catalogue::count(db, "reviews").await.unwrap(), 0);
        let r = org
            .post_on(&format!("/calls/1/assignment/{run_id}"), "/publish", &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            catalogue::count(db, "reviews").await.unwrap(),
            pairs.len() as i64
        );
        let again = org
            .post_on(&format!("/calls/1/assignment/{run_id}"), "/publish", &[])
            .await;
        assert!(again.body.contains("只能发布草稿状态的分配方案"));

        // The judge sees their reviews and got mail.
        let judge_id = common::person_id(db, "judge@drx.example").await;
        let mine = pairs.iter().filter(|p| p.assignee_id == judge_id).count();
        assert!(mine > 0);
        assert_eq!(
            matching::reviews_of_judge(db, judge_id)
                .await
                .unwrap()
                .len(),
            mine
        );
        let mut judge = Client::new(db);
        judge.login("judge@drx.example", PW).await;
        assert!(judge.get("/").await.body.contains("已分配"));
        assert!(!drx::store::outbox::mail_to(db, "judge@drx.example")
            .await
            .unwrap()
            .is_empty());
        assert_eq!(drx::store::audit::verify(db).await.unwrap(), None);
    }
);

db_test!(
    pinned_and_removed_pairs_are_respected_by_the_next_run,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let mut org = organizer(db).await;
        let first = run(&mut org, &[("one_per_org", "on")]).await;
        let pairs = assert_valid(db, first).await;
        let removed = format!("{}-{}", pairs[0].submission_id, pairs[0].assignee_id);
        // Pin a judge that the first run did not give to submission pairs[0]: the best one not
        // chosen, not in conflict, of an organization not already on it.
        let second = run(&mut org, &[("one_per_org", "on"), ("forbid", &removed)]).await;
        let second_pairs = assert_valid(db, second).await;
        assert!(!second_pairs
            .iter()
            .any(|p| (p.submission_id, p.assignee_id)
                == (pairs[0].submission_id, pairs[0].assignee_id)));
        let kept = format!(
            "{}-{}",
            second_pairs[5].submission_id, second_pairs[5].assignee_id
        );
        let pinned = [
            ("one_per_org", "on"),
            ("keep_forbid", removed.as_str()),
            ("pin", kept.as_str()),
        ];
        let third = run(&mut org, &pinned).await;
        let third_pairs = assert_valid(db, third).await;
        assert!(third_pairs
            .iter()
            .any(|p| format!("{}-{}", p.submission_id, p.assignee_id) == kept));
        assert!(!third_pairs
            .iter()
            .any(|p| format!("{}-{}", p.submission_id, p.assignee_id) == removed));
        // The same input gives the same result.
        let again = run(&mut org, &pinned).await;
        let again_pairs = matching::run_pairs(db, again).await.unwrap();
        let key = |v: &[matching::RunPair]| {
            v.iter()
                .map(|p| (p.submission_id, p.assignee_id))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&third_pairs), key(&again_pairs));
    }
);

db_test!(an_impossible_call_is_explained_in_words, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let two_at_most = "UPDATE calls SET judge_min_load = 0, judge_max_load = 2";
    raw_execute(db, two_at_most).await.unwrap();
    let mut org = organizer(db).await;
    let r = org
        .submit(
            "/calls/1/assignment",
            "/calls/1/assignment",
            &[("one_per_org", "on")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("评委最高工作量之和为"), "{}", r.body);
    assert!(
        matching::runs_of_call(db, 1, drx::domain::RunKind::Judges)
            .await
            .unwrap()
            .is_empty(),
        "nothing is saved"
    );
    let r = org
        .post_form(
            "/calls/1/assignment",
            &[("csrf", &r.csrf()), ("pin", "not-a-pair")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
});
