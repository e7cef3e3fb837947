//! Accounts end to end through the web layer: login, logout, roles, CSRF, throttling,
//! invitations, password change and reset.
mod common;

use axum::http::StatusCode;
use common::{account, signed_in, Client, PASSWORD};
use drx::domain::Role;
use drx::store::{self, outbox};

db_test!(login_opens_a_session_and_logout_ends_it, |db| {
    account(db, "li.wei@hospital.cn", &[Role::Clinician]).await;
    let mut c = Client::new(db);
    let r = c.login("Li.Wei@Hospital.CN", PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(c.cookies.contains_key("drx_session"));
    let home = c.get("/").await;
    assert!(home.body.contains("测试 Tester"), "home greets the person");
    assert_eq!(c.get("/account").await.status, StatusCode::OK);
    assert_eq!(store::catalogue::count(db, "sessions").await.unwrap(), 1);

    let csrf = home.csrf();
    let out = c.post_form("/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(store::catalogue::count(db, "sessions").await.unwrap(), 0);
    let after = c.get("/account").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert!(after.location().starts_with("/login?next=/account"));
});

db_test!(wrong_password_and_unknown_email_get_the_same_answer, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    let mut c = Client::new(db);
    let wrong = c.login("a@hospital.cn", "not the password").await;
    let unknown = c.login("nobody@hospital.cn", PASSWORD).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("邮箱或密码错误"));
    assert!(unknown.body.contains("邮箱或密码错误"));
    assert!(
        wrong.body.contains("value=\"a@hospital.cn\""),
        "the typed email is kept"
    );
    assert!(!c.cookies.contains_key("drx_session"));
});

