//! The REST API (/api/v1): personal tokens from creation to revocation, pages, problem details,
//! the same permissions as the pages (blind views, drafts, organizers' runs), writes, and an
//! OpenAPI document that lists every endpoint declared in the code.
mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{Client, Resp};
use drx::domain::Role;
use drx::store::{accounts, api_tokens, matching, raw_execute, reviews, Db};
use serde_json::{json, Value};

async fn token(db: &Db, email: &str) -> String {
    drx::services::api_tokens::create_for_email(db, email, "test", drx::store::now())
        .await
        .unwrap()
}

/// One API request; `token` is sent as a bearer credential when given.
async fn call(
    db: &Db,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Resp {
    let mut c = Client::new(db);
    let mut req = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let req = req
        .body(body.map(|b| Body::from(b.to_string())).unwrap_or_default())
        .unwrap();
    c.send(req).await
}

async fn get(db: &Db, path: &str, token: &str) -> Resp {
    call(db, Method::GET, path, Some(token), None).await
}

fn json_of(r: &Resp) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

/// The item of a page (`{ items, total, next }`) whose id is `id`, if the page has it.
fn item(page: &Value, id: i64) -> Option<&Value> {
    let items = page["items"].as_array().expect("a page has items");
    items.iter().find(|x| x["id"] == id)
}

/// A problem detail with this status: the content type and the RFC 9457 members.
fn assert_problem(r: &Resp, status: StatusCode) -> Value {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(
        r.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    let p = json_of(r);
    assert_eq!(p["status"], status.as_u16());
    for k in ["type", "title", "detail", "detail_zh"] {
        assert!(p[k].as_str().is_some_and(|s| !s.is_empty()), "{k} in {p}");
    }
    p
}

/// The demo call's assignment runs (organizers only).
const RUNS: &str = "/api/v1/calls/1/assignment-runs";

/// A request with a JSON body and this token.
async fn send_json(db: &Db, method: Method, path: &str, token: &str, body: &Value) -> Resp {
    call(db, method, path, Some(token), Some(&body.to_string())).await
}

/// Posts `body` as a need with this token.
async fn post_need(db: &Db, token: &str, body: &str) -> Resp {
    call(db, Method::POST, "/api/v1/needs", Some(token), Some(body)).await
}

/// A GET with this token, answered with a problem detail of `status`.
async fn get_refused(db: &Db, path: &str, token: &str, status: StatusCode) -> Value {
    assert_problem(&get(db, path, token).await, status)
}

/// Opens the demo call for submissions until tomorrow.
async fn open_demo_call(db: &Db) {
    let t = drx::store::now();
    raw_execute(db, "UPDATE calls SET phase = 'open' WHERE id = 1")
        .await
        .unwrap();
    raw_execute(
        db,
        &format!(
            "UPDATE call_phases SET starts_at = {}, ends_at = {} WHERE call_id = 1 AND phase = 'open'",
            t - 3600,
            t + 86_400
        ),
    )
    .await
    .unwrap();
}

db_test!(a_token_is_made_on_the_account_page_used_and_revoked, |db| {
    common::account(db, "li@h1.cn", &[Role::Clinician]).await;
    let mut c = Client::new(db);
    c.login("li@h1.cn", common::PASSWORD).await;
    let page = c
        .submit("/account", "/account/tokens", &[("name", "my script")])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let start = page.body.find("drx_").expect("the new token is shown once");
    let secret: String = page.body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    assert_eq!(secret.len(), 4 + 64);
    let me = common::person_id(db, "li@h1.cn").await;
    let stored = api_tokens::of_person(db, me).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].last_used_at.is_none());
    // Only the hash is kept: the secret is nowhere in the table.
    let again = c.get("/account").await;
    assert!(again.body.contains("my script") && !again.body.contains(&secret));

    let r = get(db, "/api/v1/calls", &secret).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(api_tokens::of_person(db, me).await.unwrap()[0]
        .last_used_at
        .is_some());

    // A session cookie is not an API credential.
    let cookie_only = c.get("/api/v1/calls").await;
    assert_problem(&cookie_only, StatusCode::UNAUTHORIZED);
    assert!(cookie_only.headers.get(header::WWW_AUTHENTICATE).is_some());
    // Unknown and malformed tokens.
    assert_problem(
        &get(db, "/api/v1/calls", &format!("drx_{}", "0".repeat(64))).await,
        StatusCode::UNAUTHORIZED,
    );
    assert_problem(
        &call(db, Method::GET, "/api/v1/calls", None, None).await,
        StatusCode::UNAUTHORIZED,
    );

    // Someone else cannot revoke it; its owner can, and it stops working at once.
    common::account(db, "other@h1.cn", &[Role::Clinician]).await;
    let mut other = Client::new(db);
    other.login("other@h1.cn", common::PASSWORD).await;
    let id = stored[0].id.to_string();
    let theirs = other
        .submit("/account", &format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(
        theirs.body.contains("You have no such live token")
            || theirs.body.contains("您没有这个有效令牌")
    );
    assert_eq!(
        get(db, "/api/v1/calls", &secret).await.status,
        StatusCode::OK
    );
    let revoked = c
        .submit("/account", &format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(revoked.status, StatusCode::OK);
    assert!(api_tokens::of_person(db, me).await.unwrap()[0]
        .revoked_at
        .is_some());
    get_refused(db, "/api/v1/calls", &secret, StatusCode::UNAUTHORIZED).await;

    // Creation and revocation are in the audit log.
    let events = drx::store::audit::history(db, drx::domain::AuditEntity::ApiToken, stored[0].id)
        .await
        .unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "revoke"]);

    // A deactivated account's tokens stop working too.
    let t2 = token(db, "other@h1.cn").await;
    assert_eq!(get(db, "/api/v1/calls", &t2).await.status, StatusCode::OK);
    let oid = common::person_id(db, "other@h1.cn").await;
    let mut tx = db.begin().await.unwrap();
    accounts::set_active(&mut tx, oid, false).await.unwrap();
    tx.commit().await.unwrap();
    get_refused(db, "/api/v1/calls", &t2, StatusCode::UNAUTHORIZED).await;
});

