//! Running a call: create and edit with phases, fields and rubric; open, extend, close; and who
//! may do each.
mod common;

use axum::http::StatusCode;
use common::{account, signed_in};
use drx::domain::Role;
use drx::services::calls::{format_local, parse_local};
use drx::store::{calls as store, now, raw_execute, submissions as subs};

fn local(ts: i64) -> String {
    format_local(ts, "Asia/Shanghai")
}

fn call_form(slug: &str, open: (i64, i64), review: (i64, i64)) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = [
        ("slug", slug),
        ("title_zh", "2027 医工创新大赛"),
        ("title_en", "Clinical Innovation 2027"),
        ("description_zh", "面向合作医院"),
        ("description_en", "For partner hospitals"),
        ("reviews_per_submission", "3"),
        ("judge_min_load", "2"),
        ("judge_max_load", "12"),
        ("finalists", "10"),
        ("blind_mode", "double"),
        ("grace_minutes", "30"),
        ("field", "1"),
        ("field", "3"),
        ("crit_zh", "临床价值"),
        ("crit_en", "Clinical value"),
        ("crit_weight", "0.6"),
        ("crit_min", "1"),
        ("crit_max", "10"),
        ("crit_zh", "可行性"),
        ("crit_en", "Feasibility"),
        ("crit_weight", "0.4"),
        ("crit_min", "1"),
        ("crit_max", "5"),
        ("crit_zh", ""),
        ("crit_en", ""),
        ("crit_weight", ""),
        ("crit_min", "1"),
        ("crit_max", "10"),
        // Public texts (after the fields the refusal cases spoil by position).
        ("eligibility_zh", "合作医院的临床医生"),
        ("eligibility_en", "Clinicians of partner hospitals"),
        ("faq_zh", "问：可以多次申报吗？答：可以。"),
        ("faq_en", "Q: More than one entry? A: Yes."),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in [
        ("open_start", local(open.0)),
        ("open_end", local(open.1)),
        ("review_start", local(review.0)),
        ("review_end", local(review.1)),
    ] {
        f.push((k.into(), v));
    }
    f
}

/// (name, how the form is spoiled, what the refusal says)
type Case = (
    &'static str,
    Box<dyn Fn(&mut Vec<(String, String)>)>,
    &'static str,
);

