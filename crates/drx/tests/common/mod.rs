//! Test support: a fresh database per test on SQLite and (when DRX_TEST_DATABASE_URL is set) on
//! PostgreSQL, and a small cookie-keeping client that drives the router in-process.
#![allow(dead_code)]

pub mod fixture;
pub mod smtp;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

use drx::domain::{BlindMode, Phase};
use drx::store::calls::NewCall;
use drx::store::Db;
use drx::web::{AppState, Config};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database made for one test; `close` drops it.
pub struct TestDb {
    pub db: Db,
    schema: Option<String>,
    dir: Option<std::path::PathBuf>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}_{}_{n}_{}", std::process::id(), t % 1_000_000_000)
}

/// None when the backend is not configured here (PostgreSQL without DRX_TEST_DATABASE_URL).
pub async fn fresh_unmigrated(backend: Backend) -> Option<TestDb> {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique("drx_test"));
            std::fs::create_dir_all(&dir).unwrap();
            let db = Db::open(&drx::store::sqlite_url(&dir))
                .await
                .expect("open sqlite");
            Some(TestDb {
                db,
                schema: None,
                dir: Some(dir),
            })
        }
        Backend::Postgres => {
            let url = std::env::var("DRX_TEST_DATABASE_URL")
                .ok()
                .filter(|u| !u.is_empty())?;
            let schema = unique("t");
            let admin = Db::open(&url)
                .await
                .expect("connect to DRX_TEST_DATABASE_URL");
            drx::store::raw_execute(&admin, &format!("CREATE SCHEMA \"{schema}\""))
                .await
                .expect("create schema");
            admin.close().await;
            let db = Db::open_with(&url, Some(schema.clone()))
                .await
                .expect("open postgres schema");
            Some(TestDb {
                db,
                schema: Some(schema),
                dir: None,
            })
        }
    }
}

pub async fn fresh(backend: Backend) -> Option<TestDb> {
    let t = fresh_unmigrated(backend).await?;
    t.db.migrate().await.expect("migrate");
    Some(t)
}

impl TestDb {
    pub async fn close(self) {
        self.db.close().await;
        if let Some(schema) = self.schema {
            let url = std::env::var("DRX_TEST_DATABASE_URL").unwrap();
            let admin = Db::open(&url).await.unwrap();
            let _ =
                drx::store::raw_execute(&admin, &format!("DROP SCHEMA \"{schema}\" CASCADE")).await;
            admin.close().await;
        }
        if let Some(dir) = self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Runs the body once per configured backend, each on its own fresh database.
#[macro_export]
macro_rules! db_test {
    ($name:ident, |$db:ident| $body:block) => {
        mod $name {
            use super::*;
            async fn body($db: &drx::store::Db) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = common::fresh(common::Backend::Sqlite).await.unwrap();
                body(&t.db).await;
                t.close().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = common::fresh(common::Backend::Postgres).await else {
                    eprintln!("DRX_TEST_DATABASE_URL is not set: PostgreSQL run skipped");
                    return;
                };
                body(&t.db).await;
                t.close().await;
            }
        }
    };
}

/// Two tests named `$sqlite` and `$postgres` that run `$body(backend)` (an async fn taking a
/// `Backend`), for tests that make their own database.
#[macro_export]
macro_rules! backend_tests {
    ($body:ident: $sqlite:ident, $postgres:ident) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $sqlite() {
            $body(common::Backend::Sqlite).await;
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $postgres() {
            $body(common::Backend::Postgres).await;
        }
    };
}

pub fn app(db: &Db) -> Router {
    drx::web::router(AppState {
        db: db.clone(),
        config: Arc::new(Config {
            base_url: "http://127.0.0.1:8080".into(),
            secure_cookies: false,
            demo_logins: Vec::new(),
            demo_password: String::new(),
        }),
    })
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent (for files that are not text).
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    /// The value of a header (empty when absent).
    pub fn header(&self, name: impl axum::http::header::AsHeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let i = self
            .body
            .find(marker)
            .expect("page has a form with a CSRF token")
            + marker.len();
        self.body[i..i + 64].to_string()
    }
}

/// A browser stand-in: keeps cookies across requests.
pub struct Client {
    pub app: Router,
    pub cookies: HashMap<String, String>,
    pub lang: Option<&'static str>,
    /// The address the requests come from (the throttles' client); none: "local".
    pub peer: Option<std::net::SocketAddr>,
}

impl Client {
    pub fn new(db: &Db) -> Client {
        Client {
            app: app(db),
            cookies: HashMap::new(),
            lang: None,
            peer: None,
        }
    }

    /// A client whose requests come from `ip` (another machine, as the throttles see it).
    pub fn from_address(db: &Db, ip: &str) -> Client {
        let mut c = Client::new(db);
        c.peer = Some(std::net::SocketAddr::new(ip.parse().unwrap(), 50_000));
        c
    }

    fn cookie_header(&self) -> String {
        let mut c: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if let Some(l) = self.lang {
            c.push(format!("drx_lang={l}"));
        }
        c.join("; ")
    }

