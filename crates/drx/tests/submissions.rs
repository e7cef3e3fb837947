//! Submissions end to end: drafts, edits until the deadline (with grace), revisions and their
//! difference, submission receipts, withdrawal, attachments, and who may see or change what.
mod common;

use axum::http::{header, StatusCode};
use common::{signed_in, Client, FilePart, Resp, PASSWORD};
use drx::domain::{BlindMode, Phase, Role};
use drx::services::submissions::{self as svc, SubmissionInput};
use drx::services::ServiceError;
use drx::store::calls::NewCall;
use drx::store::catalogue as cat;
use drx::store::{now, raw_execute, Db};

pub struct World {
    pub call: i64,
    pub fields: Vec<i64>,
    pub hospitals: Vec<i64>,
}

/// Two hospitals, an open call (one day left) with two fields, and people:
/// clinician a@h1 (lead), b@h2 (co-author with an account), c@h1 (stranger clinician),
/// org@ (organizer of the call), org2@ (organizer role, not of this call), judge@, admin@.
pub async fn world(db: &Db, blind: BlindMode) -> World {
    let t = now();
    let mut tx = db.begin().await.unwrap();
    let h1 = drx::store::organizations::seed(
        &mut tx,
        "hospital",
        "North Hospital",
        "北方医院",
        "北京",
        t,
    )
    .await
    .unwrap();
    let h2 = drx::store::organizations::seed(
        &mut tx,
        "hospital",
        "South Hospital",
        "南方医院",
        "广州",
        t,
    )
    .await
    .unwrap();
    let spec = NewCall {
        blind_mode: blind,
        ..common::open_call_spec("test-call", "Test call", "测试征集")
    };
    let call = common::insert_call(&mut tx, spec, None, t).await;
    drx::store::calls::insert_call_phase(&mut tx, call, Phase::Open, t - 86_400, t + 86_400)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let fields: Vec<i64> = cat::fields(db)
        .await
        .unwrap()
        .iter()
        .take(2)
        .map(|f| f.id)
        .collect();
    let mut tx = db.begin().await.unwrap();
    for f in &fields {
        drx::store::calls::insert_call_field(&mut tx, call, *f)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    for (email, org, role) in [
        ("a@h1.cn", Some(h1), Role::Clinician),
        ("b@h2.cn", Some(h2), Role::Clinician),
        ("c@h1.cn", Some(h1), Role::Clinician),
        ("org@drx.cn", None, Role::Organizer),
        ("org2@drx.cn", None, Role::Organizer),
        ("judge@drx.cn", None, Role::Judge),
        ("admin@drx.cn", None, Role::Admin),
    ] {
        let name = email.split('@').next().unwrap().to_uppercase() + " 医生";
        let a = drx::services::accounts::NewAccount {
            email,
            name: &name,
            title: "",
            organization_id: org,
            password: PASSWORD,
            locale: "zh",
            roles: &[role],
        };
        drx::services::accounts::create_account(db, None, &a, t)
            .await
            .unwrap();
    }
    let org = person(db, "org@drx.cn").await;
    let mut tx = db.begin().await.unwrap();
    drx::store::calls::insert_call_role(&mut tx, call, org.id, drx::domain::CallRole::Organizer)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    World {
        call,
        fields,
        hospitals: vec![h1, h2],
    }
}

pub async fn person(db: &Db, email: &str) -> drx::store::accounts::Person {
    let id = common::person_id(db, email).await;
    drx::store::accounts::person(db, id).await.unwrap().unwrap()
}

pub fn input(w: &World, title: &str) -> SubmissionInput {
    SubmissionInput {
        text: svc::SubmissionText {
            title: title.into(),
            need_statement: "一种在ICU患者中减少非计划拔管的方法，降低再插管率。".into(),
            solution: "带压力传感的气管导管固定装置。".into(),
            evidence: "单中心30例试用。".into(),
            stage: "prototype".into(),
            keywords: "气管插管, fixation".into(),
            ip_status: "filed".into(),
            confidentiality: "normal".into(),
        },
        need_id: None,
        organization_id: Some(w.hospitals[0]),
        field_ids: vec![w.fields[0]],
        members: vec![svc::MemberInput {
            name: "Bo 医生".into(),
            email: "b@h2.cn".into(),
            organization_id: Some(w.hospitals[1]),
        }],
    }
}

fn id_from_location(loc: &str) -> i64 {
    loc.trim_start_matches("/submissions/").parse().unwrap()
}

/// A draft of `author` in the world's call, made through the service now.
async fn draft(db: &Db, author: &drx::store::accounts::Person, w: &World, title: &str) -> i64 {
    svc::create_draft(db, author, w.call, &input(w, title), now())
        .await
        .unwrap()
}

/// Sets columns of the world's call (`set` is SQL, e.g. "grace_seconds = 0").
async fn update_call(db: &Db, w: &World, set: &str) {
    let sql = format!("UPDATE calls SET {set} WHERE id = {}", w.call);
    raw_execute(db, &sql).await.unwrap();
}

/// Sets columns of every phase of the world's call.
async fn update_phases(db: &Db, w: &World, set: &str) {
    let sql = format!("UPDATE call_phases SET {set} WHERE call_id = {}", w.call);
    raw_execute(db, &sql).await.unwrap();
}

/// The submission form for `title`: one field, a co-author of the second hospital.
fn form(w: &World, title: &str) -> Vec<(String, String)> {
    let (field, hospital, h2) = (
        w.fields[0].to_string(),
        w.hospitals[0].to_string(),
        w.hospitals[1].to_string(),
    );
    [
        ("title", title),
        (
            "need_statement",
            "一种在术后患者中减轻疼痛的方法，缩短住院时间。",
        ),
        ("solution", "可穿戴镇痛泵 with wireless dosing."),
        ("evidence", "动物实验"),
        ("stage", "concept"),
        ("field", &field),
        ("keywords", "镇痛, pump"),
        ("organization", &hospital),
        ("member_name", "Bo 医生"),
        ("member_email", "b@h2.cn"),
        ("member_org", &h2),
        ("member_name", ""),
        ("member_email", ""),
        ("member_org", ""),
        ("ip_status", "none"),
        ("confidentiality", "normal"),
        ("need", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Posts the submission form for `title` from `page` to itself, with `action` (save or submit).
async fn post_submission(c: &mut Client, w: &World, page: &str, title: &str, action: &str) -> Resp {
    let mut fields = form(w, title);
    fields.push(("action".into(), action.into()));
    c.submit_owned(page, page, &fields).await
}

db_test!(a_clinician_drafts_edits_and_submits_with_a_receipt, |db| {
    let w = world(db, BlindMode::Double).await;
    let mut a = signed_in(db, "a@h1.cn").await;
    let call_page = a.get(&format!("/calls/{}", w.call)).await;
    assert_eq!(call_page.status, StatusCode::OK);
    assert!(call_page
        .body
        .contains(&format!("/calls/{}/submit", w.call)));
    let new = format!("/calls/{}/submit", w.call);
    let r = post_submission(&mut a, &w, &new, "可穿戴镇痛泵", "save").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = id_from_location(r.location());
    let page = a.get(r.location()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("可穿戴镇痛泵") && page.body.contains("status-draft"));
    assert!(
        page.body.contains("Bo 医生") && page.body.contains("南方医院"),
        "team from two hospitals"
    );
    assert!(
        !page.body.contains("/matches"),
        "the matches link is for organizers only"
    );
    // The co-author named by email is invited, not a member: no access until they accept
    // (issue 16, item 7); the lead sees them marked as invited.
    assert!(page.body.contains("已邀请，尚未接受"));
    let invitation = drx::store::outbox::mail_to(db, "b@h2.cn").await.unwrap();
    assert_eq!(invitation.len(), 1);
    assert!(invitation[0].subject.contains("可穿戴镇痛泵"));
    let mut b = signed_in(db, "b@h2.cn").await;
    let shown = format!("/submissions/{id}");
    assert_eq!(b.get(&shown).await.status, StatusCode::NOT_FOUND);
    let home = b.get("/").await;
    assert!(home.body.contains("submission-team-invitations"));
    let r = b
        .submit(
            "/",
            &format!("/submissions/{id}/team-invitation"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(b.get(&shown).await.status, StatusCode::OK);
    assert!(!b
        .get("/")
        .await
        .body
        .contains("submission-team-invitations"));
    // Edit: version 2.
    let edit = format!("/submissions/{id}/edit");
    let r = post_submission(&mut a, &w, &edit, "可穿戴无线镇痛泵", "save").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let s = common::submission(db, id).await;
    assert_eq!(
        (s.version, s.title.as_str(), s.status.as_str()),
        (2, "可穿戴无线镇痛泵", "draft")
    );
    assert_eq!(s.members.len(), 2);
    assert_eq!(s.members[0].role, "lead");
    // Submit: status, a notice in the app, a receipt mail to each team member with an account.
    let page = format!("/submissions/{id}");
    let r = a
        .submit(&page, &format!("/submissions/{id}/submit"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = a.get(&page).await.body;
    assert!(shown.contains("status-submitted"));
    assert!(shown.contains("回执编号"), "receipt notice on the page");
    for email in ["a@h1.cn", "b@h2.cn"] {
        let mail = drx::store::outbox::mail_to(db, email).await.unwrap();
        let receipts: Vec<_> = mail
            .iter()
            .filter(|m| m.subject.contains("可穿戴无线镇痛泵"))
            .collect();
        assert_eq!(receipts.len(), 1, "{email}");
        assert!(receipts[0].body.contains(&format!("/submissions/{id}")));
    }
    assert!(
        a.get("/").await.body.contains("回执编号"),
        "the home page shows the notice"
    );
    // The co-author who accepted sees and may edit it; submitting twice is refused.
    assert_eq!(b.get(&page).await.status, StatusCode::OK);
    let r = b
        .submit(&page, &format!("/submissions/{id}/submit"), &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("已经提交"));
    assert_eq!(
        drx::store::outbox::mail_to(db, "a@h1.cn")
            .await
            .unwrap()
            .len(),
        1
    );
});

db_test!(
    save_and_submit_in_one_step_and_incomplete_drafts_stay_drafts,
    |db| {
        let w = world(db, BlindMode::Single).await;
        let a = person(db, "a@h1.cn").await;
        let mut i = input(&w, "Draft only title");
        i.text.solution.clear();
        i.field_ids.clear();
        let id = svc::create_draft(db, &a, w.call, &i, now()).await.unwrap();
        match svc::submit(db, &a, id, "http://x", now()).await {
            Err(ServiceError::Invalid(m)) => assert_eq!(m.key, "error-required"),
            other => panic!("{other:?}"),
        }
        i.text.solution = "A solution".into();
        svc::save(db, &a, id, &i, now()).await.unwrap();
        match svc::submit(db, &a, id, "http://x", now()).await {
            Err(ServiceError::Invalid(m)) => assert_eq!(m.key, "error-sub-no-field"),
            other => panic!("{other:?}"),
        }
        assert_eq!(common::submission(db, id).await.status.as_str(), "draft");
        // Over-long and invalid input is refused with the field named.
        let mut bad = input(&w, &"长".repeat(201));
        assert!(
            matches!(svc::create_draft(db, &a, w.call, &bad, now()).await, Err(ServiceError::Invalid(m)) if m.key == "error-too-long")
        );
        bad = input(&w, "x");
        bad.text.stage = "rocket".into();
        assert!(svc::create_draft(db, &a, w.call, &bad, now())
            .await
            .is_err());
        bad = input(&w, "x");
        bad.field_ids = vec![99_999];
        assert!(
            svc::create_draft(db, &a, w.call, &bad, now())
                .await
                .is_err(),
            "a field outside the call"
        );
        // The web form's "save and submit" submits a complete one at once.
        let mut c = signed_in(db, "a@h1.cn").await;
        let new = format!("/calls/{}/submit", w.call);
        let r = post_submission(&mut c, &w, &new, "One step", "submit").await;
        let id = id_from_location(r.location());
        assert_eq!(
            common::submission(db, id).await.status.as_str(),
            "submitted"
        );
    }
);

db_test!(the_deadline_refuses_edits_and_loses_nothing, |db| {
    let w = world(db, BlindMode::Double).await;
    let a = person(db, "a@h1.cn").await;
    let id = draft(db, &a, &w, "Before the deadline").await;
    let mut c = signed_in(db, "a@h1.cn").await;
    let edit = format!("/submissions/{id}/edit");
    let csrf = c.get(&edit).await.csrf();
    // The deadline passes while the form is open.
    let end = now() - 10;
    update_phases(db, &w, &format!("ends_at = {end}")).await;
    let mut fields = vec![("csrf".to_string(), csrf)];
    fields.extend(form(&w, "Typed after the deadline"));
    let r = c.post_form(&edit, &common::borrowed(&fields)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("截止时间"), "a clear message");
    assert!(
        r.body.contains("Typed after the deadline"),
        "the typed text is shown again"
    );
    let s = common::submission(db, id).await;
    assert_eq!(
        (s.title.as_str(), s.version),
        ("Before the deadline", 1),
        "the saved version is intact"
    );
    // No upload, no submit, no new draft either; the page says why and offers no edit button.
    let r = c
        .post_on(&format!("/submissions/{id}"), "/submit", &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = c.get(&format!("/submissions/{id}")).await.body;
    assert!(!page.contains(&format!("/submissions/{id}/edit\"")));
    assert!(svc::create_draft(db, &a, w.call, &input(&w, "late"), now())
        .await
        .is_err());
    // A grace period reopens it; withdrawal works after the deadline regardless.
    update_call(db, &w, "grace_seconds = 3600").await;
    assert_eq!(
        svc::save(db, &a, id, &input(&w, "In grace"), now())
            .await
            .unwrap(),
        2
    );
    update_call(db, &w, "grace_seconds = 0").await;
    svc::withdraw(db, &a, id, now()).await.unwrap();
});

db_test!(deadline_edges_are_exact_to_the_second, |db| {
    let w = world(db, BlindMode::Double).await;
    let a = person(db, "a@h1.cn").await;
    let end = now() + 1000;
    update_phases(db, &w, &format!("ends_at = {end}")).await;
    update_call(db, &w, "grace_seconds = 300").await;
    let id = svc::create_draft(db, &a, w.call, &input(&w, "edge"), end)
        .await
        .unwrap();
    assert!(
        svc::save(db, &a, id, &input(&w, "edge 2"), end + 300)
            .await
            .is_ok(),
        "last second of grace"
    );
    let late = svc::save(db, &a, id, &input(&w, "edge 3"), end + 301).await;
    assert!(matches!(late, Err(ServiceError::Invalid(m)) if m.key == "error-deadline-passed"));
    assert!(svc::submit(db, &a, id, "http://x", end + 301)
        .await
        .is_err());
    assert!(svc::submit(db, &a, id, "http://x", end + 300).await.is_ok());
    // A call in review, or not yet open, takes nothing.
    update_phases(db, &w, &format!("starts_at = {}", end - 10)).await;
    assert!(
        matches!(svc::create_draft(db, &a, w.call, &input(&w, "early"), end - 11).await,
        Err(ServiceError::Invalid(m)) if m.key == "error-call-not-yet-open")
    );
    update_call(db, &w, "phase = 'review'").await;
    assert!(
        matches!(svc::create_draft(db, &a, w.call, &input(&w, "x"), end).await,
        Err(ServiceError::Invalid(m)) if m.key == "error-call-not-open")
    );
});

db_test!(every_version_is_kept_and_two_can_be_compared, |db| {
    let w = world(db, BlindMode::Double).await;
    let a = person(db, "a@h1.cn").await;
    let id = draft(db, &a, &w, "Catheter holder").await;
    let mut i = input(&w, "Smart catheter holder");
    i.text.solution = "带压力传感和报警的气管导管固定装置。".into();
    svc::save(db, &a, id, &i, now()).await.unwrap();
    i.members.clear();
    svc::save(db, &a, id, &i, now()).await.unwrap();
    let revs = drx::store::submissions::revisions(db, id).await.unwrap();
    assert_eq!(
        revs.iter().map(|r| r.version).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    let mut c = signed_in(db, "a@h1.cn").await;
    let r = c.get(&format!("/submissions/{id}/revisions?a=1&b=3")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("<del>Catheter</del><ins>Smart catheter</ins> holder"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("<ins>和报警</ins>"),
        "Chinese diffs by character"
    );
    assert!(
        r.body.contains("<del>"),
        "removed co-author shows as deleted"
    );
    let r = c.get(&format!("/submissions/{id}/revisions?a=2&b=2")).await;
    assert!(r.body.contains("没有差别"));
    assert_eq!(
        c.get(&format!("/submissions/{id}/revisions?a=1&b=9"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
});

async fn add_review(db: &Db, submission: i64, judge_email: &str) {
    let j = person(db, judge_email).await;
    raw_execute(
        db,
        &format!(
            "INSERT INTO reviews (submission_id, judge_id, status, created_at, updated_at) VALUES ({submission}, {}, 'assigned', 0, 0)",
            j.id
        ),
    )
    .await
    .unwrap();
}

db_test!(each_person_sees_exactly_what_the_rules_allow, |db| {
    let w = world(db, BlindMode::Double).await;
    let a = person(db, "a@h1.cn").await;
    let id = draft(db, &a, &w, "Visible to few").await;
    add_review(db, id, "judge@drx.cn").await;
    let page = format!("/submissions/{id}");
    // Strangers: another clinician of the same hospital, an organizer of no call, an unassigned judge.
    for email in ["c@h1.cn", "org2@drx.cn"] {
        let mut c = signed_in(db, email).await;
        assert_eq!(c.get(&page).await.status, StatusCode::NOT_FOUND, "{email}");
        assert_eq!(
            c.get(&format!("{page}/revisions")).await.status,
            StatusCode::NOT_FOUND,
            "{email}"
        );
        let home = c.get("/").await.body;
        assert!(!home.contains("Visible to few"), "{email}'s home");
    }
    // Judges never see drafts, even when assigned.
    let mut j = signed_in(db, "judge@drx.cn").await;
    assert_eq!(j.get(&page).await.status, StatusCode::NOT_FOUND);
    svc::submit(db, &a, id, "http://x", now()).await.unwrap();
    // Double-blind: the judge sees the content, never the authors or hospitals.
    let r = j.get(&page).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Visible to few"));
    for secret in [
        "A 医生",
        "Bo 医生",
        "北方医院",
        "南方医院",
        "North Hospital",
    ] {
        assert!(!r.body.contains(secret), "judge page leaks {secret}");
    }
    let rv = j.get(&format!("{page}/revisions?a=1&b=1")).await;
    for secret in ["A 医生", "Bo 医生", "北方医院", "南方医院"] {
        assert!(!rv.body.contains(secret), "revision page leaks {secret}");
    }
    assert!(!r.body.contains(&format!("{page}/edit")));
    // The organizer of the call and an admin see everything; only the organizer gets the matches link.
    let mut o = signed_in(db, "org@drx.cn").await;
    let r = o.get(&page).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Bo 医生") && r.body.contains("北方医院"));
    assert!(r.body.contains(&format!("/submissions/{id}/matches")));
    assert!(
        !r.body.contains(&format!("{page}/edit\"")),
        "organizers do not edit"
    );
    let r = o
        .post_on(&page, "/edit", &[("title", "hijack"), ("stage", "idea")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = o.post_on(&page, "/withdraw", &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut ad = signed_in(db, "admin@drx.cn").await;
    assert!(ad.get(&page).await.body.contains("Bo 医生"));
    // Single-blind calls show the authors to judges.
    update_call(db, &w, "blind_mode = 'single'").await;
    assert!(j.get(&page).await.body.contains("Bo 医生"));
    // Signed out: to the login page.
    let r = Client::new(db).get(&page).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/login"));
    // A judge cannot start a submission.
    assert_eq!(
        j.get(&format!("/calls/{}/submit", w.call)).await.status,
        StatusCode::FORBIDDEN
    );
});

db_test!(withdrawal_ends_editing_and_keeps_the_record, |db| {
    let w = world(db, BlindMode::Double).await;
    let a = person(db, "a@h1.cn").await;
    let id = draft(db, &a, &w, "To withdraw").await;
    svc::submit(db, &a, id, "http://x", now()).await.unwrap();
    let c_person = person(db, "c@h1.cn").await;
    assert!(matches!(
        svc::withdraw(db, &c_person, id, now()).await,
        Err(ServiceError::NotFound)
    ));
    let mut c = signed_in(db, "a@h1.cn").await;
    let page = format!("/submissions/{id}");
    let r = c.post_on(&page, "/withdraw", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let body = c.get(&page).await.body;
    assert!(body.contains("status-withdrawn"));
    assert!(matches!(
        svc::save(db, &a, id, &input(&w, "again"), now()).await,
        Err(ServiceError::Forbidden)
    ));
    assert_eq!(
        c.get(&format!("{page}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        drx::store::submissions::revisions(db, id)
            .await
            .unwrap()
            .len(),
        1
    );
    // Posting without the CSRF token changes nothing.
    let r = c.post_form(&format!("{page}/withdraw"), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
});

async fn upload(
    c: &mut Client,
    id: i64,
    filename: &str,
    content: &[u8],
    claimed: &str,
    csrf: Option<&str>,
) -> common::Resp {
    let token = match csrf {
        Some(t) => t.to_string(),
        None => c.get(&format!("/submissions/{id}")).await.csrf(),
    };
    let file = FilePart {
        filename,
        content_type: claimed,
        bytes: content,
    };
    let action = format!("/submissions/{id}/attachments");
    c.post_multipart_form(&action, &[("csrf", &token)], Some(file))
        .await
}

db_test!(
    attachments_are_sniffed_limited_checksummed_and_guarded,
    |db| {
        let w = world(db, BlindMode::Double).await;
        let a = person(db, "a@h1.cn").await;
        let id = draft(db, &a, &w, "With files").await;
        let mut c = signed_in(db, "a@h1.cn").await;
        let pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
        let r = upload(&mut c, id, "王医生-方案.pdf", &pdf, "application/pdf", None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let list = drx::store::submissions::attachments(db, id).await.unwrap();
        assert_eq!(list.len(), 1);
        use sha2::Digest;
        assert_eq!(list[0].sha256, hex::encode(sha2::Sha256::digest(&pdf)));
        assert_eq!(list[0].content_type, "application/pdf");
        assert_eq!(list[0].filename, "王医生-方案.pdf");
        let aid = list[0].id;
        // The author downloads it under its name, as an attachment.
        let r = c.get(&format!("/attachments/{aid}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.body.as_bytes(), &pdf[..]);
        let cd = r.header(header::CONTENT_DISPOSITION).to_string();
        assert!(
            cd.starts_with("attachment;") && cd.contains("filename*=UTF-8''%E7%8E%8B"),
            "{cd}"
        );
        // A file that claims to be a PDF but is a program; a plain zip; an empty file.
        for (name, bytes) in [
            (
                "evil.pdf",
                b"MZ\x90\x00\x03\x00\x00\x00 this is an exe".to_vec(),
            ),
            ("a.docx", b"PK\x03\x04 just a zip".to_vec()),
            ("page.png", b"<html><script>alert(1)</script>".to_vec()),
        ] {
            let r = upload(&mut c, id, name, &bytes, "application/pdf", None).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
            assert!(r.body.contains("不接受此类文件"), "{name}");
        }
        let r = upload(&mut c, id, "empty.pdf", b"", "application/pdf", None).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Just over the limit: a clear message; far over the request limit: the same message.
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(svc::MAX_ATTACHMENT_BYTES + 1, b'a');
        let r = upload(&mut c, id, "big.pdf", &big, "application/pdf", None).await;
        assert!(r.body.contains("文件过大"), "{}", r.status);
        big.resize(svc::MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024, b'a');
        let r = upload(&mut c, id, "huge.pdf", &big, "application/pdf", None).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.body.contains("文件过大"));
        // Without the CSRF token nothing is stored.
        let r = upload(
            &mut c,
            id,
            "x.pdf",
            &pdf,
            "application/pdf",
            Some(&"0".repeat(64)),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            drx::store::submissions::attachments(db, id)
                .await
                .unwrap()
                .len(),
            1
        );
        // Strangers neither download nor upload.
        let mut s = signed_in(db, "c@h1.cn").await;
        assert_eq!(
            s.get(&format!("/attachments/{aid}")).await.status,
            StatusCode::NOT_FOUND
        );
        let csrf = s.get("/").await.csrf();
        let r = upload(&mut s, id, "x.pdf", &pdf, "application/pdf", Some(&csrf)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The double-blind judge downloads it under a neutral name, and its page shows no real name.
        svc::submit(db, &a, id, "http://x", now()).await.unwrap();
        add_review(db, id, "judge@drx.cn").await;
        let mut j = signed_in(db, "judge@drx.cn").await;
        let r = j.get(&format!("/attachments/{aid}")).await;
        assert_eq!(r.status, StatusCode::OK);
        let cd = r.header(header::CONTENT_DISPOSITION).to_string();
        assert!(
            cd.contains(&format!("attachment-{aid}.pdf")) && !cd.contains("%E7%8E%8B"),
            "{cd}"
        );
        let page = j.get(&format!("/submissions/{id}")).await.body;
        assert!(page.contains(&format!("attachment-{aid}.pdf")) && !page.contains("王医生"));
        // The author removes it.
        let r = c
            .submit(
                &format!("/submissions/{id}"),
                &format!("/attachments/{aid}/delete"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(drx::store::submissions::attachments(db, id)
            .await
            .unwrap()
            .is_empty());
    }
);

db_test!(submission_pages_speak_both_languages, |db| {
    let w = world(db, BlindMode::Double).await;
    let a = person(db, "a@h1.cn").await;
    let id = draft(db, &a, &w, "Bilingual").await;
    for (lang, words) in [
        ("zh", ["提交方案", "需求陈述", "版本记录"]),
        ("en", ["Submit a solution", "Need statement", "Versions"]),
    ] {
        let mut c = signed_in(db, "a@h1.cn").await;
        c.lang = Some(lang);
        let new = c.get(&format!("/calls/{}/submit", w.call)).await.body;
        assert!(new.contains(words[0]) && new.contains(words[1]), "{lang}");
        let page = c.get(&format!("/submissions/{id}")).await.body;
        assert!(page.contains(words[2]), "{lang}");
        let calls = c.get("/calls").await;
        assert_eq!(calls.status, StatusCode::OK);
    }
});

db_test!(a_person_named_on_a_team_declines_and_gets_no_access, |db| {
    let w = world(db, BlindMode::Single).await;
    let a = person(db, "a@h1.cn").await;
    let b = person(db, "b@h2.cn").await;
    let mut i = input(&w, "Team of two");
    i.members = vec![drx::services::submissions::MemberInput {
        name: String::new(),
        email: "B@h2.cn".into(),
        organization_id: Some(w.hospitals[1]),
    }];
    let id = svc::create_draft(db, &a, w.call, &i, now()).await.unwrap();
    let s = common::submission(db, id).await;
    assert_eq!(s.members[1].person_id, None, "not a member yet");
    assert_eq!(s.members[1].invited_person_id, Some(b.id));
    assert!(matches!(
        svc::load(db, &b, id).await,
        Err(ServiceError::NotFound)
    ));
    assert_eq!(svc::team_invitations(db, &b).await.unwrap().len(), 1);
    // Saving again (the edit form carries no emails) keeps the invitation, and sends no
    // second mail.
    svc::save(db, &a, id, &svc::input_of(&s), now())
        .await
        .unwrap();
    assert_eq!(
        common::submission(db, id).await.members[1].invited_person_id,
        Some(b.id)
    );
    assert_eq!(
        drx::store::outbox::mail_to(db, "b@h2.cn")
            .await
            .unwrap()
            .len(),
        1
    );
    // Someone else cannot answer it; the invitee declines and stays out.
    let c = person(db, "c@h1.cn").await;
    assert!(matches!(
        svc::answer_team_invitation(db, &c, id, true, now()).await,
        Err(ServiceError::NotFound)
    ));
    svc::answer_team_invitation(db, &b, id, false, now())
        .await
        .unwrap();
    assert!(matches!(
        svc::load(db, &b, id).await,
        Err(ServiceError::NotFound)
    ));
    let s = common::submission(db, id).await;
    assert_eq!(
        (s.members[1].person_id, s.members[1].invited_person_id),
        (None, None)
    );
    assert_eq!(
        s.members[1].name, b.name,
        "the name stays, without an account"
    );
    assert!(svc::team_invitations(db, &b).await.unwrap().is_empty());
});
