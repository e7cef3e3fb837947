//! People and invitations admins can follow (issue 22, item 2): the page of one person (who may
//! see and change it, the admin-role rule, the organization the conflict rules read), sessions
//! ended everywhere, the invitations list with its states, sending again (the old link stops
//! working), revoking (the link refuses), accepting (signed in at once), and the invitation mail
//! wording the role in each language.
mod common;

use axum::http::StatusCode;
use common::{signed_in, Client};
use drx::domain::Role;
use drx::services::organizations::{self as orgs, OrganizationInput};
use drx::store::{outbox, Db};

const ADMIN: &str = "root@drx.cn";
const ORGANIZER: &str = "org@drx.cn";
const CLINICIAN: &str = "doc@drx.cn";
const JUDGE: &str = "judge@drx.cn";

async fn person(db: &Db, email: &str) -> drx::store::accounts::Person {
    let id = common::person_id(db, email).await;
    drx::store::accounts::person(db, id).await.unwrap().unwrap()
}

/// The accounts of the tests, and two hospitals (one active, one deactivated).
async fn setup(db: &Db) -> (i64, i64) {
    common::account(db, ADMIN, &[Role::Admin]).await;
    common::account(db, ORGANIZER, &[Role::Organizer]).await;
    common::account(db, CLINICIAN, &[Role::Clinician]).await;
    common::account(db, JUDGE, &[Role::Judge]).await;
    let admin = person(db, ADMIN).await;
    let now = drx::store::now();
    let north = OrganizationInput::new("hospital", "North Hospital", "北方医院");
    let north = orgs::create(db, &admin, &north, now).await.unwrap();
    let closed = OrganizationInput::new("hospital", "Closed Hospital", "停办医院");
    let closed = orgs::create(db, &admin, &closed, now).await.unwrap();
    orgs::set_active(db, &admin, closed, false, now)
        .await
        .unwrap();
    (north, closed)
}

fn person_url(id: i64) -> String {
    format!("/admin/people/{id}")
}