    pub async fn send(&mut self, mut req: Request<Body>) -> Resp {
        if let Some(peer) = self.peer {
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
        }
        let res = self.app.clone().oneshot(req).await.unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let v = v.to_str().unwrap();
            let (kv, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = kv.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        let req = Request::get(path)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = serde_html_form::to_string(fields).unwrap();
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Loads `page`, takes its CSRF token, posts the form to `action` with it.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Resp {
        let csrf = self.get(page).await.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(action, &all).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }
}

/// Creates an account directly through the service (no actor: like `drx admin create`).
pub async fn account(db: &Db, email: &str, roles: &[drx::domain::Role]) -> i64 {
    account_in(db, email, "测试 Tester", None, roles).await
}

/// `account` with a name and an organization.
pub async fn account_in(
    db: &Db,
    email: &str,
    name: &str,
    organization_id: Option<i64>,
    roles: &[drx::domain::Role],
) -> i64 {
    let a = drx::services::accounts::NewAccount {
        email,
        name,
        title: "",
        organization_id,
        password: PASSWORD,
        locale: "zh",
        roles,
    };
    drx::services::accounts::create_account(db, None, &a, drx::store::now())
        .await
        .unwrap()
}

pub const PASSWORD: &str = "correct horse battery";

impl Client {
    /// The CSRF token a form of this client must carry: the session's when signed in (read from
    /// the account page), the anonymous double-submit cookie otherwise.
    pub async fn csrf_token(&mut self) -> String {
        if self.cookies.contains_key("drx_session") {
            let page = self.get("/account").await;
            if page.status == StatusCode::OK {
                return page.csrf();
            }
        }
        if !self.cookies.contains_key("drx_csrf") {
            self.get("/login").await;
        }
        self.cookies.get("drx_csrf").cloned().unwrap_or_default()
    }

    /// Posts a multipart form with the CSRF field and one file field named `file`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        csrf: &str,
        filename: &str,
        content: &[u8],
    ) -> Resp {
        let file = FilePart {
            filename,
            content_type: "application/octet-stream",
            bytes: content,
        };
        self.post_multipart_form(path, &[("csrf", csrf)], Some(file))
            .await
    }

    /// Posts a multipart/form-data body: the text `fields` in order, then `file` (if any) as the
    /// field named `file`.
    pub async fn post_multipart_form(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<FilePart<'_>>,
    ) -> Resp {
        let (content_type, body) = multipart(fields, file);
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Loads `page`, takes its CSRF token and posts a multipart form with it (first) to `action`.
    pub async fn upload(
        &mut self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        file: Option<FilePart<'_>>,
    ) -> Resp {
        let csrf = self.get(page).await.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_multipart_form(action, &all, file).await
    }

    /// Asserts the status of a GET of each path, in order.
    pub async fn assert_statuses(&mut self, expected: &[(&str, StatusCode)]) {
        for (path, status) in expected {
            assert_eq!(self.get(path).await.status, *status, "GET {path}");
        }
    }

    /// `submit` with owned fields (forms built and changed by a test).
    pub async fn submit_owned(
        &mut self,
        page: &str,
        action: &str,
        fields: &[(String, String)],
    ) -> Resp {
        self.submit(page, action, &borrowed(fields)).await
    }

    /// Posts the form of `page` to `page` + `suffix` (e.g. `/projects/3` and `/check`).
    pub async fn post_on(&mut self, page: &str, suffix: &str, fields: &[(&str, &str)]) -> Resp {
        self.submit(page, &format!("{page}{suffix}"), fields).await
    }
}

/// Form fields as the client's methods take them.
pub fn borrowed(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The file field of a multipart form.
#[derive(Clone, Copy)]
pub struct FilePart<'a> {
    pub filename: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

impl<'a> FilePart<'a> {
    /// A file sent as application/octet-stream (the server looks at the bytes).
    pub fn new(filename: &'a str, bytes: &'a [u8]) -> FilePart<'a> {
        FilePart {
            filename,
            content_type: "application/octet-stream",
            bytes,
        }
    }
}

/// A multipart/form-data body and its content type: the text `fields`, then `file` (if any).
pub fn multipart(fields: &[(&str, &str)], file: Option<FilePart<'_>>) -> (String, Vec<u8>) {
    let boundary = "----drxcommonboundary0123456789";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some(f) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                f.filename, f.content_type
            )
            .as_bytes(),
        );
        body.extend_from_slice(f.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A client signed in as `email` (made by `account`, with `PASSWORD`); the sign-in must succeed.
pub async fn signed_in(db: &Db, email: &str) -> Client {
    signed_in_with(db, email, PASSWORD).await
}

/// A client signed in as `email` with `password`; the sign-in must succeed.
pub async fn signed_in_with(db: &Db, email: &str, password: &str) -> Client {
    let mut c = Client::new(db);
    let r = c.login(email, password).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email} signs in");
    c
}

/// A client signed in as a demo account (they share the demo password).
pub async fn demo_client(db: &Db, email: &str) -> Client {
    signed_in_with(db, email, drx::demo::DEMO_PASSWORD).await
}

/// The person id of the account with this email (active or not).
pub async fn person_id(db: &Db, email: &str) -> i64 {
    drx::store::accounts::credentials(db, email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{email} exists"))
        .person_id
}

/// The stored submission with this id (it must exist).
pub async fn submission(db: &Db, id: i64) -> drx::store::submissions::Submission {
    drx::store::submissions::get(db, id)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("submission {id} exists"))
}

/// The path of the link in a mail: from `marker` (e.g. "/invite/") to the end of its line.
pub fn link_path(mail_body: &str, marker: &str) -> String {
    let line = mail_body
        .lines()
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("a line with {marker} in {mail_body}"))
        .trim();
    line[line.find(marker).unwrap()..].to_string()
}

/// An XLSX workbook of one sheet whose rows are `rows` (the first is the header).
pub fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// A call as the tests make them: no description, reviewers 1, judges' load 0 to 5, two
/// finalists, double-blind, nobody's; change what a test needs with `..call_spec(…)`.
pub fn call_spec<'a>(slug: &'a str, title: &'a str, phase: Phase) -> NewCall<'a> {
    NewCall {
        slug,
        title_en: title,
        title_zh: title,
        description_en: "",
        description_zh: "",
        phase,
        reviews_per_submission: 1,
        judge_min_load: 0,
        judge_max_load: 5,
        finalists: 2,
        blind_mode: BlindMode::Double,
        created_by: None,
    }
}

/// An open call with three reviews per solution and up to ten per judge.
pub fn open_call_spec<'a>(slug: &'a str, title_en: &'a str, title_zh: &'a str) -> NewCall<'a> {
    NewCall {
        title_zh,
        reviews_per_submission: 3,
        judge_max_load: 10,
        ..call_spec(slug, title_en, Phase::Open)
    }
}

