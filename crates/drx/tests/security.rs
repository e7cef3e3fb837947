//! Attacks a careless web application falls for, tried on the demo data: forged and cross-site
//! posts, stored script in every text field, hostile uploads (wrong types, oversize, archive
//! bombs), SQL metacharacters in searches and filters, session fixation, password guessing,
//! and other people's objects by id.
mod common;

use std::io::Write;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::fixture::{fixture, person, Fixture, PDF};
use common::{demo_client, Client, Resp};
use drx::demo::DEMO_PASSWORD;
use drx::store::{projects, raw_execute, submissions, Db};

fn cookie_header(c: &Client) -> String {
    c.cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

async fn post_with_origin(c: &mut Client, path: &str, csrf: &str, origin: &str) -> Resp {
    let body = serde_html_form::to_string([("csrf", csrf), ("body", "hello")]).unwrap();
    let req = Request::post(path)
        .header(header::COOKIE, cookie_header(c))
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    c.send(req).await
}

// ------------------------------------------------------------------------------------------
// CSRF

db_test!(forged_and_cross_site_posts_change_nothing, |db| {
    let f = fixture(db).await;
    let discussion = format!("/submissions/{}/discussion", f.other_submission);
    let mut organizer = demo_client(db, "organizer@drx.example").await;
    let token = organizer.csrf_token().await;
    assert_eq!(token.len(), 64);
    let messages = |b: &str| b.matches("hello").count();
    let before = messages(&organizer.get(&discussion).await.body);

    // No token, a wrong token, another session's token.
    let none = organizer.post_form(&discussion, &[("body", "hello")]).await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    let wrong = "0".repeat(64);
    let bad = organizer
        .post_form(&discussion, &[("csrf", &wrong), ("body", "hello")])
        .await;
    assert_eq!(bad.status, StatusCode::FORBIDDEN);
    let mut judge = demo_client(db, "judge@drx.example").await;
    let theirs = judge.csrf_token().await;
    assert_ne!(theirs, token);
    let other = organizer
        .post_form(&discussion, &[("csrf", &theirs), ("body", "hello")])
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    // The right token from a foreign origin.
    let cross = post_with_origin(&mut organizer, &discussion, &token, "https://evil.example").await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    let sibling = post_with_origin(
        &mut judge,
        &discussion,
        &token,
        "http://127.0.0.1:8080.evil.example",
    )
    .await;
    assert_eq!(sibling.status, StatusCode::FORBIDDEN);
    assert_eq!(messages(&organizer.get(&discussion).await.body), before);
    // The same token from our own origin goes through.
    let ok = post_with_origin(&mut organizer, &discussion, &token, "http://127.0.0.1:8080").await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(messages(&organizer.get(&discussion).await.body), before + 1);

    // Uploads (multipart) check the token too.
    let docs = projects::documents(db, f.project).await.unwrap().len();
    let r = organizer
        .post_multipart(
            &format!("/projects/{}/documents", f.project),
            &wrong,
            "x.pdf",
            PDF,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        projects::documents(db, f.project).await.unwrap().len(),
        docs
    );

    // Anonymous forms (login) use the double-submit cookie: no token, no login.
    let mut anon = Client::new(db);
    anon.get("/login").await;
    let login = [("email", "judge@drx.example"), ("password", DEMO_PASSWORD)];
    let r = anon.post_form("/login", &login).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!anon.cookies.contains_key("drx_session"));
});

// ------------------------------------------------------------------------------------------
// Stored XSS

const XSS: &str = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>";
const ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";

fn sql_text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

async fn set(db: &Db, table: &str, columns: &[&str], filter: &str) {
    let v = sql_text(XSS);
    let sets: Vec<String> = columns.iter().map(|c| format!("{c} = {v}")).collect();
    raw_execute(
        db,
        &format!("UPDATE {table} SET {} WHERE {filter}", sets.join(", ")),
    )
    .await
    .unwrap();
}

