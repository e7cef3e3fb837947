//! Per-call committees (issue 22, item 5): the judge pool with per-judge loads, co-organizers and
//! participating teams; who may change what; the assignment and team matching drawing only from
//! them; deleting draft calls and archiving the others; the REST API over the same rules.
mod common;

use axum::http::{Method, StatusCode};
use common::{signed_in, Client};
use drx::domain::{CallRole, Role};
use drx::store::{calls, matching, outbox, raw_execute, Db};
use serde_json::{json, Value};

const ORGANIZER: &str = "organizer@drx.example";
const PW: &str = drx::demo::DEMO_PASSWORD;

async fn demo_as(db: &Db, email: &str) -> Client {
    common::signed_in_with(db, email, PW).await
}

/// A small call in review run by `creator`: four submissions of one hospital, no judges and no
/// teams of its own yet. Returns (call, hospital).
async fn small_call(db: &Db, creator: i64, phase: drx::domain::Phase) -> (i64, i64) {
    let clinician = common::account(db, "doc@h.cn", &[Role::Clinician]).await;
    let mut tx = db.begin().await.unwrap();
    let hospital = drx::store::organizations::seed(&mut tx, "hospital", "H", "医院", "", 0)
        .await
        .unwrap();
    let spec = calls::NewCall {
        reviews_per_submission: 1,
        judge_min_load: 0,
        judge_max_load: 10,
        created_by: Some(creator),
        ..common::call_spec("small", "Small call", phase)
    };
    let call = common::insert_call(&mut tx, spec, Some(creator), 0).await;
    for title in [
        "Gait exoskeleton",
        "Smart inhaler",
        "Bladder monitor",
        "Sepsis alert",
    ] {
        let s = drx::store::submissions::NewSubmission {
            call_id: call,
            need_id: None,
            organization_id: hospital,
            created_by: clinician,
            title,
            need_statement: "",
            solution: title,
            evidence: "",
            stage: "idea",
            keywords: "",
            status: drx::domain::SubmissionStatus::Submitted,
            lang: "en",
            field_ids: &[],
        };
        common::insert_solution(&mut tx, &s, "Lead", 0).await;
    }
    tx.commit().await.unwrap();
    (call, hospital)
}

/// Posts one committee change from the committee page.
async fn change(c: &mut Client, call: i64, op: &str, id: i64, load: &str) -> common::Resp {
    let page = format!("/calls/{call}/committee");
    let id = id.to_string();
    c.submit(&page, &page, &[("op", op), ("id", &id), ("max_load", load)])
        .await
}

