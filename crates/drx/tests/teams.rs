//! Engineering teams through the product (issue 22, item 6): an engineer creates a team and leads
//! it, organizers create one for a lead they name, judges and clinicians cannot; the profile
//! (names, organization, capabilities, technologies, fields, capacity, past projects) is checked
//! with bilingual refusals and edited only by the lead and the staff; members join by invitation
//! (accept or decline on their home page), are removed, take over the lead, leave (never the last
//! lead); the REST API creates, reads and replaces teams; and a new team's past project counts in
//! team matching at once, its reason naming the shared words.
mod common;

use axum::http::{Method, StatusCode};
use common::{signed_in, Client};
use drx::domain::{AuditAction, AuditEntity, Role};
use drx::services::matching::{reason_line, TeamModel};
use drx::services::runs::RunOutcome;
use drx::services::team_matching::{self, TeamParams};
use drx::store::submissions::NewSubmission;
use drx::store::{teams as store, Db};

const ORGANIZER: &str = "org@h.cn";
const LEAD: &str = "lead@eng.cn";
const ENGINEER: &str = "eng2@eng.cn";
const OUTSIDER: &str = "eng3@eng.cn";
const JUDGE: &str = "judge@h.cn";
const CLINICIAN: &str = "doc@h.cn";

struct World {
    company: i64,
    call: i64,
}

async fn world(db: &Db) -> World {
    let mut tx = db.begin().await.unwrap();
    let hospital = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "上海", 1000)
        .await
        .unwrap();
    let company =
        drx::store::organizations::seed(&mut tx, "company", "MedTech Co", "医工公司", "苏州", 1000)
            .await
            .unwrap();
    tx.commit().await.unwrap();
    let organizer = common::account(db, ORGANIZER, &[Role::Organizer]).await;
    for email in [LEAD, ENGINEER, OUTSIDER] {
        common::account_in(db, email, email, Some(company), &[Role::Engineer]).await;
    }
    common::account(db, JUDGE, &[Role::Judge]).await;
    let clinician = common::account(db, CLINICIAN, &[Role::Clinician]).await;
    let mut tx = db.begin().await.unwrap();
    let call = common::insert_call(
        &mut tx,
        common::call_spec("c", "Call", drx::domain::Phase::Decision),
        Some(organizer),
        1000,
    )
    .await;
    let finalist = NewSubmission {
        call_id: call,
        need_id: None,
        organization_id: hospital,
        created_by: clinician,
        title: "Robot that guides the biopsy needle under ultrasound",
        need_statement: "Freehand ultrasound-guided biopsies of small thyroid nodules miss often.",
        solution: "A small robotic arm that holds the needle on the ultrasound image plane.",
        evidence: "",
        stage: "prototype",
        keywords: "",
        status: drx::domain::SubmissionStatus::Finalist,
        lang: "en",
        field_ids: &[],
    };
    common::insert_solution(&mut tx, &finalist, "Lead", 1000).await;
    tx.commit().await.unwrap();
    World { company, call }
}

async fn person(db: &Db, email: &str) -> drx::store::accounts::Person {
    let id = common::person_id(db, email).await;
    drx::store::accounts::person(db, id).await.unwrap().unwrap()
}

/// A client that reads pages in English.
async fn english(db: &Db, email: &str) -> Client {
    let mut c = signed_in(db, email).await;
    c.lang = Some("en");
    c
}

/// A valid creation form with `extra` fields in place of those of the same name.
fn team_form<'a>(company: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("name_en", "Surgical Robotics Lab"),
        ("name_zh", "手术机器人实验室"),
        ("organization", company),
        (
            "capabilities",
            "Motion control and embedded software for medical devices.",
        ),
        ("technologies", "servo control, embedded C"),
        ("capacity", "2"),
    ];
    f.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    f.extend_from_slice(extra);
    f
}