/// The hostile text in every text field people type: calls, needs, submissions and their team,
/// engineering teams, reviews, milestones, account names and titles, confidentiality terms,
/// interests, conversations, notices and roadshows.
async fn poison(db: &Db, f: &Fixture) {
    set(
        db,
        "calls",
        &["title_en", "title_zh", "description_en", "description_zh"],
        &format!("id = {}", f.call),
    )
    .await;
    let sub_text = [
        "title",
        "need_statement",
        "solution",
        "evidence",
        "keywords",
    ];
    let subs = format!("id IN ({}, {})", f.own_submission, f.other_submission);
    set(db, "submissions", &sub_text, &subs).await;
    set(
        db,
        "submission_members",
        &["name"],
        &format!(
            "submission_id IN ({}, {})",
            f.own_submission, f.other_submission
        ),
    )
    .await;
    set(
        db,
        "needs",
        &[
            "problem",
            "population",
            "outcome",
            "current_practice",
            "confidential_details",
        ],
        &format!("id = {}", f.need),
    )
    .await;
    set(
        db,
        "reviews",
        &["comments_for_authors", "comments_for_committee"],
        &format!("id = {}", f.judge_review),
    )
    .await;
    set(
        db,
        "milestones",
        &["title"],
        &format!("id = {}", f.milestone),
    )
    .await;
    set(
        db,
        "teams",
        &["name_en", "name_zh", "capabilities"],
        "1 = 1",
    )
    .await;
    // Matchmaking and exchange: terms, interests' messages, conversations, notices, roadshows.
    set(
        db,
        "confidentiality_terms",
        &["text_en", "text_zh"],
        &format!("call_id = {}", f.call),
    )
    .await;
    set(db, "interests", &["message"], "1 = 1").await;
    set(db, "threads", &["title"], &format!("id = {}", f.thread)).await;
    set(
        db,
        "messages",
        &["body"],
        &format!("thread_id = {}", f.thread),
    )
    .await;
    set(db, "notices", &["body"], "1 = 1").await;
    set(
        db,
        "events",
        &["title", "location", "description"],
        &format!("id = {}", f.event),
    )
    .await;
    set(
        db,
        "people",
        &["name", "title"],
        "email IN ('clinician@drx.example', 'judge@drx.example', 'engineer@drx.example')",
    )
    .await;
}

fn assert_escaped(page: &str, r: &Resp) {
    assert!(r.status.as_u16() < 500, "{page}: {}", r.status);
    for raw in ["<script>alert", "<img src=x", "\"'><img"] {
        assert!(
            !r.body.contains(raw),
            "{page} renders {raw:?} unescaped:\n{}",
            &r.body[r.body.find(raw).unwrap().saturating_sub(200)..][..300.min(r.body.len())]
        );
    }
}