db_test!(lists_come_in_capped_pages_with_a_next_link, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let org = token(db, "organizer@drx.example").await;
    let base = "/api/v1/calls/1/submissions";
    let first = json_of(&get(db, &format!("{base}?limit=5"), &org).await);
    let total = first["total"].as_i64().unwrap();
    assert!(total > 100, "the demo call has {total} submissions");
    assert_eq!(first["items"].as_array().unwrap().len(), 5);
    assert_eq!(first["next"], format!("{base}?limit=5&offset=5"));
    let second = json_of(&get(db, first["next"].as_str().unwrap(), &org).await);
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    let last = json_of(&get(db, &format!("{base}?limit=5&offset={}", total - 2), &org).await);
    assert_eq!(last["items"].as_array().unwrap().len(), 2);
    assert!(last["next"].is_null());
    let capped = json_of(&get(db, &format!("{base}?limit=100000"), &org).await);
    assert_eq!(capped["items"].as_array().unwrap().len(), 100);
    assert!(capped["next"]
        .as_str()
        .unwrap()
        .contains("limit=100&offset=100"));
    let default = json_of(&get(db, base, &org).await);
    assert_eq!(default["items"].as_array().unwrap().len(), 20);
    // Filters ride along in the next link.
    let needs = json_of(&get(db, "/api/v1/needs?limit=1&q=a", &org).await);
    if needs["total"].as_i64().unwrap() > 1 {
        assert_eq!(needs["next"], "/api/v1/needs?q=a&limit=1&offset=1");
    }
    let long = "q=".to_string() + &"x".repeat(201);
    for bad in [
        "limit=0",
        "limit=-3",
        "offset=-1",
        "limit=ten",
        long.as_str(),
    ] {
        get_refused(db, &format!("{base}?{bad}"), &org, StatusCode::BAD_REQUEST).await;
    }
});