/// Creates a team through the page as `c`; the new team's id.
async fn create_through_page(c: &mut Client, form: &[(&str, &str)]) -> i64 {
    let r = c.submit("/teams/new", "/teams/new", form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let loc = r.location();
    assert!(loc.ends_with("?done=created"), "{loc}");
    loc.trim_start_matches("/teams/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn membership(db: &Db, team: i64, email: &str) -> store::Membership {
    let id = common::person_id(db, email).await;
    store::membership(db, team, id).await.unwrap()
}

async fn actions(db: &Db, team: i64) -> Vec<AuditAction> {
    drx::store::audit::history(db, AuditEntity::Team, team)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

db_test!(an_engineer_creates_a_team_and_leads_it, |db| {
    let w = world(db).await;
    let company = w.company.to_string();
    let mut lead = english(db, LEAD).await;
    let home = lead.get("/").await;
    assert!(home.body.contains("You are not in a team yet."));
    assert!(home.body.contains("href=\"/teams/new\""));
    let form = team_form(
        &company,
        &[
            (
                "project_title",
                "Needle insertion robot for prostate biopsy",
            ),
            ("project_year", "2023"),
            ("project_description", "A robot that steers biopsy needles."),
        ],
    );
    let id = create_through_page(&mut lead, &form).await;
    let m = membership(db, id, LEAD).await;
    assert!(m.member && m.lead && m.leads == 1);
    let page = lead.get(&format!("/teams/{id}?done=created")).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        "Surgical Robotics Lab",
        "Needle insertion robot for prostate biopsy",
        "2023",
        "The team was created.",
        "Edit the team's profile",
        "Invite an engineer",
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    // The home page lists the team; both languages render the team and its edit page.
    let home = lead.get("/").await;
    assert!(home.body.contains(&format!("/teams/{id}")));
    assert!(!home.body.contains("You are not in a team yet."));
    for lang in ["zh", "en"] {
        lead.lang = Some(lang);
        for path in [
            format!("/teams/{id}"),
            format!("/teams/{id}/edit"),
            "/teams/new".into(),
        ] {
            assert_eq!(
                lead.get(&path).await.status,
                StatusCode::OK,
                "{lang} {path}"
            );
        }
    }
    lead.lang = Some("zh");
    assert!(lead
        .get(&format!("/teams/{id}"))
        .await
        .body
        .contains("编辑团队资料"));
    assert_eq!(actions(db, id).await, [AuditAction::Create]);

    // The lead edits the profile and the past projects; the history shows each change.
    let r = lead
        .submit(
            &format!("/teams/{id}/edit"),
            &format!("/teams/{id}/edit"),
            &team_form(&company, &[("capacity", "3")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(store::profile(db, id).await.unwrap().unwrap().capacity, 3);
    let r = lead
        .submit(
            &format!("/teams/{id}/edit"),
            &format!("/teams/{id}/projects"),
            &[
                ("project_title", "Catheter tracking"),
                ("project_year", "2021"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let projects = store::past_projects(db, id).await.unwrap();
    assert_eq!(projects.len(), 2);
    let gone = projects
        .iter()
        .find(|p| p.title == "Catheter tracking")
        .unwrap()
        .id;
    let r = lead
        .submit(
            &format!("/teams/{id}/edit"),
            &format!("/teams/{id}/projects/{gone}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store::past_projects(db, id).await.unwrap().len(), 1);
    // Another team's project (or none) is refused by name, not a 404.
    let r = lead
        .submit(
            &format!("/teams/{id}/edit"),
            &format!("/teams/{id}/projects/999999/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("团队没有这个过往项目"));
    assert_eq!(
        actions(db, id).await,
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::PastWorkAdd,
            AuditAction::PastWorkRemove
        ]
    );
});

db_test!(judges_and_clinicians_cannot_create_teams, |db| {
    let w = world(db).await;
    let company = w.company.to_string();
    for email in [JUDGE, CLINICIAN] {
        let mut c = signed_in(db, email).await;
        assert_eq!(
            c.get("/teams/new").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let csrf = c.get("/account").await.csrf();
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(team_form(&company, &[]));
        let r = c.post_form("/teams/new", &form).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        assert!(!c.get("/teams").await.body.contains("href=\"/teams/new\""));
        // The service says the same to any caller.
        let p = person(db, email).await;
        let input = drx::services::teams::TeamInput {
            name_en: "X".into(),
            capabilities: "Y".into(),
            capacity: 1,
            organization_id: Some(w.company),
            ..Default::default()
        };
        assert!(matches!(
            drx::services::teams::create(db, &p, &input, None, &[], 1).await,
            Err(drx::services::ServiceError::Forbidden)
        ));
    }
    assert_eq!(drx::store::catalogue::count(db, "teams").await.unwrap(), 0);
});

db_test!(an_organizer_creates_a_team_for_another_lead, |db| {
    let w = world(db).await;
    let company = w.company.to_string();
    let lead_id = common::person_id(db, ENGINEER).await.to_string();
    let judge_id = common::person_id(db, JUDGE).await.to_string();
    let mut org = english(db, ORGANIZER).await;
    let page = org.get("/teams/new").await;
    assert!(page.body.contains("name=\"lead\""));
    assert!(page.body.contains(ENGINEER));
    // An organizer who is no engineer must name the lead; a judge cannot lead.
    let r = org
        .submit("/teams/new", "/teams/new", &team_form(&company, &[]))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choose the team's lead."), "{}", r.body);
    assert!(
        r.body.contains("Surgical Robotics Lab"),
        "the form keeps what was typed"
    );
    let r = org
        .submit(
            "/teams/new",
            "/teams/new",
            &team_form(&company, &[("lead", &judge_id)]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("The lead must be an active engineer"));
    let id = create_through_page(&mut org, &team_form(&company, &[("lead", &lead_id)])).await;
    assert!(membership(db, id, ENGINEER).await.lead);
    assert!(!membership(db, id, ORGANIZER).await.member);
    // The organizer keeps editing it; the named lead edits it too.
    assert_eq!(
        org.get(&format!("/teams/{id}/edit")).await.status,
        StatusCode::OK
    );
    let mut lead = signed_in(db, ENGINEER).await;
    assert_eq!(
        lead.get(&format!("/teams/{id}/edit")).await.status,
        StatusCode::OK
    );
    // An engineer cannot name someone else as lead (through the service or the API).
    let other = person(db, OUTSIDER).await;
    let input = drx::services::teams::TeamInput {
        name_en: "X".into(),
        capabilities: "Y".into(),
        capacity: 1,
        ..Default::default()
    };
    let lead_person = common::person_id(db, LEAD).await;
    assert!(matches!(
        drx::services::teams::create(db, &other, &input, Some(lead_person), &[], 1).await,
        Err(drx::services::ServiceError::Forbidden)
    ));
});

const CAPACITY: &str = "Capacity must be a whole number from 1 to 50.";

db_test!(bad_input_is_refused_with_the_form_and_the_reason, |db| {
    let w = world(db).await;
    let company = w.company.to_string();
    let mut c = english(db, LEAD).await;
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("name_en", ""), ("name_zh", "")], "Give the team a name"),
        (&[("capacity", "0")], CAPACITY),
        (&[("capacity", "many")], CAPACITY),
        (&[("capacity", "51")], CAPACITY),
        (
            &[("capabilities", "  ")],
            "Describe the team's capabilities",
        ),
        (
            &[("field", "999999")],
            "One of the chosen fields does not exist.",
        ),
        (
            &[("organization", "999999")],
            "Choose an active organization",
        ),
        (
            &[("project_title", "Old work"), ("project_year", "last year")],
            "is not a year",
        ),
        (&[("project_year", "2020")], "This entry has no title."),
        (
            &[("name_en", "Bad\u{7}name")],
            "may not contain control characters",
        ),
    ];
    for (changes, reason) in cases {
        let form = team_form(&company, changes);
        let r = c.submit("/teams/new", "/teams/new", &form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{changes:?}");
        assert!(r.body.contains(reason), "{changes:?}: {reason}");
        assert!(
            r.body.contains("servo control, embedded C"),
            "the form comes back filled"
        );
    }
    // And in Chinese.
    c.lang = Some("zh");
    let r = c
        .submit(
            "/teams/new",
            "/teams/new",
            &team_form(&company, &[("capacity", "0")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("承接能力须为 1 到 50 之间的整数"));
    assert_eq!(drx::store::catalogue::count(db, "teams").await.unwrap(), 0);
    // The organization defaults to the creator's.
    let mut form = team_form(&company, &[]);
    form.retain(|(k, _)| *k != "organization");
    let id = create_through_page(&mut c, &form).await;
    assert_eq!(
        store::profile(db, id)
            .await
            .unwrap()
            .unwrap()
            .organization_id,
        w.company
    );
    // An edit refused comes back on the edit page.
    let r = c
        .submit(
            &format!("/teams/{id}/edit"),
            &format!("/teams/{id}/edit"),
            &team_form(&company, &[("capacity", "-2")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("承接能力"));
    assert_eq!(store::profile(db, id).await.unwrap().unwrap().capacity, 2);
});

db_test!(members_join_by_invitation_and_only_the_lead_edits, |db| {
    let w = world(db).await;
    let company = w.company.to_string();
    let mut lead = english(db, LEAD).await;
    let id = create_through_page(&mut lead, &team_form(&company, &[])).await;
    let team = format!("/teams/{id}");
    let invitations = format!("/teams/{id}/invitations");

    // Invitations to nobody, to someone unknown or to a judge are refused by name.
    for (form, reason) in [
        (vec![("email", "")], "Type the engineer's email"),
        (
            vec![("email", "nobody@x.cn")],
            "Nobody on the platform has the email nobody@x.cn",
        ),
        (
            vec![("email", JUDGE)],
            "Only active engineers can join a team.",
        ),
        (vec![("email", "not an email")], ""),
    ] {
        let r = lead.submit(&team, &invitations, &form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        assert!(r.body.contains(reason), "{form:?}");
    }

    // The lead invites by email; the engineer sees it at home and accepts.
    let r = lead
        .submit(&team, &invitations, &[("email", ENGINEER)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let again = lead
        .submit(&team, &invitations, &[("email", ENGINEER)])
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("already has an invitation waiting"));
    let mut eng = english(db, ENGINEER).await;
    let home = eng.get("/").await;
    assert!(home
        .body
        .contains("invites you to join the engineering team Surgical Robotics Lab"));
    let invitation = store::pending_for_person(db, common::person_id(db, ENGINEER).await)
        .await
        .unwrap()[0]
        .id;
    let notices = drx::store::notices::list(db, common::person_id(db, ENGINEER).await, 5)
        .await
        .unwrap();
    assert!(notices[0].body.contains("手术机器人实验室"));
    let r = eng
        .submit(
            "/",
            &format!("/team-invitations/{invitation}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let m = membership(db, id, ENGINEER).await;
    assert!(m.member && !m.lead);
    // Answering twice is refused; someone else's invitation is not theirs to answer.
    let r = eng
        .submit(
            "/",
            &format!("/team-invitations/{invitation}"),
            &[("answer", "decline")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut outsider = english(db, OUTSIDER).await;
    let r = outsider
        .submit(
            "/",
            &format!("/team-invitations/{invitation}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = lead
        .submit(&team, &invitations, &[("email", ENGINEER)])
        .await;
    assert!(r.body.contains("is already on the team"));

    // The lead's page keeps the members under a heading of its own (the public list is "Members").
    let page = lead.get(&team).await;
    assert!(
        page.body.contains("<h3>Manage the members</h3>"),
        "{}",
        page.body
    );
    // A member reads the team but cannot edit it, nor invite; an outsider cannot invite.
    let page = eng.get(&team).await;
    assert!(!page.body.contains("Invite an engineer"));
    assert!(page.body.contains("Leave the team"));
    assert_eq!(
        eng.get(&format!("{team}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let csrf = eng.get("/account").await.csrf();
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend(team_form(&company, &[("capacity", "9")]));
    let r = eng.post_form(&format!("{team}/edit"), &form).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(store::profile(db, id).await.unwrap().unwrap().capacity, 2);
    let outsider_id = common::person_id(db, OUTSIDER).await.to_string();
    for c in [&mut eng, &mut outsider] {
        let csrf = c.get("/account").await.csrf();
        let r = c
            .post_form(&invitations, &[("csrf", &csrf), ("person", &outsider_id)])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }

    // The lead invites from the list; the invitee declines and stays out.
    let r = lead
        .submit(&team, &invitations, &[("person", &outsider_id)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let invitation = store::pending_of_team(db, id).await.unwrap()[0].id;
    let r = outsider
        .submit(
            "/",
            &format!("/team-invitations/{invitation}"),
            &[("answer", "decline")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!membership(db, id, OUTSIDER).await.member);
    let lead_notices = drx::store::notices::list(db, common::person_id(db, LEAD).await, 5)
        .await
        .unwrap();
    assert!(lead_notices[0].body.contains("declined"));

    // The last lead cannot leave, nor be removed; after handing over the lead they can leave.
    let r = lead.submit(&team, &format!("{team}/leave"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .body
        .contains("hand the lead over to another member before you leave"));
    let lead_id = common::person_id(db, LEAD).await.to_string();
    let r = lead
        .submit(
            &team,
            &format!("{team}/members"),
            &[("do", "remove"), ("person", &lead_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let eng_id = common::person_id(db, ENGINEER).await.to_string();
    let r = lead
        .submit(
            &team,
            &format!("{team}/members"),
            &[("do", "lead"), ("person", &eng_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(membership(db, id, ENGINEER).await.lead);
    assert!(!membership(db, id, LEAD).await.lead);
    // The former lead is a member now: no more editing.
    assert_eq!(
        lead.get(&format!("{team}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let r = lead.submit(&team, &format!("{team}/leave"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!membership(db, id, LEAD).await.member);
    // No longer a member: leaving again is refused.
    let csrf = lead.get("/account").await.csrf();
    let r = lead
        .post_form(&format!("{team}/leave"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The new lead removes nobody who is not on the team, then is alone.
    let r = eng
        .submit(
            &team,
            &format!("{team}/members"),
            &[("do", "remove"), ("person", &lead_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = eng.submit(&team, &format!("{team}/leave"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Organizers keep members too: they invite and remove.
    let mut org = english(db, ORGANIZER).await;
    let r = org.submit(&team, &invitations, &[("email", LEAD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let pending = store::pending_of_team(db, id).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        actions(db, id).await,
        [
            AuditAction::Create,
            AuditAction::TeamInvite,
            AuditAction::AcceptInvitation,
            AuditAction::TeamInvite,
            AuditAction::Declined,
            AuditAction::LeadHandover,
            AuditAction::Leave,
            AuditAction::TeamInvite,
        ]
    );
    // The invitation mails were queued with the link home.
    let mails = drx::store::outbox::mail_to(db, ENGINEER).await.unwrap();
    assert!(mails
        .iter()
        .any(|m| m.body.contains("http://127.0.0.1:8080/")));
});

async fn token(db: &Db, email: &str) -> String {
    drx::services::api_tokens::create_for_email(db, email, "test", drx::store::now())
        .await
        .unwrap()
}

/// One API request with a JSON body (or none) and this token.
async fn api(
    db: &Db,
    method: Method,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> common::Resp {
    let mut c = Client::new(db);
    let mut req = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"));
    if body.is_some() {
        req = req.header(axum::http::header::CONTENT_TYPE, "application/json");
    }
    let body = body
        .map(|b| axum::body::Body::from(b.to_string()))
        .unwrap_or_default();
    c.send(req.body(body).unwrap()).await
}

fn json(r: &common::Resp) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

db_test!(the_api_creates_reads_and_replaces_teams, |db| {
    let w = world(db).await;
    let lead = token(db, LEAD).await;
    let body = serde_json::json!({
        "name_en": "Imaging AI", "name_zh": "影像智能",
        "capabilities": "Deep learning on ultrasound images.",
        "technologies": "PyTorch, ONNX", "capacity": 2,
        "past_projects": [{ "title": "Thyroid nodule classifier", "year": 2022, "description": "Ultrasound." }]
    });
    let r = api(db, Method::POST, "/api/v1/teams", &lead, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let t = json(&r);
    let id = t["team"]["id"].as_i64().unwrap();
    assert_eq!(t["can_edit"], true);
    assert_eq!(t["members"][0]["lead"], true);
    assert_eq!(t["past_projects"][0]["year"], 2022);
    assert_eq!(
        store::profile(db, id)
            .await
            .unwrap()
            .unwrap()
            .organization_id,
        w.company
    );

    // Everyone signed in reads it; a judge may not create one; bad input is a 422 problem.
    let judge = token(db, JUDGE).await;
    let r = api(
        db,
        Method::GET,
        &format!("/api/v1/teams/{id}"),
        &judge,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(json(&r)["can_edit"], false);
    let r = api(
        db,
        Method::POST,
        "/api/v1/teams",
        &judge,
        Some(body.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut bad = body.clone();
    bad["capacity"] = 0.into();
    let r = api(db, Method::POST, "/api/v1/teams", &lead, Some(bad)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(json(&r)["detail_zh"].as_str().unwrap().contains("承接能力"));

    // The lead replaces the profile and the past projects; someone else may not.
    let mut changed = body.clone();
    changed["capacity"] = 4.into();
    changed["past_projects"] = serde_json::json!([
        { "title": "Breast lesion detector" }, { "title": "Liver fibrosis scoring", "year": 2024 }
    ]);
    let path = format!("/api/v1/teams/{id}");
    let outsider = token(db, OUTSIDER).await;
    let r = api(db, Method::PUT, &path, &outsider, Some(changed.clone())).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = api(db, Method::PUT, &path, &lead, Some(changed)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let t = json(&r);
    assert_eq!(t["team"]["capacity"], 4);
    assert_eq!(t["past_projects"].as_array().unwrap().len(), 2);
    // Without past_projects the list stays.
    let mut same = body.clone();
    same.as_object_mut().unwrap().remove("past_projects");
    let r = api(db, Method::PUT, &path, &lead, Some(same)).await;
    assert_eq!(json(&r)["past_projects"].as_array().unwrap().len(), 2);
    // An organizer creates one for a named lead.
    let org = token(db, ORGANIZER).await;
    let mut for_other = body.clone();
    for_other["lead_id"] = common::person_id(db, ENGINEER).await.into();
    let r = api(db, Method::POST, "/api/v1/teams", &org, Some(for_other)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let other = json(&r)["team"]["id"].as_i64().unwrap();
    assert!(membership(db, other, ENGINEER).await.lead);
    let listed = json(&api(db, Method::GET, "/api/v1/teams", &judge, None).await);
    assert_eq!(listed["total"], 2);
});

db_test!(
    a_new_team_past_project_counts_in_team_matching_at_once,
    |db| {
        let w = world(db).await;
        let organizer = person(db, ORGANIZER).await;
        // An empty installation: no team to match.
        match team_matching::run_teams(db, &organizer, w.call, &TeamParams::default(), 1000)
            .await
            .unwrap()
        {
            RunOutcome::Infeasible(why) => assert_eq!(why[0].key, "team-match-no-teams"),
            other => panic!("{other:?}"),
        }
        let before = drx::store::matching::need_catalogue_fingerprint(db)
            .await
            .unwrap();
        // A team whose capabilities say nothing of the finalist, but whose past project does.
        let company = w.company.to_string();
        let mut lead = signed_in(db, LEAD).await;
        let form = team_form(
            &company,
            &[
                ("capabilities", "We build hospital logistics software."),
                ("technologies", "databases"),
                ("project_title", "Ultrasound-guided biopsy needle robot"),
                ("project_year", "2022"),
                (
                    "project_description",
                    "A robotic arm steering the needle for thyroid nodule biopsies.",
                ),
            ],
        );
        let id = create_through_page(&mut lead, &form).await;
        // The organizer lets the new team take part in the call (its committee page).
        let mut org = signed_in(db, ORGANIZER).await;
        let committee = format!("/calls/{}/committee", w.call);
        let team = id.to_string();
        let r = org
            .submit(&committee, &committee, &[("op", "add_team"), ("id", &team)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let m = TeamModel::load(db, w.call).await.unwrap();
        let t = m.team_index(id).unwrap();
        let e = drx::services::matching::team_explanation(m.model.explain(t, 0, 6));
        assert!(e.score > 0.0, "{e:?}");
        let reason = reason_line(&e).to_lowercase();
        assert!(
            ["needle", "biopsy", "ultrasound", "thyroid", "robot"]
                .iter()
                .any(|w| reason.contains(w)),
            "{reason}"
        );
        assert_eq!(
            e.nearest_work.as_ref().map(|w| w.title.as_str()),
            Some("Ultrasound-guided biopsy needle robot")
        );
        // The run matches the finalist with the team and keeps the reason.
        match team_matching::run_teams(db, &organizer, w.call, &TeamParams::default(), 1000)
            .await
            .unwrap()
        {
            RunOutcome::Saved { run_id, pairs, .. } => {
                assert_eq!(pairs, 1);
                let p = &drx::store::matching::run_pairs(db, run_id).await.unwrap()[0];
                assert_eq!(p.assignee_id, id);
                assert!(p.affinity > 0.0);
                assert!(p.reason.contains("terms:"), "{}", p.reason);
            }
            other => panic!("{other:?}"),
        }
        // An edit moves the need catalogue's fingerprint, so its cached model is rebuilt.
        let after = drx::store::matching::need_catalogue_fingerprint(db)
            .await
            .unwrap();
        assert_ne!(before, after);
        let r = lead
            .submit(
                &format!("/teams/{id}/edit"),
                &format!("/teams/{id}/projects"),
                &[("project_title", "Infusion pump monitor")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_ne!(
            after,
            drx::store::matching::need_catalogue_fingerprint(db)
                .await
                .unwrap()
        );
    }
);

db_test!(
    the_lead_cancels_an_invitation_and_the_api_keeps_the_membership,
    |db| {
        world(db).await;
        let (lead, eng, outsider) = (
            token(db, LEAD).await,
            token(db, ENGINEER).await,
            token(db, OUTSIDER).await,
        );
        let (org, judge) = (token(db, ORGANIZER).await, token(db, JUDGE).await);
        let r = api(
            db,
            Method::POST,
            "/api/v1/teams",
            &lead,
            Some(serde_json::json!({ "name_en": "Robotics", "capabilities": "Surgical robots.", "capacity": 2 })),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let team = json(&r)["team"]["id"].as_i64().unwrap();
        let members = format!("/api/v1/teams/{team}/members");

        // Page: the lead invites, then cancels; the invitee no longer sees it at home.
        let mut web = signed_in(db, LEAD).await;
        let page = format!("/teams/{team}");
        let r = web
            .submit(
                &page,
                &format!("{page}/invitations"),
                &[("email", ENGINEER), ("person", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let pending = json(&api(db, Method::GET, &members, &lead, None).await);
        let inv = pending["invitations"][0]["id"].as_i64().unwrap();
        let mut invitee = signed_in(db, ENGINEER).await;
        assert!(invitee
            .get("/")
            .await
            .body
            .contains(&format!("/team-invitations/{inv}")));
        // Only those who keep the team cancel; the engineer invited, a judge: refused.
        for who in [ENGINEER, JUDGE] {
            let mut c = signed_in(db, who).await;
            let csrf = c.csrf_token().await;
            let inv = inv.to_string();
            let r = c
                .post_form(
                    &format!("{page}/invitations/cancel"),
                    &[("csrf", &csrf), ("invitation", &inv)],
                )
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
        }
        let r = web
            .submit(
                &page,
                &format!("{page}/invitations/cancel"),
                &[("invitation", &inv.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(!invitee
            .get("/")
            .await
            .body
            .contains(&format!("/team-invitations/{inv}")));
        assert!(actions(db, team).await.contains(&AuditAction::Revoke));
        let r = web
            .submit(
                &page,
                &format!("{page}/invitations/cancel"),
                &[("invitation", &inv.to_string())],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "cancelled twice"
        );

        // API: anyone who browses lists the members, only keepers see the invitations.
        let r = api(db, Method::GET, &members, &judge, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let listed = json(&r);
        assert_eq!(listed["members"].as_array().unwrap().len(), 1);
        assert_eq!(listed["can_edit"], false);
        // Invite: a non-member and a plain member cannot; the lead can; then the API cancels.
        let body = serde_json::json!({ "email": ENGINEER });
        for t in [&outsider, &judge] {
            let r = api(db, Method::POST, &members, t, Some(body.clone())).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        }
        let r = api(
            db,
            Method::POST,
            &members,
            &lead,
            Some(serde_json::json!({})),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let r = api(db, Method::POST, &members, &lead, Some(body.clone())).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let inv = json(&r)["invitations"][0]["id"].as_i64().unwrap();
        let cancel = format!("/api/v1/teams/{team}/invitations/{inv}");
        assert_eq!(
            api(db, Method::DELETE, &cancel, &outsider, None)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            api(db, Method::DELETE, &cancel, &lead, None).await.status,
            StatusCode::NO_CONTENT
        );
        // Invited again (by the organizer) and accepted: a member.
        let r = api(db, Method::POST, &members, &org, Some(body.clone())).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let inv = json(&r)["invitations"][0]["id"].as_i64().unwrap();
        let r = invitee
            .submit(
                "/",
                &format!("/team-invitations/{inv}"),
                &[("answer", "accept")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let listed = json(&api(db, Method::GET, &members, &eng, None).await);
        assert_eq!(listed["members"].as_array().unwrap().len(), 2);
        assert_eq!(
            (listed["can_edit"].clone(), listed["can_leave"].clone()),
            (false.into(), true.into())
        );
        assert!(
            listed["invitations"].as_array().unwrap().is_empty(),
            "members do not see invitations"
        );

        // Remove: a member cannot remove the lead, an outsider nobody; the last lead never leaves.
        let lead_id = common::person_id(db, LEAD).await;
        let eng_id = common::person_id(db, ENGINEER).await;
        let remove = |p: i64| format!("{members}/{p}");
        assert_eq!(
            api(db, Method::DELETE, &remove(lead_id), &eng, None)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            api(db, Method::DELETE, &remove(eng_id), &outsider, None)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let leave = format!("/api/v1/teams/{team}/leave");
        let r = api(db, Method::POST, &leave, &lead, None).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the last lead: {}",
            r.body
        );
        assert_eq!(
            api(db, Method::POST, &leave, &outsider, None).await.status,
            StatusCode::FORBIDDEN
        );
        // The member leaves; the organizer removes… nobody left but the lead, who stays.
        assert_eq!(
            api(db, Method::POST, &leave, &eng, None).await.status,
            StatusCode::NO_CONTENT
        );
        assert!(!membership(db, team, ENGINEER).await.member);
        let r = api(db, Method::DELETE, &remove(lead_id), &org, None).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "never the last lead: {}",
            r.body
        );
        // Back in, then removed by the lead.
        let r = api(
            db,
            Method::POST,
            &members,
            &lead,
            Some(serde_json::json!({ "person_id": eng_id })),
        )
        .await;
        let inv = json(&r)["invitations"][0]["id"].as_i64().unwrap();
        invitee
            .submit(
                "/",
                &format!("/team-invitations/{inv}"),
                &[("answer", "accept")],
            )
            .await;
        assert!(membership(db, team, ENGINEER).await.member);
        assert_eq!(
            api(db, Method::DELETE, &remove(eng_id), &lead, None)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        assert!(!membership(db, team, ENGINEER).await.member);
    }
);
