//! Roadshows: organizers make events and their agenda of finalists; everyone reads them (blind
//! calls hide presenters); signed-in people register; the calendar file is valid iCalendar.
mod common;

use axum::http::StatusCode;
use common::{Client, PASSWORD};
use drx::domain::Role;
use drx::domain::SubmissionStatus;
use drx::services::roadshows::{self as svc, local_input};
use drx::store::accounts::{self, Person};
use drx::store::calls::NewCall;
use drx::store::catalogue as cat;
use drx::store::submissions::NewSubmission;
use drx::store::{audit, now, Db};

struct World {
    call: i64,
    finalists: [i64; 2],
    not_finalist: i64,
    organizer: Person,
}

async fn person(db: &Db, email: &str, roles: &[Role]) -> Person {
    let id = common::account(db, email, roles).await;
    accounts::person(db, id).await.unwrap().unwrap()
}

async fn world(db: &Db) -> World {
    let organizer = person(db, "org@h.cn", &[Role::Organizer]).await;
    person(db, "org2@h.cn", &[Role::Organizer]).await;
    let clinician = person(db, "doc@h.cn", &[Role::Clinician]).await;
    person(db, "guest@co.cn", &[Role::Engineer]).await;
    let field = cat::fields(db).await.unwrap()[0].id;
    let mut tx = db.begin().await.unwrap();
    let hospital = drx::store::organizations::seed(
        &mut tx,
        "hospital",
        "Ruijin Hospital",
        "瑞金医院",
        "上海",
        1000,
    )
    .await
    .unwrap();
    let spec = NewCall {
        created_by: Some(organizer.id),
        ..common::call_spec("c", "Dr. X 2026", drx::domain::Phase::Decision)
    };
    let call = common::insert_call(&mut tx, spec, Some(organizer.id), 1000).await;
    let mut ids = Vec::new();
    for (title, status) in [
        ("Sepsis watch, early", SubmissionStatus::Finalist),
        ("智能康复手套", SubmissionStatus::Finalist),
        ("Not chosen", SubmissionStatus::NotSelected),
    ] {
        let spec = NewSubmission {
            status,
            field_ids: &[field],
            ..common::solution_spec(call, hospital, clinician.id, title)
        };
        let s = common::insert_solution(&mut tx, &spec, "Dr. Lead Author", 1000).await;
        ids.push(s);
    }
    tx.commit().await.unwrap();
    World {
        call,
        finalists: [ids[0], ids[1]],
        not_finalist: ids[2],
        organizer,
    }
}

async fn client(db: &Db, email: &str) -> Client {
    let mut c = Client::new(db);
    c.lang = Some("en");
    assert_eq!(c.login(email, PASSWORD).await.status, StatusCode::SEE_OTHER);
    c
}

const DAY: i64 = 86_400;

/// Starts in 30 days at a whole hour, lasts 3 hours.
fn start() -> i64 {
    (now() / 3600 + 30 * 24) * 3600
}