db_test!(every_refusal_is_a_problem_detail, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let clin = token(db, "clinician@drx.example").await;
    // 400: malformed JSON, a bad path parameter.
    let r = post_need(db, &clin, "{\"problem\": ").await;
    assert_problem(&r, StatusCode::BAD_REQUEST);
    get_refused(db, "/api/v1/needs/abc", &clin, StatusCode::BAD_REQUEST).await;
    // NUL characters, which PostgreSQL cannot store, in a body or a query.
    let nul = r#"{"field_id": 1, "problem": "a\u0000b", "population": "p", "outcome": "o"}"#;
    let r = post_need(db, &clin, nul).await;
    assert_problem(&r, StatusCode::BAD_REQUEST);
    get_refused(db, "/api/v1/needs?q=a%00b", &clin, StatusCode::BAD_REQUEST).await;
    // 415: no JSON content type.
    let mut c = Client::new(db);
    let r = c
        .send(
            Request::post("/api/v1/needs")
                .header(header::AUTHORIZATION, format!("Bearer {clin}"))
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_problem(&r, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // 422: well-formed but the wrong shape, or refused by the service's rules (with its key).
    let r = post_need(db, &clin, "{\"field_id\": \"x\"}").await;
    assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
    let body = json!({"field_id": 1, "problem": " ", "population": "p", "outcome": "o"});
    let r = post_need(db, &clin, &body.to_string()).await;
    let p = assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(p["type"], "/api/v1/problems/error-required");
    // 401, 403, 404, 405.
    assert_problem(
        &call(db, Method::GET, "/api/v1/needs", None, None).await,
        StatusCode::UNAUTHORIZED,
    );
    get_refused(db, RUNS, &clin, StatusCode::FORBIDDEN).await;
    get_refused(db, "/api/v1/needs/999999", &clin, StatusCode::NOT_FOUND).await;
    get_refused(db, "/api/v1/no/such/thing", &clin, StatusCode::NOT_FOUND).await;
    assert_problem(
        &call(db, Method::DELETE, "/api/v1/calls", Some(&clin), None).await,
        StatusCode::METHOD_NOT_ALLOWED,
    );
});

db_test!(the_api_keeps_the_pages_permissions, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let org = token(db, "organizer@drx.example").await;
    let judge = token(db, "judge@drx.example").await;
    let clin = token(db, "clinician@drx.example").await;

    // Organizers read assignment runs; a judge and a clinician may not.
    let runs = get(db, RUNS, &org).await;
    assert_eq!(runs.status, StatusCode::OK, "{}", runs.body);
    get_refused(db, RUNS, &judge, StatusCode::FORBIDDEN).await;

    // A judge assigned in a double-blind call sees the blind view, here and in the review.
    let jid = common::person_id(db, "judge@drx.example").await;
    let mut tx = db.begin().await.unwrap();
    reviews::insert_review(&mut tx, 3, jid, drx::store::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let rid = reviews::review_of(db, 3, jid).await.unwrap().unwrap().0;
    let review_url = format!("/api/v1/reviews/{rid}");
    let full = common::submission(db, 3).await;
    let mut names = vec![full.organization_en.clone(), full.organization_zh.clone()];
    names.extend(full.members.iter().map(|m| m.name.clone()));
    let seen = get(db, "/api/v1/submissions/3", &judge).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
    let review = get(db, &review_url, &judge).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    for body in [&seen.body, &review.body] {
        for n in &names {
            assert!(!body.contains(n.as_str()), "the judge's view names {n}");
        }
    }
    assert_eq!(json_of(&seen)["view"], "blind");
    assert_eq!(json_of(&review)["submission"]["view"], "blind");
    let mine = json_of(&get(db, "/api/v1/reviews", &judge).await);
    assert!(item(&mine, rid).is_some());
    // The organizer sees the full submission; a judge not assigned sees nothing.
    let o = json_of(&get(db, "/api/v1/submissions/3", &org).await);
    assert_eq!(o["view"], "full");
    assert_eq!(o["organization_en"], full.organization_en.as_str());
    let other_judge = accounts::list_people(db, Some(Role::Judge))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.id != jid)
        .unwrap();
    let oj = token(db, &other_judge.email).await;
    if reviews::review_of(db, 3, other_judge.id)
        .await
        .unwrap()
        .is_none()
    {
        get_refused(db, "/api/v1/submissions/3", &oj, StatusCode::NOT_FOUND).await;
    }
    // Nobody but the review's judge reads it: not the organizer, not the authors.
    get_refused(db, &review_url, &org, StatusCode::NOT_FOUND).await;
    let author = accounts::person(db, full.created_by)
        .await
        .unwrap()
        .unwrap();
    let at = token(db, &author.email).await;
    get_refused(db, &review_url, &at, StatusCode::NOT_FOUND).await;

    // The judge saves scores through the service's rules: a bad score is refused, a good one kept.
    let criteria = reviews::criteria(db, 1).await.unwrap();
    let c0 = &criteria[0];
    let bad = json!({"scores": [{"criterion_id": c0.id, "score": c0.scale_max + 5}]});
    assert_problem(
        &send_json(db, Method::PUT, &review_url, &judge, &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    let scores: Vec<Value> = criteria
        .iter()
        .map(|c| json!({"criterion_id": c.id, "score": c.scale_max}))
        .collect();
    let good = json!({"scores": scores, "confidence": 4, "comments_for_authors": "Clear.", "submit": true});
    let saved = send_json(db, Method::PUT, &review_url, &judge, &good).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let saved = json_of(&saved);
    assert_eq!(saved["status"], "submitted");
    assert_eq!(
        saved["criteria"][0]["score"].as_f64(),
        Some(c0.scale_max as f64)
    );
    get_refused(db, RUNS, &clin, StatusCode::FORBIDDEN).await;
});

db_test!(drafts_stay_with_their_team_and_needs_are_logged, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    open_demo_call(db).await;
    let clin = token(db, "clinician@drx.example").await;
    let me = accounts::person(db, common::person_id(db, "clinician@drx.example").await)
        .await
        .unwrap()
        .unwrap();
    // A clinician of another hospital.
    let stranger = accounts::list_people(db, Some(Role::Clinician))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.organization_id.is_some() && p.organization_id != me.organization_id)
        .unwrap();
    let st = token(db, &stranger.email).await;
    let org = token(db, "organizer@drx.example").await;

    let draft = json!({"title": "API draft: wearable pump", "need_statement": "Pain after surgery.", "stage": "idea"});
    // A foreign Origin does not matter to the API: it takes no cookies.
    let mut c = Client::new(db);
    let made = c
        .send(
            Request::post("/api/v1/calls/1/submissions")
                .header(header::AUTHORIZATION, format!("Bearer {clin}"))
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::ORIGIN, "https://elsewhere.example")
                .body(Body::from(draft.to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let made = json_of(&made);
    assert_eq!(made["status"], "draft");
    let id = made["id"].as_i64().unwrap();
    let submission_url = format!("/api/v1/submissions/{id}");
    assert_eq!(get(db, &submission_url, &clin).await.status, StatusCode::OK);
    get_refused(db, &submission_url, &st, StatusCode::NOT_FOUND).await;
    // Nor does the stranger see it in the call's list, nor may they change it.
    let theirs = json_of(&get(db, "/api/v1/calls/1/submissions", &st).await);
    assert!(item(&theirs, id).is_none());
    let edit = json!({"title": "taken over", "stage": "idea"});
    assert_problem(
        &send_json(db, Method::PUT, &submission_url, &st, &edit).await,
        StatusCode::NOT_FOUND,
    );
    // The team edits it (a new version); the organizer may not create drafts.
    let edited = send_json(
        db,
        Method::PUT,
        &submission_url,
        &clin,
        &json!({"title": "API draft v2", "stage": "concept"}),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert_eq!(json_of(&edited)["version"], 2);
    assert_problem(
        &send_json(
            db,
            Method::POST,
            "/api/v1/calls/1/submissions",
            &org,
            &draft,
        )
        .await,
        StatusCode::FORBIDDEN,
    );
    let own = json_of(&get(db, "/api/v1/calls/1/submissions", &clin).await);
    assert!(item(&own, id).is_some());

    // Needs: logged by a clinician, confidential details for the author only.
    let field = drx::store::catalogue::fields(db).await.unwrap()[0].id;
    let need = json!({"field_id": field, "problem": "Falls at night", "population": "Elderly inpatients",
        "outcome": "Fewer falls", "confidential_details": "Ward 7 incident log", "urgency": "high"});
    let r = send_json(db, Method::POST, "/api/v1/needs", &clin, &need).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let nid = json_of(&r)["id"].as_i64().unwrap();
    let mine = json_of(&get(db, &format!("/api/v1/needs/{nid}"), &clin).await);
    assert_eq!(mine["confidential_details"], "Ward 7 incident log");
    let theirs = json_of(&get(db, &format!("/api/v1/needs/{nid}"), &st).await);
    assert_eq!(theirs["confidential_details"], "");
    let found = json_of(&get(db, "/api/v1/needs?q=falls%20at%20night", &st).await);
    assert!(item(&found, nid).is_some());
    // A judge may not log needs.
    let judge = token(db, "judge@drx.example").await;
    assert_problem(
        &send_json(db, Method::POST, "/api/v1/needs", &judge, &need).await,
        StatusCode::FORBIDDEN,
    );
    // Teams and projects answer in pages for everyone signed in.
    for path in ["/api/v1/teams", "/api/v1/projects"] {
        for t in [&org, &clin] {
            let p = json_of(&get(db, path, t).await);
            assert!(p["items"].is_array() && p["total"].is_i64(), "{path}: {p}");
        }
    }
    // The team catalogue is open to everyone signed in, searchable in both languages.
    let all_teams = json_of(&get(db, "/api/v1/teams", &clin).await);
    assert!(all_teams["total"].as_i64().unwrap() > 0);
    let first = &all_teams["items"][0];
    let tid = first["id"].as_i64().unwrap();
    let one = json_of(&get(db, &format!("/api/v1/teams/{tid}"), &clin).await);
    assert_eq!(one["team"]["id"], tid);
    let name = first["name_en"].as_str().unwrap().to_string();
    let word = name.split_whitespace().next().unwrap();
    let found = json_of(&get(db, &format!("/api/v1/teams?q={word}"), &clin).await);
    assert!(item(&found, tid).is_some(), "{word}");
    get_refused(db, "/api/v1/teams/999999", &clin, StatusCode::NOT_FOUND).await;
});

/// Every `#[utoipa::path(method, path = "...")]` written in the API's source files.
fn declared_endpoints() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../drx-web/src/api");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(
            !text.contains(".route(\"/") || text.contains("\"/openapi.json\""),
            "API routes are declared with #[utoipa::path] and routes!(), never .route()"
        );
        for decl in text.split("#[utoipa::path(").skip(1) {
            let method = decl.split(',').next().unwrap().trim().to_string();
            let path = decl
                .split("path = \"")
                .nth(1)
                .and_then(|p| p.split('"').next())
                .unwrap()
                .to_string();
            out.push((method, path));
        }
    }
    out
}

