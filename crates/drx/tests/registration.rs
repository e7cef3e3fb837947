//! Self-registration end to end: the form, the emailed link (single use, expiring, never
//! guessable), the account that cannot sign in before it is verified, the same answer for an
//! address already taken, throttling, forged roles, CSRF, organizations requested into the
//! admins' queue, and the way on to the call the person came from (never another site).
mod common;

use axum::http::StatusCode;
use common::{account, insert_call, Client, PASSWORD};
use drx::domain::{OrganizationStatus, Phase, Role};
use drx::services::registration;
use drx::store::{self, outbox, Db};

const NEW_PASSWORD: &str = "a long new password";

/// An open call nobody organizes; its id.
async fn open_call(db: &Db) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let spec = common::call_spec("open-call", "Gait call", Phase::Open);
    let id = insert_call(&mut tx, spec, None, store::now()).await;
    tx.commit().await.unwrap();
    id
}

/// An active hospital to choose; its id.
async fn hospital(db: &Db) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let id = store::organizations::seed(
        &mut tx,
        "hospital",
        "North Hospital",
        "北方医院",
        "",
        store::now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Posts the registration form (from `/register?call=…` when `call` is given).
async fn register(
    c: &mut Client,
    email: &str,
    role: &str,
    org: &str,
    requested: &str,
    call: &str,
) -> common::Resp {
    let page = if call.is_empty() {
        "/register".to_string()
    } else {
        format!("/register?call={call}")
    };
    c.submit(
        &page,
        "/register",
        &[
            ("email", email),
            ("name", "新医生 New Doctor"),
            ("password", NEW_PASSWORD),
            ("role", role),
            ("organization", org),
            ("requested_organization", requested),
            ("terms", "on"),
            ("call", call),
        ],
    )
    .await
}

/// The verification link's path in the newest mail to `email`.
async fn link(db: &Db, email: &str) -> String {
    let mail = outbox::mail_to(db, email).await.unwrap();
    common::link_path(&mail[0].body, "/register/verify/")
}

/// Follows a verification link as a browser does: the page, then its button.
async fn follow(c: &mut Client, path: &str) -> common::Resp {
    c.submit(path, path, &[]).await
}

db_test!(verification_signs_in_and_goes_on_to_the_call, |db| {
    let call = open_call(db).await;
    let org = hospital(db).await;
    let mut c = Client::new(db);
    c.lang = Some("en");
    let form = c.get(&format!("/register?call={call}")).await;
    assert!(form
        .body
        .contains(&format!("name=\"call\" value=\"{call}\"")));
    let r = register(
        &mut c,
        "new@north.cn",
        "clinician",
        &org.to_string(),
        "",
        &call.to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Check your mail"));

    let before = Client::new(db).login("new@north.cn", NEW_PASSWORD).await;
    assert_eq!(
        before.status,
        StatusCode::UNAUTHORIZED,
        "no sign-in before verification"
    );

    let path = link(db, "new@north.cn").await;
    let page = c.get(&path).await;
    assert!(page.body.contains("new@north.cn"));
    let done = follow(&mut c, &path).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), format!("/calls/{call}"));
    let call_page = c.get(&format!("/calls/{call}")).await;
    assert_eq!(call_page.status, StatusCode::OK, "signed in");
    assert!(call_page.body.contains(&format!("/calls/{call}/submit")));

    let person = store::accounts::person(db, common::person_id(db, "new@north.cn").await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.roles, vec![Role::Clinician]);
    assert_eq!(person.organization_id, Some(org));
    assert_eq!(
        Client::new(db)
            .login("new@north.cn", NEW_PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    // Reused: the link works once.
    let mut other = Client::new(db);
    assert_eq!(other.get(&path).await.status, StatusCode::GONE);
    let csrf = other.csrf_token().await;
    let again = other.post_form(&path, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(!other.cookies.contains_key("drx_session"));
});

db_test!(expired_and_forged_links_create_nothing, |db| {
    let org = hospital(db).await;
    let mut c = Client::new(db);
    register(
        &mut c,
        "late@north.cn",
        "engineer",
        &org.to_string(),
        "",
        "",
    )
    .await;
    let path = link(db, "late@north.cn").await;
    let token = path.trim_start_matches("/register/verify/");
    let later = store::now() + registration::VERIFY_SECONDS + 1;
    assert!(matches!(
        registration::verify(db, token, later).await,
        Err(drx::services::ServiceError::NotFound)
    ));
    let forged = format!("/register/verify/{}", "ab".repeat(32));
    assert_eq!(c.get(&forged).await.status, StatusCode::GONE);
    let csrf = c.csrf_token().await;
    let r = c.post_form(&forged, &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(store::accounts::credentials(db, "late@north.cn")
        .await
        .unwrap()
        .is_none());
    // The token is stored only as its hash.
    let all = "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM registrations";
    assert_eq!(store::raw_count(db, all).await.unwrap(), 1);
    let plain = format!(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM registrations WHERE token_hash = '{token}'"
    );
    assert_eq!(store::raw_count(db, &plain).await.unwrap(), 0);
});

db_test!(a_taken_address_gets_the_same_answer_and_no_link, |db| {
    let org = hospital(db).await;
    account(db, "taken@north.cn", &[Role::Clinician]).await;
    let mut c = Client::new(db);
    let taken = register(
        &mut c,
        "taken@north.cn",
        "clinician",
        &org.to_string(),
        "",
        "",
    )
    .await;
    let free = register(
        &mut c,
        "free@north.cn",
        "clinician",
        &org.to_string(),
        "",
        "",
    )
    .await;
    assert_eq!(taken.status, free.status);
    assert_eq!(taken.body, free.body, "no hint whether an account exists");
    let mail = outbox::mail_to(db, "taken@north.cn").await.unwrap();
    assert_eq!(mail.len(), 1);
    assert!(
        !mail[0].body.contains("/register/verify/") && mail[0].body.contains("/password/forgot")
    );
    assert_eq!(
        Client::new(db)
            .login("taken@north.cn", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER,
        "the account is untouched"
    );
});

db_test!(
    registrations_are_throttled_per_address_and_per_client,
    |db| {
        let org = hospital(db).await.to_string();
        let mut c = Client::new(db);
        for _ in 0..registration::MAX_PER_ADDRESS {
            let r = register(&mut c, "same@north.cn", "clinician", &org, "", "").await;
            assert_eq!(r.status, StatusCode::OK);
        }
        let r = register(&mut c, "same@north.cn", "clinician", &org, "", "").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
        let n = registration::MAX_PER_CLIENT - registration::MAX_PER_ADDRESS;
        for i in 0..n {
            let r = register(&mut c, &format!("p{i}@north.cn"), "clinician", &org, "", "").await;
            assert_eq!(r.status, StatusCode::OK);
        }
        let r = register(&mut c, "fresh@north.cn", "clinician", &org, "", "").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "per client");
        assert!(outbox::mail_to(db, "fresh@north.cn")
            .await
            .unwrap()
            .is_empty());
    }
);

db_test!(forged_roles_bad_input_and_missing_csrf_are_refused, |db| {
    let org = hospital(db).await.to_string();
    let mut c = Client::new(db);
    c.lang = Some("en");
    for role in ["judge", "organizer", "admin", "poc", ""] {
        let r = register(&mut c, "x@north.cn", role, &org, "", "").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{role}");
        assert!(r.body.contains("Judges and organizers are invited"));
    }
    let both = register(&mut c, "x@north.cn", "clinician", &org, "South Clinic", "").await;
    assert_eq!(both.status, StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = register(&mut c, "x@north.cn", "clinician", "99999", "", "").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_terms = c
        .submit(
            "/register",
            "/register",
            &[
                ("email", "x@north.cn"),
                ("name", "X"),
                ("password", NEW_PASSWORD),
                ("role", "clinician"),
                ("organization", &org),
            ],
        )
        .await;
    assert_eq!(no_terms.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_terms.body.contains("value=\"x@north.cn\""),
        "the form is shown again"
    );
    assert!(!no_terms.body.contains(NEW_PASSWORD), "never the password");
    let no_csrf = c
        .post_form(
            "/register",
            &[
                ("email", "y@north.cn"),
                ("name", "Y"),
                ("password", NEW_PASSWORD),
                ("role", "clinician"),
                ("organization", &org),
                ("terms", "on"),
            ],
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    assert!(outbox::mail_to(db, "x@north.cn").await.unwrap().is_empty());
    assert!(outbox::mail_to(db, "y@north.cn").await.unwrap().is_empty());
});

db_test!(a_requested_organization_reaches_the_admins_queue, |db| {
    let mut c = Client::new(db);
    register(
        &mut c,
        "eng@south.cn",
        "engineer",
        "",
        "南方医疗器械公司",
        "",
    )
    .await;
    assert!(
        store::organizations::all(db).await.unwrap().is_empty(),
        "nothing before the address is verified"
    );
    let path = link(db, "eng@south.cn").await;
    follow(&mut c, &path).await;
    let orgs = store::organizations::all(db).await.unwrap();
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].status, OrganizationStatus::Requested);
    assert_eq!(orgs[0].name_zh, "南方医疗器械公司");
    let person = store::accounts::person(db, common::person_id(db, "eng@south.cn").await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.organization_id, Some(orgs[0].id));

    account(db, "admin@drx.cn", &[Role::Admin]).await;
    let mut admin = common::signed_in(db, "admin@drx.cn").await;
    admin.lang = Some("en");
    let queue = admin.get("/admin/organizations").await;
    assert!(queue.body.contains("南方医疗器械公司"), "{}", queue.body);
    let accepted = drx::services::organizations::set_active(
        db,
        &store::accounts::person(db, common::person_id(db, "admin@drx.cn").await)
            .await
            .unwrap()
            .unwrap(),
        orgs[0].id,
        true,
        store::now(),
    )
    .await;
    assert!(accepted.is_ok());
    let listed = Client::new(db).get("/register").await;
    assert!(
        listed.body.contains("南方医疗器械公司"),
        "accepted: offered to the next person"
    );
});

db_test!(the_call_carried_through_never_leaves_the_site, |db| {
    let org = hospital(db).await.to_string();
    let mut tx = db.begin().await.unwrap();
    let draft = insert_call(
        &mut tx,
        common::call_spec("draft", "Draft", Phase::Draft),
        None,
        store::now(),
    )
    .await;
    tx.commit().await.unwrap();
    for (i, call) in [
        "//evil.example",
        "https://evil.example",
        "/calls/1",
        &draft.to_string(),
        "-3",
    ]
    .iter()
    .enumerate()
    {
        let email = format!("r{i}@north.cn");
        let mut c = Client::new(db);
        let form = c.get(&format!("/register?call={call}")).await;
        assert!(!form.body.contains("name=\"call\""), "{call} is not a call");
        register(&mut c, &email, "clinician", &org, "", call).await;
        let path = link(db, &email).await;
        let done = follow(&mut c, &path).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert_eq!(done.location(), "/", "{call}: home, not elsewhere");
    }
});