db_test!(only_the_creator_and_admins_choose_co_organizers, |db| {
    let creator = common::account(db, "creator@drx.cn", &[Role::Organizer]).await;
    let co = common::account(db, "co@drx.cn", &[Role::Organizer]).await;
    let other = common::account(db, "other@drx.cn", &[Role::Organizer]).await;
    let judge = common::account(db, "judge@drx.cn", &[Role::Judge]).await;
    common::account(db, "admin@drx.cn", &[Role::Admin]).await;
    let (call, _) = small_call(db, creator, drx::domain::Phase::Review).await;
    let page = format!("/calls/{call}/committee");

    // Another organizer and a judge do not see the committee.
    let mut o = signed_in(db, "other@drx.cn").await;
    assert_eq!(o.get(&page).await.status, StatusCode::FORBIDDEN);
    let mut j = signed_in(db, "judge@drx.cn").await;
    assert_eq!(j.get(&page).await.status, StatusCode::FORBIDDEN);

    // The creator makes `co` a co-organizer; only organizers qualify.
    let mut c = signed_in(db, "creator@drx.cn").await;
    let r = change(&mut c, call, "add_organizer", judge, "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("组织者角色"), "{}", r.body);
    let r = change(&mut c, call, "add_organizer", co, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The co-organizer runs the call as the creator does ...
    let mut co_client = signed_in(db, "co@drx.cn").await;
    assert_eq!(co_client.get(&page).await.status, StatusCode::OK);
    let edit = format!("/calls/{call}/edit");
    assert_eq!(co_client.get(&edit).await.status, StatusCode::OK);
    let r = change(&mut co_client, call, "add_judge", judge, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = co_client
        .submit(
            &format!("/calls/{call}/assignment"),
            &format!("/calls/{call}/assignment"),
            &[("one_per_org", "on")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "a co-organizer runs the assignment"
    );
    // ... but does not choose the co-organizers.
    let r = change(&mut co_client, call, "add_organizer", other, "").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = change(&mut co_client, call, "remove_organizer", co, "").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!co_client.get(&page).await.body.contains("add-organizer"));

    // An admin may; the creator stays.
    let mut a = signed_in(db, "admin@drx.cn").await;
    let r = change(&mut a, call, "remove_organizer", creator, "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("创建者"), "{}", r.body);
    let r = change(&mut a, call, "remove_organizer", co, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(co_client.get(&page).await.status, StatusCode::FORBIDDEN);
    let events: Vec<String> = drx::store::audit::history(db, drx::domain::AuditEntity::Call, call)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action.as_str().to_string())
        .collect();
    assert!(
        events.iter().filter(|a| *a == "committee").count() >= 3,
        "{events:?}"
    );
});

db_test!(
    the_assignment_draws_only_from_the_pool_within_each_judges_load,
    |db| {
        let creator = common::account(db, "creator@drx.cn", &[Role::Organizer]).await;
        let a = common::account(db, "a@drx.cn", &[Role::Judge]).await;
        let b = common::account(db, "b@drx.cn", &[Role::Judge]).await;
        let outsider = common::account(db, "out@drx.cn", &[Role::Judge]).await;
        let (call, _) = small_call(db, creator, drx::domain::Phase::Review).await;
        let assignment = format!("/calls/{call}/assignment");
        let mut c = signed_in(db, "creator@drx.cn").await;

        // An empty pool: the page says so with a link to the committee, and a run is refused.
        let r = c.get(&assignment).await;
        assert!(r.body.contains("id=\"empty-pool\""), "{}", r.body);
        assert!(r.body.contains(&format!("/calls/{call}/committee")));
        let r = c
            .submit(&assignment, &assignment, &[("one_per_org", "on")])
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("评委库为空"), "{}", r.body);
        assert!(
            matching::runs_of_call(db, call, drx::domain::RunKind::Judges)
                .await
                .unwrap()
                .is_empty()
        );

        // A at most 1, B at most 3: four submissions, one review each.
        for (j, load) in [(a, "1"), (b, "3")] {
            assert_eq!(
                change(&mut c, call, "add_judge", j, "").await.status,
                StatusCode::SEE_OTHER
            );
            let r = change(&mut c, call, "set_load", j, load).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let r = change(&mut c, call, "set_load", a, "0").await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a load of 0 is refused"
        );
        let r = change(&mut c, call, "set_load", outsider, "2").await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not in the pool"
        );
        let r = c
            .submit(&assignment, &assignment, &[("one_per_org", "on")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let run: i64 = r.location().rsplit('/').next().unwrap().parse().unwrap();
        let pairs = matching::run_pairs(db, run).await.unwrap();
        assert_eq!(pairs.len(), 4);
        let load = |j: i64| pairs.iter().filter(|p| p.assignee_id == j).count();
        assert_eq!((load(a), load(b), load(outsider)), (1, 3, 0), "{pairs:?}");

        // Loads that cannot cover the call are explained, not exceeded.
        assert_eq!(
            change(&mut c, call, "set_load", b, "2").await.status,
            StatusCode::SEE_OTHER
        );
        let r = c
            .submit(&assignment, &assignment, &[("one_per_org", "on")])
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("评委最高工作量之和为"), "{}", r.body);
        // Back to the call's load when the field is emptied.
        assert_eq!(
            change(&mut c, call, "set_load", b, "").await.status,
            StatusCode::SEE_OTHER
        );
        let pool = matching::judges_of_call(db, call).await.unwrap();
        let own: Vec<(i64, Option<i64>)> = pool.iter().map(|j| (j.person_id, j.max_load)).collect();
        assert_eq!(own, vec![(a, Some(1)), (b, None)]);
    }
);

db_test!(team_matching_draws_only_from_participating_teams, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    raw_execute(
        db,
        "UPDATE submissions SET status = 'finalist' WHERE id IN (SELECT id FROM submissions WHERE call_id = 1 AND status <> 'draft' ORDER BY id LIMIT 3)",
    )
    .await
    .unwrap();
    let org = drx::store::accounts::person(db, common::person_id(db, ORGANIZER).await)
        .await
        .unwrap()
        .unwrap();
    let teams = calls::call_teams(db, 1).await.unwrap();
    assert!(teams.len() > 3, "the demo call's teams take part");
    let keep: Vec<i64> = teams.iter().rev().take(3).map(|t| t.id).collect();
    let input = drx::services::committees::CommitteeInput {
        teams: Some(keep.clone()),
        ..Default::default()
    };
    drx::services::committees::replace(db, &org, 1, &input, 10)
        .await
        .unwrap();
    let params = drx::services::team_matching::TeamParams::default();
    let outcome = drx::services::team_matching::run_teams(db, &org, 1, &params, 11)
        .await
        .unwrap();
    let drx::services::runs::RunOutcome::Saved { run_id, .. } = outcome else {
        panic!("{outcome:?}");
    };
    let pairs = matching::run_pairs(db, run_id).await.unwrap();
    assert_eq!(pairs.len(), 3);
    assert!(
        pairs.iter().all(|p| keep.contains(&p.assignee_id)),
        "{pairs:?}"
    );

    let none = drx::services::committees::CommitteeInput {
        teams: Some(Vec::new()),
        ..Default::default()
    };
    drx::services::committees::replace(db, &org, 1, &none, 12)
        .await
        .unwrap();
    let outcome = drx::services::team_matching::run_teams(db, &org, 1, &params, 13)
        .await
        .unwrap();
    let drx::services::runs::RunOutcome::Infeasible(reasons) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(reasons[0].key, "team-match-no-teams");
    let mut c = demo_as(db, ORGANIZER).await;
    let r = c.get("/calls/1/team-matching").await;
    assert!(r.body.contains("id=\"no-teams\""), "{}", r.body);
});

db_test!(
    an_invitation_into_the_pool_adds_the_person_on_acceptance,
    |db| {
        let creator = common::account(db, "creator@drx.cn", &[Role::Organizer]).await;
        let known = common::account(db, "known@drx.cn", &[Role::Judge]).await;
        let (call, _) = small_call(db, creator, drx::domain::Phase::Review).await;
        let page = format!("/calls/{call}/committee");
        let invite = format!("{page}/invite");
        let mut c = signed_in(db, "creator@drx.cn").await;
        // Someone on the platform is added at once.
        let r = c
            .submit(
                &page,
                &invite,
                &[("email", "Known@drx.cn"), ("role", "judge")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Anyone else is invited into this call.
        let r = c
            .submit(
                &page,
                &invite,
                &[("email", "new.judge@h.cn"), ("role", "judge")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(c.get(r.location()).await.body.contains("邀请已发送"));
        let mail = outbox::mail_to(db, "new.judge@h.cn").await.unwrap();
        let path = common::link_path(&mail[0].body, "/invite/");
        let mut newcomer = Client::new(db);
        let done = newcomer
            .submit(
                &path,
                &path,
                &[("name", "新评委"), ("password", "judge password 1")],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let new_id = common::person_id(db, "new.judge@h.cn").await;
        let pool: Vec<i64> = matching::judges_of_call(db, call)
            .await
            .unwrap()
            .iter()
            .map(|j| j.person_id)
            .collect();
        assert_eq!(pool, vec![known, new_id]);
        // A bad address is refused in words.
        let r = c
            .submit(&page, &invite, &[("email", "nope"), ("role", "judge")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

db_test!(a_draft_call_is_deleted_and_a_running_one_archived, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let org_id = common::person_id(db, ORGANIZER).await;
    let mut tx = db.begin().await.unwrap();
    let spec = calls::NewCall {
        created_by: Some(org_id),
        ..common::call_spec("draft-one", "Draft call", drx::domain::Phase::Draft)
    };
    let draft = common::insert_call(&mut tx, spec, Some(org_id), 0).await;
    calls::insert_call_role(
        &mut tx,
        draft,
        common::person_id(db, "judge@drx.example").await,
        CallRole::Judge,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut judge = demo_as(db, "judge@drx.example").await;
    let delete = format!("/calls/{draft}/delete");
    assert_eq!(judge.get(&delete).await.status, StatusCode::FORBIDDEN);
    let mut org = demo_as(db, ORGANIZER).await;
    let confirm = org.get(&delete).await;
    assert!(
        confirm.body.contains("Draft call"),
        "the confirm step names it"
    );
    let r = org.submit(&delete, &delete, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(drx::store::submissions::call(db, draft)
        .await
        .unwrap()
        .is_none());
    assert!(calls::committee(db, draft).await.unwrap().is_empty());
    // A running call is not deleted.
    let r = org.submit("/calls/1/delete", "/calls/1/delete", &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("归档"), "{}", r.body);

    // Archived: out of the default list, under the filter, read-only.
    let r = org.submit("/calls/1", "/calls/1/archive", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!org.get("/calls").await.body.contains("href=\"/calls/1\""));
    assert!(org
        .get("/calls?show=archived")
        .await
        .body
        .contains("href=\"/calls/1\""));
    assert!(org.get("/calls/1").await.body.contains("id=\"archived\""));
    let r = org
        .submit(
            "/calls/1/assignment",
            "/calls/1/assignment",
            &[("one_per_org", "on")],
        )
        .await;
    assert!(r.body.contains("已归档"), "{}", r.body);
    let r = change(
        &mut org,
        1,
        "remove_team",
        calls::call_teams(db, 1).await.unwrap()[0].id,
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let judge_id = common::person_id(db, "judge@drx.example").await;
    let sub = matching::submissions_of_call(db, 1).await.unwrap()[0].id;
    raw_execute(
        db,
        &format!("INSERT INTO reviews (submission_id, judge_id, created_at, updated_at) VALUES ({sub}, {judge_id}, 0, 0)"),
    )
    .await
    .unwrap();
    let (review, _) = drx::store::reviews::review_of(db, sub, judge_id)
        .await
        .unwrap()
        .unwrap();
    let judge_person = drx::store::accounts::person(db, judge_id)
        .await
        .unwrap()
        .unwrap();
    let w = drx::services::reviews::workspace(db, &judge_person, review)
        .await
        .unwrap();
    assert!(!w.editable, "no reviews in an archived call");
    // Only admins bring it back.
    let r = org.submit("/calls/1", "/calls/1/unarchive", &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut admin = demo_as(db, "admin@drx.example").await;
    let r = admin.submit("/calls/1", "/calls/1/unarchive", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(org.get("/calls").await.body.contains("href=\"/calls/1\""));
    let actions: Vec<String> = drx::store::audit::history(db, drx::domain::AuditEntity::Call, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action.as_str().to_string())
        .collect();
    assert!(actions.contains(&"archive".into()) && actions.contains(&"unarchive".into()));
    let deleted: Vec<String> =
        drx::store::audit::history(db, drx::domain::AuditEntity::Call, draft)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action.as_str().to_string())
            .collect();
    assert!(deleted.contains(&"delete".into()), "{deleted:?}");
});

use common::api;

db_test!(
    the_api_reads_and_replaces_committees_and_deletes_drafts,
    |db| {
        let creator = common::account(db, "creator@drx.cn", &[Role::Organizer]).await;
        let co = common::account(db, "co@drx.cn", &[Role::Organizer]).await;
        let a = common::account(db, "a@drx.cn", &[Role::Judge]).await;
        let (call, _) = small_call(db, creator, drx::domain::Phase::Review).await;
        let now = drx::store::now();
        let t_creator = drx::services::api_tokens::create_for_email(db, "creator@drx.cn", "t", now)
            .await
            .unwrap();
        let t_co = drx::services::api_tokens::create_for_email(db, "co@drx.cn", "t", now)
            .await
            .unwrap();
        let path = format!("/api/v1/calls/{call}/committee");
        assert_eq!(
            api(db, Method::GET, &path, &t_co, None).await.status,
            StatusCode::FORBIDDEN
        );
        let body = json!({ "judges": [{ "person_id": a, "max_load": 2 }], "co_organizers": [co], "teams": [] });
        let r = api(db, Method::PUT, &path, &t_creator, Some(body)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let c: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(c["judges"][0]["person_id"], a);
        assert_eq!(c["judges"][0]["max_load"], 2);
        assert_eq!(c["co_organizers"][0]["person_id"], co);
        assert_eq!(c["creator_id"], creator);
        // The co-organizer reads it and keeps the pool, not the co-organizers.
        let r = api(db, Method::GET, &path, &t_co, None).await;
        assert_eq!(r.status, StatusCode::OK);
        let r = api(
            db,
            Method::PUT,
            &path,
            &t_co,
            Some(json!({ "co_organizers": [] })),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = api(
            db,
            Method::PUT,
            &path,
            &t_co,
            Some(json!({ "judges": [{ "person_id": a, "max_load": 0 }] })),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        // A body that is not an object is refused, not read as the struct's fields in order.
        let r = api(db, Method::PUT, &path, &t_co, Some(json!([null, null]))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        // The document describes the committee's members as they are sent (its own schema, not
        // the submission members' of the same short name).
        let doc: Value = serde_json::from_str(
            &api(db, Method::GET, "/api/v1/openapi.json", &t_co, None)
                .await
                .body,
        )
        .unwrap();
        let member = &doc["components"]["schemas"]["CommitteeMemberOut"];
        let required: Vec<&str> = member["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(
            required.contains(&"email") && !required.contains(&"role"),
            "{member}"
        );
        // Not a draft: refused; archived instead.
        let one = format!("/api/v1/calls/{call}");
        assert_eq!(
            api(db, Method::DELETE, &one, &t_co, None).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let r = api(
            db,
            Method::PUT,
            &format!("{one}/archived"),
            &t_co,
            Some(json!({ "archived": true })),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let got: Value =
            serde_json::from_str(&api(db, Method::GET, &one, &t_co, None).await.body).unwrap();
        assert_eq!(got["archived"], true);
        let r = api(
            db,
            Method::PUT,
            &format!("{one}/archived"),
            &t_co,
            Some(json!({ "archived": false })),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "only admins bring a call back"
        );
        // A draft is deleted.
        raw_execute(
            db,
            &format!("UPDATE calls SET phase = 'draft', archived_at = NULL WHERE id = {call}"),
        )
        .await
        .unwrap();
        raw_execute(
            db,
            &format!("UPDATE submissions SET status = 'draft' WHERE call_id = {call}"),
        )
        .await
        .unwrap();
        let r = api(db, Method::DELETE, &one, &t_creator, None).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
        assert_eq!(
            api(db, Method::GET, &one, &t_creator, None).await.status,
            StatusCode::NOT_FOUND
        );
        let doc = api(db, Method::GET, "/api/v1/openapi.json", &t_creator, None)
            .await
            .body;
        for p in [
            "/api/v1/calls/{id}/committee",
            "/api/v1/calls/{id}/archived",
        ] {
            assert!(doc.contains(p), "{p} is documented");
        }
    }
);

/// The id of the newest invitation to `email`.
async fn invitation_to(db: &Db, email: &str) -> i64 {
    drx::store::people::invitations_to(db, email).await.unwrap()[0].id
}

db_test!(the_committee_page_follows_its_pending_invitations, |db| {
    let creator = common::account(db, "creator@drx.cn", &[Role::Organizer]).await;
    common::account(db, "other.org@drx.cn", &[Role::Organizer]).await;
    common::account(db, "j@drx.cn", &[Role::Judge]).await;
    let (call, _) = small_call(db, creator, drx::domain::Phase::Review).await;
    let page = format!("/calls/{call}/committee");
    let mut c = signed_in(db, "creator@drx.cn").await;
    for email in ["pending.one@h.cn", "pending.two@h.cn"] {
        let r = c
            .submit(
                &page,
                &format!("{page}/invite"),
                &[("email", email), ("role", "judge")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    // An invitation into the platform, not into this call, is not listed here.
    let admin = common::fixture::person(db, "creator@drx.cn").await;
    drx::services::accounts::invite(
        db,
        &admin,
        "elsewhere@h.cn",
        Role::Judge,
        None,
        "http://x",
        0,
    )
    .await
    .unwrap();
    let listed = c.get(&page).await.body;
    let section = &listed[listed.find("id=\"pending-invitations\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("pending.one@h.cn") && section.contains("pending.two@h.cn"));
    assert!(!section.contains("elsewhere@h.cn"));

    // Send again: a new mail whose link works; the first link no longer does.
    let one = invitation_to(db, "pending.one@h.cn").await.to_string();
    let first = outbox::mail_to(db, "pending.one@h.cn").await.unwrap();
    let old_link = common::link_path(&first[0].body, "/invite/");
    let action = format!("{page}/invitations");
    let r = c
        .submit(&page, &action, &[("do", "resend"), ("invitation", &one)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(c.get(r.location()).await.body.contains("邀请已重新发送"));
    let mails = outbox::mail_to(db, "pending.one@h.cn").await.unwrap();
    assert_eq!(mails.len(), 2);
    let new_link = common::link_path(&mails[0].body, "/invite/");
    assert_ne!(old_link, new_link);
    // Revoke the other: it leaves the list and its link refuses.
    let two = invitation_to(db, "pending.two@h.cn").await.to_string();
    let two_link = common::link_path(
        &outbox::mail_to(db, "pending.two@h.cn").await.unwrap()[0].body,
        "/invite/",
    );
    let r = c
        .submit(&page, &action, &[("do", "revoke"), ("invitation", &two)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let listed = c.get(&page).await.body;
    let section = &listed[listed.find("id=\"pending-invitations\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(!section.contains("pending.two@h.cn") && section.contains("pending.one@h.cn"));
    let mut stranger = Client::new(db);
    let r = stranger.get(&two_link).await;
    assert!(
        !r.body.contains("name=\"password\""),
        "a revoked link refuses"
    );
    // Revoking again is refused in words, on the page.
    let r = c
        .submit(&page, &action, &[("do", "revoke"), ("invitation", &two)])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // An invitation of another call (or none) is not this page's to touch.
    let elsewhere = invitation_to(db, "elsewhere@h.cn").await.to_string();
    let r = c
        .submit(
            &page,
            &action,
            &[("do", "revoke"), ("invitation", &elsewhere)],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Accepting the one sent again empties the list.
    let mut newcomer = Client::new(db);
    let done = newcomer
        .submit(
            &new_link,
            &new_link,
            &[("name", "新评委"), ("password", "judge password 1")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let listed = c.get(&page).await.body;
    let section = &listed[listed.find("id=\"pending-invitations\"").unwrap()..];
    assert!(!section[..section.find("</section>").unwrap()].contains("@h.cn"));
    // Organizers of other calls and judges neither see nor act.
    for email in ["other.org@drx.cn", "j@drx.cn"] {
        let mut o = signed_in(db, email).await;
        assert_eq!(o.get(&page).await.status, StatusCode::FORBIDDEN, "{email}");
        let csrf = o.csrf_token().await;
        let r = o
            .post_form(
                &action,
                &[("csrf", &csrf), ("do", "resend"), ("invitation", &one)],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
    }
});