db_test!(the_openapi_document_lists_every_endpoint, |db| {
    let r = call(db, Method::GET, "/api/v1/openapi.json", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = json_of(&r);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let declared = declared_endpoints();
    assert!(declared.len() >= 20, "{declared:?}");
    let mut documented = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        assert!(path.starts_with("/api/v1/"), "{path}");
        for (_, op) in item.as_object().unwrap() {
            documented += 1;
            assert!(op["responses"]["401"].is_object(), "{path}");
        }
    }
    for (method, path) in &declared {
        assert!(
            doc["paths"][format!("/api/v1{path}")][method].is_object(),
            "{method} {path} is declared in the code but not in the document (is it in routes!()?)"
        );
    }
    assert_eq!(
        documented,
        declared.len(),
        "every documented operation is declared once"
    );
    // And each one answers as its route (not the 404 fallback) when called without a token.
    for (method, path) in &declared {
        let p = path.replace("{id}", "1");
        let r = call(
            db,
            method.to_uppercase().parse().unwrap(),
            &format!("/api/v1{p}"),
            None,
            None,
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNAUTHORIZED,
            "{method} {p}: {}",
            r.body
        );
    }
});

db_test!(me_answers_and_projects_take_milestones, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let org = token(db, "organizer@drx.example").await;
    let clin = token(db, "clinician@drx.example").await;
    let me = json_of(&get(db, "/api/v1/me", &clin).await);
    assert_eq!(me["email"], "clinician@drx.example");
    assert_eq!(me["roles"], json!(["clinician"]));

    // A need's answering submissions: all of them for the organizer, in the full view; none
    // for a judge with no assignment.
    let (needs, _) = drx::store::needs::list(db, &Default::default(), 1000, 0)
        .await
        .unwrap();
    let need = needs
        .iter()
        .find(|n| n.answers > 0)
        .expect("a need with answers");
    let answers = json_of(&get(db, &format!("/api/v1/needs/{}/submissions", need.id), &org).await);
    assert_eq!(answers["total"], need.answers);
    assert_eq!(answers["items"][0]["view"], "full");
    let judge = token(db, "judge@drx.example").await;
    let none = json_of(
        &get(
            db,
            &format!("/api/v1/needs/{}/submissions", need.id),
            &judge,
        )
        .await,
    );
    assert_eq!(none["total"], 0);

    // A project made by the organizer takes milestones through the API; strangers see nothing.
    let organizer = accounts::person(db, common::person_id(db, "organizer@drx.example").await)
        .await
        .unwrap()
        .unwrap();
    let team = matching::teams(db).await.unwrap()[0].team_id;
    let pid = drx::services::projects::create(db, &organizer, 3, team, None, drx::store::now())
        .await
        .unwrap();
    let detail = json_of(&get(db, &format!("/api/v1/projects/{pid}"), &org).await);
    assert_eq!(detail["project"]["id"], pid);
    assert_eq!(detail["project"]["may_decide"], true);
    let m = json!({"title": "Bench prototype", "due_at": drx::store::now() + 30 * 86_400});
    let path = format!("/api/v1/projects/{pid}/milestones");
    assert_problem(
        &send_json(db, Method::POST, &path, &clin, &m).await,
        StatusCode::NOT_FOUND,
    );
    let made = send_json(db, Method::POST, &path, &org, &m).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let mid = json_of(&made)["id"].as_i64().unwrap();
    let done = call(
        db,
        Method::POST,
        &format!("/api/v1/milestones/{mid}/done"),
        Some(&org),
        None,
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(json_of(&done)["done_at"].is_i64());
    let detail = json_of(&get(db, &format!("/api/v1/projects/{pid}"), &org).await);
    assert_eq!(detail["milestones"][0]["title"], "Bench prototype");
    get_refused(
        db,
        &format!("/api/v1/projects/{pid}"),
        &clin,
        StatusCode::NOT_FOUND,
    )
    .await;
});

