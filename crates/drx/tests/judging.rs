//! Judging through the web layer on the demo call (double-blind, phase review): the review
//! workspace and its phase edge, conflicts with a replacement judge, the discussion's opening
//! rule, progress and reminders, the ranking and decisions, and feedback without leaks.
mod common;

use axum::http::StatusCode;
use common::{demo_client, Client};
use drx::store::{audit, matching, outbox, raw_execute, reviews, submissions, Db};
use std::collections::HashMap;

const PW: &str = drx::demo::DEMO_PASSWORD;

/// The demo, with judge@drx.example assigned to `submission`: (the judge, the review).
async fn demo_with_judge_on(db: &Db, submission: i64) -> (i64, i64) {
    drx::demo::generate(db, 2026).await.unwrap();
    let judge = common::person_id(db, "judge@drx.example").await;
    (judge, common::assign_review(db, submission, judge).await)
}

/// The demo's judges in id order (judge@drx.example first).
async fn judges(db: &Db) -> Vec<(i64, String)> {
    let mut j: Vec<_> = matching::judges_of_call(db, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.person_id, e.name))
        .collect();
    j.sort();
    j
}

/// A submission of the call no demo judge is in conflict with by organization.
async fn names_of(db: &Db, submission: i64) -> Vec<String> {
    let s = common::submission(db, submission).await;
    let mut v: Vec<String> = s.members.iter().map(|m| m.name.clone()).collect();
    v.push(s.organization_en.clone());
    v.push(s.organization_zh.clone());
    for m in &s.members {
        if !m.organization_zh.is_empty() {
            v.push(m.organization_zh.clone());
            v.push(m.organization_en.clone());
        }
    }
    v
}

fn assert_no_leak(body: &str, names: &[String], surface: &str) {
    for n in names {
        assert!(!body.contains(n.as_str()), "{surface} shows {n}");
    }
}

fn criteria_fields(criteria: &[reviews::Criterion], score: &str) -> Vec<(String, String)> {
    criteria
        .iter()
        .map(|c| (format!("score_{}", c.id), score.to_string()))
        .collect()
}

async fn post_review(c: &mut Client, rid: i64, fields: &[(String, String)]) -> common::Resp {
    let page = format!("/reviews/{rid}");
    let f: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    c.submit(&page, &page, &f).await
}

