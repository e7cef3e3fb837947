//! Conversations on a need, a submission and a project: who the parties are (and that judges,
//! strangers and anonymous visitors are not), threads, replies, files, unread counts, notices,
//! outbox mail, and its delivery through a real SMTP conversation on loopback.
mod common;

use axum::http::StatusCode;
use common::smtp::smtp_sink;
use common::{signed_in, Client, FilePart, PASSWORD};
use drx::domain::Role;
use drx::services::conversations::{self as svc, Subject, Upload};
use drx::services::mail::{deliver_due, Sender};
use drx::store::accounts::{self, Person};
use drx::store::calls::NewCall;
use drx::store::catalogue as cat;
use drx::store::needs::NewNeed;
use drx::store::submissions::NewSubmission;
use drx::store::teams::{self as teams, NewTeam};
use drx::store::{audit, now, outbox, Db};

const BASE: &str = "http://127.0.0.1:8080";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// Everyone around one need, one submission answering it and one project made of it.
struct World {
    need: i64,
    submission: i64,
    project: i64,
    organizer: Person,
    clinician: Person,
    coauthor: Person,
    interested: Person,
    matched: Person,
    project_engineer: Person,
    judge: Person,
    stranger: Person,
    other_organizer: Person,
}

async fn person(db: &Db, email: &str, roles: &[Role], locale: &str) -> Person {
    let a = drx::services::accounts::NewAccount {
        email,
        name: &format!("Name of {}", email.split('@').next().unwrap()),
        title: "",
        organization_id: None,
        password: PASSWORD,
        locale,
        roles,
    };
    let id = drx::services::accounts::create_account(db, None, &a, now())
        .await
        .unwrap();
    accounts::person(db, id).await.unwrap().unwrap()
}

async fn team(tx: &mut drx::store::Tx, org: i64, name: &str, member: i64) -> i64 {
    let t = teams::insert_team(
        tx,
        &NewTeam {
            organization_id: org,
            name_en: name,
            name_zh: name,
            capabilities: "",
            technologies: "",
            capacity: 2,
        },
        1000,
    )
    .await
    .unwrap();
    teams::insert_team_member(tx, t, member, true)
        .await
        .unwrap();
    t
}

async fn world(db: &Db) -> World {
    let organizer = person(db, "org@h.cn", &[Role::Organizer], "zh").await;
    let other_organizer = person(db, "org2@h.cn", &[Role::Organizer], "zh").await;
    let clinician = person(db, "doc@h.cn", &[Role::Clinician], "en").await;
    let coauthor = person(db, "co@h.cn", &[Role::Clinician], "zh").await;
    let interested = person(db, "eng1@co.cn", &[Role::Engineer], "zh").await;
    let matched = person(db, "eng2@co.cn", &[Role::Engineer], "zh").await;
    let project_engineer = person(db, "eng3@co.cn", &[Role::Engineer], "zh").await;
    let judge = person(db, "judge@h.cn", &[Role::Judge], "zh").await;
    let stranger = person(db, "eng4@co.cn", &[Role::Engineer], "zh").await;
    let field = cat::fields(db).await.unwrap()[0].id;
    let mut tx = db.begin().await.unwrap();
    let hospital = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "上海", 1000)
        .await
        .unwrap();
    let company = drx::store::organizations::seed(&mut tx, "company", "C", "公司", "上海", 1000)
        .await
        .unwrap();
    let spec = NewCall {
        title_zh: "赛事",
        created_by: Some(organizer.id),
        ..common::call_spec("c", "Call", drx::domain::Phase::Review)
    };
    let call = common::insert_call(&mut tx, spec, Some(organizer.id), 1000).await;
    drx::store::calls::insert_call_role(&mut tx, call, judge.id, drx::domain::CallRole::Judge)
        .await
        .unwrap();
    let need = drx::store::needs::insert(
        &mut tx,
        &NewNeed {
            organization_id: hospital,
            field_id: field,
            problem: "detect sepsis early",
            population: "ICU patients",
            outcome: "saves lives",
            current_practice: "",
            urgency: drx::domain::Urgency::High,
            lang: "en",
            created_by: Some(clinician.id),
        },
        drx::domain::NeedStatus::Open,
        1000,
    )
    .await
    .unwrap();
    let spec = NewSubmission {
        need_id: Some(need),
        solution: "a monitor",
        field_ids: &[field],
        ..common::solution_spec(call, hospital, clinician.id, "Sepsis watch")
    };
    let submission = common::insert_solution(&mut tx, &spec, "Lead", 1000).await;
    drx::store::submissions::insert_member(
        &mut tx,
        submission,
        1,
        Some(coauthor.id),
        "Co",
        Some(hospital),
        "member",
    )
    .await
    .unwrap();
    let t1 = team(&mut tx, company, "Interested team", interested.id).await;
    let t2 = team(&mut tx, company, "Matched team", matched.id).await;
    let t3 = team(&mut tx, company, "Project team", project_engineer.id).await;
    let _ = team(&mut tx, company, "Stranger team", stranger.id).await;
    tx.commit().await.unwrap();
    // An accepted interest of team 1 in the need and the submission; a declined one of the
    // stranger's team; a published team match of team 2; a judge's review.
    for sql in [
        format!("INSERT INTO interests (need_id, team_id, from_side, status, created_by, created_at) VALUES ({need}, {t1}, 'team', 'accepted', {}, 1000)", interested.id),
        format!("INSERT INTO interests (submission_id, team_id, from_side, status, created_by, created_at) VALUES ({submission}, {t1}, 'team', 'accepted', {}, 1000)", interested.id),
        format!("INSERT INTO interests (need_id, team_id, from_side, status, created_by, created_at) VALUES ({need}, {t1} + 3, 'team', 'declined', {}, 1000)", stranger.id),
        format!("INSERT INTO assignment_runs (call_id, kind, status, created_at) VALUES ({call}, 'teams', 'published', 1000)"),
        format!("INSERT INTO assignment_pairs (run_id, submission_id, assignee_id, affinity) VALUES ((SELECT MAX(id) FROM assignment_runs), {submission}, {t2}, 0.5)"),
        format!("INSERT INTO reviews (submission_id, judge_id, status, created_at, updated_at) VALUES ({submission}, {}, 'submitted', 1000, 1000)", judge.id),
    ] {
        drx::store::raw_execute(db, &sql).await.unwrap();
    }
    let project = drx::services::projects::create(db, &organizer, submission, t3, None, 1000)
        .await
        .unwrap();
    World {
        need,
        submission,
        project,
        organizer,
        clinician,
        coauthor,
        interested,
        matched,
        project_engineer,
        judge,
        stranger,
        other_organizer,
    }
}