/// Whether `doc` may start a draft in the call now.
async fn drafts_accepted(
    db: &drx::store::Db,
    doc: &drx::store::accounts::Person,
    call: i64,
) -> bool {
    let input = drx::services::submissions::SubmissionInput {
        text: drx::services::submissions::SubmissionText {
            title: "T".into(),
            stage: "idea".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    drx::services::submissions::create_draft(db, doc, call, &input, now())
        .await
        .is_ok()
}

/// Replaces the value of `key` in a form.
/// A submitted solution in the call by `author`, from a new hospital.
async fn insert_submitted(db: &drx::store::Db, call: i64, author: i64) {
    let mut tx = db.begin().await.unwrap();
    let org = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "", 0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    raw_execute(db, &format!("INSERT INTO submissions (call_id, organization_id, created_by, title, status, created_at, updated_at) VALUES ({call}, {org}, {author}, 'x', 'submitted', 0, 0)")).await.unwrap();
}

fn set(f: &mut Vec<(String, String)>, key: &str, value: &str) {
    f.retain(|(k, _)| k != key);
    f.push((key.into(), value.into()));
}

db_test!(
    an_organizer_creates_and_edits_a_call_with_phases_and_rubric,
    |db| {
        account(db, "org@drx.cn", &[Role::Organizer]).await;
        let mut o = signed_in(db, "org@drx.cn").await;
        assert!(o.get("/calls").await.body.contains("/calls/new"));
        let t = now() / 60 * 60;
        let r = o
            .submit_owned(
                "/calls/new",
                "/calls/new",
                &call_form(
                    "drx-2027",
                    (t - 3600, t + 86_400),
                    (t + 86_400, t + 2 * 86_400),
                ),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id: i64 = r.location().trim_start_matches("/calls/").parse().unwrap();
        let s = store::settings(db, id).await.unwrap().unwrap();
        assert_eq!(
            (
                s.slug.as_str(),
                s.finalists,
                s.judge_min_load,
                s.judge_max_load,
                s.grace_seconds
            ),
            ("drx-2027", 10, 2, 12, 1800)
        );
        assert_eq!(s.field_ids, vec![1, 3]);
        assert_eq!(
            (s.eligibility_zh.as_str(), s.faq_en.as_str()),
            ("合作医院的临床医生", "Q: More than one entry? A: Yes.")
        );
        assert_eq!(
            s.phases[0],
            (drx::domain::Phase::Open, t - 3600, t + 86_400)
        );
        assert_eq!(s.criteria.len(), 2, "the empty row is dropped");
        assert_eq!((s.criteria[1].weight, s.criteria[1].scale_max), (0.4, 5));
        let call = subs::call(db, id).await.unwrap().unwrap();
        assert_eq!(call.phase.as_str(), "draft", "a new call starts as a draft");
        let me = common::person_id(db, "org@drx.cn").await;
        assert!(
            subs::has_call_role(db, id, me, drx::domain::CallRole::Organizer)
                .await
                .unwrap(),
            "the creator organizes it"
        );
        let page = o.get(&format!("/calls/{id}")).await.body;
        assert!(page.contains("临床价值") && page.contains(&format!("/calls/{id}/edit")));
        // Edit: the form shows the stored values; a change is saved.
        let edit = o.get(&format!("/calls/{id}/edit")).await.body;
        assert!(edit.contains("value=\"drx-2027\"") && edit.contains(&local(t + 86_400)));
        let mut f = call_form(
            "drx-2027",
            (t - 3600, t + 86_400),
            (t + 86_400, t + 2 * 86_400),
        );
        set(&mut f, "finalists", "16");
        let edit_page = format!("/calls/{id}/edit");
        let r = o.submit_owned(&edit_page, &edit_page, &f).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            store::settings(db, id).await.unwrap().unwrap().finalists,
            16
        );
        // Once a judge has scored, the rubric is frozen but the rest still changes.
        let j = account(db, "j@drx.cn", &[Role::Judge]).await;
        let c = account(db, "c@drx.cn", &[Role::Clinician]).await;
        insert_submitted(db, id, c).await;
        raw_execute(db, &format!("INSERT INTO reviews (submission_id, judge_id, created_at, updated_at) SELECT id, {j}, 0, 0 FROM submissions WHERE call_id = {id}")).await.unwrap();
        raw_execute(db, &format!("INSERT INTO review_scores (review_id, criterion_id, score) SELECT r.id, k.id, 7 FROM reviews r, rubric_criteria k WHERE k.call_id = {id}")).await.unwrap();
        let mut f2 = f.clone();
        for (k, v) in f2.iter_mut() {
            if k == "crit_weight" && v == "0.4" {
                *v = "0.5".into();
            }
        }
        let r = o.submit_owned(&edit_page, &edit_page, &f2).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("不能再修改"));
        assert!(
            r.body.contains("value=\"0.5\""),
            "what was typed is shown again"
        );
        set(&mut f, "finalists", "12");
        let r = o.submit_owned(&edit_page, &edit_page, &f).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            store::settings(db, id).await.unwrap().unwrap().finalists,
            12
        );
    }
);

db_test!(bad_call_settings_are_refused_with_the_reason, |db| {
    account(db, "org@drx.cn", &[Role::Organizer]).await;
    let mut o = signed_in(db, "org@drx.cn").await;
    let t = now();
    let ok = call_form("good-slug", (t, t + 100_000), (t + 100_000, t + 200_000));
    let r = o.submit_owned("/calls/new", "/calls/new", &ok).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let cases: Vec<Case> = vec![
        (
            "slug",
            Box::new(|f| f[0].1 = "Bad Slug!".into()),
            "简称须为",
        ),
        (
            "taken",
            Box::new(|f| f[0].1 = "good-slug".into()),
            "已有征集",
        ),
        (
            "phase order",
            Box::new(|f| {
                let n = f.len();
                let v = f[n - 4].1.clone();
                f[n - 4].1 = f[n - 3].1.clone();
                f[n - 3].1 = v;
            }),
            "结束时间须晚于",
        ),
        ("loads", Box::new(|f| f[6].1 = "50".into()), "须在"),
        ("weight", Box::new(|f| f[15].1 = "0".into()), "权重"),
        ("scale", Box::new(|f| f[22].1 = "0".into()), "分值"),
        (
            "half a phase",
            Box::new(|f| {
                f.pop();
            }),
            "开始和结束时间",
        ),
        (
            "blind",
            Box::new(|f| f[9].1 = "triple".into()),
            "无效的选项",
        ),
    ];
    for (name, change, expect) in cases {
        let mut f = ok.clone();
        f[0].1 = "other-slug".into();
        change(&mut f);
        let r = o.submit_owned("/calls/new", "/calls/new", &f).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains(expect), "{name}: {}", r.body);
        assert!(
            r.body.contains("2027 医工创新大赛"),
            "{name}: the form keeps its values"
        );
    }
    assert_eq!(drx::store::catalogue::count(db, "calls").await.unwrap(), 1);
});

