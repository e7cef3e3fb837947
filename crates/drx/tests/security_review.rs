//! Regressions for the findings of the black-box security review (issue 16): each test
//! reproduces one finding as it was reported and checks that it no longer holds.
mod common;

use axum::http::{Method, StatusCode};
use common::fixture::{fixture, PDF};
use common::{account, demo_client, signed_in, Client, PASSWORD};
use drx::domain::Role;
use drx::services::accounts::{self, ALERT_FAILURES_PER_ACCOUNT, MAX_RESET_MAILS_PER_ADDRESS};
use drx::services::api_tokens;
use drx::store::{now, outbox, projects};

// 1. Open redirect through `next`.

db_test!(next_never_leads_off_the_site, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    let hostile = [
        "/%09/evil.example",
        "/%0d/evil.example",
        "/%0a/evil.example",
        "/%5C/evil.example",
        "//evil.example",
        "https://evil.example/",
        "/%09%5Cevil.example",
    ];
    for next in hostile {
        let mut c = Client::new(db);
        let r = c.get(&format!("/lang/en?next={next}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/", "language switch with next={next}");

        let page = c.get(&format!("/login?next={next}")).await;
        let csrf = page.csrf();
        let r = c
            .post_form(
                "/login",
                &[
                    ("csrf", &csrf),
                    ("email", "a@hospital.cn"),
                    ("password", PASSWORD),
                    ("next", &urlencoding_decode(next)),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/", "login with next={next}");
    }
    // A path on the site is still followed.
    let mut c = Client::new(db);
    let r = c.get("/lang/en?next=/calls%3Fpage%3D2").await;
    assert_eq!(r.location(), "/calls?page=2");
});

/// The few escapes the hostile `next` values above use, decoded as a form would send them.
fn urlencoding_decode(s: &str) -> String {
    s.replace("%09", "\t")
        .replace("%0d", "\r")
        .replace("%0a", "\n")
        .replace("%5C", "\\")
}

// 3. Anyone could lock any account.

db_test!(
    guessing_from_one_machine_locks_nobody_out_and_warns_the_owner,
    |db| {
        account(db, "judge@hospital.cn", &[Role::Judge]).await;
        let mut attacker = Client::from_address(db, "203.0.113.7");
        for i in 0..ALERT_FAILURES_PER_ACCOUNT + 5 {
            let r = attacker
                .login("judge@hospital.cn", &format!("guess {i}"))
                .await;
            assert!(
                matches!(
                    r.status,
                    StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS
                ),
                "{}",
                r.status
            );
        }
        // The attacker's machine waits, whatever it sends.
        let r = attacker.login("judge@hospital.cn", PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        // The judge, before the deadline, signs in from their own machine.
        let mut judge = Client::from_address(db, "198.51.100.20");
        let r = judge.login("judge@hospital.cn", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(judge.cookies.contains_key("drx_session"));
    }
);

db_test!(many_failures_from_many_machines_mail_the_owner_once, |db| {
    account(db, "judge@hospital.cn", &[Role::Judge]).await;
    for i in 0..ALERT_FAILURES_PER_ACCOUNT + 3 {
        let mut c = Client::from_address(db, &format!("203.0.113.{}", i + 1));
        c.login("judge@hospital.cn", "not the password").await;
    }
    let mail = outbox::mail_to(db, "judge@hospital.cn").await.unwrap();
    let alerts = mail
        .iter()
        .filter(|m| m.subject.contains("Failed sign-ins"))
        .count();
    assert_eq!(alerts, 1, "one warning, not one per failure");
    // And still no lock: the right password from a clean machine signs in.
    let mut judge = Client::from_address(db, "198.51.100.20");
    assert_eq!(
        judge.login("judge@hospital.cn", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
});

#[test]
fn the_wait_doubles_with_each_failure_and_has_a_ceiling() {
    use drx::store::accounts::Failures;
    let at = 1_000_000;
    let wait = |pair: i64| {
        let f = Failures {
            pair,
            pair_latest: at,
            ..Failures::default()
        };
        accounts::login_wait(&f, at)
    };
    assert_eq!(wait(accounts::FREE_FAILURES_PER_CLIENT - 1), None);
    let first = wait(accounts::FREE_FAILURES_PER_CLIENT).unwrap();
    assert_eq!(first, accounts::FIRST_DELAY_SECONDS);
    assert_eq!(
        wait(accounts::FREE_FAILURES_PER_CLIENT + 1).unwrap(),
        2 * first
    );
    assert_eq!(wait(1_000).unwrap(), accounts::MAX_DELAY_SECONDS);
    // Once the delay has passed, the client may try again.
    let f = Failures {
        pair: accounts::FREE_FAILURES_PER_CLIENT,
        pair_latest: at,
        ..Failures::default()
    };
    assert_eq!(accounts::login_wait(&f, at + first), None);
}

// 4. Reset links outlived resets and password changes.

async fn reset_links(db: &drx::store::Db, email: &str) -> Vec<String> {
    outbox::mail_to(db, email)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.body.contains("/password/reset/"))
        .map(|m| common::link_path(&m.body, "/password/reset/"))
        .collect()
}

async fn ask_reset(db: &drx::store::Db, email: &str) {
    let mut c = Client::new(db);
    c.submit("/password/forgot", "/password/forgot", &[("email", email)])
        .await;
}

db_test!(a_reset_ends_every_other_link_and_every_session, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    let mut session = signed_in(db, "a@hospital.cn").await;
    ask_reset(db, "a@hospital.cn").await;
    ask_reset(db, "a@hospital.cn").await;
    let links = reset_links(db, "a@hospital.cn").await;
    assert_eq!(links.len(), 2);
    let mut c = Client::new(db);
    let done = c
        .submit(&links[0], &links[0], &[("password", "first new password")])
        .await;
    assert!(done.body.contains("密码已修改"), "{}", done.body);
    let again = c
        .submit(&links[1], &links[1], &[("password", "second new password")])
        .await;
    assert!(!again.body.contains("密码已修改"), "the other link is dead");
    assert_eq!(
        Client::new(db)
            .login("a@hospital.cn", "second new password")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        session.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "the open session ended"
    );
});

db_test!(a_password_change_ends_links_issued_before_it, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    ask_reset(db, "a@hospital.cn").await;
    let link = reset_links(db, "a@hospital.cn").await.remove(0);
    let mut me = signed_in(db, "a@hospital.cn").await;
    let r = me
        .submit(
            "/account",
            "/account/password",
            &[("current", PASSWORD), ("password", "my own new password")],
        )
        .await;
    assert!(r.body.contains("密码已修改"), "{}", r.body);
    let mut thief = Client::new(db);
    let r = thief
        .submit(&link, &link, &[("password", "thief's password!!")])
        .await;
    assert!(!r.body.contains("密码已修改"));
    assert_eq!(
        thief
            .login("a@hospital.cn", "thief's password!!")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
});

db_test!(
    after_a_password_change_older_tokens_are_offered_for_revocation,
    |db| {
        account(db, "a@hospital.cn", &[Role::Clinician]).await;
        let old_token = api_tokens::create_for_email(db, "a@hospital.cn", "laptop", now() - 10)
            .await
            .unwrap();
        let mut me = signed_in(db, "a@hospital.cn").await;
        assert!(!me.get("/account").await.body.contains("older-tokens"));
        me.submit(
            "/account",
            "/account/password",
            &[("current", PASSWORD), ("password", "my own new password")],
        )
        .await;
        let page = me.get("/account").await;
        assert!(page.body.contains("older-tokens"), "the offer is shown");
        // Until revoked the token still works...
        let r = common::api(db, Method::GET, "/api/v1/calls", &old_token, None).await;
        assert_eq!(r.status, StatusCode::OK);
        let r = me
            .submit("/account", "/account/tokens/revoke-older", &[])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(!r.body.contains("id=\"older-tokens\""));
        let r = common::api(db, Method::GET, "/api/v1/calls", &old_token, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        // A token made after the change is not offered.
        api_tokens::create_for_email(db, "a@hospital.cn", "new", now() + 5)
            .await
            .unwrap();
        assert!(!me.get("/account").await.body.contains("older-tokens"));
    }
);

// 8. File names, reset flooding, token scopes and expiry.

db_test!(invisible_formatting_is_stripped_from_file_names, |db| {
    let f = fixture(db).await;
    let mut o = demo_client(db, "organizer@drx.example").await;
    let csrf = o.csrf_token().await;
    let r = o
        .post_multipart(
            &format!("/projects/{}/documents", f.project),
            &csrf,
            "\u{202e}gnp.pdf",
            PDF,
        )
        .await;
    assert!(
        r.status.is_redirection() || r.status.is_success(),
        "{}",
        r.status
    );
    let names: Vec<String> = projects::documents(db, f.project)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.filename)
        .collect();
    assert!(names.iter().any(|n| n == "gnp.pdf"), "{names:?}");
    assert!(names.iter().all(|n| !n.contains('\u{202e}')));
});

db_test!(
    reset_requests_cannot_flood_a_mailbox_or_run_unthrottled,
    |db| {
        account(db, "a@hospital.cn", &[Role::Clinician]).await;
        for i in 0..MAX_RESET_MAILS_PER_ADDRESS + 3 {
            let mut c = Client::from_address(db, &format!("198.51.100.{}", i + 1));
            let r = c
                .submit(
                    "/password/forgot",
                    "/password/forgot",
                    &[("email", "a@hospital.cn")],
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "same answer every time");
        }
        assert_eq!(
            reset_links(db, "a@hospital.cn").await.len() as i64,
            MAX_RESET_MAILS_PER_ADDRESS
        );
        // One client asking for many addresses is throttled.
        let mut c = Client::from_address(db, "203.0.113.50");
        let mut statuses = Vec::new();
        for i in 0..accounts::MAX_RESETS_PER_CLIENT + 1 {
            let r = c
                .submit(
                    "/password/forgot",
                    "/password/forgot",
                    &[("email", &format!("x{i}@hospital.cn"))],
                )
                .await;
            statuses.push(r.status);
        }
        assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));
        assert!(statuses[..statuses.len() - 1]
            .iter()
            .all(|s| *s == StatusCode::OK));
    }
);

db_test!(api_tokens_have_a_scope_and_an_end, |db| {
    account(db, "org@drx.cn", &[Role::Organizer]).await;
    let mut me = signed_in(db, "org@drx.cn").await;
    let made = me
        .submit(
            "/account",
            "/account/tokens",
            &[("name", "dashboard"), ("scope", "read"), ("days", "30")],
        )
        .await;
    let secret = made
        .body
        .split("class=\"token\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("the new secret is shown once")
        .to_string();
    assert!(made.body.contains("只读"));
    let r = common::api(db, Method::GET, "/api/v1/calls", &secret, None).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = common::api(
        db,
        Method::POST,
        "/api/v1/organizations",
        &secret,
        Some(serde_json::json!({"name_en": "X", "name_zh": "X", "kind": "hospital"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("only read"));

    // Bad lives and scopes are refused with a reason, and nothing is made.
    for (scope, days) in [
        ("write", "0"),
        ("write", "366"),
        ("write", "soon"),
        ("admin", "30"),
    ] {
        let r = me
            .submit(
                "/account",
                "/account/tokens",
                &[("name", "x"), ("scope", scope), ("days", days)],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.body.contains("class=\"token\""), "{scope} {days}");
    }
    let person = common::person_id(db, "org@drx.cn").await;
    let org = drx::store::accounts::person(db, person)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(api_tokens::list(db, &org).await.unwrap().len(), 1);

    // A token past its end is refused.
    let old = api_tokens::create_for_email(
        db,
        "org@drx.cn",
        "old",
        now() - (api_tokens::DEFAULT_DAYS + 1) * 86_400,
    )
    .await
    .unwrap();
    let r = common::api(db, Method::GET, "/api/v1/calls", &old, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(me.get("/account").await.body.contains("已过期"));
});

// 6. Draft calls were visible to everyone signed in.

db_test!(a_draft_call_is_seen_only_by_those_who_run_it, |db| {
    let runner = account(db, "runner@drx.cn", &[Role::Organizer]).await;
    account(db, "other.org@drx.cn", &[Role::Organizer]).await;
    account(db, "doc@hospital.cn", &[Role::Clinician]).await;
    account(db, "judge@hospital.cn", &[Role::Judge]).await;
    account(db, "root@drx.cn", &[Role::Admin]).await;
    let mut tx = db.begin().await.unwrap();
    let draft = common::insert_call(
        &mut tx,
        common::call_spec(
            "secret-draft",
            "Secret draft call",
            drx::domain::Phase::Draft,
        ),
        Some(runner),
        now(),
    )
    .await;
    let open = common::insert_call(
        &mut tx,
        common::call_spec("open-call", "An open call", drx::domain::Phase::Open),
        Some(runner),
        now(),
    )
    .await;
    tx.commit().await.unwrap();
    let page = format!("/calls/{draft}");
    let api = format!("/api/v1/calls/{draft}");
    for (email, sees) in [
        ("runner@drx.cn", true),
        ("root@drx.cn", true),
        ("other.org@drx.cn", false),
        ("doc@hospital.cn", false),
        ("judge@hospital.cn", false),
    ] {
        let mut c = signed_in(db, email).await;
        let list = c.get("/calls").await.body;
        assert_eq!(list.contains("Secret draft call"), sees, "{email}: /calls");
        assert!(
            list.contains("An open call"),
            "{email}: open calls stay listed"
        );
        let r = c.get(&page).await;
        assert_eq!(
            r.status == StatusCode::OK,
            sees,
            "{email}: {page} {}",
            r.status
        );
        if !sees {
            assert_eq!(r.status, StatusCode::NOT_FOUND);
            assert_eq!(
                c.get(&format!("/calls/{draft}/submissions/new"))
                    .await
                    .status
                    .as_u16()
                    / 100,
                4,
                "{email}"
            );
        }
        let token = api_tokens::create_for_email(db, email, "t", now())
            .await
            .unwrap();
        let r = common::api(db, Method::GET, &api, &token, None).await;
        assert_eq!(
            r.status == StatusCode::OK,
            sees,
            "{email}: {api} {}",
            r.status
        );
        let r = common::api(db, Method::GET, "/api/v1/calls", &token, None).await;
        assert_eq!(r.body.contains("secret-draft"), sees, "{email}: API list");
        assert!(r.body.contains("open-call"));
        let r = common::api(
            db,
            Method::GET,
            &format!("/api/v1/calls/{open}"),
            &token,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
    }
});

// 2. A blind submission was tied to its need, and so to the need's hospital.

db_test!(
    judges_of_a_blind_call_get_nothing_that_leads_to_the_need,
    |db| {
        let f = fixture(db).await;
        let sub = f.other_submission;
        drx::store::raw_execute(
            db,
            &format!(
                "UPDATE submissions SET need_id = {} WHERE id = {sub}",
                f.need
            ),
        )
        .await
        .unwrap();
        let judge = api_tokens::create_for_email(db, "judge@drx.example", "t", now())
            .await
            .unwrap();
        let r = common::api(
            db,
            Method::GET,
            &format!("/api/v1/submissions/{sub}"),
            &judge,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["view"], "blind", "the fixture's judge reviews it blind");
        assert!(v["need_id"].is_null(), "{}", r.body);
        let r = common::api(
            db,
            Method::GET,
            &format!("/api/v1/reviews/{}", f.judge_review),
            &judge,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert!(v["submission"]["need_id"].is_null(), "{}", r.body);
        let r = common::api(
            db,
            Method::GET,
            &format!("/api/v1/needs/{}/submissions", f.need),
            &judge,
            None,
        )
        .await;
        assert!(!r.body.contains(&format!("\"id\":{sub},")), "{}", r.body);
        let mut c = demo_client(db, "judge@drx.example").await;
        let page = c.get(&format!("/needs/{}", f.need)).await;
        assert!(!page.body.contains(&format!("/submissions/{sub}\"")));
        let page = c.get(&format!("/submissions/{sub}")).await;
        assert!(!page.body.contains(&format!("/needs/{}\"", f.need)));
        // Those who see it in full still find it under its need.
        let mut o = demo_client(db, "organizer@drx.example").await;
        let page = o.get(&format!("/needs/{}", f.need)).await;
        assert!(page.body.contains(&format!("/submissions/{sub}\"")));
    }
);

// 7. A clinician filed a need under another hospital.

db_test!(a_person_files_only_for_their_own_organization, |db| {
    let f = fixture(db).await;
    let own = f.organization;
    let other = drx::store::submissions::hospitals(db)
        .await
        .unwrap()
        .into_iter()
        .find(|h| h.id != own)
        .unwrap()
        .id;
    let field = drx::store::catalogue::fields(db).await.unwrap()[0].id;
    let need = |org: i64| {
        serde_json::json!({
            "organization_id": org, "field_id": field, "problem": "freezing of gait",
            "population": "people with Parkinson's disease at home", "outcome": "fewer falls"
        })
    };
    let clinician = api_tokens::create_for_email(db, "clinician@drx.example", "t", now())
        .await
        .unwrap();
    let r = common::api(
        db,
        Method::POST,
        "/api/v1/needs",
        &clinician,
        Some(need(other)),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("your own organization"), "{}", r.body);
    let r = common::api(
        db,
        Method::POST,
        "/api/v1/needs",
        &clinician,
        Some(need(own)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // The catalogue's curators record needs for any hospital.
    let organizer = api_tokens::create_for_email(db, "organizer@drx.example", "t", now())
        .await
        .unwrap();
    let r = common::api(
        db,
        Method::POST,
        "/api/v1/needs",
        &organizer,
        Some(need(other)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
});
