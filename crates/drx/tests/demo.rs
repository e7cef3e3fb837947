//! The demo data set: its size, its spread, and its determinism.
mod common;

use drx::store::{catalogue, raw_execute};

async fn titles(db: &drx::store::Db) -> Vec<String> {
    let calls = catalogue::calls(db).await.unwrap();
    let rows = catalogue::submissions_of_call(db, calls[0].id, 1000)
        .await
        .unwrap();
    rows.into_iter()
        .map(|r| format!("{}|{}|{}", r.title, r.organization_en, r.stage))
        .collect()
}

db_test!(demo_has_the_dr_x_call_at_full_size, |db| {
    let logins = drx::demo::generate(db, 2026).await.unwrap();
    assert_eq!(logins.len(), 6);
    assert_eq!(catalogue::count(db, "submissions").await.unwrap(), 155);
    let calls = catalogue::calls(db).await.unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].submissions, 155);
    let by_org = catalogue::counts_by_organization(db, calls[0].id)
        .await
        .unwrap();
    assert_eq!(by_org.len(), 12, "submissions from 12 hospitals");
    let by_field = catalogue::counts_by_field(db, calls[0].id).await.unwrap();
    assert!(by_field.len() >= 6, "6+ fields");
    let judges = drx::store::accounts::list_people(db, Some(drx::domain::Role::Judge))
        .await
        .unwrap();
    assert!(
        (38..=45).contains(&judges.len()),
        "about 40 judges: {}",
        judges.len()
    );
    assert!(catalogue::count(db, "teams").await.unwrap() >= 20);
    assert!(catalogue::count(db, "expertise_documents").await.unwrap() >= 150);
    let all = titles(db).await.join("\n");
    assert!(!all.to_lowercase().contains("lorem"));
    assert!(
        all.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "Chinese text"
    );
    assert!(
        all.chars().filter(|c| c.is_ascii_alphabetic()).count() > 500,
        "and English text"
    );
    // Every demo login signs in with the demo password.
    for (_, email) in &logins {
        let mut c = common::Client::new(db);
        assert_eq!(
            c.login(email, drx::demo::DEMO_PASSWORD).await.status,
            303,
            "{email}"
        );
    }
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_seed_gives_the_same_demo() {
    let mut runs = Vec::new();
    for seed in [7, 7, 8] {
        let t = common::fresh(common::Backend::Sqlite).await.unwrap();
        drx::demo::generate(&t.db, seed).await.unwrap();
        runs.push(titles(&t.db).await);
        raw_execute(&t.db, "SELECT 1").await.unwrap();
        t.close().await;
    }
    assert_eq!(runs[0], runs[1]);
    assert_ne!(runs[0], runs[2]);
}

db_test!(the_demo_pipeline_runs_the_rest_of_the_cycle, |db| {
    use drx::store::matchmaking;
    drx::demo::generate(db, 2026).await.unwrap();
    drx::demo::simulate_reviews(db, 2026).await.unwrap();
    let (finalists, projects) = drx::demo::simulate_pipeline(db).await.unwrap();
    assert_eq!(finalists, 16, "the call's number of finalists");
    assert_eq!(projects, 16, "one project a match");
    let matches = matchmaking::matches_of_call(db, 1).await.unwrap();
    assert_eq!(matches.len(), 16);
    let rows = catalogue::submissions_of_call(db, 1, 1000).await.unwrap();
    for m in &matches {
        let s = rows.iter().find(|r| r.id == m.submission_id).unwrap();
        assert_eq!(s.status.as_str(), "finalist", "only finalists are matched");
    }
    // Each project is the match of its finalist with the matched team; four passed a gate.
    let all = drx::store::projects::all_with_access(db, 1, drx::store::now())
        .await
        .unwrap();
    assert_eq!(all.len(), 16);
    let past = all
        .iter()
        .filter(|(p, _)| p.stage != drx::domain::ProjectStage::Concept)
        .count();
    let with_match = all
        .iter()
        .filter(|(p, _)| {
            matches
                .iter()
                .any(|m| m.submission_id == p.submission_id && Some(m.team_id) == p.team_id)
        })
        .count();
    assert_eq!(past, 4);
    assert_eq!(with_match, 16);
    // The call has moved past review (issue 15, item 9), and the authors were told.
    let call = drx::store::submissions::call(db, 1).await.unwrap().unwrap();
    assert_eq!(call.phase, drx::domain::Phase::Matchmaking);
    let told = drx::store::outbox::mail_to(db, "clinician@drx.example")
        .await
        .unwrap()
        .iter()
        .filter(|m| m.subject.contains("评审结果") || m.subject.contains("decision"))
        .count();
    assert!(told > 0, "the demo clinician has heard of their decisions");
    assert_eq!(drx::store::audit::verify(db).await.unwrap(), None);
});