/// A submitted English idea of `organization` by `author` with only its title, in no field;
/// change what a test needs with `..solution_spec(…)`.
pub fn solution_spec(
    call_id: i64,
    organization_id: i64,
    created_by: i64,
    title: &str,
) -> drx::store::submissions::NewSubmission<'_> {
    drx::store::submissions::NewSubmission {
        call_id,
        need_id: None,
        organization_id,
        created_by,
        title,
        need_statement: "",
        solution: "",
        evidence: "",
        stage: "idea",
        keywords: "",
        status: drx::domain::SubmissionStatus::Submitted,
        lang: "en",
        field_ids: &[],
    }
}

/// Inserts the solution `spec`, with its author (`created_by`) as its lead member, named
/// `lead_name`, of its organization.
pub async fn insert_solution(
    tx: &mut drx::store::Tx,
    spec: &drx::store::submissions::NewSubmission<'_>,
    lead_name: &str,
    at: i64,
) -> i64 {
    let id = drx::store::submissions::insert_new(tx, spec, at)
        .await
        .unwrap();
    let (lead, org) = (Some(spec.created_by), Some(spec.organization_id));
    drx::store::submissions::insert_member(tx, id, 0, lead, lead_name, org, "lead")
        .await
        .unwrap();
    id
}

/// Inserts the call `spec` and makes `organizer` (when given) its organizer.
pub async fn insert_call(
    tx: &mut drx::store::Tx,
    spec: NewCall<'_>,
    organizer: Option<i64>,
    at: i64,
) -> i64 {
    let call = drx::store::calls::insert_call(tx, &spec, at).await.unwrap();
    if let Some(o) = organizer {
        drx::store::calls::insert_call_role(tx, call, o, drx::domain::CallRole::Organizer)
            .await
            .unwrap();
    }
    call
}

/// Gives a judge a review of a submission (unless they hold one); returns the review's id.
pub async fn assign_review(db: &Db, submission: i64, judge: i64) -> i64 {
    let mut tx = db.begin().await.unwrap();
    drx::store::reviews::insert_review(&mut tx, submission, judge, drx::store::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    drx::store::reviews::review_of(db, submission, judge)
        .await
        .unwrap()
        .unwrap()
        .0
}

/// Submits review `rid` of call 1 with `score` on every criterion (confidence 3) and the
/// two kinds of comments.
pub async fn submit_review(db: &Db, rid: i64, score: f64, for_authors: &str, for_committee: &str) {
    let criteria = drx::store::reviews::criteria(db, 1).await.unwrap();
    let input = drx::store::reviews::ReviewInput {
        scores: criteria.iter().map(|c| (c.id, score)).collect(),
        confidence: Some(3),
        comments_for_authors: for_authors.into(),
        comments_for_committee: for_committee.into(),
    };
    let mut tx = db.begin().await.unwrap();
    drx::store::reviews::save(
        &mut tx,
        rid,
        &input,
        drx::domain::ReviewStatus::Submitted,
        drx::store::now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// One REST API request with a bearer token and, when given, a JSON body.
pub async fn api(
    db: &Db,
    method: axum::http::Method,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> Resp {
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    Client::new(db)
        .send(req.body(Body::from(body)).unwrap())
        .await
}