/// A multipart post of a message form (title, body, optional file) with the page's CSRF token.
async fn post_message(
    c: &mut Client,
    page: &str,
    action: &str,
    title: &str,
    body: &str,
    file: Option<(&str, &[u8])>,
) -> common::Resp {
    let file = file.map(|(name, bytes)| FilePart::new(name, bytes));
    c.upload(page, action, &[("title", title), ("body", body)], file)
        .await
}

fn thread_id(r: &common::Resp) -> i64 {
    r.location()
        .trim_start_matches("/threads/")
        .split('#')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn message_count(db: &Db, thread: i64) -> usize {
    drx::store::conversations::messages(db, thread)
        .await
        .unwrap()
        .len()
}

async fn unread(db: &Db, p: &Person) -> (i64, i64) {
    svc::unread_counts(db, p.id).await.unwrap()
}

db_test!(a_party_opens_a_thread_and_the_others_are_told, |db| {
    let w = world(db).await;
    let mut doc = signed_in(db, "doc@h.cn").await;
    let page = format!("/submissions/{}", w.submission);
    let p = doc.get(&page).await;
    assert!(p.body.contains("id=\"conversations\""), "section shown");
    let r = post_message(
        &mut doc,
        &page,
        &format!("/conversations/submission/{}", w.submission),
        "Integration with the ICU monitor",
        "Which HL7 interface do you need?\nWe run Philips.",
        Some(("接口说明.pdf", PDF)),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let t = thread_id(&r);
    // The thread page shows the message with its line break and its file.
    let view = doc.get(&format!("/threads/{t}")).await;
    assert_eq!(view.status, StatusCode::OK);
    assert!(view.body.contains("Which HL7 interface"));
    assert!(view.body.contains("接口说明.pdf"));
    // Every other party got a notice and a mail; the author got neither; judges and strangers
    // are not parties.
    for p in [&w.coauthor, &w.interested, &w.matched, &w.organizer] {
        assert_eq!(unread(db, p).await, (1, 1), "{}", p.email);
        let mails = outbox::mail_to(db, &p.email).await.unwrap();
        assert_eq!(mails.len(), 1, "{}", p.email);
        assert!(mails[0].body.contains(&format!("{BASE}/threads/{t}")));
        assert!(mails[0].body.contains("Which HL7 interface"));
    }
    assert!(outbox::mail_to(db, "doc@h.cn").await.unwrap().is_empty());
    assert_eq!(unread(db, &w.clinician).await, (0, 0));
    for p in [
        &w.judge,
        &w.stranger,
        &w.other_organizer,
        &w.project_engineer,
    ] {
        assert_eq!(unread(db, p).await, (0, 0), "{}", p.email);
        assert!(outbox::mail_to(db, &p.email).await.unwrap().is_empty());
    }
    // Mail and notice speak the recipient's language (the organizer reads Chinese).
    let zh = &outbox::mail_to(db, "org@h.cn").await.unwrap()[0];
    assert!(zh.subject.contains("新消息"), "{}", zh.subject);
    // The thread is audited.
    let events = audit::history(db, drx::domain::AuditEntity::Thread, t)
        .await
        .unwrap();
    assert!(events.iter().any(|e| e.action.as_str() == "open"));
    assert!(events
        .iter()
        .any(|e| e.action.as_str() == "message" && e.detail.contains("sha256")));
});

db_test!(unread_counts_go_up_and_down, |db| {
    let w = world(db).await;
    let t = svc::open_thread(
        db,
        &w.interested,
        Subject::Need,
        w.need,
        "Prototype budget",
        "Can the hospital fund a pilot?",
        None,
        BASE,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(unread(db, &w.clinician).await, (1, 1));
    let mut doc = signed_in(db, "doc@h.cn").await;
    // The nav shows the counts; the list shows the thread with its unread count.
    let home = doc.get("/messages").await;
    assert!(home.body.contains("Prototype budget"));
    assert!(home.body.contains("class=\"count\""));
    // Reading the thread clears both the message and its notice.
    doc.get(&format!("/threads/{t}")).await;
    assert_eq!(unread(db, &w.clinician).await, (0, 0));
    // A reply through the page: the other side's count goes up, the author's stays at zero.
    let r = post_message(
        &mut doc,
        &format!("/threads/{t}"),
        &format!("/threads/{t}"),
        "",
        "Yes, up to 50k.",
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(unread(db, &w.interested).await, (1, 1));
    assert_eq!(unread(db, &w.clinician).await, (0, 0));
    svc::reply(db, &w.interested, t, "Great.", None, BASE, now())
        .await
        .unwrap();
    svc::reply(db, &w.interested, t, "Sending the plan.", None, BASE, now())
        .await
        .unwrap();
    assert_eq!(unread(db, &w.clinician).await, (2, 2));
    let list = svc::my_threads(db, &w.clinician).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].0.unread, 2);
    // Notices: one marked read on the page, then all.
    let notices = drx::store::notices::list(db, w.clinician.id, 10)
        .await
        .unwrap();
    let first = notices.iter().find(|n| n.read_at.is_none()).unwrap().id;
    let r = doc
        .submit(
            "/notifications",
            &format!("/notifications/{first}/read"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(unread(db, &w.clinician).await, (2, 1));
    let r = doc
        .submit("/notifications", "/notifications/read-all", &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(unread(db, &w.clinician).await.1, 0);
    // Writing in a thread read its notices: the engineer answered after the clinician's reply.
    assert_eq!(unread(db, &w.interested).await, (0, 0));
    // Someone else's notice cannot be marked.
    svc::open_thread(
        db,
        &w.clinician,
        Subject::Need,
        w.need,
        "Next step",
        "Call me.",
        None,
        BASE,
        now(),
    )
    .await
    .unwrap();
    let theirs = drx::store::notices::list(db, w.interested.id, 1)
        .await
        .unwrap()[0]
        .id;
    let r = doc
        .submit(
            "/notifications",
            &format!("/notifications/{theirs}/read"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(unread(db, &w.interested).await.1, 1);
});

db_test!(strangers_judges_and_anonymous_visitors_are_kept_out, |db| {
    let w = world(db).await;
    let t = svc::open_thread(
        db,
        &w.clinician,
        Subject::Submission,
        w.submission,
        "Confidential pricing",
        "Our price list is attached.",
        Some(&Upload {
            name: "prices.pdf",
            bytes: PDF,
        }),
        BASE,
        now(),
    )
    .await
    .unwrap();
    let files = drx::store::conversations::attachments_of_thread(db, t)
        .await
        .unwrap();
    let file = files[0].id;
    // A party downloads the file.
    let mut m = signed_in(db, "eng2@co.cn").await;
    let r = m.get(&format!("/message-files/{file}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with("%PDF"));
    // The judge of the submission (blind review), a stranger and an organizer of another call
    // neither read, answer, nor download; the page shows them no section.
    for email in ["judge@h.cn", "eng4@co.cn", "org2@h.cn"] {
        let mut c = signed_in(db, email).await;
        assert_eq!(
            c.get(&format!("/threads/{t}")).await.status,
            StatusCode::NOT_FOUND,
            "{email}"
        );
        assert_eq!(
            c.get(&format!("/message-files/{file}")).await.status,
            StatusCode::NOT_FOUND,
            "{email}"
        );
        let r = post_message(
            &mut c,
            "/messages",
            &format!("/threads/{t}"),
            "",
            "let me in",
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{email}");
        let r = post_message(
            &mut c,
            "/messages",
            &format!("/conversations/submission/{}", w.submission),
            "Hello",
            "let me in",
            None,
        )
        .await;
        assert!(
            matches!(r.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{email}: {}",
            r.status
        );
        assert!(!c
            .get("/messages")
            .await
            .body
            .contains("Confidential pricing"));
    }
    let judge_page = signed_in(db, "judge@h.cn")
        .await
        .get(&format!("/submissions/{}", w.submission))
        .await;
    assert_eq!(judge_page.status, StatusCode::OK);
    assert!(!judge_page.body.contains("id=\"conversations\""));
    assert!(svc::reply(db, &w.judge, t, "x", None, BASE, now())
        .await
        .is_err());
    // Anonymous visitors are sent to the login page.
    let mut anon = Client::new(db);
    for path in [
        format!("/threads/{t}"),
        format!("/message-files/{file}"),
        "/messages".into(),
        "/notifications".into(),
    ] {
        let r = anon.get(&path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/login"));
    }
    // Nothing was written by the refused attempts.
    assert_eq!(message_count(db, t).await, 1);
});

db_test!(each_subject_has_its_own_parties, |db| {
    let w = world(db).await;
    // Need: its author, the accepted team, curators; not the declined team nor the matched one.
    assert!(svc::is_party(db, &w.clinician, Subject::Need, w.need)
        .await
        .unwrap());
    assert!(svc::is_party(db, &w.interested, Subject::Need, w.need)
        .await
        .unwrap());
    assert!(svc::is_party(db, &w.other_organizer, Subject::Need, w.need)
        .await
        .unwrap());
    assert!(!svc::is_party(db, &w.stranger, Subject::Need, w.need)
        .await
        .unwrap());
    assert!(!svc::is_party(db, &w.matched, Subject::Need, w.need)
        .await
        .unwrap());
    // Project: its team, its clinicians, its call's organizers; not the other teams.
    for p in [&w.project_engineer, &w.clinician, &w.coauthor, &w.organizer] {
        assert!(
            svc::is_party(db, p, Subject::Project, w.project)
                .await
                .unwrap(),
            "{}",
            p.email
        );
    }
    for p in [&w.interested, &w.matched, &w.judge, &w.other_organizer] {
        assert!(
            !svc::is_party(db, p, Subject::Project, w.project)
                .await
                .unwrap(),
            "{}",
            p.email
        );
    }
    // A project thread through the page reaches its parties only.
    let mut eng = signed_in(db, "eng3@co.cn").await;
    let page = format!("/projects/{}", w.project);
    assert!(eng.get(&page).await.body.contains("id=\"conversations\""));
    let r = post_message(
        &mut eng,
        &page,
        &format!("/conversations/project/{}", w.project),
        "Bench test plan",
        "Draft attached tomorrow.",
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for p in [&w.clinician, &w.coauthor, &w.organizer] {
        assert_eq!(unread(db, p).await.0, 1, "{}", p.email);
    }
    for p in [&w.interested, &w.matched, &w.judge] {
        assert_eq!(unread(db, p).await.0, 0, "{}", p.email);
    }
    // The two directions of "who is a party" agree: every notified person lists the thread.
    let t = thread_id(&r);
    for p in [&w.clinician, &w.coauthor, &w.organizer, &w.project_engineer] {
        assert!(svc::my_threads(db, p)
            .await
            .unwrap()
            .iter()
            .any(|(s, _)| s.thread.id == t));
    }
    // A curator who writes in a need's thread hears about the answers.
    let nt = svc::open_thread(
        db,
        &w.other_organizer,
        Subject::Need,
        w.need,
        "Catalogue check",
        "Is this need still open?",
        None,
        BASE,
        now(),
    )
    .await
    .unwrap();
    svc::reply(db, &w.clinician, nt, "Yes.", None, BASE, now())
        .await
        .unwrap();
    assert_eq!(unread(db, &w.other_organizer).await.0, 1);
});

db_test!(bad_messages_are_refused_with_what_was_typed_kept, |db| {
    let w = world(db).await;
    let mut doc = signed_in(db, "doc@h.cn").await;
    let page = format!("/needs/{}", w.need);
    assert!(doc.get(&page).await.body.contains("id=\"conversations\""));
    let action = format!("/conversations/need/{}", w.need);
    // No title.
    let r = post_message(&mut doc, &page, &action, "  ", "my long careful text", None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("my long careful text"));
    // A file that is not what it claims.
    let r = post_message(
        &mut doc,
        &page,
        &action,
        "Specs",
        "see file",
        Some(("evil.pdf", b"MZ\x90\x00 not a pdf")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Specs") && r.body.contains("see file"));
    // An unknown subject kind and a missing subject.
    let r = post_message(&mut doc, &page, "/conversations/review/1", "T", "b", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = post_message(&mut doc, &page, "/conversations/need/99999", "T", "b", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // An empty reply.
    let t = svc::open_thread(
        db,
        &w.clinician,
        Subject::Need,
        w.need,
        "T",
        "first",
        None,
        BASE,
        now(),
    )
    .await
    .unwrap();
    let r = post_message(
        &mut doc,
        &format!("/threads/{t}"),
        &format!("/threads/{t}"),
        "",
        "   ",
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A file over the upload limit.
    let mut big = PDF.to_vec();
    big.resize(drx::services::submissions::MAX_ATTACHMENT_BYTES + 1, b' ');
    let r = svc::reply(
        db,
        &w.clinician,
        t,
        "too big",
        Some(&Upload {
            name: "big.pdf",
            bytes: &big,
        }),
        BASE,
        now(),
    )
    .await;
    assert!(
        matches!(r, Err(drx::services::ServiceError::Invalid(ref m)) if m.key == "error-file-too-large"),
        "{r:?}"
    );
    // Without the CSRF token nothing is written.
    let r = doc
        .post_form(&format!("/threads/{t}"), &[("body", "forged")])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("multipart/form-data"));
    assert_eq!(message_count(db, t).await, 1);
});

db_test!(the_judges_discussion_stays_apart_from_conversations, |db| {
    let w = world(db).await;
    // The judges' discussion (kind 'review') and the authors' conversations never mix.
    drx::services::reviews::post_message(db, &w.organizer, w.submission, "committee only", now())
        .await
        .unwrap();
    let t = svc::open_thread(
        db,
        &w.clinician,
        Subject::Submission,
        w.submission,
        "Hello",
        "from the authors",
        None,
        BASE,
        now(),
    )
    .await
    .unwrap();
    let d = drx::services::reviews::discussion(db, &w.organizer, w.submission)
        .await
        .unwrap();
    assert_eq!(d.messages.len(), 1);
    assert_eq!(d.messages[0].body, "committee only");
    let on = svc::on_subject(db, &w.clinician, Subject::Submission, w.submission)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(on.len(), 1);
    assert_eq!(on[0].thread.id, t);
    // The discussion thread is not reachable as a conversation.
    let review_thread = drx::store::reviews::thread_of(db, w.submission)
        .await
        .unwrap()
        .unwrap();
    let mut org = signed_in(db, "org@h.cn").await;
    assert_eq!(
        org.get(&format!("/threads/{review_thread}")).await.status,
        StatusCode::NOT_FOUND
    );
});

db_test!(new_message_mail_is_delivered_through_smtp, |db| {
    let w = world(db).await;
    let (port, sink) = smtp_sink().await;
    svc::open_thread(
        db,
        &w.project_engineer,
        Subject::Project,
        w.project,
        "Usability study",
        "Ten nurses on Tuesday.",
        None,
        BASE,
        now(),
    )
    .await
    .unwrap();
    let sender = Sender::smtp(&format!("smtp://127.0.0.1:{port}"), "drx <drx@h.cn>").unwrap();
    // The project's other parties: the two clinicians and the organizer.
    assert_eq!(deliver_due(db, &sender, "node-a").await.unwrap(), (3, 0));
    assert_eq!(deliver_due(db, &sender, "node-a").await.unwrap(), (0, 0));
    let got = sink.lock().unwrap().clone();
    assert_eq!(got.len(), 3);
    let to_doc = got
        .iter()
        .find(|m| m.contains("doc@h.cn"))
        .expect("mail to the clinician");
    assert!(to_doc.contains("/threads/"), "{to_doc}");
    for p in [&w.clinician, &w.coauthor, &w.organizer] {
        assert_eq!(
            outbox::mail_to(db, &p.email).await.unwrap()[0].status,
            "sent"
        );
    }
});