db_test!(
    a_judge_drafts_submits_and_is_stopped_when_the_phase_closes,
    |db| {
        let (judge, rid) = demo_with_judge_on(db, 3).await;
        let criteria = reviews::criteria(db, 1).await.unwrap();
        // An attachment whose file name names the hospital.
        let sub = common::submission(db, 3).await;
        let leaky = format!("{}-report.pdf", sub.organization_en);
        let mut tx = db.begin().await.unwrap();
        let file = drx::store::NewFile {
            filename: &leaky,
            content_type: "application/pdf",
            sha256: "00",
            content: b"%PDF-1.4",
        };
        let aid = submissions::insert_attachment(&mut tx, 3, &file, sub.created_by, 1)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let mut c = demo_client(db, "judge@drx.example").await;

        let page = c.get(&format!("/reviews/{rid}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let mut names = names_of(db, 3).await;
        names.push(leaky.clone());
        assert_no_leak(&page.body, &names, "the double-blind workspace");
        assert!(page.body.contains(&format!("/attachments/{aid}")));
        let file = c.get(&format!("/attachments/{aid}")).await;
        assert_eq!(file.status, StatusCode::OK);
        let disposition = format!("{:?}", file.headers.get("content-disposition"));
        assert_no_leak(&disposition, &names, "the attachment's file name");
        for cr in &criteria {
            assert!(page.body.contains(&format!("name=\"score_{}\"", cr.id)));
        }
        assert!(
            c.get("/").await.body.contains(&format!("/reviews/{rid}")),
            "the home page links the review"
        );

        // A draft may be partial.
        let mut draft = criteria_fields(&criteria[..1], "7");
        draft.push(("comments_for_authors".into(), "草稿意见 draft note".into()));
        draft.push(("action".into(), "save".into()));
        assert_eq!(
            post_review(&mut c, rid, &draft).await.status,
            StatusCode::SEE_OTHER
        );
        let r = reviews::review(db, rid).await.unwrap().unwrap();
        assert_eq!(r.status, drx::domain::ReviewStatus::InProgress);
        assert_eq!(reviews::scores(db, rid).await.unwrap().len(), 1);

        // Submitting needs every score and a confidence; what was typed stays on the page.
        let mut incomplete = draft.clone();
        incomplete.retain(|(k, _)| k != "action");
        incomplete.push(("action".into(), "submit".into()));
        let refused = post_review(&mut c, rid, &incomplete).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("draft note"));

        let mut full = criteria_fields(&criteria, "8");
        full.push(("confidence".into(), "4".into()));
        full.push((
            "comments_for_authors".into(),
            "Clear need, strong prototype.".into(),
        ));
        full.push((
            "comments_for_committee".into(),
            "Committee only: borderline budget.".into(),
        ));
        full.push(("action".into(), "submit".into()));
        assert_eq!(
            post_review(&mut c, rid, &full).await.status,
            StatusCode::SEE_OTHER
        );
        let r = reviews::review(db, rid).await.unwrap().unwrap();
        assert_eq!((r.status.as_str(), r.confidence), ("submitted", Some(4)));
        assert!(r.submitted_at.is_some());

        // Another judge cannot even see it.
        let other = judges(db)
            .await
            .into_iter()
            .find(|(id, _)| *id != judge)
            .unwrap();
        let _ = other;
        let mut organizer = demo_client(db, "organizer@drx.example").await;
        assert_eq!(
            organizer.get(&format!("/reviews/{rid}")).await.status,
            StatusCode::NOT_FOUND
        );

        // The phase closes: editing is refused with a message, and the typed text is kept.
        raw_execute(db, "UPDATE calls SET phase = 'decision' WHERE id = 1")
            .await
            .unwrap();
        let mut late = full.clone();
        late.retain(|(k, _)| k != "comments_for_authors");
        late.push((
            "comments_for_authors".into(),
            "A late change of mind".into(),
        ));
        let closed = post_review(&mut c, rid, &late).await;
        assert_eq!(closed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(closed.body.contains("A late change of mind"));
        assert!(closed.body.contains("closed") || closed.body.contains("已结束"));
        let r = reviews::review(db, rid).await.unwrap().unwrap();
        assert_eq!(r.comments_for_authors, "Clear need, strong prototype.");
    }
);

db_test!(
    declaring_a_conflict_hands_the_review_to_an_eligible_judge,
    |db| {
        let (judge, rid) = demo_with_judge_on(db, 5).await;
        let mut c = demo_client(db, "judge@drx.example").await;
        let page = format!("/reviews/{rid}");
        let r = c
            .post_on(
                &page,
                "/conflict",
                &[("reason", "我曾指导该团队 I mentored this team")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        assert!(
            reviews::review(db, rid).await.unwrap().is_none(),
            "the review is gone"
        );
        assert!(matching::declared_conflicts(db, 1)
            .await
            .unwrap()
            .contains(&(judge, 5)));
        let mut tx = db.begin().await.unwrap();
        let on_it = reviews::judges_on(&mut tx, 5).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(on_it.len(), 1, "a replacement judge took it over");
        let replacement = on_it[0];
        assert_ne!(replacement, judge);
        let notices = submissions::notices(db, replacement, 5).await.unwrap();
        assert!(notices.iter().any(|n| n.body.contains("replacement")));
        let history = audit::history(db, drx::domain::AuditEntity::Submission, 5)
            .await
            .unwrap();
        assert!(history
            .iter()
            .any(|e| e.action.as_str() == "conflict-declare"));
        assert_eq!(c.get(&page).await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    without_an_eligible_replacement_the_organizers_are_told,
    |db| {
        let (_, rid) = demo_with_judge_on(db, 6).await;
        // Every other judge is full: nobody can take the review over.
        drx::store::raw_execute(db, "UPDATE calls SET judge_max_load = 0")
            .await
            .unwrap();
        let mut c = demo_client(db, "judge@drx.example").await;
        let page = format!("/reviews/{rid}");
        let r = c
            .post_on(&page, "/conflict", &[("reason", "same department")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut tx = db.begin().await.unwrap();
        assert!(reviews::judges_on(&mut tx, 6).await.unwrap().is_empty());
        tx.commit().await.unwrap();
        let organizer = common::person_id(db, "organizer@drx.example").await;
        let notices = submissions::notices(db, organizer, 5).await.unwrap();
        assert!(
            notices
                .iter()
                .any(|n| n.body.contains("#6") && n.link == "/calls/1/assignment"),
            "{notices:?}"
        );
        let mail = drx::store::outbox::mail_to(db, "organizer@drx.example")
            .await
            .unwrap();
        assert!(mail.iter().any(|m| m.body.contains("assign one by hand")));
    }
);

db_test!(
    the_discussion_opens_to_a_judge_only_after_their_review,
    |db| {
        let (_, rid) = demo_with_judge_on(db, 7).await;
        let criteria = reviews::criteria(db, 1).await.unwrap();
        let mut c = demo_client(db, "judge@drx.example").await;
        assert_eq!(
            c.get("/submissions/7/discussion").await.status,
            StatusCode::BAD_REQUEST
        );

        let mut full = criteria_fields(&criteria, "6");
        full.push(("confidence".into(), "3".into()));
        full.push(("action".into(), "submit".into()));
        assert_eq!(
            post_review(&mut c, rid, &full).await.status,
            StatusCode::SEE_OTHER
        );
        let r = c
            .submit(
                "/submissions/7/discussion",
                "/submissions/7/discussion",
                &[("body", "我给了6分，理由是样本量不足。")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = c.get("/submissions/7/discussion").await;
        assert!(page.body.contains("样本量不足"));
        assert_no_leak(
            &page.body,
            &names_of(db, 7).await,
            "the double-blind discussion",
        );

        let mut organizer = demo_client(db, "organizer@drx.example").await;
        assert!(organizer
            .get("/submissions/7/discussion")
            .await
            .body
            .contains("样本量不足"));
        // A judge without a review of it, and its own team, never see it.
        let mut team = Client::new(db);
        let creator = common::submission(db, 7).await.created_by;
        let email: String = drx::store::accounts::person(db, creator)
            .await
            .unwrap()
            .unwrap()
            .email;
        assert_eq!(team.login(&email, PW).await.status, StatusCode::SEE_OTHER);
        assert_eq!(
            team.get("/submissions/7/discussion").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

/// Fills a submitted review with one score for every criterion.
async fn submitted(db: &Db, rid: i64, score: f64, for_authors: &str, for_committee: &str) {
    common::submit_review(db, rid, score, for_authors, for_committee).await;
}

/// The decision mails `email` received about `submission`.
async fn decision_mails(db: &Db, email: &str, submission: i64) -> usize {
    let link = format!("/submissions/{submission}");
    outbox::mail_to(db, email)
        .await
        .unwrap()
        .iter()
        .filter(|m| {
            let decision = ["Judging decision", "评审结果"];
            m.body.ends_with(&link) && decision.iter().any(|d| m.subject.starts_with(d))
        })
        .count()
}

db_test!(
    organizers_follow_progress_rank_decide_and_authors_get_anonymous_feedback,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let single_blind = "UPDATE calls SET finalists = 2, blind_mode = 'single' WHERE id = 1";
        raw_execute(db, single_blind).await.unwrap();
        let clinician = common::person_id(db, "clinician@drx.example").await;
        let mut mine = 0;
        for id in 1..=155 {
            if common::submission(db, id).await.created_by == clinician {
                mine = id;
                break;
            }
        }
        assert!(mine > 0);
        let js = judges(db).await;
        let subs: Vec<i64> = [mine, 20, 30, 40].into_iter().collect();
        let mut i = 0;
        for (k, s) in subs.iter().enumerate() {
            for j in 0..3 {
                let judge = js[(k * 3 + j) % js.len()].0;
                let rid = common::assign_review(db, *s, judge).await;
                let score = [9.0, 4.0, 6.0, 8.0][k] + j as f64 * 0.5 - 0.5;
                submitted(
                    db,
                    rid,
                    score,
                    &format!("Author note {i}"),
                    &format!("Committee secret {i}"),
                )
                .await;
                i += 1;
            }
        }
        // One unfinished review makes its judge due for a reminder.
        let lazy = js[20].0;
        common::assign_review(db, 50, lazy).await;

        let mut org = demo_client(db, "organizer@drx.example").await;
        let progress = org.get("/calls/1/progress").await;
        assert_eq!(progress.status, StatusCode::OK);
        assert!(progress.body.contains(&js[20].1));
        let r = org
            .submit("/calls/1/progress", "/calls/1/reminders", &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let lazy_email = drx::store::accounts::person(db, lazy)
            .await
            .unwrap()
            .unwrap()
            .email;
        assert!(outbox::mail_to(db, &lazy_email)
            .await
            .unwrap()
            .iter()
            .any(|m| m.subject.contains("reminder")));
        let done_email = drx::store::accounts::person(db, js[0].0)
            .await
            .unwrap()
            .unwrap()
            .email;
        assert!(!outbox::mail_to(db, &done_email)
            .await
            .unwrap()
            .iter()
            .any(|m| m.subject.contains("reminder")));

        let mut judge = demo_client(db, "judge@drx.example").await;
        assert_eq!(
            judge.get("/calls/1/ranking").await.status,
            StatusCode::FORBIDDEN
        );
        let ranking = org.get("/calls/1/ranking").await;
        assert_eq!(ranking.status, StatusCode::OK);

        // The author's page shows no feedback before the decision.
        let mut author = demo_client(db, "clinician@drx.example").await;
        assert!(!author
            .get(&format!("/submissions/{mine}"))
            .await
            .body
            .contains("Author note"));

        let organizer =
            drx::store::accounts::person(db, common::person_id(db, "organizer@drx.example").await)
                .await
                .unwrap()
                .unwrap();
        let rk = drx::services::ranking::ranking(db, &organizer, 1)
            .await
            .unwrap();
        let pre: Vec<i64> = rk
            .rows
            .iter()
            .filter(|r| r.preselected)
            .map(|r| r.submission_id)
            .collect();
        assert_eq!(pre.len(), 2);
        assert!(
            pre.contains(&mine),
            "the best-scored submission is preselected: {pre:?}"
        );
        assert_eq!(rk.rows[0].submission_id, mine);
        let rows: HashMap<i64, _> = rk.rows.iter().map(|r| (r.submission_id, r)).collect();
        assert!(rows[&mine].estimate.raw_mean.unwrap() > rows[&20].estimate.raw_mean.unwrap());

        // Dropping a preselected submission without a reason is refused; with one it is recorded.
        let csrf = org.get("/calls/1/ranking").await.csrf();
        let keep = pre.iter().find(|s| **s != mine).unwrap().to_string();
        let refused = org
            .post_form(
                "/calls/1/decisions",
                &[("csrf", csrf.as_str()), ("select", keep.as_str())],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            common::submission(db, mine).await.status.as_str(),
            "submitted",
            "nothing changed"
        );
        let reason = format!("reason_{mine}");
        let ok = org
            .post_form(
                "/calls/1/decisions",
                &[
                    ("csrf", csrf.as_str()),
                    ("select", keep.as_str()),
                    (reason.as_str(), "Team withdrew from the finals"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        assert_eq!(
            common::submission(db, mine).await.status.as_str(),
            "not_selected"
        );
        assert_eq!(
            submissions::get(db, keep.parse().unwrap())
                .await
                .unwrap()
                .unwrap()
                .status
                .as_str(),
            "finalist"
        );
        let history = audit::history(db, drx::domain::AuditEntity::Submission, mine)
            .await
            .unwrap();
        assert!(history
            .iter()
            .any(|e| e.action.as_str() == "finalist-override" && e.detail.contains("withdrew")));
        // Decided during review: the decision stays internal (no mail, no notice, no status,
        // no feedback) until the call moves to its decision phase.
        assert_eq!(
            decision_mails(db, "clinician@drx.example", mine).await,
            0,
            "no decision mail during review"
        );
        let before = author.get(&format!("/submissions/{mine}")).await.body;
        assert!(!before.contains("status-not_selected") && !before.contains("Author note"));
        assert!(!before.contains("not selected"), "no notice during review");
        let home = author.get("/").await.body;
        assert!(
            !home.contains("status-not_selected"),
            "nor on the author's home"
        );
        let r = org
            .submit("/calls/1", "/calls/1/phase", &[("phase", "decision")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            decision_mails(db, "clinician@drx.example", mine).await,
            1,
            "told once, at the decision phase"
        );
        let mail = &outbox::mail_to(db, "clinician@drx.example").await.unwrap()[0];
        let locale = drx::store::accounts::person(db, clinician)
            .await
            .unwrap()
            .unwrap()
            .locale;
        let expected = if locale == "en" {
            "not selected"
        } else {
            "未入选"
        };
        assert!(mail.body.contains(expected), "{locale}: {}", mail.body);
        // Moving out and in again tells nobody twice.
        for phase in ["review", "decision"] {
            let r = org
                .submit("/calls/1", "/calls/1/phase", &[("phase", phase)])
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        assert_eq!(
            decision_mails(db, "clinician@drx.example", mine).await,
            1,
            "never told twice"
        );

        // Feedback: the comments for authors, never the committee's, never a judge's name.
        let page = author.get(&format!("/submissions/{mine}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Author note 0") && page.body.contains("Author note 2"));
        assert!(!page.body.contains("Committee secret"));
        for (_, name) in js.iter().take(3) {
            assert!(
                !page.body.contains(name.as_str()),
                "single-blind feedback names judge {name}"
            );
        }
    }
);

db_test!(the_simulated_demo_judging_fills_the_ranking, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let (done, open) = drx::demo::simulate_reviews(db, 2026).await.unwrap();
    assert!(done > 300, "{done} reviews submitted");
    assert!(open > 0, "some judges are late");
    let mut org = demo_client(db, "organizer@drx.example").await;
    let page = org.get("/calls/1/ranking").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body.matches("name=\"select\"").count(),
        drx::demo::SUBMISSIONS
    );
    assert_eq!(
        page.body.matches("checked").count(),
        16,
        "the top 16 are preselected"
    );
    // The judge's home links each assigned review; the workspace stays blind.
    let mut judge = demo_client(db, "judge@drx.example").await;
    let home = judge.get("/").await;
    let rid: i64 = home
        .body
        .split("/reviews/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let ws = judge.get(&format!("/reviews/{rid}")).await;
    assert_eq!(ws.status, StatusCode::OK);
    let sid = reviews::review(db, rid)
        .await
        .unwrap()
        .unwrap()
        .submission_id;
    assert_no_leak(&ws.body, &names_of(db, sid).await, "the demo workspace");
});

db_test!(
    only_the_calls_organizers_reach_progress_ranking_and_decisions,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        for email in [
            "judge@drx.example",
            "clinician@drx.example",
            "engineer@drx.example",
        ] {
            let mut c = demo_client(db, email).await;
            for path in ["/calls/1/progress", "/calls/1/ranking"] {
                assert_eq!(
                    c.get(path).await.status,
                    StatusCode::FORBIDDEN,
                    "{email} {path}"
                );
            }
            let csrf = c.get("/").await.csrf();
            for path in ["/calls/1/reminders", "/calls/1/decisions"] {
                let r = c.post_form(path, &[("csrf", csrf.as_str())]).await;
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{email} {path}");
            }
        }
        assert!(outbox::mail_to(db, "judge@drx.example")
            .await
            .unwrap()
            .is_empty());
        // Reminders only make sense while reviewing.
        raw_execute(db, "UPDATE calls SET phase = 'decision' WHERE id = 1")
            .await
            .unwrap();
        let mut org = demo_client(db, "organizer@drx.example").await;
        let csrf = org.get("/calls/1/progress").await.csrf();
        let r = org
            .post_form("/calls/1/reminders", &[("csrf", csrf.as_str())])
            .await;
        assert_eq!(
            r.location(),
            "/calls/1/progress",
            "refused: back to the page"
        );
        let shown = org.get("/calls/1/progress").await.body;
        assert!(shown.contains("class=\"notice error\""), "with the reason");
    }
);

db_test!(
    a_decision_taken_in_the_decision_phase_is_told_at_once_and_once,
    |db| {
        drx::demo::generate(db, 2026).await.unwrap();
        let decision = "UPDATE calls SET finalists = 1, phase = 'decision' WHERE id = 1";
        raw_execute(db, decision).await.unwrap();
        let clinician = common::person_id(db, "clinician@drx.example").await;
        let mine = drx::services::catalogue::my_submissions(
            db,
            &common::fixture::person(db, "clinician@drx.example").await,
        )
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.call_id == 1 && s.status.as_str() == "submitted")
        .unwrap()
        .id;
        assert_eq!(common::submission(db, mine).await.created_by, clinician);
        let js = judges(db).await;
        for (k, s) in [mine, 20].into_iter().enumerate() {
            let rid = common::assign_review(db, s, js[k].0).await;
            submitted(db, rid, 9.0 - k as f64 * 4.0, "note", "secret").await;
        }
        let org = common::fixture::person(db, "organizer@drx.example").await;
        let (chosen, reasons) = ([mine], HashMap::new());
        let decide =
            |n| drx::services::ranking::decide(db, &org, 1, &chosen, &reasons, "http://x", n);
        decide(100).await.unwrap();
        assert_eq!(decision_mails(db, "clinician@drx.example", mine).await, 1);
        let mut author = demo_client(db, "clinician@drx.example").await;
        let page = author.get(&format!("/submissions/{mine}")).await.body;
        assert!(
            page.contains("status-finalist"),
            "the author sees the decision"
        );
        decide(101).await.unwrap();
        assert_eq!(
            decision_mails(db, "clinician@drx.example", mine).await,
            1,
            "the same decision is not told again"
        );
    }
);