db_test!(threads_are_for_the_parties_of_their_subject, |db| {
    drx::demo::generate(db, 2026).await.unwrap();
    let org = token(db, "organizer@drx.example").await;
    let judge = token(db, "judge@drx.example").await;
    let sub = common::submission(db, 3).await;
    let author = accounts::person(db, sub.created_by).await.unwrap().unwrap();
    let at = token(db, &author.email).await;
    let stranger = accounts::list_people(db, Some(Role::Clinician))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.organization_id != author.organization_id)
        .unwrap();
    let st = token(db, &stranger.email).await;

    // The call's organizer opens a thread on the submission; its author reads and answers.
    let open = json!({"subject": "submission", "subject_id": 3, "title": "Sterilisation",
        "body": "How is the device sterilised between patients?"});
    let r = send_json(db, Method::POST, "/api/v1/threads", &org, &open).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let thread = json_of(&r);
    let tid = thread["id"].as_i64().unwrap();
    assert_eq!(thread["messages"].as_array().unwrap().len(), 1);
    let on = json_of(&get(db, "/api/v1/threads?subject=submission&subject_id=3", &at).await);
    let mine = item(&on, tid).unwrap();
    assert_eq!(mine["unread"], 1);
    let all_mine = json_of(&get(db, "/api/v1/threads", &at).await);
    assert!(item(&all_mine, tid).is_some());
    let reply = json!({"body": "Autoclave at 134 °C."});
    let path = format!("/api/v1/threads/{tid}/messages");
    let r = send_json(db, Method::POST, &path, &at, &reply).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(json_of(&r)["body"], "Autoclave at 134 °C.");
    let page = json_of(&get(db, &format!("{path}?limit=1&offset=1"), &org).await);
    assert_eq!(page["total"], 2);
    assert_eq!(page["items"][0]["body"], "Autoclave at 134 °C.");

    // Judges (double-blind) and strangers are no parties: they learn nothing of the thread.
    for t in [&judge, &st] {
        get_refused(
            db,
            &format!("/api/v1/threads/{tid}"),
            t,
            StatusCode::NOT_FOUND,
        )
        .await;
        get_refused(db, &path, t, StatusCode::NOT_FOUND).await;
        assert_problem(
            &send_json(db, Method::POST, &path, t, &reply).await,
            StatusCode::NOT_FOUND,
        );
        get_refused(
            db,
            "/api/v1/threads?subject=submission&subject_id=3",
            t,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    // Bad filters and empty messages are refused.
    get_refused(
        db,
        "/api/v1/threads?subject=call&subject_id=1",
        &org,
        StatusCode::BAD_REQUEST,
    )
    .await;
    get_refused(
        db,
        "/api/v1/threads?subject=need",
        &org,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_problem(
        &send_json(db, Method::POST, &path, &org, &json!({"body": "  "})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
});