db_test!(login_without_csrf_token_is_refused, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    let mut c = Client::new(db);
    c.get("/login").await;
    let r = c
        .post_form(
            "/login",
            &[("email", "a@hospital.cn"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = c
        .post_form(
            "/login",
            &[
                ("csrf", &"0".repeat(64)),
                ("email", "a@hospital.cn"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!c.cookies.contains_key("drx_session"));
});

db_test!(
    signed_in_post_with_another_token_is_refused_and_changes_nothing,
    |db| {
        account(db, "a@hospital.cn", &[Role::Clinician]).await;
        let mut c = signed_in(db, "a@hospital.cn").await;
        // The anonymous double-submit token is not the session's token.
        let anon = c.cookies.get("drx_csrf").cloned().unwrap();
        let r = c
            .post_form(
                "/account/password",
                &[
                    ("csrf", &anon),
                    ("current", PASSWORD),
                    ("password", "a brand new password"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let mut again = Client::new(db);
        assert_eq!(
            again.login("a@hospital.cn", PASSWORD).await.status,
            StatusCode::SEE_OTHER,
            "old password still works"
        );
    }
);

db_test!(cross_site_post_is_refused_by_origin, |db| {
    let mut c = Client::new(db);
    let csrf = c.get("/login").await.csrf();
    let body = format!("csrf={csrf}&email=a%40b.cn&password=x");
    let req = axum::http::Request::post("/login")
        .header("host", "127.0.0.1:8080")
        .header("origin", "https://evil.example")
        .header("cookie", format!("drx_csrf={csrf}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(body))
        .unwrap();
    assert_eq!(c.send(req).await.status, StatusCode::FORBIDDEN);
});

db_test!(
    repeated_failures_slow_that_client_but_lock_nobody_out,
    |db| {
        account(db, "a@hospital.cn", &[Role::Clinician]).await;
        account(db, "b@hospital.cn", &[Role::Clinician]).await;
        let mut c = Client::from_address(db, "10.0.0.1");
        for _ in 0..drx::services::accounts::FREE_FAILURES_PER_CLIENT {
            assert_eq!(
                c.login("a@hospital.cn", "wrong password!").await.status,
                StatusCode::UNAUTHORIZED
            );
        }
        let blocked = c.login("a@hospital.cn", PASSWORD).await;
        assert_eq!(
            blocked.status,
            StatusCode::TOO_MANY_REQUESTS,
            "this client waits, even with the right password"
        );
        assert!(blocked.body.contains("分钟"));
        assert!(!c.cookies.contains_key("drx_session"));
        // Another account from the same client is not held up by these few failures...
        assert_eq!(
            c.login("b@hospital.cn", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
        // ...and the person signs in from their own machine.
        let mut own = Client::from_address(db, "10.0.0.2");
        assert_eq!(
            own.login("a@hospital.cn", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
    }
);

db_test!(roles_decide_who_manages_accounts, |db| {
    account(db, "doc@hospital.cn", &[Role::Clinician]).await;
    account(db, "org@drx.cn", &[Role::Organizer]).await;
    account(db, "root@drx.cn", &[Role::Admin]).await;

    let mut doc = Client::new(db);
    doc.login("doc@hospital.cn", PASSWORD).await;
    assert_eq!(doc.get("/admin/people").await.status, StatusCode::FORBIDDEN);
    assert!(
        !doc.get("/").await.body.contains("/admin/people"),
        "no link to what one cannot open"
    );

    let mut org = Client::new(db);
    org.login("org@drx.cn", PASSWORD).await;
    let page = org.get("/admin/people").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("value=\"admin\""),
        "organizers are not offered the admin role"
    );
    let judge = [
        ("email", "judge@hospital.cn"),
        ("name", "评委甲"),
        ("title", ""),
        ("organization", ""),
        ("password", "judge password 1"),
        ("role", "judge"),
    ];
    let r = org.submit("/admin/people", "/admin/people", &judge).await;
    assert!(r.body.contains("judge@hospital.cn"), "{}", r.body);
    let mut j = Client::new(db);
    assert_eq!(
        j.login("judge@hospital.cn", "judge password 1")
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    let sneaky = [
        ("email", "x@drx.cn"),
        ("name", "X"),
        ("password", "another password"),
        ("role", "admin"),
    ];
    assert_eq!(
        org.submit("/admin/people", "/admin/people", &sneaky)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(drx::store::accounts::credentials(db, "x@drx.cn")
        .await
        .unwrap()
        .is_none());

    let mut root = Client::new(db);
    root.login("root@drx.cn", PASSWORD).await;
    let r = root.submit("/admin/people", "/admin/people", &sneaky).await;
    assert_eq!(r.status, StatusCode::OK);
    let x = drx::store::accounts::credentials(db, "x@drx.cn")
        .await
        .unwrap()
        .unwrap();
    let p = drx::store::accounts::person(db, x.person_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.roles, vec![Role::Admin]);
});

db_test!(deactivated_accounts_lose_their_sessions, |db| {
    let doc_id = account(db, "doc@hospital.cn", &[Role::Clinician]).await;
    account(db, "root@drx.cn", &[Role::Admin]).await;
    let mut doc = Client::new(db);
    doc.login("doc@hospital.cn", PASSWORD).await;
    let mut root = Client::new(db);
    root.login("root@drx.cn", PASSWORD).await;
    let action = format!("/admin/people/{doc_id}/active");
    let r = root
        .submit("/admin/people", &action, &[("active", "0")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        doc.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "signed out at once"
    );
    assert_eq!(
        Client::new(db)
            .login("doc@hospital.cn", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
});

db_test!(invitation_link_creates_the_account_once, |db| {
    account(db, "org@drx.cn", &[Role::Organizer]).await;
    let mut org = Client::new(db);
    org.login("org@drx.cn", PASSWORD).await;
    let r = org
        .submit(
            "/admin/people",
            "/admin/invitations",
            &[
                ("email", "New.Engineer@Corp.cn"),
                ("role", "engineer"),
                ("organization", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let mail = outbox::mail_to(db, "new.engineer@corp.cn").await.unwrap();
    assert_eq!(mail.len(), 1, "the invitation is in the outbox");
    let path = &common::link_path(&mail[0].body, "/invite/");

    let mut newcomer = Client::new(db);
    let page = newcomer.get(path).await;
    assert!(page.body.contains("new.engineer@corp.cn"));
    let short = newcomer
        .submit(path, path, &[("name", "王工"), ("password", "short")])
        .await;
    assert!(short.body.contains("密码过短"), "a refused form says why");
    assert!(
        short.body.contains("value=\"王工\""),
        "and keeps what was typed"
    );
    let done = newcomer
        .submit(
            path,
            path,
            &[("name", "王工"), ("password", "engineer password")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/", "accepting signs in and goes home");
    assert_eq!(newcomer.get("/account").await.status, StatusCode::OK);
    assert_eq!(
        Client::new(db)
            .login("new.engineer@corp.cn", "engineer password")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let again = Client::new(db).get(path).await;
    assert!(again.body.contains("邀请无效"));
    let id = common::person_id(db, "new.engineer@corp.cn").await;
    assert_eq!(
        drx::store::accounts::person(db, id)
            .await
            .unwrap()
            .unwrap()
            .roles,
        vec![Role::Engineer]
    );
});

db_test!(password_reset_by_one_time_link, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    let mut old = Client::new(db);
    old.login("a@hospital.cn", PASSWORD).await;

    let mut c = Client::new(db);
    let r = c
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "A@hospital.cn")],
        )
        .await;
    assert!(r.body.contains("重设链接已发出"));
    let unknown = c
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "nobody@hospital.cn")],
        )
        .await;
    assert_eq!(
        unknown.body.replace(&unknown.csrf(), ""),
        r.body.replace(&r.csrf(), ""),
        "no hint whether an account exists"
    );
    let mail = outbox::mail_to(db, "a@hospital.cn").await.unwrap();
    let path = &common::link_path(&mail[0].body, "/password/reset/");

    let done = c
        .submit(path, path, &[("password", "a fresh password")])
        .await;
    assert!(done.body.contains("密码已修改"), "{}", done.body);
    assert_eq!(
        old.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "old sessions end"
    );
    assert_eq!(
        Client::new(db)
            .login("a@hospital.cn", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        Client::new(db)
            .login("a@hospital.cn", "a fresh password")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let reuse = c
        .submit(path, path, &[("password", "yet another one")])
        .await;
    assert!(reuse.body.contains("无效"));
});

db_test!(
    password_change_needs_the_current_one_and_ends_other_sessions,
    |db| {
        account(db, "a@hospital.cn", &[Role::Clinician]).await;
        let mut other = signed_in(db, "a@hospital.cn").await;
        let mut c = Client::new(db);
        c.lang = Some("en");
        c.login("a@hospital.cn", PASSWORD).await;
        let wrong = c
            .submit(
                "/account",
                "/account/password",
                &[("current", "nope"), ("password", "a new password")],
            )
            .await;
        assert!(wrong.body.contains("The current password is wrong"));
        let ok = c
            .submit(
                "/account",
                "/account/password",
                &[("current", PASSWORD), ("password", "a new password")],
            )
            .await;
        assert!(ok.body.contains("Your password is changed"));
        // This session stays; the other one ends.
        c.assert_statuses(&[("/account", StatusCode::OK)]).await;
        other
            .assert_statuses(&[("/account", StatusCode::SEE_OTHER)])
            .await;
    }
);

db_test!(every_account_change_is_in_the_verified_audit_chain, |db| {
    account(db, "a@hospital.cn", &[Role::Clinician]).await;
    Client::new(db).login("a@hospital.cn", PASSWORD).await;
    assert!(store::catalogue::count(db, "audit_events").await.unwrap() >= 2);
    assert_eq!(store::audit::verify(db).await.unwrap(), None);
    store::raw_execute(
        db,
        "UPDATE audit_events SET detail = '{\"tampered\":true}' WHERE id = 1",
    )
    .await
    .unwrap();
    assert_eq!(store::audit::verify(db).await.unwrap(), Some(1));
});