db_test!(open_extend_and_close_drive_what_clinicians_can_do, |db| {
    account(db, "org@drx.cn", &[Role::Organizer]).await;
    account(db, "org2@drx.cn", &[Role::Organizer]).await;
    let mut tx = db.begin().await.unwrap();
    let h = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "", 0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    common::account_in(db, "doc@h.cn", "Doc", Some(h), &[Role::Clinician]).await;
    let mut o = signed_in(db, "org@drx.cn").await;
    let t = now() / 60 * 60;
    let r = o
        .submit_owned(
            "/calls/new",
            "/calls/new",
            &call_form("c-1", (t - 7200, t - 60), (t, t + 86_400)),
        )
        .await;
    let id: i64 = r.location().trim_start_matches("/calls/").parse().unwrap();
    let doc = drx::store::accounts::person(db, common::person_id(db, "doc@h.cn").await)
        .await
        .unwrap()
        .unwrap();
    // Draft: nothing accepted. Open, but the deadline is past (no grace left): still nothing.
    assert!(!drafts_accepted(db, &doc, id).await);
    let page = format!("/calls/{id}");
    let r = o
        .submit(&page, &format!("/calls/{id}/phase"), &[("phase", "open")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    raw_execute(
        db,
        &format!("UPDATE calls SET grace_seconds = 0 WHERE id = {id}"),
    )
    .await
    .unwrap();
    assert!(!drafts_accepted(db, &doc, id).await);
    // Extending reopens it; an earlier date is refused.
    let r = o
        .submit(
            &page,
            &format!("/calls/{id}/extend"),
            &[("until", &local(t + 3 * 86_400))],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        subs::call(db, id).await.unwrap().unwrap().open_ends_at,
        Some(parse_local(&local(t + 3 * 86_400), "Asia/Shanghai").unwrap())
    );
    assert!(drafts_accepted(db, &doc, id).await);
    let r = o
        .submit(
            &page,
            &format!("/calls/{id}/extend"),
            &[("until", &local(t + 86_400))],
        )
        .await;
    // Refused: back on the call page, which shows the reason once.
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), page);
    let shown = o.get(&page).await.body;
    assert!(
        shown.contains("class=\"notice error\"") && shown.contains("须晚于当前截止时间"),
        "the reason is on the page it came from"
    );
    assert!(
        !o.get(&page).await.body.contains("须晚于当前截止时间"),
        "and only once"
    );
    o.lang = Some("en");
    let r = o
        .submit(
            &page,
            &format!("/calls/{id}/extend"),
            &[("until", "someday")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = o.get(&page).await.body;
    assert!(shown.contains("class=\"notice error\""), "{shown}");
    o.lang = None;
    // The doctor sees the call open with a submit button.
    let mut d = signed_in(db, "doc@h.cn").await;
    assert!(d
        .get(&page)
        .await
        .body
        .contains(&format!("/calls/{id}/submit")));
    assert!(
        !d.get(&page)
            .await
            .body
            .contains(&format!("/calls/{id}/edit")),
        "no organizer controls"
    );
    // Closing submissions (moving to review) stops them.
    o.submit(&page, &format!("/calls/{id}/phase"), &[("phase", "review")])
        .await;
    assert!(!drafts_accepted(db, &doc, id).await);
    assert!(d.get(&page).await.body.contains("不接受提交"));
    // Nobody else runs the call.
    for email in ["org2@drx.cn", "doc@h.cn"] {
        let mut x = signed_in(db, email).await;
        let home = x.get("/").await;
        let _ = home;
        for (path, fields) in [
            ("phase", vec![("phase", "open")]),
            ("extend", vec![("until", "2030-01-01T00:00")]),
        ] {
            let r = x.submit("/", &format!("/calls/{id}/{path}"), &fields).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email} {path}");
        }
        assert_eq!(
            x.get(&format!("/calls/{id}/edit")).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    let mut d = signed_in(db, "doc@h.cn").await;
    assert_eq!(d.get("/calls/new").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        subs::call(db, id).await.unwrap().unwrap().phase.as_str(),
        "review"
    );
});

/// The `li` of one step on the call page: its class (state) and text.
fn step_item<'a>(page: &'a str, kind: &str) -> &'a str {
    let at = page
        .find(&format!("data-step=\"{kind}\""))
        .unwrap_or_else(|| panic!("no step {kind}"));
    let start = page[..at].rfind("<li").unwrap();
    let end = at + page[at..].find("</li>").unwrap();
    &page[start..end]
}

db_test!(
    the_call_page_lists_the_steps_of_running_it_with_their_state,
    |db| {
        account(db, "org@drx.cn", &[Role::Organizer]).await;
        let mut o = signed_in(db, "org@drx.cn").await;
        let t = now() / 60 * 60;
        let form = call_form(
            "steps",
            (t - 3600, t + 86_400),
            (t + 86_400, t + 2 * 86_400),
        );
        let r = o.submit_owned("/calls/new", "/calls/new", &form).await;
        let id: i64 = r.location().trim_start_matches("/calls/").parse().unwrap();
        let page = o.get(&format!("/calls/{id}")).await.body;
        let order: Vec<usize> = [
            "setup",
            "submissions",
            "assignment",
            "reviews",
            "ranking",
            "decisions",
            "team-matching",
            "projects",
            "report",
        ]
        .iter()
        .map(|k| page.find(&format!("data-step=\"{k}\"")).expect(k))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "steps in order");
        // Still a draft although submissions should have opened an hour ago.
        let setup = step_item(&page, "setup");
        assert!(
            setup.contains("step-overdue") && setup.contains(&format!("/calls/{id}/edit")),
            "{setup}"
        );
        assert!(setup.contains("2 项评分标准"), "{setup}");
        assert!(step_item(&page, "submissions").contains("step-later"));
        // Opened, with one submission: submissions are due at the end of the open window.
        let r = o
            .post_on(&format!("/calls/{id}"), "/phase", &[("phase", "open")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let c = account(db, "c@drx.cn", &[Role::Clinician]).await;
        let j = account(db, "j@drx.cn", &[Role::Judge]).await;
        insert_submitted(db, id, c).await;
        let page = o.get(&format!("/calls/{id}")).await.body;
        assert!(step_item(&page, "setup").contains("step-done"));
        let subs_step = step_item(&page, "submissions");
        assert!(
            subs_step.contains("step-due") && subs_step.contains("已提交 1 项"),
            "{subs_step}"
        );
        assert!(
            subs_step.contains(&local(t + 86_400).replace('T', " ")),
            "{subs_step}"
        );
        assert!(step_item(&page, "assignment").contains("step-due"));
        assert!(step_item(&page, "reviews").contains("step-later"));
        // A published assignment with one review out of one: assignment done, reviews counted.
        raw_execute(db, &format!("INSERT INTO assignment_runs (call_id, kind, status, created_at) VALUES ({id}, 'judges', 'published', 0)")).await.unwrap();
        raw_execute(db, &format!("INSERT INTO reviews (submission_id, judge_id, created_at, updated_at) SELECT id, {j}, 0, 0 FROM submissions WHERE call_id = {id}")).await.unwrap();
        let page = o.get(&format!("/calls/{id}")).await.body;
        assert!(step_item(&page, "assignment").contains("step-done"));
        let reviews = step_item(&page, "reviews");
        assert!(
            reviews.contains("已提交 0 / 1 份评审")
                && reviews.contains(&format!("/calls/{id}/progress")),
            "{reviews}"
        );
        assert!(step_item(&page, "ranking").contains("step-later"));
        raw_execute(
            db,
            &format!("UPDATE reviews SET status = 'submitted' WHERE judge_id = {j}"),
        )
        .await
        .unwrap();
        let page = o.get(&format!("/calls/{id}")).await.body;
        assert!(step_item(&page, "reviews").contains("step-done"));
        assert!(step_item(&page, "ranking").contains("step-open"));
        // Others do not see the organizers' list.
        let mut clinician = signed_in(db, "c@drx.cn").await;
        let theirs = clinician.get(&format!("/calls/{id}")).await.body;
        assert!(!theirs.contains("data-step="));
    }
);