db_test!(admins_and_organizers_see_and_change_a_person, |db| {
    let (north, _) = setup(db).await;
    let judge = common::person_id(db, JUDGE).await;
    let url = person_url(judge);
    for who in [CLINICIAN, JUDGE] {
        let mut c = signed_in(db, who).await;
        assert_eq!(c.get(&url).await.status, StatusCode::FORBIDDEN, "{who}");
        let csrf = c.csrf_token().await;
        let r = c
            .post_form(
                &url,
                &[
                    ("csrf", csrf.as_str()),
                    ("organization", ""),
                    ("role", "judge"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} cannot change");
    }
    let mut root = signed_in(db, ADMIN).await;
    let list = root.get("/admin/people").await;
    assert!(
        list.body.contains(&format!("href=\"{url}\"")),
        "each row links its page"
    );
    assert!(list.body.contains("href=\"/admin/invitations\""));
    let page = root.get(&url).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(JUDGE));

    let mut org = signed_in(db, ORGANIZER).await;
    let page = org.get(&url).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("北方医院"),
        "active organizations are offered"
    );
    assert!(!page.body.contains("停办医院"), "inactive ones are not");
    let north_id = north.to_string();
    let r = org
        .submit(
            &url,
            &url,
            &[
                ("organization", north_id.as_str()),
                ("role", "judge"),
                ("role", "engineer"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let changed = person(db, JUDGE).await;
    assert_eq!(
        changed.organization_id,
        Some(north),
        "the conflict rules read this"
    );
    assert_eq!(changed.roles, vec![Role::Judge, Role::Engineer]);
    let history = drx::store::audit::verify(db).await.unwrap();
    assert!(history.is_none(), "the audit chain is whole: {history:?}");
});

db_test!(an_organizer_cannot_grant_admin_and_is_told_why, |db| {
    let (north, closed) = setup(db).await;
    let judge = common::person_id(db, JUDGE).await;
    let url = person_url(judge);
    let mut org = signed_in(db, ORGANIZER).await;
    let r = org
        .submit(&url, &url, &[("organization", ""), ("role", "admin")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("只有管理员"),
        "the reason is on the page: {}",
        r.body
    );
    assert_eq!(person(db, JUDGE).await.roles, vec![Role::Judge]);

    let closed_id = closed.to_string();
    let r = org
        .submit(
            &url,
            &url,
            &[("organization", closed_id.as_str()), ("role", "judge")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an inactive organization"
    );
    assert_eq!(person(db, JUDGE).await.organization_id, None);

    // An administrator's account is out of an organizer's reach, organization included.
    let admin_url = person_url(common::person_id(db, ADMIN).await);
    let north_id = north.to_string();
    let r = org
        .submit(
            &admin_url,
            &admin_url,
            &[("organization", north_id.as_str()), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(person(db, ADMIN).await.organization_id, None);

    // An admin may.
    let mut root = signed_in(db, ADMIN).await;
    let r = root
        .submit(
            &url,
            &url,
            &[("organization", ""), ("role", "admin"), ("role", "judge")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        person(db, JUDGE).await.roles,
        vec![Role::Admin, Role::Judge]
    );
});

db_test!(an_admin_signs_a_person_out_everywhere, |db| {
    setup(db).await;
    let judge = common::person_id(db, JUDGE).await;
    let mut judge_client = signed_in(db, JUDGE).await;
    assert_eq!(judge_client.get("/account").await.status, StatusCode::OK);
    let url = person_url(judge);
    let sessions = format!("{url}/sessions");
    let mut org = signed_in(db, ORGANIZER).await;
    assert_eq!(
        org.submit(&url, &sessions, &[]).await.status,
        StatusCode::FORBIDDEN,
        "admins only"
    );
    let mut root = signed_in(db, ADMIN).await;
    let page = root.get(&url).await;
    assert!(page.body.contains(&sessions));
    let r = root.submit(&url, &sessions, &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        judge_client.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    // Deactivation from the person's page comes back to it.
    let r = root
        .submit(
            &url,
            &format!("{url}/active"),
            &[("active", "0"), ("back", "person")],
        )
        .await;
    assert_eq!(r.location(), url);
    assert!(!person(db, JUDGE).await.active);
});

/// Invites `email` as a judge through the page; the link of the newest mail to it.
async fn invite(c: &mut Client, db: &Db, email: &str) -> String {
    let r = c
        .submit(
            "/admin/people",
            "/admin/invitations",
            &[("email", email), ("role", "judge"), ("organization", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let mail = outbox::mail_to(db, email).await.unwrap();
    common::link_path(&mail[0].body, "/invite/")
}

async fn invitation_id(db: &Db, email: &str) -> i64 {
    drx::store::people::invitations(db)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.email == email)
        .unwrap()
        .id
}

/// The state label in the invitations list's row of `email`.
fn state_in(list: &str, email: &str) -> String {
    let row = list.split("<tr>").find(|r| r.contains(email)).unwrap();
    let start = row.find("class=\"pill state-").unwrap() + "class=\"pill state-".len();
    row[start..].split('"').next().unwrap().to_string()
}

db_test!(invitations_are_listed_sent_again_and_revoked, |db| {
    setup(db).await;
    let mut root = signed_in(db, ADMIN).await;
    let accepted = invite(&mut root, db, "a@drx.cn").await;
    let revoked = invite(&mut root, db, "b@drx.cn").await;
    let resent = invite(&mut root, db, "c@drx.cn").await;
    // One sent long ago, never accepted.
    let admin = person(db, ADMIN).await;
    let long_ago = drx::store::now() - 30 * 24 * 3600;
    drx::services::accounts::invite(
        db,
        &admin,
        "d@drx.cn",
        Role::Judge,
        None,
        "http://x",
        long_ago,
    )
    .await
    .unwrap();

    let r = Client::new(db)
        .submit(
            &accepted,
            &accepted,
            &[("name", "甲"), ("password", "a long password")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let b = invitation_id(db, "b@drx.cn").await;
    let r = root
        .submit(
            "/admin/invitations",
            &format!("/admin/invitations/{b}"),
            &[("do", "revoke")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = Client::new(db).get(&revoked).await;
    assert!(page.body.contains("邀请无效"), "a revoked link refuses");
    let mut late = Client::new(db);
    let csrf = late.csrf_token().await;
    let r = late
        .post_form(
            &revoked,
            &[
                ("csrf", csrf.as_str()),
                ("name", "乙"),
                ("password", "a long password"),
            ],
        )
        .await;
    assert!(r.body.contains("邀请无效"), "{}", r.body);
    assert!(
        Client::new(db)
            .login("b@drx.cn", "a long password")
            .await
            .status
            != StatusCode::SEE_OTHER
    );
    let again = root
        .submit(
            "/admin/invitations",
            &format!("/admin/invitations/{b}"),
            &[("do", "revoke")],
        )
        .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "told on the page"
    );

    let c = invitation_id(db, "c@drx.cn").await;
    let r = root
        .submit(
            "/admin/invitations",
            &format!("/admin/invitations/{c}"),
            &[("do", "resend")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let mail = outbox::mail_to(db, "c@drx.cn").await.unwrap();
    assert_eq!(mail.len(), 2, "a new mail");
    let new_link = common::link_path(&mail[0].body, "/invite/");
    assert_ne!(new_link, resent);
    assert!(
        Client::new(db).get(&resent).await.body.contains("邀请无效"),
        "the old link stops working"
    );
    assert!(
        Client::new(db)
            .get(&new_link)
            .await
            .body
            .contains("c@drx.cn"),
        "the new one works"
    );

    let list = root.get("/admin/invitations").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(state_in(&list.body, "a@drx.cn"), "accepted");
    assert_eq!(state_in(&list.body, "b@drx.cn"), "revoked");
    assert_eq!(state_in(&list.body, "c@drx.cn"), "pending");
    assert_eq!(state_in(&list.body, "d@drx.cn"), "expired");
    let org_list = signed_in(db, ORGANIZER)
        .await
        .get("/admin/invitations")
        .await;
    assert_eq!(
        org_list.status,
        StatusCode::OK,
        "organizers follow invitations too"
    );
    for who in [CLINICIAN, JUDGE] {
        let mut c = signed_in(db, who).await;
        assert_eq!(
            c.get("/admin/invitations").await.status,
            StatusCode::FORBIDDEN
        );
    }
    // An accepted one can be neither sent again nor revoked.
    let a = invitation_id(db, "a@drx.cn").await;
    let r = root
        .submit(
            "/admin/invitations",
            &format!("/admin/invitations/{a}"),
            &[("do", "resend")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(
    an_organizer_cannot_resend_or_revoke_an_admin_invitation,
    |db| {
        setup(db).await;
        let mut root = signed_in(db, ADMIN).await;
        let r = root
            .submit(
                "/admin/people",
                "/admin/invitations",
                &[
                    ("email", "boss@drx.cn"),
                    ("role", "admin"),
                    ("organization", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let id = invitation_id(db, "boss@drx.cn").await;
        let mut org = signed_in(db, ORGANIZER).await;
        for action in ["resend", "revoke"] {
            let r = org
                .submit(
                    "/admin/invitations",
                    &format!("/admin/invitations/{id}"),
                    &[("do", action)],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{action}");
            assert!(
                r.body.contains("只有管理员"),
                "{action}: the reason is shown"
            );
        }
        assert_eq!(outbox::mail_to(db, "boss@drx.cn").await.unwrap().len(), 1);
    }
);

db_test!(accepting_an_invitation_signs_the_person_in, |db| {
    setup(db).await;
    let mut root = signed_in(db, ADMIN).await;
    let link = invite(&mut root, db, "new.judge@drx.cn").await;
    let mut newcomer = Client::new(db);
    let r = newcomer
        .submit(
            &link,
            &link,
            &[("name", "新评委"), ("password", "a long password")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/");
    assert!(r
        .header(axum::http::header::SET_COOKIE)
        .starts_with("drx_session="));
    let home = newcomer.get("/").await;
    assert!(
        home.body.contains("新评委"),
        "home shows the person signed in"
    );
    assert_eq!(newcomer.get("/account").await.status, StatusCode::OK);
    let me = person(db, "new.judge@drx.cn").await;
    assert_eq!(me.roles, vec![Role::Judge]);
});

db_test!(the_invitation_mail_words_the_role_in_each_language, |db| {
    setup(db).await;
    let mut root = signed_in(db, ADMIN).await;
    root.submit(
        "/admin/people",
        "/admin/invitations",
        &[
            ("email", "o@drx.cn"),
            ("role", "organizer"),
            ("organization", ""),
        ],
    )
    .await;
    let mail = outbox::mail_to(db, "o@drx.cn").await.unwrap();
    let body = &mail[0].body;
    assert!(body.contains("角色：组织者"), "{body}");
    assert!(body.contains("as Organizer"), "{body}");
    assert!(!body.contains("organizer"), "no raw role code: {body}");
});