async fn make_event(c: &mut Client, w: &World, title: &str) -> i64 {
    let s = start();
    let r = c
        .submit(
            "/events/new",
            "/events",
            &[
                ("call", &w.call.to_string()),
                ("title", title),
                ("location", "Shanghai, Hall 3; Floor 2"),
                ("description", "Pitches and Q&A\nthen networking"),
                ("starts", &local_input(s)),
                ("ends", &local_input(s + 3 * 3600)),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_start_matches("/events/").parse().unwrap()
}

async fn add(c: &mut Client, event: i64, submission: i64, from: i64, to: i64) -> common::Resp {
    let page = format!("/events/{event}");
    c.post_on(
        &page,
        "/agenda",
        &[
            ("submission", &submission.to_string()),
            ("starts", &local_input(from)),
            ("ends", &local_input(to)),
        ],
    )
    .await
}

db_test!(organizers_make_a_roadshow_and_its_agenda, |db| {
    let w = world(db).await;
    let mut org = client(db, "org@h.cn").await;
    assert!(org.get("/events").await.body.contains("/events/new"));
    let e = make_event(&mut org, &w, "Dr. X 路演日").await;
    let s = start();
    // Two finalists in order of time, whatever the order they were added.
    let r = add(&mut org, e, w.finalists[1], s + 1800, s + 3600).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = add(&mut org, e, w.finalists[0], s, s + 1800).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let v = svc::view(db, Some(&w.organizer), e).await.unwrap();
    assert_eq!(
        v.agenda.iter().map(|a| a.submission_id).collect::<Vec<_>>(),
        vec![w.finalists[0], w.finalists[1]]
    );
    // Refusals, each with a clear message and what was typed kept.
    for (sub, from, to, words) in [
        (w.not_finalist, s + 3600, s + 5400, "Only a finalist"),
        (w.finalists[0], s + 3600, s + 5400, "already on the agenda"),
        (w.finalists[0], s + 1200, s + 2400, "overlaps"),
        (w.finalists[0], s - 3600, s, "within the roadshow"),
        (w.finalists[0], s + 5400, s + 3600, "after the start"),
    ] {
        let r = add(&mut org, e, sub, from, to).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{words}");
        assert!(r.body.contains(words), "{words}: {}", r.body);
        assert!(r.body.contains(&local_input(from)));
    }
    // Removing a presentation.
    let item = v.agenda[1].id;
    let page = format!("/events/{e}");
    let r = org
        .submit(&page, &format!("{page}/agenda/{item}/delete"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(svc::view(db, None, e).await.unwrap().agenda.len(), 1);
    let actions: Vec<String> = audit::history(db, drx::domain::AuditEntity::Event, e)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action.to_string())
        .collect();
    assert_eq!(
        actions,
        vec!["create", "agenda-add", "agenda-add", "agenda-remove"]
    );
    // A bad event form is refused with its fields kept.
    let r = org
        .submit(
            "/events/new",
            "/events",
            &[
                ("call", &w.call.to_string()),
                ("title", "Kept title"),
                ("starts", "2026-13-40T99:00"),
                ("ends", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Kept title"));
});

db_test!(only_the_calls_organizers_make_or_change_roadshows, |db| {
    let w = world(db).await;
    let mut org = client(db, "org@h.cn").await;
    let e = make_event(&mut org, &w, "Pitch day").await;
    let s = start();
    for email in ["doc@h.cn", "org2@h.cn", "guest@co.cn"] {
        let mut c = client(db, email).await;
        assert_eq!(
            c.get("/events/new").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let r = c
            .submit(
                "/events",
                "/events",
                &[
                    ("call", &w.call.to_string()),
                    ("title", "Mine"),
                    ("starts", &local_input(s)),
                    ("ends", &local_input(s + 3600)),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        let r = add(&mut c, e, w.finalists[0], s, s + 600).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        // No registrant list for them.
        let page = c.get(&format!("/events/{e}")).await;
        assert!(!page.body.contains("agenda-form"), "{email}");
    }
    // Anonymous: the form is behind the login, a forged post changes nothing.
    let mut anon = Client::new(db);
    assert_eq!(anon.get("/events/new").await.status, StatusCode::SEE_OTHER);
    let r = anon
        .post_form("/events", &[("call", &w.call.to_string()), ("title", "x")])
        .await;
    assert_ne!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(svc::list(db).await.unwrap().len(), 1);
    assert!(svc::view(db, None, e).await.unwrap().agenda.is_empty());
});

db_test!(people_register_and_organizers_see_who, |db| {
    let w = world(db).await;
    let mut org = client(db, "org@h.cn").await;
    let e = make_event(&mut org, &w, "Pitch day").await;
    let page = format!("/events/{e}");
    let mut guest = client(db, "guest@co.cn").await;
    let r = guest.post_on(&page, "/register", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Twice is once, and confirmed once by mail with the calendar link.
    guest.post_on(&page, "/register", &[]).await;
    let mail = drx::store::outbox::mail_to(db, "guest@co.cn")
        .await
        .unwrap();
    assert_eq!(mail.len(), 1, "one confirmation");
    assert!(mail[0].subject.contains("Pitch day"), "{}", mail[0].subject);
    assert!(
        mail[0].body.contains(&format!("{page}.ics")),
        "{}",
        mail[0].body
    );
    let body = guest.get(&page).await.body;
    assert!(body.contains(&format!("{page}/unregister")));
    assert!(
        !body.contains("guest@co.cn"),
        "no registrant list for guests"
    );
    let list = org.get(&page).await.body;
    assert!(list.contains("guest@co.cn"));
    assert_eq!(svc::view(db, None, e).await.unwrap().event.registrations, 1);
    let r = guest.post_on(&page, "/unregister", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(svc::view(db, None, e).await.unwrap().event.registrations, 0);
    // Anonymous visitors read the page and are asked to sign in.
    let mut anon = Client::new(db);
    let p = anon.get(&page).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("/login?next="));
    assert_ne!(
        anon.post_form(&format!("{page}/register"), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // A roadshow that is over takes no registration.
    drx::store::raw_execute(
        db,
        &format!(
            "UPDATE events SET starts_at = {}, ends_at = {} WHERE id = {e}",
            now() - 2 * DAY,
            now() - DAY
        ),
    )
    .await
    .unwrap();
    let guest_person = accounts::list_people(db, None)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.email == "guest@co.cn")
        .unwrap();
    assert!(
        svc::register(db, &guest_person, e, "http://127.0.0.1:8080", now())
            .await
            .is_err()
    );
    assert!(anon.get("/events").await.body.contains("Pitch day"));
    assert_eq!(anon.get("/events/999").await.status, StatusCode::NOT_FOUND);
});

db_test!(
    blind_calls_hide_presenters_on_the_page_and_in_the_calendar,
    |db| {
        let w = world(db).await;
        let mut org = client(db, "org@h.cn").await;
        let e = make_event(&mut org, &w, "Dr. X Roadshow, Shanghai").await;
        let s = start();
        add(&mut org, e, w.finalists[0], s, s + 1800).await;
        add(&mut org, e, w.finalists[1], s + 1800, s + 3600).await;
        let mut anon = Client::new(db);
        anon.lang = Some("en");
        let page = anon.get(&format!("/events/{e}")).await.body;
        assert!(page.contains("Sepsis watch, early") && page.contains("智能康复手套"));
        assert!(!page.contains("Dr. Lead Author") && !page.contains("Ruijin"));
        let ics = anon.get(&format!("/events/{e}.ics")).await;
        assert!(!ics.body.replace("\r\n ", "").contains("Dr. Lead Author"));
        // The organizer sees the presenters.
        assert!(org
            .get(&format!("/events/{e}"))
            .await
            .body
            .contains("Dr. Lead Author"));
        // An open call shows them to everyone.
        drx::store::raw_execute(db, "UPDATE calls SET blind_mode = 'open'")
            .await
            .unwrap();
        let page = anon.get(&format!("/events/{e}")).await.body;
        assert!(page.contains("Dr. Lead Author") && page.contains("Ruijin"));
    }
);

db_test!(the_calendar_file_is_valid_icalendar, |db| {
    let w = world(db).await;
    let mut org = client(db, "org@h.cn").await;
    let e = make_event(&mut org, &w, "Dr. X 路演日, Shanghai; day 1").await;
    let s = start();
    add(&mut org, e, w.finalists[1], s, s + 1800).await;
    let mut anon = Client::new(db);
    let r = anon.get(&format!("/events/{e}.ics")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers.get("content-type").unwrap(),
        "text/calendar; charset=utf-8"
    );
    let text = &r.body;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    let get = |name: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} in {unfolded}"))
            .to_string()
    };
    assert_eq!(get("VERSION"), "2.0");
    assert!(get("UID").starts_with(&format!("event-{e}@")));
    assert_eq!(get("DTSTART"), drx::services::ics::utc(s));
    assert_eq!(get("DTEND"), drx::services::ics::utc(s + 3 * 3600));
    assert!(get("DTSTAMP").ends_with('Z'));
    assert_eq!(get("SUMMARY"), "Dr. X 路演日\\, Shanghai\\; day 1");
    assert_eq!(get("LOCATION"), "Shanghai\\, Hall 3\\; Floor 2");
    let description = get("DESCRIPTION");
    assert!(description.contains("Pitches and Q&A\\nthen networking"));
    assert!(description.contains("智能康复手套"));
    assert!(lines.contains(&"BEGIN:VEVENT") && lines.contains(&"END:VEVENT"));
    anon.assert_statuses(&[
        ("/events/999.ics", StatusCode::NOT_FOUND),
        ("/events/abc.ics", StatusCode::NOT_FOUND),
    ])
    .await;
});

db_test!(the_demo_has_a_roadshow_and_conversations, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let events = svc::list(db).await.unwrap();
    assert_eq!(events.len(), 1);
    let v = svc::view(db, None, events[0].id).await.unwrap();
    assert_eq!(v.agenda.len(), 4);
    assert!(v.names_hidden, "the demo call is double-blind");
    assert_eq!(v.event.registrations, 2);
    let organizer = accounts::list_people(db, None)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.email == "organizer@drx.example")
        .unwrap();
    let threads = drx::services::conversations::my_threads(db, &organizer)
        .await
        .unwrap();
    assert_eq!(threads.len(), 2);
    let (messages, _) = drx::services::conversations::unread_counts(db, organizer.id)
        .await
        .unwrap();
    assert!(messages > 0, "the organizer has something to read");
    let mut o = Client::new(db);
    o.login("organizer@drx.example", drx::demo::DEMO_PASSWORD)
        .await;
    let home = o.get("/").await.body;
    assert!(home.contains("href=\"/messages\"") && home.contains("class=\"count\""));
    let t = threads[0].0.thread.id;
    assert_eq!(o.get(&format!("/threads/{t}")).await.status, StatusCode::OK);
    assert_eq!(
        o.get(&format!("/events/{}", events[0].id)).await.status,
        StatusCode::OK
    );
});
