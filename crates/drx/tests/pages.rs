//! Pages: both languages, every role's home, bad input and unknown routes.
mod common;

use axum::http::StatusCode;
use common::{account, Client, PASSWORD};
use drx::domain::Role;

db_test!(landing_page_speaks_both_languages, |db| {
    let mut zh = Client::new(db);
    let r = zh.get("/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<html lang=\"zh\""));
    assert!(r.body.contains("让临床需求与工程能力相遇"));
    let mut en = Client::new(db);
    en.lang = Some("en");
    let r = en.get("/").await;
    assert!(r.body.contains("<html lang=\"en\""));
    assert!(r.body.contains("Where clinical needs meet engineering"));
});

db_test!(language_switch_sets_a_cookie_and_returns, |db| {
    let mut c = Client::new(db);
    let r = c.get("/lang/en?next=/login").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/login");
    assert_eq!(c.cookies.get("drx_lang").map(String::as_str), Some("en"));
    assert!(c.get("/login").await.body.contains("Forgot your password?"));
    let r = c.get("/lang/en?next=https://evil.example").await;
    assert_eq!(r.location(), "/", "never redirects off site");
    assert_eq!(c.get("/lang/fr").await.status, StatusCode::NOT_FOUND);
});

db_test!(every_role_has_a_home_page_in_both_languages, |db| {
    for (i, role) in Role::ALL.iter().enumerate() {
        let email = format!("r{i}@drx.cn");
        account(db, &email, &[*role]).await;
        for lang in ["zh", "en"] {
            let mut c = Client::new(db);
            c.lang = Some(if lang == "zh" { "zh" } else { "en" });
            c.login(&email, PASSWORD).await;
            let r = c.get("/").await;
            assert_eq!(r.status, StatusCode::OK, "{role} {lang}");
            let role_name = drx::i18n::t(
                drx::i18n::Lang::parse(lang).unwrap(),
                &format!("role-{role}"),
            );
            assert!(
                r.body.contains(&role_name),
                "{role} home in {lang} names the role"
            );
        }
    }
});

db_test!(unknown_routes_get_a_friendly_404, |db| {
    let r = Client::new(db).get("/no/such/page").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("页面不存在") && r.body.contains("This page does not exist"));
});

db_test!(malformed_and_oversized_posts_get_clear_errors, |db| {
    account(db, "org@drx.cn", &[Role::Organizer]).await;
    let mut c = Client::new(db);
    c.login("org@drx.cn", PASSWORD).await;
    let csrf = c.get("/admin/people").await.csrf();
    // Not a form at all.
    let req = axum::http::Request::post("/admin/people")
        .header(
            "cookie",
            format!("drx_session={}", c.cookies["drx_session"]),
        )
        .header("content-type", "application/json")
        .body(axum::body::Body::from("{\"email\":1}"))
        .unwrap();
    let r = c.send(req).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("表单"));
    // A body over the limit.
    let huge = "x".repeat(drx::web::FORM_BODY_LIMIT + 10);
    let r = c
        .post_form("/admin/people", &[("csrf", &csrf), ("name", &huge)])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // An over-long field: refused with the reason, the rest of the form kept.
    let long_name = "名".repeat(101);
    let r = c
        .post_form(
            "/admin/people",
            &[
                ("csrf", &csrf),
                ("email", "ok@hospital.cn"),
                ("name", &long_name),
                ("password", "good password"),
                ("role", "judge"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("姓名过长"), "{}", r.body);
    assert!(r.body.contains("value=\"ok@hospital.cn\""));
    assert!(drx::store::accounts::credentials(db, "ok@hospital.cn")
        .await
        .unwrap()
        .is_none());
    // An unknown role value.
    let r = c
        .post_form(
            "/admin/people",
            &[("csrf", &csrf), ("email", "y@h.cn"), ("role", "emperor")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
});

db_test!(security_headers_are_on_every_page, |db| {
    let r = Client::new(db).get("/").await;
    assert_eq!(r.headers["x-frame-options"], "DENY");
    assert!(r
        .header("content-security-policy")
        .contains("default-src 'self'"));
    let cookie = r.header("set-cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
});

db_test!(malformed_addresses_get_the_bilingual_error_page, |db| {
    let mut c = Client::new(db);
    for path in [
        "/calls/abc",
        "/submissions/1x",
        "/needs/-",
        "/calls/1/assignment/zz",
    ] {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(
            r.body.contains("地址或表单的格式不正确"),
            "{path}: {}",
            r.body
        );
        assert!(
            r.body.contains("the address or the form is malformed"),
            "{path}"
        );
        assert!(r.body.contains("<html lang=\"zh\""), "an HTML page: {path}");
    }
});