db_test!(hostile_text_in_every_field_is_shown_escaped, |db| {
    let f = fixture(db).await;
    poison(db, &f).await;
    let (c, own, other, p) = (f.call, f.own_submission, f.other_submission, f.project);
    // The organizer writes the hostile text into the discussion through the form.
    let mut organizer = demo_client(db, "organizer@drx.example").await;
    let r = organizer
        .submit(
            &format!("/submissions/{other}/discussion"),
            &format!("/submissions/{other}/discussion"),
            &[("body", XSS)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // (who, page, must show the escaped text)
    let pages: Vec<(&str, String, bool)> = vec![
        ("organizer@drx.example", "/".into(), false),
        ("organizer@drx.example", "/calls".into(), true),
        ("organizer@drx.example", format!("/calls/{c}"), true),
        ("organizer@drx.example", format!("/calls/{c}/edit"), true),
        (
            "organizer@drx.example",
            format!("/calls/{c}/submissions"),
            true,
        ),
        (
            "organizer@drx.example",
            format!("/calls/{c}/overlaps"),
            false,
        ),
        (
            "organizer@drx.example",
            format!("/calls/{c}/progress"),
            false,
        ),
        (
            "organizer@drx.example",
            format!("/calls/{c}/ranking"),
            false,
        ),
        ("organizer@drx.example", format!("/calls/{c}/report"), false),
        (
            "organizer@drx.example",
            format!("/calls/{c}/assignment"),
            false,
        ),
        ("organizer@drx.example", format!("/submissions/{own}"), true),
        (
            "organizer@drx.example",
            format!("/submissions/{other}"),
            true,
        ),
        (
            "organizer@drx.example",
            format!("/submissions/{own}/revisions"),
            false,
        ),
        (
            "organizer@drx.example",
            format!("/submissions/{other}/discussion"),
            true,
        ),
        (
            "organizer@drx.example",
            format!("/submissions/{own}/matches"),
            false,
        ),
        ("organizer@drx.example", "/needs".into(), false),
        ("organizer@drx.example", format!("/needs/{}", f.need), true),
        ("organizer@drx.example", "/projects".into(), true),
        ("organizer@drx.example", "/projects/new".into(), false),
        ("organizer@drx.example", format!("/projects/{p}"), true),
        ("organizer@drx.example", "/admin/people".into(), true),
        ("organizer@drx.example", "/dashboard".into(), false),
        ("judge@drx.example", "/".into(), false),
        ("judge@drx.example", "/account".into(), true),
        (
            "judge@drx.example",
            format!("/reviews/{}", f.judge_review),
            true,
        ),
        ("judge@drx.example", format!("/submissions/{other}"), true),
        ("clinician@drx.example", "/".into(), false),
        ("clinician@drx.example", format!("/submissions/{own}"), true),
        (
            "clinician@drx.example",
            format!("/submissions/{own}/edit"),
            true,
        ),
        ("clinician@drx.example", format!("/projects/{p}"), true),
        ("clinician@drx.example", format!("/needs/{}", f.need), true),
        ("engineer@drx.example", "/".into(), false),
        ("engineer@drx.example", format!("/projects/{p}"), true),
        ("admin@drx.example", "/admin/people".into(), true),
        ("organizer@drx.example", format!("/calls/{c}/terms"), true),
        (
            "organizer@drx.example",
            format!("/calls/{c}/team-matching"),
            false,
        ),
        (
            "organizer@drx.example",
            format!("/threads/{}", f.thread),
            true,
        ),
        ("organizer@drx.example", "/messages".into(), true),
        ("organizer@drx.example", "/notifications".into(), true),
        ("organizer@drx.example", "/interests".into(), true),
        (
            "clinician@drx.example",
            format!("/threads/{}", f.thread),
            true,
        ),
        ("engineer@drx.example", "/teams".into(), true),
        ("engineer@drx.example", format!("/teams/{}", f.team), true),
        ("engineer@drx.example", "/interests".into(), true),
        ("engineer@drx.example", "/events".into(), true),
        ("engineer@drx.example", format!("/events/{}", f.event), true),
        ("engineer@drx.example", format!("/needs/{}", f.need), false),
    ];
    let mut clients: std::collections::HashMap<&str, Client> = Default::default();
    for (who, page, shows) in &pages {
        if !clients.contains_key(who) {
            clients.insert(who, demo_client(db, who).await);
        }
        let r = clients.get_mut(who).unwrap().get(page).await;
        assert!(r.status.as_u16() < 500, "{who} {page}: {}", r.status);
        assert_escaped(&format!("{who} {page}"), &r);
        if *shows {
            assert_eq!(r.status, StatusCode::OK, "{who} {page}");
            assert!(
                r.body.contains(ESCAPED),
                "{who} {page} shows the text (escaped)"
            );
        }
    }
});

// ------------------------------------------------------------------------------------------
// Uploads

fn zip_with(entries: &[(&str, &[u8])], big: Option<(&str, usize)>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    if let Some((name, size)) = big {
        w.start_file(name, opts.large_file(size > u32::MAX as usize))
            .unwrap();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..size / chunk.len() {
            w.write_all(&chunk).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &[u8] = b"<?xml version=\"1.0\"?><Types/>";

async fn upload_document(c: &mut Client, f: &Fixture, name: &str, bytes: &[u8]) -> Resp {
    let csrf = c.csrf_token().await;
    c.post_multipart(
        &format!("/projects/{}/documents", f.project),
        &csrf,
        name,
        bytes,
    )
    .await
}

db_test!(hostile_uploads_are_refused_with_a_reason, |db| {
    let f = fixture(db).await;
    let mut o = demo_client(db, "organizer@drx.example").await;
    let count = |db: &Db| {
        let db = db.clone();
        let p = f.project;
        async move { projects::documents(&db, p).await.unwrap().len() }
    };
    let before = count(db).await;
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.extend_from_slice(&[0u8; 256]);
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend_from_slice(&[0u8; 256]);
    let html = b"<html><body><script>alert(1)</script></body></html>".to_vec();
    let mut just_over = b"%PDF-1.4\n".to_vec();
    just_over.resize(drx::services::submissions::MAX_ATTACHMENT_BYTES + 1, b' ');
    let mut far_over = b"%PDF-1.4\n".to_vec();
    far_over.resize(drx::services::submissions::MAX_ATTACHMENT_BYTES * 2, b' ');
    let bomb = zip_with(
        &[("[Content_Types].xml", CONTENT_TYPES)],
        Some(("word/document.xml", 64 * 1024 * 1024)),
    );
    assert!(bomb.len() < 1024 * 1024, "a small file: {}", bomb.len());
    let many: Vec<(String, Vec<u8>)> = (0..3000)
        .map(|i| (format!("word/part{i}.xml"), b"<a/>".to_vec()))
        .collect();
    let mut entries: Vec<(&str, &[u8])> = vec![("[Content_Types].xml", CONTENT_TYPES)];
    entries.extend(many.iter().map(|(n, d)| (n.as_str(), d.as_slice())));
    let crowded = zip_with(&entries, None);
    for (name, bytes, reason) in [
        ("setup.pdf", exe.as_slice(), "not accepted"),
        ("report.pdf", elf.as_slice(), "not accepted"),
        ("page.pdf", html.as_slice(), "not accepted"),
        ("big.pdf", just_over.as_slice(), "too large"),
        ("bigger.pdf", far_over.as_slice(), "too large"),
        ("bomb.docx", bomb.as_slice(), "expands"),
        ("crowded.docx", crowded.as_slice(), "expands"),
    ] {
        let r = upload_document(&mut o, &f, name, bytes).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}: {}", r.body);
        assert!(r.body.contains(reason), "{name}: {}", r.body);
    }
    assert_eq!(count(db).await, before, "nothing was stored");
    // A real (small) Word file still goes in.
    let docx = zip_with(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", b"<w:document/>"),
        ],
        None,
    );
    let r = upload_document(&mut o, &f, "plan.docx", &docx).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(count(db).await, before + 1);

    // The same checks guard every upload, attachments included.
    for bytes in [&exe, &elf, &html, &bomb, &crowded] {
        assert!(drx::services::submissions::check_upload("a.pdf", bytes).is_err());
    }
    assert!(drx::services::submissions::check_upload("a.docx", &docx).is_ok());

    // Stored files come back as downloads the browser will not sniff or render in the page.
    for url in [
        format!("/attachments/{}", f.attachment_own),
        format!("/project-documents/{}", f.document),
    ] {
        let r = o.get(&url).await;
        assert_eq!(r.status, StatusCode::OK, "{url}");
        let h = |n: &str| {
            r.headers
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        assert!(h("content-disposition").starts_with("attachment"), "{url}");
        assert_eq!(h("x-content-type-options"), "nosniff", "{url}");
        assert!(!h("content-type").contains("html"), "{url}");
    }
});

async fn import_needs(c: &mut Client, name: &str, bytes: &[u8]) -> Resp {
    let csrf = c.csrf_token().await;
    c.post_multipart("/needs/import", &csrf, name, bytes).await
}

db_test!(
    hostile_spreadsheets_are_refused_before_they_are_read,
    |db| {
        fixture(db).await;
        let mut o = demo_client(db, "organizer@drx.example").await;
        o.lang = Some("en");
        // One cell at A1 and one at the last cell of the sheet.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "problem").unwrap();
        ws.write_string(1_048_575, 16_383, "far").unwrap();
        let far = wb.save_to_buffer().unwrap();
        let r = import_needs(&mut o, "far.xlsx", &far).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("columns"), "{}", r.body);
        assert!(drx::services::imports::parse_file(&far).is_err());
        // A workbook whose shared strings inflate to 64 MB.
        let bomb = zip_with(
            &[
                ("[Content_Types].xml", CONTENT_TYPES),
                ("xl/workbook.xml", b"<workbook/>"),
            ],
            Some(("xl/sharedStrings.xml", 64 * 1024 * 1024)),
        );
        let r = import_needs(&mut o, "bomb.xlsx", &bomb).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("expands"), "{}", r.body);
        // The server is still fine.
        assert_eq!(o.get("/needs/import").await.status, StatusCode::OK);
    }
);

// ------------------------------------------------------------------------------------------
// SQL metacharacters

const SQL: &[&str] = &[
    "' OR 1=1 --",
    "' OR '1'='1",
    "%",
    "_",
    "\\",
    "\"; DROP TABLE needs; --",
    "'; DROP TABLE submissions; --",
    "1; SELECT * FROM people",
    "%' OR 1=1 --",
];

/// Links to objects on a page: `prefix` followed by an id.
fn links(body: &str, prefix: &str) -> usize {
    body.match_indices(prefix)
        .filter(|(i, _)| {
            body[i + prefix.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
        .count()
}

fn enc(s: &str) -> String {
    drx::web::error::urlencode(s)
}

db_test!(
    sql_metacharacters_in_searches_and_filters_are_just_text,
    |db| {
        let f = fixture(db).await;
        // Markers whose words are separated by a space: a search with `_` or `%` in its place
        // must not find them.
        raw_execute(
            db,
            &format!(
                "UPDATE needs SET problem = 'wildmark alpha' WHERE id = {}",
                f.need
            ),
        )
        .await
        .unwrap();
        raw_execute(
            db,
            &format!(
                "UPDATE submissions SET title = 'wildmark alpha' WHERE id = {}",
                f.other_submission
            ),
        )
        .await
        .unwrap();
        let mut o = demo_client(db, "organizer@drx.example").await;
        let c = f.call;
        let lists: Vec<(String, &str, Vec<&str>)> = vec![
            (
                "/needs?".to_string(),
                "href=\"/needs/",
                vec!["q", "field", "hospital", "status", "page"],
            ),
            (
                format!("/calls/{c}/submissions?"),
                "href=\"/submissions/",
                vec!["q", "field", "hospital", "stage", "status", "sort", "page"],
            ),
        ];
        for (base, link, params) in &lists {
            let all = o.get(base).await;
            assert_eq!(all.status, StatusCode::OK);
            let everything = links(&all.body, link);
            let found = |body: &str| links(body, link);
            let hit = o.get(&format!("{base}q={}", enc("wildmark alpha"))).await;
            assert_eq!(found(&hit.body), 1, "{base} finds the marker");
            for near in [
                "wildmark_alpha",
                "wildmark%alpha",
                "wildmark\\ alpha",
                "wildmark%",
            ] {
                let r = o.get(&format!("{base}q={}", enc(near))).await;
                assert_eq!(r.status, StatusCode::OK, "{base} {near}");
                assert_eq!(found(&r.body), 0, "{base}q={near} is literal");
            }
            for p in params {
                for bad in SQL {
                    let r = o.get(&format!("{base}{p}={}", enc(bad))).await;
                    assert_eq!(r.status, StatusCode::OK, "{base}{p}={bad}: {}", r.body);
                    assert!(found(&r.body) <= everything, "{base}{p}={bad}");
                    if *p == "q" && !matches!(*bad, "%" | "_" | "\\") {
                        assert_eq!(found(&r.body), 0, "{base}q={bad} matches nothing");
                    }
                }
            }
        }
        for bad in SQL {
            for url in [
                format!("/calls/{c}/export/csv?q={}", enc(bad)),
                format!("/dashboard?call={}", enc(bad)),
                format!("/dashboard?table={}", enc(bad)),
            ] {
                let r = o.get(&url).await;
                assert!(r.status.as_u16() < 500, "{url}: {}", r.status);
            }
        }
        // Every table is still there.
        assert!(drx::store::catalogue::count(db, "needs").await.unwrap() > 0);
        assert!(
            drx::store::catalogue::count(db, "submissions")
                .await
                .unwrap()
                > 0
        );
        assert!(drx::store::catalogue::count(db, "people").await.unwrap() > 0);
    }
);

// ------------------------------------------------------------------------------------------
// Sessions and passwords

db_test!(
    a_session_id_chosen_before_login_is_not_the_one_after,
    |db| {
        fixture(db).await;
        let planted = "ab".repeat(32);
        let mut c = Client::new(db);
        c.cookies.insert("drx_session".into(), planted.clone());
        let r = c.login("clinician@drx.example", DEMO_PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let after = c.cookies.get("drx_session").cloned().unwrap();
        assert_ne!(after, planted);
        assert_eq!(c.get("/account").await.status, StatusCode::OK);
        // The planted id signs nobody in.
        let mut attacker = Client::new(db);
        attacker
            .cookies
            .insert("drx_session".into(), planted.clone());
        let r = attacker.get("/account").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location().starts_with("/login"));

        // Signing in again (as someone else) replaces the session; the old one is over.
        let first = after;
        let csrf = c.csrf_token().await;
        let r = c
            .post_form(
                "/login",
                &[
                    ("csrf", &csrf),
                    ("email", "judge@drx.example"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let second = c.cookies.get("drx_session").cloned().unwrap();
        assert_ne!(first, second);
        let mut old = Client::new(db);
        old.cookies.insert("drx_session".into(), first);
        assert_eq!(old.get("/account").await.status, StatusCode::SEE_OTHER);

        // Logging out ends the session on the server, not just in the browser.
        let r = c.submit("/account", "/logout", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mut replay = Client::new(db);
        replay.cookies.insert("drx_session".into(), second);
        assert_eq!(replay.get("/account").await.status, StatusCode::SEE_OTHER);
    }
);

db_test!(password_guessing_is_throttled, |db| {
    fixture(db).await;
    let mut c = Client::from_address(db, "10.0.0.9");
    let limit = drx::services::accounts::FREE_FAILURES_PER_CLIENT;
    for i in 0..limit {
        let r = c.login("judge@drx.example", &format!("guess-{i}")).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "guess {i}");
    }
    // Now even the right password waits.
    let r = c.login("judge@drx.example", DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert!(!c.cookies.contains_key("drx_session"));
    // Case and spaces do not make a fresh account key.
    let r = c.login(" JUDGE@drx.example ", DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // Another account from the same place is not locked out by someone else's guesses, nor is
    // the judge from their own machine...
    let r = c.login("clinician@drx.example", DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut own = Client::from_address(db, "10.0.0.10");
    let r = own.login("judge@drx.example", DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // ...but one place guessing across many accounts is.
    let mut spray = Client::new(db);
    let per_client = drx::services::accounts::MAX_FAILURES_PER_CLIENT;
    for i in 0..per_client {
        spray
            .login(&format!("nobody{i}@drx.example"), "guess")
            .await;
    }
    let r = spray.login("organizer@drx.example", DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
});

// ------------------------------------------------------------------------------------------
// Other people's objects (IDOR)

fn refused(r: &Resp) -> bool {
    matches!(r.status.as_u16(), 403 | 404)
        || (r.status == StatusCode::SEE_OTHER && r.location().starts_with("/login"))
}

db_test!(other_peoples_objects_stay_theirs, |db| {
    let f = fixture(db).await;
    let (own, other) = (f.own_submission, f.other_submission);
    // A clinician of the other hospital, lead of the other submission.
    let lead = common::submission(db, other).await.members[0]
        .person_id
        .unwrap();
    let lead = drx::store::accounts::person(db, lead)
        .await
        .unwrap()
        .unwrap();
    let clinician = demo_client(db, "clinician@drx.example").await;
    let rival = demo_client(db, &lead.email).await;
    let judge = demo_client(db, "judge@drx.example").await;
    let engineer2 = drx::store::accounts::list_people(db, Some(drx::domain::Role::Engineer))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.email != "engineer@drx.example")
        .unwrap();
    let outsider = demo_client(db, &engineer2.email).await;

    let mut cs = [clinician, rival, judge, outsider];
    let names = ["clinician", "rival", "judge", "outsider"];
    for (i, url) in [
        (0, format!("/submissions/{other}")),
        (0, format!("/submissions/{other}/edit")),
        (0, format!("/submissions/{other}/revisions")),
        (0, format!("/submissions/{other}/discussion")),
        (0, format!("/attachments/{}", f.attachment_other)),
        (0, format!("/reviews/{}", f.judge_review)),
        (1, format!("/submissions/{own}")),
        (1, format!("/attachments/{}", f.attachment_own)),
        (1, format!("/projects/{}", f.project)),
        (1, format!("/project-documents/{}", f.document)),
        (2, format!("/reviews/{}", f.other_judge_review)),
        (2, format!("/submissions/{own}")),
        (2, format!("/attachments/{}", f.attachment_own)),
        (3, format!("/projects/{}", f.project)),
        (3, format!("/project-documents/{}", f.document)),
    ] {
        let r = cs[i].get(&url).await;
        assert!(refused(&r), "{} GET {url}: {}", names[i], r.status);
    }
    // Posts on other people's objects change nothing.
    let (review, files) = (f.other_judge_review, f.attachment_other);
    for (i, action, fields, what) in [
        (
            0,
            format!("/submissions/{other}/edit"),
            &[("title", "mine now")][..],
            "edit",
        ),
        (0, format!("/attachments/{files}/delete"), &[], "delete"),
        (0, format!("/submissions/{other}/withdraw"), &[], "withdraw"),
        (
            2,
            format!("/reviews/{review}"),
            &[("comments_for_authors", "overwritten")],
            "review",
        ),
        (2, format!("/reviews/{review}/conflict"), &[], "conflict"),
        (
            3,
            format!("/milestones/{}/done", f.milestone),
            &[],
            "milestone",
        ),
    ] {
        let r = cs[i].submit("/account", &action, fields).await;
        assert!(refused(&r), "{} {what}: {}", names[i], r.status);
    }
    assert!(submissions::attachment(db, f.attachment_other)
        .await
        .unwrap()
        .is_some());
    let [mut clinician, mut rival, mut judge, mut outsider] = cs;
    let r = upload_document(&mut rival, &f, "x.pdf", PDF).await;
    assert!(refused(&r), "document upload: {}", r.status);
    let s = common::submission(db, other).await;
    assert_ne!(s.title, "mine now");
    assert_eq!(s.status.as_str(), "submitted");

    // A need's confidential details: its author and the curators, nobody else.
    let author = person(db, "clinician@drx.example").await;
    raw_execute(
        db,
        &format!(
            "UPDATE needs SET confidential_details = 'SECRET-7731', created_by = {} WHERE id = {}",
            author.id, f.need
        ),
    )
    .await
    .unwrap();
    let need = format!("/needs/{}", f.need);
    for (who, c, sees) in [
        ("author", &mut clinician, true),
        ("rival", &mut rival, false),
        ("judge", &mut judge, false),
        ("outsider", &mut outsider, false),
    ] {
        for url in [need.as_str(), "/exports/needs/csv"] {
            let r = c.get(url).await;
            if sees {
                if url == need {
                    assert!(r.body.contains("SECRET-7731"), "{who} {url}");
                }
            } else {
                assert!(!r.body.contains("SECRET-7731"), "{who} {url}: {}", r.status);
            }
        }
    }
    // Nor can a search tell that the text is there.
    let r = rival.get("/needs?q=SECRET-7731").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(links(&r.body, "href=\"/needs/"), 0);
});

// ------------------------------------------------------------------------------------------
// NUL characters (PostgreSQL cannot store them in text)

db_test!(
    nul_characters_are_refused_with_a_reason_not_an_error,
    |db| {
        let f = fixture(db).await;
        let mut o = demo_client(db, "organizer@drx.example").await;
        for url in [
            "/needs?q=a%00b".to_string(),
            format!("/calls/{}/submissions?q=%00", f.call),
            "/needs?field=%00".to_string(),
        ] {
            let r = o.get(&url).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{url}");
            assert!(r.body.contains("NUL"), "{url}");
        }
        let page = format!("/submissions/{}/discussion", f.other_submission);
        let r = o.submit(&page, &page, &[("body", "before\0after")]).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        // The same text without the NUL goes in.
        let r = o.submit(&page, &page, &[("body", "before after")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let csv = "hospital,field,problem,population,outcome\nA,B,bad\0cell,D,E\n";
        let r = import_needs(&mut o, "nul.csv", csv.as_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    }
);
